#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "args.h"

static char *area;
static size_t area_len;

int args_remember(int argc, char **argv)
{
	char *copy;

	/* The kernel lays the arguments out one after the other: /proc reads from the first to the last's end. */
	if (argc < 1)
		return 0;
	area = argv[0];
	area_len = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) + 1 - argv[0]);
	/* From here on jailctl reads a copy, so that the original can be blanked at any time. */
	copy = malloc(area_len);
	if (copy == NULL)
		return -1;
	memcpy(copy, area, area_len);
	for (int i = 0; i < argc; i++)
		argv[i] = copy + (argv[i] - area);
	return 0;
}

void args_hide(const char *name)
{
	size_t n = strlen(name);

	if (area == NULL)
		return;
	memset(area, 0, area_len);
	memcpy(area, name, n < area_len ? n : area_len - 1);
}
