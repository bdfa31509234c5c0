#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "learn_paths.h"

#define NONE (-1)
#define CGROUP_ROOT "/sys/fs/cgroup"

/* The calls that reach a file by path, other than the opens: where the path is, and what they do to it. */
static const struct path_call {
	const char *name;
	int dirfd, path;        /* argument numbers; dirfd NONE: relative to the working directory */
	enum learned_use use;
	int dirfd2, path2;      /* a second path (rename), or path2 NONE */
} path_calls[] = {
	{ "execve", NONE, 0, LEARNED_READ, NONE, NONE },     { "execveat", 0, 1, LEARNED_READ, NONE, NONE },
	{ "truncate", NONE, 0, LEARNED_WRITE, NONE, NONE },  { "unlink", NONE, 0, LEARNED_CREATE, NONE, NONE },
	{ "unlinkat", 0, 1, LEARNED_CREATE, NONE, NONE },   { "rmdir", NONE, 0, LEARNED_CREATE, NONE, NONE },
	{ "mkdir", NONE, 0, LEARNED_CREATE, NONE, NONE },    { "mkdirat", 0, 1, LEARNED_CREATE, NONE, NONE },
	{ "mknod", NONE, 0, LEARNED_CREATE, NONE, NONE },    { "mknodat", 0, 1, LEARNED_CREATE, NONE, NONE },
	{ "link", NONE, 1, LEARNED_CREATE, NONE, NONE },     { "linkat", 2, 3, LEARNED_CREATE, NONE, NONE },
	{ "symlink", NONE, 1, LEARNED_CREATE, NONE, NONE },  { "symlinkat", 1, 2, LEARNED_CREATE, NONE, NONE },
	{ "rename", NONE, 0, LEARNED_CREATE, NONE, 1 },      { "renameat", 0, 1, LEARNED_CREATE, 2, 3 },
	{ "renameat2", 0, 1, LEARNED_CREATE, 2, 3 },
};

static const char *const use_names[] = { [LEARNED_READ] = "read", [LEARNED_WRITE] = "write",
					 [LEARNED_CREATE] = "create" };

static int add(struct learned_paths *lp, enum learned_use use, const char *path)
{
	for (size_t i = 0; i < lp->n; i++)
		if (lp->p[i].use == use && strcmp(lp->p[i].path, path) == 0)
			return 0;
	if (lp->n == lp->cap) {
		size_t cap = lp->cap ? 2 * lp->cap : 64;
		struct learned_path *grown = realloc(lp->p, cap * sizeof(*grown));
		if (grown == NULL)
			return -1;
		lp->p = grown;
		lp->cap = cap;
	}
	lp->p[lp->n].path = strdup(path);
	if (lp->p[lp->n].path == NULL)
		return -1;
	lp->p[lp->n++].use = use;
	return 0;
}

/* A path the program passed, as it wrote it; false when unreadable, or not one a config can hold. */
static bool read_path(int mem_fd, uint64_t addr, char *out)
{
	ssize_t n = mem_fd < 0 || addr == 0 ? -1 : pread(mem_fd, out, PATH_MAX - 1, (off_t)addr);

	if (n <= 0)
		return false;
	out[n] = '\0';
	if (out[0] == '\0')
		return false;
	for (const char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

/*
 * The absolute path the program meant, where it is now: relative to the
 * directory dirfd (AT_FDCWD: the working directory), as the program's own
 * /proc entries say. For a use that makes or removes an entry, the
 * directory that holds it. false when it does not exist (a read that fails).
 */
static bool resolve(pid_t pid, int dirfd, const char *path, enum learned_use use, char *out)
{
	char link[64], base[PATH_MAX], joined[2 * PATH_MAX + 2];
	ssize_t n;

	if (path[0] == '/') {
		snprintf(joined, sizeof(joined), "%s", path);
	} else {
		if (dirfd == AT_FDCWD)
			snprintf(link, sizeof(link), "/proc/%d/cwd", (int)pid);
		else
			snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, dirfd);
		n = readlink(link, base, sizeof(base) - 1);
		if (n <= 0)
			return false;
		base[n] = '\0';
		snprintf(joined, sizeof(joined), "%s/%s", base, path);
	}
	if (use == LEARNED_CREATE) {
		char *slash = strrchr(joined, '/');
		/* "dir/" names dir itself: its own parent holds it. */
		while (slash != NULL && slash[1] == '\0' && slash > joined) {
			*slash = '\0';
			slash = strrchr(joined, '/');
		}
		if (slash == NULL)
			return false;
		if (slash == joined)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	return strlen(joined) < PATH_MAX && realpath(joined, out) != NULL;
}

/* The process's own /proc entries, which @system holds: jailctl's /proc/self would be another process's. */
static bool own_proc(const char *path)
{
	return strncmp(path, "/proc/self/", 11) == 0 || strcmp(path, "/proc/self") == 0 ||
	       strncmp(path, "/proc/thread-self", 17) == 0;
}

static void record(struct learned_paths *lp, pid_t pid, int dirfd, const char *path, enum learned_use use)
{
	char real[PATH_MAX];

	/* Its own /proc entries, as it named them: the same file in the next run, in its own process. */
	if (own_proc(path)) {
		add(lp, use, use == LEARNED_READ ? "/proc/self" : path);
		return;
	}
	if (resolve(pid, dirfd, path, use, real))
		add(lp, use, real);
}

/* The access an open asks for: flags as open(2) takes them. */
static enum learned_use open_use(uint64_t flags)
{
	if (flags & O_CREAT)
		return LEARNED_CREATE;
	return (flags & (O_ACCMODE | O_TRUNC)) != O_RDONLY ? LEARNED_WRITE : LEARNED_READ;
}

void learn_paths_record(struct learned_paths *lp, const struct seccomp_notif *n, const char *name, int mem_fd)
{
	const uint64_t *a = (const uint64_t *)n->data.args;
	pid_t pid = (pid_t)n->pid;
	char path[PATH_MAX];

	if (strcmp(name, "open") == 0 || strcmp(name, "creat") == 0) {
		if (read_path(mem_fd, a[0], path))
			record(lp, pid, AT_FDCWD, path, name[0] == 'c' ? LEARNED_CREATE : open_use(a[1]));
		return;
	}
	if (strcmp(name, "openat") == 0 || strcmp(name, "openat2") == 0) {
		struct open_how how = { 0 };
		uint64_t flags = a[2];
		/* openat2's flags are in memory: the first field of struct open_how. */
		if (name[6] == '2' && (mem_fd < 0 || pread(mem_fd, &how, sizeof(how.flags), (off_t)a[2]) != sizeof(how.flags)))
			return;
		if (name[6] == '2')
			flags = how.flags;
		if (read_path(mem_fd, a[1], path))
			record(lp, pid, (int)a[0], path, open_use(flags));
		return;
	}
	for (size_t i = 0; i < sizeof(path_calls) / sizeof(path_calls[0]); i++) {
		const struct path_call *c = &path_calls[i];
		if (strcmp(c->name, name) != 0)
			continue;
		if (read_path(mem_fd, a[c->path], path))
			record(lp, pid, c->dirfd == NONE ? AT_FDCWD : (int)a[c->dirfd], path, c->use);
		if (c->path2 != NONE && read_path(mem_fd, a[c->path2], path))
			record(lp, pid, c->dirfd2 == NONE ? AT_FDCWD : (int)a[c->dirfd2], path, c->use);
		return;
	}
}

int learn_paths_merge_line(struct learned_paths *lp, const char *line)
{
	static const char prefix[] = "# learned path: ";
	char use[16], path[PATH_MAX];
	size_t len;

	if (strncmp(line, prefix, sizeof(prefix) - 1) != 0 || sscanf(line + sizeof(prefix) - 1, "%15s", use) != 1)
		return 0;
	snprintf(path, sizeof(path), "%s", line + sizeof(prefix) - 1 + strlen(use) + 1);
	len = strcspn(path, "\n");
	path[len] = '\0';
	if (path[0] != '/')
		return 0;
	for (int u = LEARNED_READ; u <= LEARNED_CREATE; u++)
		if (strcmp(use, use_names[u]) == 0)
			return add(lp, (enum learned_use)u, path) < 0 ? -1 : 1;
	return 0;
}

void learn_paths_save(const struct learned_paths *lp, FILE *out)
{
	for (size_t i = 0; i < lp->n; i++)
		fprintf(out, "# learned path: %s %s\n", use_names[lp->p[i].use], lp->p[i].path);
}

static bool beneath(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0' || strcmp(dir, "/") == 0);
}

/* What @system holds that the program may write (/dev/null), or read (its members, where they lead). */
static bool in_system(const char *path, enum learned_use use)
{
	const struct jail_path_group *g = path_group_find("@system");
	char real[PATH_MAX];

	if (use != LEARNED_READ) {
		for (const char *const *w = g->writable; *w != NULL; w++)
			if (use == LEARNED_WRITE && strcmp(path, *w) == 0)
				return true;
		return false;
	}
	if (strcmp(path, "/proc/self") == 0)
		return true;
	for (const char *const *m = g->members; *m != NULL; m++)
		if (strncmp(*m, "/proc/", 6) != 0 && realpath(*m, real) != NULL && beneath(path, real))
			return true;
	return false;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* path's directory, in out. */
static void parent_of(const char *path, char *out)
{
	const char *slash = strrchr(path, '/');

	snprintf(out, PATH_MAX, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

/*
 * Whether another file of the same use, outside "." and @system too, was
 * met in dir, or dir itself was (candidates: which observations need a
 * rule of their own).
 */
static bool has_sibling(const struct learned_paths *lp, const bool *candidate, size_t self, const char *dir)
{
	char other[PATH_MAX];

	for (size_t i = 0; i < lp->n; i++) {
		if (i == self || !candidate[i] || lp->p[i].use != lp->p[self].use)
			continue;
		parent_of(lp->p[i].path, other);
		if (strcmp(other, dir) == 0 || strcmp(lp->p[i].path, dir) == 0)
			return true;
	}
	return false;
}

/*
 * The rule for one observation outside "." and @system: a directory, a
 * file, or the directory of several. Beneath /proc, the file alone: a
 * directory there holds other processes' entries. Beneath /sys/fs/cgroup
 * (a runtime reading its limits), the whole hierarchy, read-only: each run
 * has a cgroup of its own, made for it, whose path the next run does not
 * share.
 */
static void rule_for(const struct learned_paths *lp, const bool *candidate, size_t i, char *out)
{
	const struct learned_path *p = &lp->p[i];
	char dir[PATH_MAX];

	if (p->use == LEARNED_READ && beneath(p->path, CGROUP_ROOT)) {
		snprintf(out, PATH_MAX, "%s", CGROUP_ROOT);
		return;
	}
	if (beneath(p->path, "/proc")) {
		snprintf(out, PATH_MAX, "%s", p->path);
		return;
	}
	if (p->use == LEARNED_CREATE || is_dir(p->path)) {
		snprintf(out, PATH_MAX, "%s", p->path);
		return;
	}
	parent_of(p->path, dir);
	snprintf(out, PATH_MAX, "%s", has_sibling(lp, candidate, i, dir) ? dir : p->path);
}

static unsigned rights(unsigned flags)
{
	return flags & JAIL_PATH_WRITE ? JAIL_PATH_READ | JAIL_PATH_WRITE : JAIL_PATH_READ;
}

/* Appends a rule unless one already grants as much; one it covers goes. */
static int add_rule(struct jail_path_list *out, unsigned flags, const char *text)
{
	for (size_t i = 0; i < out->n; i++) {
		const char *have = out->entry[i].text;
		if (have[0] == '/' && text[0] == '/' && beneath(text, have) &&
		    (rights(flags) & ~rights(out->entry[i].flags)) == 0)
			return 0;
	}
	for (size_t i = 0; i < out->n;) {
		const char *have = out->entry[i].text;
		if (have[0] == '/' && text[0] == '/' && beneath(have, text) &&
		    (rights(out->entry[i].flags) & ~rights(flags)) == 0) {
			free(out->entry[i].text);
			out->entry[i] = out->entry[--out->n];
		} else {
			i++;
		}
	}
	struct jail_path_entry *grown = realloc(out->entry, (out->n + 1) * sizeof(*grown));
	char *copy = grown == NULL ? NULL : strdup(text);
	if (grown != NULL)
		out->entry = grown;
	if (copy == NULL)
		return -1;
	out->entry[out->n].flags = flags;
	out->entry[out->n++].text = copy;
	return 0;
}

int learn_paths_rules(const struct learned_paths *lp, const char *cwd, struct jail_path_list *out)
{
	char here[PATH_MAX], rule[PATH_MAX];
	bool dot_read = false, dot_write = false, *candidate = calloc(lp->n + 1, sizeof(bool));
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (candidate == NULL)
		return -1;
	if (realpath(cwd, here) == NULL)
		snprintf(here, sizeof(here), "%s", cwd);
	/* What @system and "." hold first: the rest, the candidates, each need a rule. */
	for (size_t i = 0; i < lp->n; i++) {
		const struct learned_path *p = &lp->p[i];
		if (in_system(p->path, p->use))
			continue;
		if (beneath(p->path, here)) {
			dot_read = true;
			dot_write |= p->use != LEARNED_READ;
			continue;
		}
		candidate[i] = true;
	}
	/* The loader and the libraries need @system under jailctl, from before the program's own code. */
	if (add_rule(out, JAIL_PATH_READ, "@system") < 0)
		goto out;
	if ((dot_read || dot_write) && add_rule(out, dot_write ? JAIL_PATH_WRITE : JAIL_PATH_READ, ".") < 0)
		goto out;
	for (size_t i = 0; i < lp->n; i++) {
		if (!candidate[i])
			continue;
		rule_for(lp, candidate, i, rule);
		if (add_rule(out, lp->p[i].use == LEARNED_READ ? JAIL_PATH_READ : JAIL_PATH_WRITE, rule) < 0)
			goto out;
	}
	rc = 0;
out:
	free(candidate);
	return rc;
}

void learn_paths_free(struct learned_paths *lp)
{
	for (size_t i = 0; i < lp->n; i++)
		free(lp->p[i].path);
	free(lp->p);
	memset(lp, 0, sizeof(*lp));
}
