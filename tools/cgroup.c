#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"
#include "cgroup_dir.h"
#include "cgroup_file.h"
#include "cgroup_v2.h"

/* Our own cgroups, as /proc/self/cgroup lists them: read once per run. */
#define OWN_CGROUPS_MAX 4096

/* Our own cgroup in the hierarchy named by a line "N:CONTROLLERS:PATH" of own (/proc/self/cgroup). */
static int own_path(const char *own, const char *controller, char *out, size_t len)
{
	char lines[OWN_CGROUPS_MAX], *line_end, *ctrl_end;

	snprintf(lines, sizeof(lines), "%s", own);
	for (char *line = strtok_r(lines, "\n", &line_end); line; line = strtok_r(NULL, "\n", &line_end)) {
		char *ctrls = strchr(line, ':'), *path;
		if (ctrls == NULL || (path = strchr(ctrls + 1, ':')) == NULL)
			continue;
		*path++ = '\0';
		ctrls++;
		/* v2 is "0::PATH"; v1 lists its controllers separated by commas. */
		bool match = controller == NULL ? *ctrls == '\0' : false;
		for (char *c = strtok_r(ctrls, ",", &ctrl_end); c && controller; c = strtok_r(NULL, ",", &ctrl_end))
			if (strcmp(c, controller) == 0)
				match = true;
		if (match) {
			snprintf(out, len, "%s", path);
			return 0;
		}
	}
	errno = ENOENT;
	return -1;
}

static int write_number(const char *dir, const char *file, uint64_t n)
{
	char num[32];

	snprintf(num, sizeof(num), "%" PRIu64, n);
	return cgroup_file_write(dir, file, num);
}

static int create_v2(struct cgroup *cg, const char *own, uint64_t memory, uint64_t pids, char *why, size_t len)
{
	char path[PATH_MAX], base[PATH_MAX];
	unsigned leaves;

	if (!cgroup_file_lists(CGROUP_V2_MOUNT, "cgroup.controllers", "memory")) {
		snprintf(why, len, "cgroup v2: %s has no memory controller", CGROUP_V2_MOUNT);
		return -1;
	}
	if (own_path(own, NULL, path, sizeof(path)) < 0) {
		snprintf(why, len, "cgroup v2: /proc/self/cgroup names none");
		return -1;
	}
	if (cgroup_v2_base(path, pids != 0, base, sizeof(base), &leaves, cg->how, sizeof(cg->how)) < 0) {
		snprintf(why, len, "cgroup v2: %s", cg->how);
		return -1;
	}
	cg->version = 2;
	if ((cg->lock[CGROUP_MEMORY] = cgroup_dir_make(base, leaves, cg->memory, sizeof(cg->memory))) < 0) {
		snprintf(why, len, "cgroup v2: making the run's cgroup in %s: %s", base, strerror(errno));
		return -1;
	}
	/* Swap off: memory.swap.max is absent only where the kernel keeps no swap accounting. */
	if ((memory && write_number(cg->memory, "memory.max", memory) < 0) ||
	    (memory && cgroup_file_write(cg->memory, "memory.swap.max", "0") < 0 && errno != ENOENT) ||
	    (pids && write_number(cg->memory, "pids.max", pids) < 0)) {
		snprintf(why, len, "cgroup v2: setting the limits of %s: %s", cg->memory, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * The run's directory in one v1 hierarchy, beside jailctl's own there, in
 * out (when out is not NULL: else stale ones are only swept); its lock in
 * *lock.
 */
static int make_v1_dir(const char *own, const char *controller, char *out, size_t len, int *lock)
{
	char path[PATH_MAX], parent[PATH_MAX + 64];

	if (own_path(own, controller, path, sizeof(path)) < 0)
		return -1;
	snprintf(parent, sizeof(parent), "/sys/fs/cgroup/%s%s", controller, strcmp(path, "/") == 0 ? "" : path);
	if (out == NULL) {
		cgroup_dir_sweep(parent, 0);
		return 0;
	}
	*lock = cgroup_dir_make(parent, 0, out, len);
	if (*lock < 0)
		out[0] = '\0';
	return *lock < 0 ? -1 : 0;
}

static int create_v1(struct cgroup *cg, const char *own, uint64_t memory, uint64_t pids, bool one_process,
		     char *why, size_t len)
{
	if (make_v1_dir(own, "memory", cg->memory, sizeof(cg->memory), &cg->lock[CGROUP_MEMORY]) < 0) {
		snprintf(why, len, "cgroup v1: the memory hierarchy: %s", strerror(errno));
		return -1;
	}
	cg->version = 1;
	/*
	 * Where jailctl's filter refuses every new process, a pids cgroup would
	 * only repeat it, at a mkdir, a join and an rmdir per run (about 0.15x
	 * of a bare start here). Stale ones of killed jailctls are still swept.
	 */
	if (make_v1_dir(own, "pids", one_process && pids == 0 ? NULL : cg->pids, sizeof(cg->pids),
			&cg->lock[CGROUP_PIDS]) < 0)
		cg->pids[0] = '\0';
	/*
	 * One process has no descendants: its own CPU clock, which jailctl
	 * times and init's wait4 reports, is the whole tree's. A cpuacct cgroup
	 * would only repeat it, at a mkdir, a join and an rmdir per run (about
	 * 0.1x of a bare start here).
	 */
	if (make_v1_dir(own, "cpuacct", one_process ? NULL : cg->cpu, sizeof(cg->cpu), &cg->lock[CGROUP_CPU]) < 0)
		cg->cpu[0] = '\0';
	/* Swap off: memory plus swap may not exceed memory (absent without swap accounting). */
	if ((memory && write_number(cg->memory, "memory.limit_in_bytes", memory) < 0) ||
	    (memory && write_number(cg->memory, "memory.memsw.limit_in_bytes", memory) < 0 && errno != ENOENT)) {
		snprintf(why, len, "cgroup v1: setting the memory limit of %s: %s", cg->memory, strerror(errno));
		return -1;
	}
	if (pids && (cg->pids[0] == '\0' || write_number(cg->pids, "pids.max", pids) < 0)) {
		snprintf(why, len, "cgroup v1: no pids cgroup for the process limit: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void reset(struct cgroup *cg)
{
	memset(cg, 0, sizeof(*cg));
	for (int i = 0; i < CGROUP_DIRS; i++)
		cg->lock[i] = -1;
}

int cgroup_create(struct cgroup *cg, uint64_t memory, uint64_t pids, bool one_process, char *why, size_t len)
{
	char own[OWN_CGROUPS_MAX], v2_why[PATH_MAX + 300];

	reset(cg);
	if (cgroup_file_read("/proc/self", "cgroup", own, sizeof(own)) < 0) {
		snprintf(why, len, "/proc/self/cgroup: %s", strerror(errno));
		return -1;
	}
	if (create_v2(cg, own, memory, pids, v2_why, sizeof(v2_why)) == 0)
		return 0;
	cgroup_destroy(cg);
	if (create_v1(cg, own, memory, pids, one_process, why, len) == 0)
		return 0;
	/* Both reasons: the first says why a v2 machine fell back. */
	char v1_why[PATH_MAX + 300];
	snprintf(v1_why, sizeof(v1_why), "%s", why);
	snprintf(why, len, "%s; %s", v2_why, v1_why);
	cgroup_destroy(cg);
	return -1;
}

int cgroup_join_self(const struct cgroup *cg, bool own_user)
{
	if (cg->version == 0)
		return 0;
	if (cgroup_file_write(cg->memory, "cgroup.procs", "0") < 0)
		return -1;
	if (cg->version == 1 && ((cg->pids[0] && cgroup_file_write(cg->pids, "cgroup.procs", "0") < 0) ||
				 (cg->cpu[0] && cgroup_file_write(cg->cpu, "cgroup.procs", "0") < 0)))
		return -1;
	return own_user ? unshare(CLONE_NEWCGROUP) : 0;
}

bool cgroup_memory_hit(const struct cgroup *cg, bool *oom_killed)
{
	long long kills, fails;

	if (cg->version == 2) {
		kills = cgroup_file_key(cg->memory, "memory.events", "oom_kill");
		fails = cgroup_file_key(cg->memory, "memory.events", "max");
	} else if (cg->version == 1) {
		kills = cgroup_file_key(cg->memory, "memory.oom_control", "oom_kill");
		fails = cgroup_file_number(cg->memory, "memory.failcnt");
	} else {
		return false;
	}
	*oom_killed = kills > 0;
	return kills > 0 || fails > 0;
}

/* -1 where the kernel keeps no peak (memory.peak is in cgroup v2 since Linux 5.19): then the caller has rusage's. */
long cgroup_memory_peak_kib(const struct cgroup *cg)
{
	long long bytes = -1;

	if (cg->version == 2)
		bytes = cgroup_file_number(cg->memory, "memory.peak");
	else if (cg->version == 1)
		bytes = cgroup_file_number(cg->memory, "memory.max_usage_in_bytes");
	return bytes < 0 ? -1 : (long)(bytes / 1024);
}

double cgroup_cpu_seconds(const struct cgroup *cg)
{
	long long v;

	if (cg->version == 2) {
		v = cgroup_file_key(cg->memory, "cpu.stat", "usage_usec");
		return v < 0 ? -1 : (double)v / 1e6;
	}
	if (cg->version == 1 && cg->cpu[0]) {
		v = cgroup_file_number(cg->cpu, "cpuacct.usage");
		return v < 0 ? -1 : (double)v / 1e9;
	}
	return -1;
}

void cgroup_kill(const struct cgroup *cg)
{
	char buf[8192];

	if (cg->version == 2 && cgroup_file_write(cg->memory, "cgroup.kill", "1") == 0)
		return;
	/* v1 has no cgroup.kill: signal each member (the PID namespace does the rest). */
	if (cg->version != 0 && cgroup_file_read(cg->memory, "cgroup.procs", buf, sizeof(buf)) == 0)
		for (char *p = buf; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
			if (atoi(p) > 0)
				kill(atoi(p), SIGKILL);
}

void cgroup_destroy(struct cgroup *cg)
{
	char *dirs[CGROUP_DIRS] = { cg->memory, cg->pids, cg->cpu };

	for (int i = 0; i < CGROUP_DIRS; i++) {
		if (cg->lock[i] >= 0)
			cgroup_dir_remove(dirs[i], cg->lock[i]);
		cg->lock[i] = -1;
		dirs[i][0] = '\0';
	}
	cg->version = 0;
}
