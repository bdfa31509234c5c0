/* jailctl groups: every group, its summary and its members. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "groups.h"

int cmd_groups(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "jailctl: groups takes no arguments\n");
		return JAILCTL_EXIT_FAILURE;
	}
	for (size_t i = 0; i < jail_ngroups; i++) {
		const struct jail_group *g = &jail_groups[i];
		printf("%s\t%s\n", g->name, g->summary);
		for (const char *const *m = g->members; *m != NULL; m++)
			printf("\t%s\n", *m);
	}
	return 0;
}
