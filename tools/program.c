#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "program.h"

/* How deep the kernel follows a script's interpreter that is a script itself. */
#define SCRIPT_DEPTH 4

/*
 * Whether fd is a 64-bit ELF file, and its loader (PT_INTERP) in interp
 * ("" when it has none: a static program). false for anything else.
 */
static bool elf_interp(int fd, char *interp, size_t len)
{
	Elf64_Ehdr eh;

	interp[0] = '\0';
	if (pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64)
		return false;
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;
		off_t at = (off_t)eh.e_phoff + (off_t)i * eh.e_phentsize;
		if (pread(fd, &ph, sizeof(ph), at) != (ssize_t)sizeof(ph))
			return false;
		if (ph.p_type != PT_INTERP)
			continue;
		if (ph.p_filesz == 0 || ph.p_filesz >= len ||
		    pread(fd, interp, ph.p_filesz, (off_t)ph.p_offset) != (ssize_t)ph.p_filesz)
			return false;
		interp[ph.p_filesz] = '\0';
		return true;
	}
	return true;
}

/* The interpreter a "#!" line names, in interp; false when head is no script. */
static bool script_interp(const char *head, char *interp, size_t len)
{
	size_t at = 2, n;

	if (head[0] != '#' || head[1] != '!')
		return false;
	at += strspn(head + at, " \t");
	n = strcspn(head + at, " \t\n");
	if (n == 0 || n >= len)
		return false;
	memcpy(interp, head + at, n);
	interp[n] = '\0';
	return true;
}

/* Adds path, made absolute (path rules name absolute paths); one that is not there is execve's to report. */
static int add_loaded(struct program *out, const char *path)
{
	char real[PATH_MAX];
	size_t n;

	if (realpath(path, real) == NULL)
		return 0;
	n = strlen(real) + 1;
	if (out->loaded_len + n > sizeof(out->loaded))
		return -1;
	memcpy(out->loaded + out->loaded_len, real, n);
	out->loaded_len += n;
	return 0;
}

/* What execve of path opens (out->loaded); *is_static: path is an ELF file without a loader. */
static int follow(struct program *out, const char *path, int depth, bool *is_static)
{
	char head[256] = { 0 }, next[PATH_MAX];
	int fd, rc;

	*is_static = false;
	if (add_loaded(out, path) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0; /* execve will say why */
	if (pread(fd, head, sizeof(head) - 1, 0) < 0) {
		close(fd);
		return 0;
	}
	if (script_interp(head, next, sizeof(next))) {
		bool ignored;
		close(fd);
		return depth < SCRIPT_DEPTH ? follow(out, next, depth + 1, &ignored) : 0;
	}
	rc = elf_interp(fd, next, sizeof(next)) ? 0 : -2;
	close(fd);
	if (rc == 0 && next[0] != '\0')
		return add_loaded(out, next);
	*is_static = rc == 0;
	return 0;
}

static int check(const char *path, struct program *out)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "jailctl: %s: %s\n", path, strerror(errno));
		return errno == ENOENT || errno == ENOTDIR ? 127 : 126;
	}
	if (!S_ISREG(st.st_mode) || access(path, X_OK) < 0) {
		fprintf(stderr, "jailctl: %s: %s\n", path, S_ISREG(st.st_mode) ? strerror(errno) : "not a regular file");
		return 126;
	}
	if (snprintf(out->path, sizeof(out->path), "%s", path) >= (int)sizeof(out->path)) {
		fprintf(stderr, "jailctl: %s: path too long\n", path);
		return 126;
	}
	out->loaded_len = 0;
	if (follow(out, out->path, 0, &out->is_static) < 0) {
		fprintf(stderr, "jailctl: %s: its interpreters' paths are too long\n", path);
		return 126;
	}
	return 0;
}

int program_find(const char *name, struct program *out)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];

	if (strchr(name, '/') != NULL)
		return check(name, out);
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; p = strchr(p, ':') + 1) {
		size_t len = strcspn(p, ":");
		if (len > 0 && (size_t)snprintf(buf, sizeof(buf), "%.*s/%s", (int)len, p, name) < sizeof(buf) &&
		    access(buf, X_OK) == 0)
			return check(buf, out);
		if (p[len] == '\0')
			break;
	}
	fprintf(stderr, "jailctl: %s: command not found\n", name);
	return 127;
}
