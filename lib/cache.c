#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "build_id.h"
#include "cache.h"
#include "landlock.h"

#define CACHE_MAGIC "JAILBPF3"
/* A config file larger than this is not cached: it is compiled every time. */
#define CACHE_MAX_CONFIG (4u << 20)
/* Path rules larger than this are not believed (a profile's are a few hundred bytes). */
#define CACHE_MAX_PATHS (256u << 10)

struct cache_header {
	char magic[8];
	uint32_t key_len;
	uint32_t insns;
	uint32_t slots;     /* instructions whose k is filled in at load: PID, address halves */
	uint32_t paths_len; /* the path rules' blob after the program (landlock.h); 0: none */
	struct jail_limits limits;
	struct jail_action action;
	uint64_t checksum; /* hash64 of the whole entry with this field 0 */
};

static uint64_t mix(uint64_t h)
{
	h *= 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

/*
 * The hash of the cache's file names and checksums (no defence: an entry
 * is trusted by its owner and mode, and its key is compared in full).
 * Eight bytes a step: the key holds the whole config file, and hashed a
 * byte at a time it was a measurable share of a program's start.
 */
static uint64_t hash64(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t w;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = mix(h ^ w);
	}
	/* The last 0 to 7 bytes, and how many they are in the top byte. */
	w = 0;
	if (len > 0)
		memcpy(&w, p, len);
	return mix(h ^ w ^ ((uint64_t)len << 56));
}

#define HASH_SEED 0xcbf29ce484222325ULL

/*
 * Room for len more bytes: the caller's buffer while it lasts, then the
 * heap. The light start-up path stays off malloc and stdio: on a machine
 * where a fresh page costs microseconds, they are a measurable share of it.
 */
static int key_reserve(struct jail_cache_key *key, size_t more)
{
	size_t want = key->len + more;
	char *grown;

	if (want <= key->cap)
		return 0;
	grown = malloc(want * 2);
	if (grown == NULL)
		return -1;
	if (key->len > 0)
		memcpy(grown, key->bytes, key->len);
	if (key->on_heap)
		free(key->bytes);
	key->bytes = grown;
	key->cap = want * 2;
	key->on_heap = true;
	return 0;
}

/* Appends the decimal LEN and ':'; room for the bytes that follow is reserved too. */
static int key_add_prefix(struct jail_cache_key *key, size_t len)
{
	char digits[24];
	size_t n = 0, rest = len;

	do {
		digits[sizeof(digits) - ++n] = (char)('0' + rest % 10);
		rest /= 10;
	} while (rest > 0);
	if (key_reserve(key, n + 1 + len) < 0)
		return -1;
	memcpy(key->bytes + key->len, digits + sizeof(digits) - n, n);
	key->bytes[key->len + n] = ':';
	key->len += n + 1;
	return 0;
}

/* Appends "LEN:BYTES": length-prefixed, so that no two different inputs make the same key. */
int cache_key_add(struct jail_cache_key *key, const char *bytes, size_t len)
{
	if (key_add_prefix(key, len) < 0)
		return -1;
	memcpy(key->bytes + key->len, bytes, len);
	key->len += len;
	return 0;
}

int cache_key_add_var(struct jail_cache_key *key, const char *name, const char *value)
{
	/* Unset and set-but-empty differ: an empty SECCOMP_SYSCALL_ALLOW allows nothing. */
	if (cache_key_add(key, name, strlen(name)) < 0)
		return -1;
	if (value == NULL)
		return cache_key_add(key, "", 0);
	if (cache_key_add(key, "=", 1) < 0)
		return -1;
	return cache_key_add(key, value, strlen(value));
}

/* The file's bytes, read straight into the key. */
int cache_key_add_file(struct jail_cache_key *key, const char *path, struct jail_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t n;

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > CACHE_MAX_CONFIG) {
		jail_err_set(err, path, "not a config file that can be cached");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	/* One more byte than fstat said: a file that grows while read is not cached. */
	if (key_add_prefix(key, (size_t)st.st_size) < 0 || key_reserve(key, (size_t)st.st_size + 1) < 0)
		n = -1;
	else
		n = read(fd, key->bytes + key->len, (size_t)st.st_size + 1);
	close(fd);
	if (n != st.st_size) {
		jail_err_set(err, path, "could not be read whole");
		return -1;
	}
	key->len += (size_t)n;
	return 0;
}

void cache_key_begin(struct jail_cache_key *key, char *room, size_t room_len)
{
	key->bytes = room;
	key->cap = room == NULL ? 0 : room_len;
	key->len = 0;
	key->on_heap = false;
}

int cache_key_add_build(struct jail_cache_key *key, struct jail_err *err)
{
	struct utsname u;

	if (uname(&u) < 0) {
		jail_err_set(err, "uname", "%s", strerror(errno));
		return -1;
	}
	/* The build: groups, constants and the compiler may change with it; the kernel: what libseccomp probes. */
	if (cache_key_add(key, JAIL_BUILD_ID, strlen(JAIL_BUILD_ID)) < 0 ||
	    cache_key_add(key, u.release, strlen(u.release)) < 0 ||
	    cache_key_add(key, u.machine, strlen(u.machine)) < 0) {
		jail_err_set(err, "cache", "out of memory");
		return -1;
	}
	return 0;
}

int cache_key_from_env(struct jail_cache_key *key, char *room, size_t room_len, struct jail_err *err)
{
	const char *config = getenv("JAIL_CONFIG"), *profile = getenv("JAIL_PROFILE");

	cache_key_begin(key, room, room_len);
	if (config == NULL || *config == '\0')
		config = JAIL_DEFAULT_CONFIG;
	if (profile == NULL || *profile == '\0')
		profile = "default";
	if (cache_key_add_build(key, err) < 0)
		goto fail;
	if (cache_key_add_var(key, "SECCOMP_SYSCALL_ALLOW", getenv("SECCOMP_SYSCALL_ALLOW")) < 0 ||
	    cache_key_add_var(key, "SECCOMP_SYSCALL_DENY", getenv("SECCOMP_SYSCALL_DENY")) < 0 ||
	    cache_key_add_var(key, "SECCOMP_DEFAULT_ACTION", getenv("SECCOMP_DEFAULT_ACTION")) < 0 ||
	    cache_key_add_var(key, "JAIL_READ", getenv("JAIL_READ")) < 0 ||
	    cache_key_add_var(key, "JAIL_WRITE", getenv("JAIL_WRITE")) < 0 ||
	    cache_key_add(key, profile, strlen(profile)) < 0) {
		jail_err_set(err, "cache", "out of memory");
		goto fail;
	}
	if (cache_key_add_file(key, config, err) < 0)
		goto fail;
	return 0;
fail:
	cache_key_free(key);
	return -1;
}

void cache_key_free(struct jail_cache_key *key)
{
	if (key->on_heap)
		free(key->bytes);
	key->bytes = NULL;
	key->len = key->cap = 0;
	key->on_heap = false;
}

/* Appends text to out[*at]; false when it does not fit (with its NUL). */
static bool path_add(char *out, size_t len, size_t *at, const char *text)
{
	size_t n = strlen(text);

	if (*at + n >= len)
		return false;
	memcpy(out + *at, text, n + 1);
	*at += n;
	return true;
}

int cache_dir(char *out, size_t len)
{
	const char *dir = getenv(JAIL_CACHE_ENV), *home = getenv("HOME");
	size_t at = 0;

	if (dir != NULL && *dir != '\0')
		return path_add(out, len, &at, dir) ? 0 : -1;
	if (home != NULL && *home == '/')
		return path_add(out, len, &at, home) && path_add(out, len, &at, "/.cache/jail") ? 0 : -1;
	return -1;
}

int cache_path(const struct jail_cache_key *key, const char *dir, char *out, size_t len)
{
	uint64_t h = hash64(HASH_SEED, key->bytes, key->len);
	char name[32];
	size_t at = 0;

	name[0] = '/';
	for (int i = 0; i < 16; i++)
		name[1 + i] = "0123456789abcdef"[(h >> (60 - 4 * i)) & 0xf];
	memcpy(name + 17, ".bpf", 5);
	return path_add(out, len, &at, dir) && path_add(out, len, &at, name) ? 0 : -1;
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
	sum = hash64(HASH_SEED, &h, sizeof(h));
	return hash64(sum, buf + sizeof(h), size - sizeof(h));
}

/*
 * Checks the entry in buf: header, key, slots, program, path rules. On
 * success its program is moved to buf's start, which is aligned; the path
 * rules stay where they are, past it.
 */
static int parse_entry(char *buf, size_t size, const struct jail_cache_key *key, struct jail_compiled *out)
{
	struct cache_header h;
	size_t want, code;

	if (size < sizeof(h))
		return 0;
	memcpy(&h, buf, sizeof(h));
	if (memcmp(h.magic, CACHE_MAGIC, sizeof(h.magic)) != 0 || h.key_len != key->len || h.insns == 0 ||
	    h.insns > BPF_MAXINSNS || h.slots > JAIL_CACHE_MAX_SLOTS || h.paths_len > CACHE_MAX_PATHS)
		return 0;
	code = h.insns * sizeof(struct sock_filter);
	want = sizeof(h) + h.key_len + h.slots * sizeof(uint32_t) + code + h.paths_len;
	if (size != want || entry_checksum(buf, size) != h.checksum ||
	    memcmp(buf + sizeof(h), key->bytes, key->len) != 0)
		return 0;
	out->limits = h.limits;
	out->action = h.action;
	out->slots = h.slots;
	memcpy(out->slot, buf + sizeof(h) + h.key_len, h.slots * sizeof(uint32_t));
	for (uint32_t i = 0; i < h.slots; i++)
		if (JAIL_SLOT_INSN(out->slot[i]) >= h.insns || JAIL_SLOT_KIND(out->slot[i]) > JAIL_SLOT_SECRET_HIGH)
			return 0;
	if (h.paths_len > 0 && !landlock_blob_valid(buf + want - h.paths_len, h.paths_len))
		return 0;
	/* The program moves to the start; the rules after it lie beyond where it lands. */
	memmove(buf, buf + want - h.paths_len - code, code);
	out->bpf.len = h.insns;
	out->bpf.insns = (struct sock_filter *)(void *)buf;
	out->paths = h.paths_len > 0 ? buf + want - h.paths_len : NULL;
	out->paths_len = h.paths_len;
	return 1;
}

int cache_lookup(const struct jail_cache_key *key, struct jail_compiled *out, void *room, size_t room_len)
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
	    st.st_size > (off_t)(sizeof(struct cache_header) + key->len + sizeof(out->slot) +
				 BPF_MAXINSNS * sizeof(struct sock_filter) + CACHE_MAX_PATHS)) {
		close(fd);
		return 0;
	}
	out->on_heap = room == NULL || (size_t)st.st_size > room_len;
	buf = out->on_heap ? malloc((size_t)st.st_size) : room;
	n = buf == NULL ? -1 : read(fd, buf, (size_t)st.st_size);
	close(fd);
	rc = n == st.st_size ? parse_entry(buf, (size_t)n, key, out) : 0;
	if (rc != 1 && out->on_heap)
		free(buf);
	if (rc != 1)
		out->on_heap = false;
	return rc;
}

void compiled_free(struct jail_compiled *c)
{
	if (c->on_heap)
		filter_bpf_free(&c->bpf);
	c->bpf.insns = NULL;
	c->bpf.len = 0;
	c->paths = NULL;
	c->paths_len = 0;
	c->on_heap = false;
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
	size_t slots = c->slots * sizeof(uint32_t), code = c->bpf.len * sizeof(struct sock_filter);
	size_t size = sizeof(h) + key->len + slots + code + c->paths_len;
	char dir[4200], tmp[4300];
	char *buf = malloc(size);
	int fd = -1;

	if (buf == NULL) {
		jail_err_set(err, path, "out of memory");
		return -1;
	}
	h.key_len = (uint32_t)key->len;
	h.insns = (uint32_t)c->bpf.len;
	h.slots = c->slots;
	h.paths_len = (uint32_t)c->paths_len;
	h.limits = c->limits;
	h.action = c->action;
	if (c->paths_len > CACHE_MAX_PATHS) {
		jail_err_set(err, path, "path rules of %zu bytes: too large to cache", c->paths_len);
		free(buf);
		return -1;
	}
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), key->bytes, key->len);
	memcpy(buf + sizeof(h) + key->len, c->slot, slots);
	memcpy(buf + sizeof(h) + key->len + slots, c->bpf.insns, code);
	if (c->paths_len > 0)
		memcpy(buf + sizeof(h) + key->len + slots + code, c->paths, c->paths_len);
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
	for (uint32_t i = 0; i < c->slots; i++)
		if (JAIL_SLOT_KIND(c->slot[i]) == JAIL_SLOT_PID)
			c->bpf.insns[JAIL_SLOT_INSN(c->slot[i])].k = (uint32_t)pid;
}

void compiled_set_secret(struct jail_compiled *c, uint64_t secret)
{
	for (uint32_t i = 0; i < c->slots; i++) {
		uint32_t kind = JAIL_SLOT_KIND(c->slot[i]);
		if (kind == JAIL_SLOT_SECRET_LOW)
			c->bpf.insns[JAIL_SLOT_INSN(c->slot[i])].k = (uint32_t)secret;
		else if (kind == JAIL_SLOT_SECRET_HIGH)
			c->bpf.insns[JAIL_SLOT_INSN(c->slot[i])].k = (uint32_t)(secret >> 32);
	}
}
