/*
 * jailctl learn: what a program called, with the argument values that
 * decide a policy, and the tightest profile that allows exactly that.
 */
#ifndef JAILCTL_LEARN_H
#define JAILCTL_LEARN_H

#include <linux/seccomp.h>
#include <stdbool.h>
#include <stdio.h>

#include "learn_paths.h"
#include "limits.h"

#define LEARN_MAX_CALLS 512
#define LEARN_MAX_VALUES 64

struct learned_call {
	char name[64];
	unsigned long count;
	/* openat/open: did every one open read-only? clone: did every one make a thread? */
	bool all_read_only, all_threads;
	unsigned nvalues;
	char values[LEARN_MAX_VALUES][160];
};

struct learned {
	unsigned ncalls;
	struct learned_call call[LEARN_MAX_CALLS];
	struct learned_paths paths;  /* the files it opened, created, removed or ran */
};

/* Records one call (mem_fd: the caller's /proc/PID/mem, for paths). */
void learn_record(struct learned *l, const struct seccomp_notif *n, int mem_fd);
/* Adds what an earlier --output file recorded ("# learned:" lines); -1 if unreadable. */
int learn_merge_file(struct learned *l, const char *path);
void learn_print(const struct learned *l, FILE *out);
/*
 * Writes the profile NAME to path, atomically: the calls, the read and
 * write rules (relative to the working directory, where the program
 * started), the limits the run had. -1 on failure.
 */
int learn_write_profile(const struct learned *l, const char *path, const char *name,
			const struct jail_limits *limits);

#endif
