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
#include "learn_rules.h"
#include "limits.h"

#define LEARN_MAX_CALLS 512
#define LEARN_MAX_VALUES 64
#define LEARN_MAX_CONDS 32
#define LEARN_MAX_NOTES 4
#define LEARN_LINE 160 /* a value seen, or a note */

struct learned_call {
	char name[64];
	unsigned long count;
	/* openat/open: did every one open read-only? clone: did every one make a thread? (older files' form) */
	bool all_read_only, all_threads;
	/* A use that no condition describes: the call is allowed with any arguments. */
	bool any_args;
	unsigned nvalues;
	char values[LEARN_MAX_VALUES][LEARN_LINE];
	/* The distinct conditions of its uses (learn_rules.h), each an entry of the profile. */
	unsigned nconds;
	char conds[LEARN_MAX_CONDS][LEARN_COND_LEN];
	/* Why it is allowed more widely than it was seen. */
	unsigned nnotes;
	char notes[LEARN_MAX_NOTES][LEARN_LINE];
};

struct learned {
	unsigned ncalls;
	struct learned_call call[LEARN_MAX_CALLS];
	struct learned_paths paths;  /* the files it opened, created, removed or ran */
	/* The limits an earlier run of --merge's file had, when it says. */
	bool has_merged_limits;
	struct jail_limits merged_limits;
};

/*
 * Records one call (mem_fd: the caller's /proc/PID/mem, for paths;
 * program: the program's first process, as jailctl sees PIDs).
 */
void learn_record(struct learned *l, const struct seccomp_notif *n, int mem_fd, pid_t program);
/* Adds what an earlier --output file recorded ("# learned:" lines); -1 if unreadable. */
int learn_merge_file(struct learned *l, const char *path);
void learn_print(const struct learned *l, FILE *out);
/* The calls in the order of the listing and the profile: most frequent first. */
void learn_order(const struct learned *l, unsigned *order);
/* The read and write rules that the files seen need, from where the program started; -1 when out of memory. */
int learn_path_rules(const struct learned *l, struct jail_path_list *rules);
/*
 * Writes the profile NAME to path, atomically: @default, the calls with
 * their conditions, the read and write rules (relative to the working
 * directory, where the program started), the limits the run had (with
 * --merge, the widest of the runs'). -1 on failure.
 */
int learn_write_profile(const struct learned *l, const char *path, const char *name,
			const struct jail_limits *limits);

#endif
