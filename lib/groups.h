/* The named groups of system calls a policy entry can use: "@file-read". */
#ifndef JAIL_GROUPS_H
#define JAIL_GROUPS_H

#include <stddef.h>

struct jail_group {
	const char *name;            /* with the '@' */
	const char *summary;
	const char *const *members;  /* policy entries, NULL-terminated */
};

extern const struct jail_group jail_groups[];
extern const size_t jail_ngroups;

const struct jail_group *jail_group_find(const char *name, size_t len);

#endif
