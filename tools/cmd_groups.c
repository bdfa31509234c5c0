/* jailctl groups: every group of system calls and of paths, its summary and its members. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "groups.h"
#include "paths.h"

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
	/* Path groups (read and write lists): members this machine lacks are skipped where they are used. */
	for (size_t i = 0; i < jail_npath_groups; i++) {
		const struct jail_path_group *g = &jail_path_groups[i];
		printf("%s\t(paths) %s\n", g->name, g->summary);
		for (const char *const *m = g->members; *m != NULL; m++) {
			bool writable = false;
			for (const char *const *w = g->writable; w != NULL && *w != NULL; w++)
				writable |= strcmp(*w, *m) == 0;
			printf("\t%s%s\n", *m, writable ? " (read and write)" : "");
		}
	}
	return 0;
}
