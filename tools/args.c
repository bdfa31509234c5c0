#include "config.h"

#include <string.h>

#include "args.h"

static char *area;
static size_t area_len;

void args_remember(int argc, char **argv)
{
	/* The kernel lays the arguments out one after the other: /proc reads from the first to the last's end. */
	if (argc < 1)
		return;
	area = argv[0];
	area_len = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) - argv[0]);
}

void args_hide(const char *name)
{
	size_t n = strlen(name);

	if (area == NULL)
		return;
	memset(area, 0, area_len);
	memcpy(area, name, n < area_len ? n : area_len);
}
