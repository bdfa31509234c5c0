#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "build_id.h"
#include "cache.h"

#define CACHE_MAGIC "JAILBPF1"
/* A config file larger than this is not cached: it is compiled every time. */
#define CACHE_MAX_CONFIG (4u << 20)

struct cache_header {
	char magic[8];
	uint32_t key_len;
	uint32_t insns;
	uint32_t pid_slots;
	uint32_t reserved;
	struct jail_limits limits;
	uint64_t checksum; /* FNV-1a of the whole entry with this field 0 */
};

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_OFFSET 0xcbf29ce484222325ULL

/* Appends "LEN:BYTES": length-prefixed, so that no two different inputs make the same key. */
static int key_add(struct jail_cache_key *key, const char *bytes, size_t len)
{
	char prefix[32];
	int n = snprintf(prefix, sizeof(prefix), "%zu:", len);
	char *grown = realloc(key->bytes, key->len + (size_t)n + len);

	if (grown == NULL)
		return -1;
	key->bytes = grown;
	memcpy(key->bytes + key->len, prefix, (size_t)n);
	memcpy(key->bytes + key->len + n, bytes, len);
	key->len += (size_t)n + len;
	return 0;
}

static int key_add_var(struct jail_cache_key *key, const char *name)
{
	const char *value = getenv(name);

	/* Unset and set-but-empty differ: an empty SECCOMP_SYSCALL_ALLOW allows nothing. */
	if (key_add(key, name, strlen(name)) < 0)
		return -1;
	if (value == NULL)
		return key_add(key, "", 0);
	if (key_add(key, "=", 1) < 0)
		return -1;
	return key_add(key, value, strlen(value));
}

static int key_add_file(struct jail_cache_key *key, const char *path, struct jail_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *buf;
	ssize_t n;
	int rc;

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > CACHE_MAX_CONFIG) {
		jail_err_set(err, path, "not a config file that can be cached");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	buf = malloc((size_t)st.st_size + 1);
	n = buf == NULL ? -1 : read(fd, buf, (size_t)st.st_size + 1);
	close(fd);
	/* One more byte than fstat said: a file that grows while read is not cached. */
	rc = n == st.st_size ? key_add(key, buf, (size_t)n) : -1;
	if (rc < 0)
		jail_err_set(err, path, "could not be read whole");
	free(buf);
	return rc;
}

int cache_key_from_env(struct jail_cache_key *key, struct jail_err *err)
{
	const char *config = getenv("JAIL_CONFIG"), *profile = getenv("JAIL_PROFILE");
	struct utsname u;

	key->bytes = NULL;
	key->len = 0;
	if (config == NULL || *config == '\0')
		config = JAIL_DEFAULT_CONFIG;
	if (profile == NULL || *profile == '\0')
		profile = "default";
	if (uname(&u) < 0) {
		jail_err_set(err, "uname", "%s", strerror(errno));
		return -1;
	}
	/* The build: groups, constants and the compiler may change with it; the kernel: what libseccomp probes. */
	if (key_add(key, JAIL_BUILD_ID, strlen(JAIL_BUILD_ID)) < 0 ||
	    key_add(key, u.release, strlen(u.release)) < 0 || key_add(key, u.machine, strlen(u.machine)) < 0 ||
	    key_add_var(key, "SECCOMP_SYSCALL_ALLOW") < 0 || key_add_var(key, "SECCOMP_SYSCALL_DENY") < 0 ||
	    key_add_var(key, "SECCOMP_DEFAULT_ACTION") < 0 || key_add(key, profile, strlen(profile)) < 0) {
		jail_err_set(err, "cache", "out of memory");
		cache_key_free(key);
		return -1;
	}
	if (key_add_file(key, config, err) < 0) {
		cache_key_free(key);
		return -1;
	}
	return 0;
}

void cache_key_free(struct jail_cache_key *key)
{
	free(key->bytes);
	key->bytes = NULL;
	key->len = 0;
}

int cache_dir(char *out, size_t len)
{
	const char *dir = getenv(JAIL_CACHE_ENV), *home = getenv("HOME");
	int n;

	if (dir != NULL && *dir != '\0')
		n = snprintf(out, len, "%s", dir);
	else if (home != NULL && *home == '/')
		n = snprintf(out, len, "%s/.cache/jail", home);
	else
		return -1;
	return n > 0 && (size_t)n < len ? 0 : -1;
}

int cache_path(const struct jail_cache_key *key, const char *dir, char *out, size_t len)
{
	int n = snprintf(out, len, "%s/%016llx.bpf", dir,
			 (unsigned long long)fnv1a(FNV_OFFSET, key->bytes, key->len));

	return n > 0 && (size_t)n < len ? 0 : -1;
}

/* Only the user or root may have written it, and no one else may replace it. */
static bool trusted(const struct stat *st)
{
	return (st->st_uid == geteuid() || st->st_uid == 0) && (st->st_mode & 022) == 0;
}

static uint64_t entry_checksum(const char *buf, size_t size)
{
	struct cache_header h;
	uint64_t sum;

	memcpy(&h, buf, sizeof(h));
	h.checksum = 0;
	sum = fnv1a(FNV_OFFSET, &h, sizeof(h));
	return fnv1a(sum, buf + sizeof(h), size - sizeof(h));
}

static int parse_entry(const char *buf, size_t size, const struct jail_cache_key *key, struct jail_compiled *out)
{
	struct cache_header h;
	size_t want;

	if (size < sizeof(h))
		return 0;
	memcpy(&h, buf, sizeof(h));
	if (memcmp(h.magic, CACHE_MAGIC, sizeof(h.magic)) != 0 || h.key_len != key->len || h.insns == 0 ||
	    h.insns > BPF_MAXINSNS || h.pid_slots > JAIL_CACHE_MAX_PID_SLOTS)
		return 0;
	want = sizeof(h) + h.key_len + h.pid_slots * sizeof(uint32_t) + h.insns * sizeof(struct sock_filter);
	if (size != want || entry_checksum(buf, size) != h.checksum ||
	    memcmp(buf + sizeof(h), key->bytes, key->len) != 0)
		return 0;
	out->limits = h.limits;
	out->pid_slots = h.pid_slots;
	memcpy(out->pid_slot, buf + sizeof(h) + h.key_len, h.pid_slots * sizeof(uint32_t));
	for (uint32_t i = 0; i < h.pid_slots; i++)
		if (out->pid_slot[i] >= h.insns)
			return 0;
	out->bpf.len = h.insns;
	out->bpf.insns = malloc(h.insns * sizeof(struct sock_filter));
	if (out->bpf.insns == NULL)
		return 0;
	memcpy(out->bpf.insns, buf + want - h.insns * sizeof(struct sock_filter),
	       h.insns * sizeof(struct sock_filter));
	return 1;
}

int cache_lookup(const struct jail_cache_key *key, struct jail_compiled *out)
{
	char dir[4096], path[4200], *buf;
	struct stat st;
	ssize_t n;
	int fd, rc;

	memset(out, 0, sizeof(*out));
	if (cache_dir(dir, sizeof(dir)) < 0 || cache_path(key, dir, path, sizeof(path)) < 0)
		return 0;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || !trusted(&st))
		return 0;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || !trusted(&st) || st.st_size <= 0 ||
	    st.st_size > (off_t)(sizeof(struct cache_header) + key->len + sizeof(out->pid_slot) +
				 BPF_MAXINSNS * sizeof(struct sock_filter))) {
		close(fd);
		return 0;
	}
	buf = malloc((size_t)st.st_size);
	n = buf == NULL ? -1 : read(fd, buf, (size_t)st.st_size);
	close(fd);
	rc = n == st.st_size ? parse_entry(buf, (size_t)n, key, out) : 0;
	free(buf);
	return rc;
}

static int mkdir_parents(char *dir)
{
	for (char *p = strchr(dir + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		int rc = mkdir(dir, 0755);
		*p = '/';
		if (rc < 0 && errno != EEXIST)
			return -1;
	}
	return mkdir(dir, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

int cache_store(const struct jail_cache_key *key, const struct jail_compiled *c, const char *path,
		struct jail_err *err)
{
	struct cache_header h = { .magic = CACHE_MAGIC };
	size_t slots = c->pid_slots * sizeof(uint32_t), code = c->bpf.len * sizeof(struct sock_filter);
	size_t size = sizeof(h) + key->len + slots + code;
	char dir[4200], tmp[4300];
	char *buf = malloc(size);
	int fd = -1;

	if (buf == NULL) {
		jail_err_set(err, path, "out of memory");
		return -1;
	}
	h.key_len = (uint32_t)key->len;
	h.insns = (uint32_t)c->bpf.len;
	h.pid_slots = c->pid_slots;
	h.limits = c->limits;
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), key->bytes, key->len);
	memcpy(buf + sizeof(h) + key->len, c->pid_slot, slots);
	memcpy(buf + sizeof(h) + key->len + slots, c->bpf.insns, code);
	h.checksum = entry_checksum(buf, size);
	memcpy(buf, &h, sizeof(h));

	snprintf(dir, sizeof(dir), "%s", path);
	if (strrchr(dir, '/') != NULL && strrchr(dir, '/') != dir)
		*strrchr(dir, '/') = '\0';
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	if (mkdir_parents(dir) < 0 || (fd = mkstemp(tmp)) < 0 || fchmod(fd, 0644) < 0 ||
	    write(fd, buf, size) != (ssize_t)size || fsync(fd) < 0 || close(fd) < 0 ||
	    (fd = -1, rename(tmp, path) < 0)) {
		jail_err_set(err, path, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		free(buf);
		return -1;
	}
	free(buf);
	return 0;
}

void compiled_set_pid(struct jail_compiled *c, pid_t pid)
{
	for (uint32_t i = 0; i < c->pid_slots; i++)
		c->bpf.insns[c->pid_slot[i]].k = (uint32_t)pid;
}
