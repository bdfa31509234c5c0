/*
 * A file written whole or not at all: a temporary file beside it, then a
 * rename over it, so that a reader sees the old file or the new, never
 * half of one. Errors are said on standard error as "jailctl: WHAT PATH: ...".
 */
#ifndef JAILCTL_ATOMIC_FILE_H
#define JAILCTL_ATOMIC_FILE_H

#include <stdio.h>
#include <sys/types.h>

struct atomic_file {
	FILE *f;
	const char *path, *what;
	char tmp[4200];
};

/* Creates the temporary file with mode (umask aside); -1 when it cannot. */
int atomic_file_open(struct atomic_file *a, const char *path, mode_t mode, const char *what);
/* Writes it out (flush, fsync) and renames it over path; -1 when that fails, with the temporary removed. */
int atomic_file_commit(struct atomic_file *a);

#endif
