/*
 * A cgroup for one run, where the machine lets jailctl make one: memory
 * (limit with swap off, peak, OOM events), pids and CPU usage of the whole
 * tree. cgroup v2 where memory is a v2 controller (cgroup_v2.h says where
 * the run's cgroup goes), else the v1 memory, pids and cpuacct
 * hierarchies (as on machines that mount both), beside jailctl's own.
 * Where neither works (an ordinary user without a delegated cgroup),
 * jailctl falls back to rlimits.
 *
 * Each run's directory is jail-PID, locked while the run lasts
 * (cgroup_dir.h): the next jailctl removes those that jailctls killed with
 * SIGKILL left behind.
 */
#ifndef JAILCTL_CGROUP_H
#define JAILCTL_CGROUP_H

#include <linux/limits.h>
#include <stdbool.h>
#include <stdint.h>

enum { CGROUP_MEMORY, CGROUP_PIDS, CGROUP_CPU, CGROUP_DIRS };

struct cgroup {
	int version;            /* 1 or 2; 0: none */
	char memory[PATH_MAX];  /* v2: the one directory */
	char pids[PATH_MAX];    /* v1 only */
	char cpu[PATH_MAX];     /* v1 only (cpuacct) */
	int lock[CGROUP_DIRS];  /* each directory's lock (cgroup_dir.h), or -1 */
	char how[PATH_MAX + 200]; /* v2: where the base is, and why */
};

/*
 * Returns 0, or -1 with the reason in why (then cg->version is 0).
 * memory, pids: the limits, 0 for none. one_process: the run is limited
 * to one process, whether by pids or by jailctl's filter; then cgroup v1
 * makes no cpuacct cgroup, and with pids 0 (the filter holds the limit)
 * no pids cgroup either.
 */
int cgroup_create(struct cgroup *cg, uint64_t memory, uint64_t pids, bool one_process, char *why, size_t len);
/*
 * In the process to move (before it drops privileges): moves itself and,
 * where the program will run as the user who owns the cgroup (own_user: a
 * delegated cgroup, or root that keeps root), takes a cgroup namespace
 * rooted there, so that it cannot leave its cgroup nor, where cgroup2 is
 * mounted with nsdelegate, change its limits. A program that runs as
 * another user cannot write the cgroup's files anyway, and without the
 * namespace a runtime (the JVM, node) finds its cgroup's limits where
 * /proc/self/cgroup says, and sizes its heap by them.
 */
int cgroup_join_self(const struct cgroup *cg, bool own_user);
/* The memory limit was reached: an OOM kill, or a charge that failed. */
bool cgroup_memory_hit(const struct cgroup *cg, bool *oom_killed);
long cgroup_memory_peak_kib(const struct cgroup *cg);
/* CPU time of every process in it, in seconds; -1 if unknown. */
double cgroup_cpu_seconds(const struct cgroup *cg);
void cgroup_kill(const struct cgroup *cg);
void cgroup_destroy(struct cgroup *cg);

#endif
