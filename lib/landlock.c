#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/single_threaded.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bpf.h"
#include "landlock.h"

/*
 * What Debian 12's linux-libc-dev (6.1) lacks. The values are the
 * kernel's ABI: they never change.
 */
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET
#define LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#endif
#ifndef LANDLOCK_SCOPE_SIGNAL
#define LANDLOCK_SCOPE_SIGNAL (1ULL << 1)
#endif

/* struct landlock_ruleset_attr as ABI 6 has it; an older kernel is given only the part it knows. */
struct ruleset_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net; /* ABI 4; network stays seccomp's business here */
	uint64_t scoped;             /* ABI 6 */
};

/* ABI 1: executing, writing and reading files, listing directories, creating and removing. */
#define FS_ABI1                                                                                           \
	(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |       \
	 LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |     \
	 LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |         \
	 LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |      \
	 LANDLOCK_ACCESS_FS_MAKE_SYM)
/* What a read rule grants: reading is enough to copy a file and run the copy, so running it adds nothing. */
#define GRANT_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_EXECUTE)
/* What a write rule grants on top: never device nodes (MAKE_CHAR, MAKE_BLOCK). */
#define GRANT_WRITE                                                                                      \
	(GRANT_READ | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |                     \
	 LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |      \
	 LANDLOCK_ACCESS_FS_MAKE_SYM | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_SOCK |       \
	 LANDLOCK_ACCESS_FS_REFER | LANDLOCK_ACCESS_FS_TRUNCATE)
/* The rights that mean something on a file rather than a directory (the kernel refuses the others there). */
#define FILE_RIGHTS                                                                                      \
	(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |       \
	 LANDLOCK_ACCESS_FS_TRUNCATE)

int landlock_abi(void)
{
	/* The kernel's answer cannot change while it runs: asked once per process tree (errno kept for 0). */
	static int known = -1, known_errno;
	long abi;

	if (known >= 0) {
		errno = known_errno;
		return known;
	}
	abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	known = abi < 0 ? 0 : (int)abi;
	known_errno = abi < 0 ? errno : 0;
	return known;
}

/* The first rule, just past the source's string. */
static const char *first_rule(const char *blob)
{
	return blob + 2 + strlen(blob + 2) + 1;
}

static const char *next_rule(const char *rule)
{
	return rule + 1 + strlen(rule + 1) + 1;
}

bool landlock_blob_valid(const char *blob, size_t len)
{
	const char *end = blob + len;

	if (len < 3 || blob[0] != JAIL_PATH_BLOB_MAGIC || blob[len - 1] != '\0' || memchr(blob + 2, '\0', len - 2) == NULL)
		return false;
	for (const char *r = first_rule(blob); r < end; r = next_rule(r)) {
		/* A flags byte, then a path: absolute, or "."; the last byte is a NUL, so strlen stops. */
		if (end - r < 3 || (r[0] & ~0x0f) != 0 || !(r[0] & (JAIL_PATH_READ | JAIL_PATH_WRITE)) ||
		    (r[1] != '/' && strcmp(r + 1, ".") != 0))
			return false;
	}
	return true;
}

const char *landlock_blob_where(const char *blob)
{
	return blob + 2;
}

const char *landlock_blob_rule(const char *blob, size_t len, const char *prev)
{
	const char *r = prev == NULL ? first_rule(blob) : next_rule(prev);

	return r < blob + len ? r : NULL;
}

/* The kernel's ABI if it can enforce the rules, else 0 with err set. */
static int usable_abi(const char *blob, struct jail_err *err)
{
	const char *where = landlock_blob_where(blob);
	int need = (unsigned char)blob[1], abi = landlock_abi();

	if (abi == 0 && errno == EOPNOTSUPP) {
		jail_err_set(err, where, "path rules need Landlock, which this kernel has but does not enable: "
			     "boot it with landlock in its LSM list (lsm=...,landlock), or use a profile without "
			     "read and write lists");
		return 0;
	}
	if (abi == 0) {
		jail_err_set(err, where, "path rules need Landlock, which this kernel does not have "
			     "(landlock_create_ruleset: %s): use a kernel built with Landlock (Linux 5.13 or "
			     "later, landlock in its LSM list), or a profile without read and write lists",
			     strerror(errno));
		return 0;
	}
	if (abi < need) {
		jail_err_set(err, where, "these path rules need Landlock ABI %d, and this kernel has ABI %d: "
			     "use a newer kernel", need, abi);
		return 0;
	}
	return abi;
}

int landlock_check(const char *blob, size_t len, struct jail_err *err)
{
	if (!landlock_blob_valid(blob, len)) {
		jail_err_set(err, "path rules", "malformed");
		return -1;
	}
	return usable_abi(blob, err) > 0 ? 0 : -1;
}

static uint64_t handled_rights(int abi)
{
	uint64_t fs = FS_ABI1;

	if (abi >= JAIL_LANDLOCK_ABI_REFER)
		fs |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= JAIL_LANDLOCK_ABI_TRUNCATE)
		fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
	return fs;
}

static int new_ruleset(int abi, const char *where, struct jail_err *err)
{
	struct ruleset_attr attr = { .handled_access_fs = handled_rights(abi) };
	size_t size = sizeof(attr.handled_access_fs);
	int fd;

	if (abi >= JAIL_LANDLOCK_ABI_SCOPE) {
		attr.scoped = LANDLOCK_SCOPE_SIGNAL | LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET;
		size = sizeof(attr);
	}
	fd = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
	if (fd < 0)
		jail_err_set(err, where, "landlock_create_ruleset: %s", strerror(errno));
	return fd;
}

/* Grants rule's rights beneath the path open as fd; a directory that has become a file gets a file's. */
static int add_rule(int ruleset, int fd, unsigned flags, uint64_t handled)
{
	struct landlock_path_beneath_attr beneath = {
		.allowed_access = ((flags & JAIL_PATH_WRITE) ? GRANT_WRITE : GRANT_READ) & handled,
		.parent_fd = fd,
	};

	if (!(flags & JAIL_PATH_DIR))
		beneath.allowed_access &= FILE_RIGHTS;
	if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0) == 0)
		return 0;
	if (errno != EINVAL || !(flags & JAIL_PATH_DIR))
		return -1;
	beneath.allowed_access &= FILE_RIGHTS;
	return (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0);
}

/*
 * Closes a run of descriptors that were opened one after the other (each
 * open gave the next number) and are still open: one call for all of
 * them. Every number in the run is ours, so no other thread's can be in it.
 */
static void close_run(int first, int last)
{
	if (first < 0)
		return;
	if (first == last || syscall(SYS_close_range, first, last, 0) < 0)
		for (int fd = first; fd <= last; fd++)
			close(fd);
}

static int add_rules(int ruleset, const char *blob, size_t len, int abi, struct jail_err *err)
{
	const char *where = landlock_blob_where(blob);
	uint64_t handled = handled_rights(abi);
	int first = -1, last = -1, rc = 0;

	for (const char *r = landlock_blob_rule(blob, len, NULL); r != NULL; r = landlock_blob_rule(blob, len, r)) {
		unsigned flags = (unsigned char)r[0];
		int fd = open(r + 1, O_PATH | O_CLOEXEC);
		if (fd < 0 && (flags & JAIL_PATH_OPTIONAL) && (errno == ENOENT || errno == ENOTDIR))
			continue;
		if (fd < 0) {
			jail_err_set(err, where, "%s: %s", r + 1, strerror(errno));
			rc = -1;
			break;
		}
		if (add_rule(ruleset, fd, flags, handled) < 0) {
			jail_err_set(err, where, "%s: landlock_add_rule: %s", r + 1, strerror(errno));
			rc = -1;
		}
		/* Kept open while the numbers follow each other, then closed together. */
		if (first >= 0 && fd == last + 1) {
			last = fd;
		} else {
			close_run(first, last);
			first = last = fd;
		}
		if (rc < 0)
			break;
	}
	close_run(first, last);
	return rc;
}

int landlock_prepare(const char *blob, size_t len, struct jail_err *err)
{
	int abi, ruleset;

	if (!landlock_blob_valid(blob, len)) {
		jail_err_set(err, "path rules", "malformed");
		return -1;
	}
	abi = usable_abi(blob, err);
	if (abi == 0)
		return -1;
	ruleset = new_ruleset(abi, landlock_blob_where(blob), err);
	if (ruleset >= 0 && add_rules(ruleset, blob, len, abi, err) < 0) {
		close(ruleset);
		return -1;
	}
	return ruleset;
}

int landlock_enforce(int ruleset, const char *blob, struct jail_err *err)
{
	const char *where = landlock_blob_where(blob);
	int rc = -1;

	/* Required to restrict oneself without CAP_SYS_ADMIN; the seccomp filter needs it too. */
	if (set_no_new_privs(where, err) == 0) {
		if (syscall(SYS_landlock_restrict_self, ruleset, 0) < 0)
			jail_err_set(err, where, "landlock_restrict_self: %s", strerror(errno));
		else
			rc = 0;
	}
	close(ruleset);
	return rc;
}

int landlock_apply(const char *blob, size_t len, struct jail_err *err)
{
	int ruleset = landlock_prepare(blob, len, err);

	return ruleset < 0 ? -1 : landlock_enforce(ruleset, blob, err);
}

/* The number of threads the process has (/proc/self/stat's 20th field), or -1. */
static long thread_count(void)
{
	char buf[1024], *p;
	int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	long threads = -1;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* "pid (comm) state ...": comm may hold anything but ends at the last ')'. */
	p = strrchr(buf, ')');
	for (int field = 2; p != NULL && field < 20; field++)
		p = strchr(p + 1, ' ');
	if (p != NULL)
		threads = strtol(p + 1, NULL, 10);
	return threads;
}

int landlock_apply_alone(const char *blob, size_t len, struct jail_err *err)
{
	/*
	 * glibc's word costs nothing: true while no thread was ever started.
	 * Once one was, /proc says whether another runs still.
	 */
	long threads = __libc_single_threaded ? 1 : thread_count();

	if (threads != 1) {
		const char *where = landlock_blob_valid(blob, len) ? landlock_blob_where(blob) : "path rules";
		if (threads < 0)
			jail_err_set(err, where, "cannot tell whether the process has other threads (/proc/self/stat: "
				     "%s): Landlock would restrict only this one", strerror(errno));
		else
			jail_err_set(err, where, "%ld threads run already (started before libjail's constructor), "
				     "and Landlock restricts only the thread that applies it: path rules cannot hold "
				     "(jailctl run applies them before the program starts)", threads);
		return -1;
	}
	return landlock_apply(blob, len, err);
}
