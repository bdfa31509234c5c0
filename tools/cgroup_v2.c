#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "cgroup_file.h"
#include "cgroup_v2.h"

/* Where a delegated cgroup's own processes go; the runs' cgroups are made beside it. */
#define LEAF "supervisor"
/* root's own base where nothing is delegated, under the root. */
#define SHARED "jailctl"
/* How often a refusal (EBUSY: a process in the base) is answered by moving what is there, then trying again. */
#define ROUNDS 50

/* systemd's mark on a cgroup it delegates (Delegate=): "1" in trusted.delegate, or in user.delegate from a user's manager. */
static const char *marked_delegated(const char *dir)
{
	static const char *const names[] = { "trusted.delegate", "user.delegate" };
	char value[8];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (getxattr(dir, names[i], value, sizeof(value)) >= 1 && value[0] == '1')
			return names[i];
	return NULL;
}

static bool may_write(const char *dir, const char *file)
{
	char path[PATH_MAX + 64];

	return cgroup_path(path, sizeof(path), dir, file) == 0 && access(path, W_OK) == 0;
}

/* Whether dir is ours to manage; why says how we know. */
static bool delegated(const char *dir, const char **why)
{
	if ((*why = marked_delegated(dir)) != NULL)
		return true;
	/* An ordinary user may manage what it may write (the kernel's model of delegation); root may write anything. */
	*why = "owned by this user";
	return geteuid() != 0 && may_write(dir, ".") && may_write(dir, "cgroup.procs") &&
	       may_write(dir, "cgroup.subtree_control");
}

/* Moves every process in dir (as many as one read lists) into dir/LEAF. */
static int move_processes(const char *dir)
{
	char leaf[PATH_MAX + 64], procs[PATH_MAX + 80], pids[16384];
	int fd;

	if (cgroup_path(leaf, sizeof(leaf), dir, LEAF) < 0 || (mkdir(leaf, 0755) < 0 && errno != EEXIST) ||
	    cgroup_file_read(dir, "cgroup.procs", pids, sizeof(pids)) < 0 ||
	    cgroup_path(procs, sizeof(procs), leaf, "cgroup.procs") < 0 || (fd = open(procs, O_WRONLY | O_CLOEXEC)) < 0)
		return -1;
	for (char *pid = pids, *end; *pid; pid = end + (*end == '\n')) {
		end = pid + strcspn(pid, "\n");
		/* One PID per write; one that has ended since the read is no error. */
		if (end > pid && write(fd, pid, (size_t)(end - pid)) < 0 && errno != ESRCH) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
	}
	close(fd);
	return 0;
}

/*
 * Enables memory, and pids where dir offers it, for dir's children. The
 * kernel refuses (EBUSY) while a process is in dir: what is there moves
 * into dir/LEAF, then again. Other jailctls may be doing the same at
 * once, and a process in dir may fork meanwhile; each refusal moves what
 * is there then. Enabling what is enabled already changes nothing.
 */
static int enable_for_children(const char *dir, bool need_pids, char *how, size_t how_len)
{
	if (cgroup_file_lists(dir, "cgroup.subtree_control", need_pids ? "memory pids" : "memory"))
		return 0;
	if (!cgroup_file_lists(dir, "cgroup.controllers", "memory") ||
	    (need_pids && !cgroup_file_lists(dir, "cgroup.controllers", "pids"))) {
		snprintf(how, how_len, "%s is not given the %s controller%s", dir, need_pids ? "memory and pids" : "memory",
			 need_pids ? "s" : "");
		errno = ENOENT;
		return -1;
	}
	const char *enable = cgroup_file_lists(dir, "cgroup.controllers", "pids") ? "+memory +pids" : "+memory";
	for (int round = 0; round < ROUNDS; round++) {
		if (cgroup_file_write(dir, "cgroup.subtree_control", enable) == 0)
			return 0;
		if (errno != EBUSY || move_processes(dir) < 0) {
			snprintf(how, how_len, "enabling the controllers in %s: %s", dir, strerror(errno));
			return -1;
		}
	}
	snprintf(how, how_len, "enabling the controllers in %s: processes keep coming", dir);
	errno = EBUSY;
	return -1;
}

/* root's own base under the root of the hierarchy, made by the first jailctl that needs it. */
static int shared_base(const char *base, bool need_pids, char *how, size_t how_len)
{
	if (cgroup_file_lists(base, "cgroup.subtree_control", need_pids ? "memory pids" : "memory"))
		return 0;
	if (mkdir(base, 0755) < 0 && errno != EEXIST) {
		snprintf(how, how_len, "making %s: %s", base, strerror(errno));
		return -1;
	}
	/* The root may hold processes and enable controllers at once; systemd enables these there already. */
	if (!cgroup_file_lists(base, "cgroup.controllers", "memory pids") &&
	    cgroup_file_write(CGROUP_V2_MOUNT, "cgroup.subtree_control",
			      cgroup_file_lists(CGROUP_V2_MOUNT, "cgroup.controllers", "pids") ? "+memory +pids"
											     : "+memory") < 0) {
		snprintf(how, how_len, "enabling the controllers in %s: %s", CGROUP_V2_MOUNT, strerror(errno));
		return -1;
	}
	return enable_for_children(base, need_pids, how, how_len);
}

int cgroup_v2_base(const char *own, bool need_pids, char *base, size_t len, unsigned *leaves, char *how,
		   size_t how_len)
{
	char dir[PATH_MAX], parent[PATH_MAX];
	const char *why;

	if ((size_t)snprintf(dir, sizeof(dir), "%s%s", CGROUP_V2_MOUNT, strcmp(own, "/") == 0 ? "" : own) >=
	    sizeof(dir)) {
		errno = ENAMETOOLONG;
		snprintf(how, how_len, "%s: %s", own, strerror(errno));
		return -1;
	}
	snprintf(parent, sizeof(parent), "%s", dir);
	char *slash = strrchr(parent, '/');
	bool in_leaf = strcmp(slash + 1, LEAF) == 0 && slash > parent + strlen(CGROUP_V2_MOUNT);
	*slash = '\0';
	*leaves = 1;
	if (in_leaf && delegated(parent, &why)) {
		snprintf(base, len, "%s", parent);
		snprintf(how, how_len, "%s is delegated (%s); jailctl runs in its leaf " LEAF, parent, why);
	} else if (delegated(dir, &why)) {
		snprintf(base, len, "%s", dir);
		snprintf(how, how_len, "jailctl's cgroup %s is delegated (%s); its processes move to its leaf " LEAF,
			 dir, why);
	} else if (geteuid() == 0) {
		snprintf(base, len, "%s/" SHARED, CGROUP_V2_MOUNT);
		snprintf(how, how_len, "jailctl's cgroup %s is not delegated: the runs go in %s", dir, base);
		*leaves = 0;
		return shared_base(base, need_pids, how, how_len);
	} else {
		snprintf(how, how_len, "jailctl's cgroup %s is not delegated to this user", dir);
		errno = EACCES;
		return -1;
	}
	if (enable_for_children(base, need_pids, how, how_len) < 0)
		return -1;
	/* The leaf exists where a process had to move; a base made inner by another's hand may have none. */
	struct stat st;
	*leaves = cgroup_path(dir, sizeof(dir), base, LEAF) == 0 && stat(dir, &st) == 0;
	return 0;
}
