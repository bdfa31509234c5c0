/* The outcome of a run: verdict, exit status, statistics (JSON) and the message. */
#ifndef JAILCTL_STATS_H
#define JAILCTL_STATS_H

#include <stdbool.h>

#include "describe.h"

struct run_result {
	const char *verdict;       /* ok, runtime_error, signal, cpu_time_limit, ... */
	bool exited;               /* exit_code is valid */
	int exit_code;
	int signal;                /* 0: none */
	double cpu_time, user_time, sys_time, wall_time;
	long memory_kib;           /* peak resident memory: ru_maxrss, or the cgroup's peak if larger */
	long cgroup_memory_kib;    /* the cgroup's peak charge, or -1 (none) */
	const char *limits_by;     /* "cgroup" or "rlimit" */
	bool forbidden;            /* call is valid */
	struct call_description call;
	char message[600];         /* "" for ok */
	int status;                /* jailctl's own exit status */
};

/* Writes the JSON object to path ("-" for standard error) atomically; -1 on failure. */
int stats_write(const struct run_result *r, const char *path);

#endif
