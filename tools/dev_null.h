/* Whether a file is /dev/null (character device 1:3), which keeps nothing written to it. */
#ifndef JAILCTL_DEV_NULL_H
#define JAILCTL_DEV_NULL_H

#include <stdbool.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

static inline bool is_dev_null(const struct stat *st)
{
	return S_ISCHR(st->st_mode) && st->st_rdev == makedev(1, 3);
}

#endif
