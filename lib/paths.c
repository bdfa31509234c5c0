#include "config.h"

#include <errno.h>
#include <linux/limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"

#define MEMBERS(...) (const char *const[]){ __VA_ARGS__, NULL }

/*
 * @system: what C with stdio and libm, C++ with iostreams and locales,
 * and Debian's python3 importing its standard library open while they
 * run (strace, then each member left out in turn), with time zones. The
 * loader's own (its cache, the libraries) matter under jailctl, where the
 * rules hold from before execve. Nothing under /home, /root, /srv, /tmp or
 * /var/tmp, and of /proc only the process's own entries. Not
 * /sys/devices/system/cpu, where glibc first looks for the number of CPUs:
 * a sysfs lookup costs every start about 7 µs on a VM, and glibc falls
 * back to sched_getaffinity, which @default allows.
 */
const struct jail_path_group jail_path_groups[] = {
	{ "@system", "what a dynamically linked program, libstdc++ and python3 need to load and run: "
		     "libraries and their data, the loader's cache, time zones and locales, /dev/null, "
		     "/dev/zero (both writable too), /dev/urandom, and the process's own /proc/self",
	  MEMBERS("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/etc/ld.so.cache",
		  "/etc/ld.so.preload", "/usr/share/zoneinfo", "/etc/localtime", "/usr/share/locale",
		  "/etc/locale.alias",
		  "/dev/null", "/dev/zero", "/dev/urandom", "/proc/self"),
	  MEMBERS("/dev/null", "/dev/zero") },
	/*
	 * @machine: what the JVM and node read to size themselves to the
	 * machine, and to the cgroup they run in (jailctl's, as root): the
	 * kernel's list of controllers, the cgroup tree's limits, the memory
	 * figures, the CPUs' times. Without the first two the JVM sizes its
	 * heap by the whole machine's memory and ignores the cgroup's limit;
	 * without /proc/stat node's os.cpus() is empty. Not /proc/cpuinfo or
	 * /sys/devices/system/cpu, which both read too: left out in turn,
	 * neither's heap, CPU count or output changed.
	 */
	{ "@machine", "what a runtime reads to size itself to the machine and to its cgroup: the cgroup tree "
		      "(limits and use, of other runs too), the list of controllers, memory and CPU figures",
	  MEMBERS("/sys/fs/cgroup", "/proc/cgroups", "/proc/meminfo", "/proc/stat"),
	  MEMBERS(NULL) },
	/* @java: the JDK's configuration, where its conf directory leads (Debian's OpenJDK 17 and 21). */
	{ "@java", "the JDK's configuration (security, logging and network properties)",
	  MEMBERS("/etc/java-17-openjdk", "/etc/java-21-openjdk"),
	  MEMBERS(NULL) },
	/*
	 * @node: OpenSSL's configuration, which node reads as it starts (and
	 * stops without), and where Debian's node keeps parts of itself
	 * (acorn, cjs-module-lexer, undici), which it loads as it starts.
	 */
	{ "@node", "what node reads as it starts: OpenSSL's configuration, and Debian's node's own modules",
	  MEMBERS("/etc/ssl/openssl.cnf", "/usr/share/nodejs"),
	  MEMBERS(NULL) },
};

const size_t jail_npath_groups = sizeof(jail_path_groups) / sizeof(jail_path_groups[0]);

const struct jail_path_group *path_group_find(const char *name)
{
	for (size_t i = 0; i < jail_npath_groups; i++)
		if (strcmp(jail_path_groups[i].name, name) == 0)
			return &jail_path_groups[i];
	return NULL;
}

int path_entry_check(const char *text, const char *where, struct jail_err *err)
{
	struct stat st;

	if (text[0] == '\0') {
		jail_err_set(err, where, "empty path entry");
		return -1;
	}
	if (text[0] == '@') {
		if (path_group_find(text) != NULL)
			return 0;
		jail_err_set(err, where, "unknown path group \"%.100s\" (jailctl groups lists them)", text);
		return -1;
	}
	if (strcmp(text, ".") == 0)
		return 0;
	if (text[0] != '/') {
		jail_err_set(err, where, "\"%.200s\": a path must be absolute, or \".\" (the directory the program "
			     "starts in)", text);
		return -1;
	}
	if (strlen(text) >= PATH_MAX) {
		jail_err_set(err, where, "\"%.100s...\": path too long", text);
		return -1;
	}
	if (stat(text, &st) < 0) {
		jail_err_set(err, where, "%.300s: %s", text, strerror(errno));
		return -1;
	}
	return 0;
}

int path_list_add(struct jail_path_list *list, unsigned flags, const char *text, const char *where,
		  struct jail_err *err)
{
	struct jail_path_entry *grown;
	char *copy;

	if (path_entry_check(text, where, err) < 0)
		return -1;
	copy = strdup(text);
	grown = copy == NULL ? NULL : realloc(list->entry, (list->n + 1) * sizeof(*grown));
	if (grown == NULL) {
		free(copy);
		jail_err_set(err, where, "out of memory");
		return -1;
	}
	list->entry = grown;
	list->entry[list->n].flags = flags;
	list->entry[list->n].text = copy;
	list->n++;
	return 0;
}

int path_list_parse(struct jail_path_list *list, unsigned flags, const char *text, const char *where,
		    struct jail_err *err)
{
	char *copy = strdup(text), *save = NULL;
	int rc = 0;

	if (copy == NULL) {
		jail_err_set(err, where, "out of memory");
		return -1;
	}
	for (char *e = strtok_r(copy, ":", &save); e != NULL && rc == 0; e = strtok_r(NULL, ":", &save))
		rc = path_list_add(list, flags, e, where, err);
	free(copy);
	return rc;
}

int path_list_merge(struct jail_path_list *dst, const struct jail_path_list *src)
{
	for (size_t i = 0; i < src->n; i++) {
		struct jail_path_entry *grown = realloc(dst->entry, (dst->n + 1) * sizeof(*grown));
		char *copy = grown == NULL ? NULL : strdup(src->entry[i].text);
		if (grown != NULL)
			dst->entry = grown;
		if (copy == NULL)
			return -1;
		dst->entry[dst->n].flags = src->entry[i].flags;
		dst->entry[dst->n].text = copy;
		dst->n++;
	}
	return 0;
}

void path_list_free(struct jail_path_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->entry[i].text);
	free(list->entry);
	list->entry = NULL;
	list->n = 0;
}

/* A rule on its way into the blob; real is where it leads now ("" for "." and /proc/self: the process's own). */
struct rule {
	unsigned flags;
	const char *path;
	char real[PATH_MAX];
};

struct rules {
	size_t n, cap;
	struct rule *r;
};

static bool beneath(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0' || (n == 1 && dir[0] == '/'));
}

/* What a rule grants: a write rule, reading too. */
static unsigned rights(unsigned flags)
{
	return flags & JAIL_PATH_WRITE ? JAIL_PATH_READ | JAIL_PATH_WRITE : flags & JAIL_PATH_READ;
}

/* Whether a kept rule already grants as much at real (a group's member that another covers adds nothing). */
static bool covered(const struct rules *rs, unsigned flags, const char *real)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->r[i].real[0] && beneath(real, rs->r[i].real) &&
		    (rights(flags) & ~rights(rs->r[i].flags)) == 0)
			return true;
	return false;
}

static int keep(struct rules *rs, unsigned flags, const char *path, bool group_member)
{
	struct rule r = { .flags = flags, .path = path };
	struct stat st;
	bool per_process = strcmp(path, ".") == 0 || beneath(path, "/proc/self") || beneath(path, "/proc/thread-self");

	if (!per_process && realpath(path, r.real) == NULL) {
		/* A member this machine lacks is skipped; a named path must exist (checked when it was read). */
		if (group_member && (errno == ENOENT || errno == ENOTDIR))
			return 0;
		return -1;
	}
	if (group_member) {
		r.flags |= JAIL_PATH_OPTIONAL;
		if (!per_process && covered(rs, flags, r.real))
			return 0;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		r.flags |= JAIL_PATH_DIR;
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? 2 * rs->cap : 16;
		struct rule *grown = realloc(rs->r, cap * sizeof(*grown));
		if (grown == NULL)
			return -1;
		rs->r = grown;
		rs->cap = cap;
	}
	rs->r[rs->n++] = r;
	return 0;
}

static int blob_add(char **blob, size_t *len, const char *bytes, size_t n)
{
	char *grown = realloc(*blob, *len + n);

	if (grown == NULL)
		return -1;
	memcpy(grown + *len, bytes, n);
	*blob = grown;
	*len += n;
	return 0;
}

int paths_blob_append(char **blob, size_t *len, unsigned flags, const char *path)
{
	char f = (char)flags;

	return blob_add(blob, len, &f, 1) < 0 || blob_add(blob, len, path, strlen(path) + 1) < 0 ? -1 : 0;
}

static bool group_writable(const struct jail_path_group *g, const char *member)
{
	for (const char *const *w = g->writable; w != NULL && *w != NULL; w++)
		if (strcmp(*w, member) == 0)
			return true;
	return false;
}

static int expand(const struct jail_path_list *list, struct rules *rs)
{
	for (size_t i = 0; i < list->n; i++) {
		const struct jail_path_entry *e = &list->entry[i];
		const struct jail_path_group *g = e->text[0] == '@' ? path_group_find(e->text) : NULL;
		if (g == NULL) {
			if (keep(rs, e->flags, e->text, false) < 0)
				return -1;
			continue;
		}
		for (const char *const *m = g->members; *m != NULL; m++)
			if (keep(rs, e->flags | (group_writable(g, *m) ? JAIL_PATH_WRITE : 0), *m, true) < 0)
				return -1;
	}
	return 0;
}

int paths_to_blob(const struct jail_path_list *list, const char *where, int min_abi, char **blob, size_t *len,
		  struct jail_err *err)
{
	struct rules rs = { 0 };
	char head[2] = { JAIL_PATH_BLOB_MAGIC, (char)min_abi };
	int rc = -1;

	*blob = NULL;
	*len = 0;
	if (expand(list, &rs) < 0) {
		jail_err_set(err, where, "path rules: %s", strerror(errno));
		goto out;
	}
	if (blob_add(blob, len, head, sizeof(head)) < 0 || blob_add(blob, len, where, strlen(where) + 1) < 0)
		goto nomem;
	for (size_t i = 0; i < rs.n; i++)
		if (paths_blob_append(blob, len, rs.r[i].flags, rs.r[i].path) < 0)
			goto nomem;
	rc = 0;
	goto out;
nomem:
	jail_err_set(err, where, "out of memory");
	free(*blob);
	*blob = NULL;
	*len = 0;
out:
	free(rs.r);
	return rc;
}
