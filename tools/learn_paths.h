/*
 * jailctl learn's view of files: every path the program opened, created,
 * removed or ran, and the tightest read and write rules under which it may
 * do so again: "@system" for what the system's libraries hold, "." for the
 * directory it started in, else a file, or the smallest directory that
 * holds what it opened there.
 */
#ifndef JAILCTL_LEARN_PATHS_H
#define JAILCTL_LEARN_PATHS_H

#include <linux/seccomp.h>
#include <stdio.h>

#include "paths.h"

/* One thing the program did to a path. */
enum learned_use {
	LEARNED_READ,   /* opened read-only, listed, or ran */
	LEARNED_WRITE,  /* opened an existing file for writing, or truncated it */
	LEARNED_CREATE, /* made or removed an entry of this directory (create, mkdir, unlink, rename, link) */
};

struct learned_path {
	enum learned_use use;
	char *path; /* absolute */
};

struct learned_paths {
	size_t n, cap;
	struct learned_path *p;
};

/* Records what the call n (named name) does to paths; mem_fd: the caller's /proc/PID/mem. */
void learn_paths_record(struct learned_paths *lp, const struct seccomp_notif *n, const char *name, int mem_fd);
/* Adds an observation saved by learn_paths_save ("# learned path: USE PATH"); 0 when line is none. */
int learn_paths_merge_line(struct learned_paths *lp, const char *line);
void learn_paths_save(const struct learned_paths *lp, FILE *out);
/* The rules (cwd: where the program started); -1 when out of memory. Free with path_list_free. */
int learn_paths_rules(const struct learned_paths *lp, const char *cwd, struct jail_path_list *out);
void learn_paths_free(struct learned_paths *lp);

#endif
