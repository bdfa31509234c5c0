#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"

static int write_text(const char *dir, const char *file, const char *text)
{
	char path[PATH_MAX + 64];
	int fd, rc = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		rc = -1;
	close(fd);
	return rc;
}

static int read_text(const char *dir, const char *file, char *buf, size_t len)
{
	char path[PATH_MAX + 64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

/* A "key value" line of a flat-keyed file (memory.events, cpu.stat, memory.oom_control). */
static long long read_key(const char *dir, const char *file, const char *key)
{
	char buf[4096];
	size_t klen = strlen(key);

	if (read_text(dir, file, buf, sizeof(buf)) < 0)
		return -1;
	for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, key, klen) == 0 && line[klen] == ' ')
			return strtoll(line + klen + 1, NULL, 10);
	return -1;
}

static long long read_number(const char *dir, const char *file)
{
	char buf[64];

	if (read_text(dir, file, buf, sizeof(buf)) < 0)
		return -1;
	return strtoll(buf, NULL, 10);
}

/* Our own cgroups, as /proc/self/cgroup lists them: read once per run. */
#define OWN_CGROUPS_MAX 4096

static int read_own_cgroups(char *buf, size_t len)
{
	return read_text("/proc/self", "cgroup", buf, len);
}

/* Our own cgroup in the hierarchy named by a line "N:CONTROLLERS:PATH" of own (read_own_cgroups). */
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
	return -1;
}

/* A jailctl killed with SIGKILL leaves its empty cgroup behind: remove those of dead jailctls. */
static void sweep_stale(const char *parent)
{
	DIR *d = opendir(parent);
	struct dirent *e;
	char path[PATH_MAX + 64 + 300];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		int pid;
		char end;
		if (sscanf(e->d_name, "jail-%d%c", &pid, &end) != 1 || pid <= 0 ||
		    kill(pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof(path), "%s/%s", parent, e->d_name);
		rmdir(path); /* fails, harmlessly, while anything is still in it */
	}
	closedir(d);
}

/*
 * A sweep lists the parent directory, on the path of every run, for what
 * only a killed jailctl leaves. A cgroup directory's link count is 2 plus
 * its subdirectories (kernfs keeps it so): one stat says whether there is
 * anything beside our own to look at.
 */
static bool others_beside(const char *parent, nlink_t ours)
{
	struct stat st;

	return stat(parent, &st) < 0 || st.st_nlink > 2 + ours;
}

/*
 * The run's cgroup in one hierarchy, out (when out is not NULL); stale
 * ones of killed jailctls beside it are removed either way.
 */
static int make_dir(const char *own, const char *mount, const char *controller, char *out, size_t len)
{
	char path[PATH_MAX], parent[PATH_MAX + 64];

	if (own_path(own, controller, path, sizeof(path)) < 0)
		return -1;
	snprintf(parent, sizeof(parent), "%s%s", mount, strcmp(path, "/") == 0 ? "" : path);
	if (out != NULL && (size_t)snprintf(out, len, "%s/jail-%d", parent, (int)getpid()) >= len)
		return -1;
	/*
	 * PIDs wrap (pid_max may be 32768): a jailctl killed long ago may have
	 * left a cgroup under the PID that is ours now. Empty, it is stale.
	 */
	if (out != NULL && mkdir(out, 0755) < 0 && (errno != EEXIST || rmdir(out) < 0 || mkdir(out, 0755) < 0))
		return -1;
	if (others_beside(parent, out != NULL))
		sweep_stale(parent);
	return 0;
}

static int create_v2(struct cgroup *cg, const char *own, uint64_t memory, uint64_t pids)
{
	char buf[256], num[32];
	const char *mount = "/sys/fs/cgroup";

	if (read_text(mount, "cgroup.controllers", buf, sizeof(buf)) < 0 || strstr(buf, "memory") == NULL)
		return -1;
	if (make_dir(own, mount, NULL, cg->memory, sizeof(cg->memory)) < 0)
		return -1;
	cg->version = 2;
	snprintf(num, sizeof(num), "%" PRIu64, memory);
	if ((memory && write_text(cg->memory, "memory.max", num) < 0) ||
	    (memory && write_text(cg->memory, "memory.swap.max", "0") < 0 && errno != ENOENT))
		return -1;
	snprintf(num, sizeof(num), "%" PRIu64, pids);
	if (pids && write_text(cg->memory, "pids.max", num) < 0)
		return -1;
	return 0;
}

static int create_v1(struct cgroup *cg, const char *own, uint64_t memory, uint64_t pids, bool one_process)
{
	char num[32];

	if (make_dir(own, "/sys/fs/cgroup/memory", "memory", cg->memory, sizeof(cg->memory)) < 0)
		return -1;
	cg->version = 1;
	/*
	 * Where jailctl's filter refuses every new process, a pids cgroup would
	 * only repeat it, at a mkdir, a join and an rmdir per run (about 0.15x
	 * of a bare start here). Stale ones of killed jailctls are still swept.
	 */
	if (make_dir(own, "/sys/fs/cgroup/pids", "pids", one_process && pids == 0 ? NULL : cg->pids,
		     sizeof(cg->pids)) < 0)
		cg->pids[0] = '\0';
	/*
	 * One process has no descendants: its own CPU clock, which jailctl
	 * times and init's wait4 reports, is the whole tree's. A cpuacct cgroup
	 * would only repeat it, at a mkdir, a join and an rmdir per run (about
	 * 0.1x of a bare start here).
	 */
	if (make_dir(own, "/sys/fs/cgroup/cpuacct", "cpuacct", one_process ? NULL : cg->cpu, sizeof(cg->cpu)) < 0)
		cg->cpu[0] = '\0';
	snprintf(num, sizeof(num), "%" PRIu64, memory);
	if (memory && write_text(cg->memory, "memory.limit_in_bytes", num) < 0)
		return -1;
	/* Swap off: memory plus swap may not exceed memory (absent without swap accounting). */
	if (memory && write_text(cg->memory, "memory.memsw.limit_in_bytes", num) < 0 && errno != ENOENT)
		return -1;
	snprintf(num, sizeof(num), "%" PRIu64, pids);
	if (pids && (cg->pids[0] == '\0' || write_text(cg->pids, "pids.max", num) < 0))
		return -1;
	return 0;
}

int cgroup_create(struct cgroup *cg, uint64_t memory, uint64_t pids, bool one_process, char *why, size_t len)
{
	char own[OWN_CGROUPS_MAX];

	memset(cg, 0, sizeof(*cg));
	if (read_own_cgroups(own, sizeof(own)) < 0) {
		snprintf(why, len, "/proc/self/cgroup: %s", strerror(errno));
		return -1;
	}
	if (create_v2(cg, own, memory, pids) == 0)
		return 0;
	snprintf(why, len, "cgroup v2: %s", strerror(errno));
	cgroup_destroy(cg);
	memset(cg, 0, sizeof(*cg));
	if (create_v1(cg, own, memory, pids, one_process) == 0)
		return 0;
	snprintf(why + strlen(why), len - strlen(why), "; cgroup v1: %s", strerror(errno));
	cgroup_destroy(cg);
	memset(cg, 0, sizeof(*cg));
	return -1;
}

int cgroup_join_self(const struct cgroup *cg)
{
	if (cg->version == 0)
		return 0;
	if (write_text(cg->memory, "cgroup.procs", "0") < 0)
		return -1;
	if (cg->version == 1 && ((cg->pids[0] && write_text(cg->pids, "cgroup.procs", "0") < 0) ||
				 (cg->cpu[0] && write_text(cg->cpu, "cgroup.procs", "0") < 0)))
		return -1;
	return 0;
}

bool cgroup_memory_hit(const struct cgroup *cg, bool *oom_killed)
{
	long long kills, fails;

	if (cg->version == 2) {
		kills = read_key(cg->memory, "memory.events", "oom_kill");
		fails = read_key(cg->memory, "memory.events", "max");
	} else if (cg->version == 1) {
		kills = read_key(cg->memory, "memory.oom_control", "oom_kill");
		fails = read_number(cg->memory, "memory.failcnt");
	} else {
		return false;
	}
	*oom_killed = kills > 0;
	return kills > 0 || fails > 0;
}

long cgroup_memory_peak_kib(const struct cgroup *cg)
{
	long long bytes = -1;

	if (cg->version == 2)
		bytes = read_number(cg->memory, "memory.peak");
	else if (cg->version == 1)
		bytes = read_number(cg->memory, "memory.max_usage_in_bytes");
	return bytes < 0 ? -1 : (long)(bytes / 1024);
}

double cgroup_cpu_seconds(const struct cgroup *cg)
{
	long long v;

	if (cg->version == 2) {
		v = read_key(cg->memory, "cpu.stat", "usage_usec");
		return v < 0 ? -1 : (double)v / 1e6;
	}
	if (cg->version == 1 && cg->cpu[0]) {
		v = read_number(cg->cpu, "cpuacct.usage");
		return v < 0 ? -1 : (double)v / 1e9;
	}
	return -1;
}

void cgroup_kill(const struct cgroup *cg)
{
	char buf[8192];

	if (cg->version == 2 && write_text(cg->memory, "cgroup.kill", "1") == 0)
		return;
	/* v1 has no cgroup.kill: signal each member (the PID namespace does the rest). */
	if (cg->version != 0 && read_text(cg->memory, "cgroup.procs", buf, sizeof(buf)) == 0)
		for (char *p = buf; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
			if (atoi(p) > 0)
				kill(atoi(p), SIGKILL);
}

/* A cgroup can be removed once its last process is reaped; that may take a moment. */
static void remove_dir(const char *dir)
{
	struct timespec ms = { 0, 1000000 };

	if (dir[0] == '\0')
		return;
	for (int i = 0; i < 200 && rmdir(dir) < 0 && errno == EBUSY; i++)
		nanosleep(&ms, NULL);
}

void cgroup_destroy(const struct cgroup *cg)
{
	remove_dir(cg->memory);
	remove_dir(cg->pids);
	remove_dir(cg->cpu);
}
