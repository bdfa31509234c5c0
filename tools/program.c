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

/* An ELF executable without PT_INTERP is static; anything else (a #! script) is not. */
static bool elf_is_static(int fd)
{
	Elf64_Ehdr eh;

	if (pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64)
		return false;
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;
		off_t at = (off_t)eh.e_phoff + (off_t)i * eh.e_phentsize;
		if (pread(fd, &ph, sizeof(ph), at) != (ssize_t)sizeof(ph))
			return false;
		if (ph.p_type == PT_INTERP)
			return false;
	}
	return true;
}

static int check(const char *path, struct program *out)
{
	struct stat st;
	int fd;

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
	fd = open(path, O_RDONLY | O_CLOEXEC);
	out->is_static = fd >= 0 && elf_is_static(fd);
	if (fd >= 0)
		close(fd);
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
