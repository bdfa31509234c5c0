/*
 * A cgroup for one run, where the machine lets jailctl make one: memory
 * (limit with swap off, peak, OOM events), pids and CPU usage of the whole
 * tree. cgroup v2 where memory is a v2 controller, else the v1 memory,
 * pids and cpuacct hierarchies (as on machines that mount both). Where
 * neither works (an ordinary user without a delegated subtree), jailctl
 * falls back to rlimits.
 */
#ifndef JAILCTL_CGROUP_H
#define JAILCTL_CGROUP_H

#include <linux/limits.h>
#include <stdbool.h>
#include <stdint.h>

struct cgroup {
	int version;            /* 1 or 2; 0: none */
	char memory[PATH_MAX];  /* v2: the one directory */
	char pids[PATH_MAX];    /* v1 only */
	char cpu[PATH_MAX];     /* v1 only (cpuacct) */
};

/*
 * Returns 0, or -1 with the reason in why (then cg->version is 0).
 * memory, pids: the limits, 0 for none. one_process: the run is limited
 * to one process, whether by pids or by jailctl's filter; then cgroup v1
 * makes no cpuacct cgroup, and with pids 0 (the filter holds the limit)
 * no pids cgroup either.
 */
int cgroup_create(struct cgroup *cg, uint64_t memory, uint64_t pids, bool one_process, char *why, size_t len);
/* In the process to move (before it drops privileges): moves itself. */
int cgroup_join_self(const struct cgroup *cg);
/* The memory limit was reached: an OOM kill, or a charge that failed. */
bool cgroup_memory_hit(const struct cgroup *cg, bool *oom_killed);
long cgroup_memory_peak_kib(const struct cgroup *cg);
/* CPU time of every process in it, in seconds; -1 if unknown. */
double cgroup_cpu_seconds(const struct cgroup *cg);
void cgroup_kill(const struct cgroup *cg);
void cgroup_destroy(const struct cgroup *cg);

#endif
