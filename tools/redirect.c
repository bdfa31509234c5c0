#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dev_null.h"
#include "redirect.h"

/* jailctl's own descriptor that a name like /dev/stdout or /dev/fd/1 stands for, or -1. */
static int own_descriptor(const char *path)
{
	static const struct { const char *name; int fd; } std[] = {
		{ "/dev/stdin", 0 }, { "/dev/stdout", 1 }, { "/dev/stderr", 2 },
	};
	const char *num = NULL;
	char *end;
	long fd;

	for (size_t i = 0; i < sizeof(std) / sizeof(std[0]); i++)
		if (strcmp(path, std[i].name) == 0)
			return std[i].fd;
	if (strncmp(path, "/dev/fd/", 8) == 0)
		num = path + 8;
	else if (strncmp(path, "/proc/self/fd/", 14) == 0)
		num = path + 14;
	if (num == NULL || *num < '0' || *num > '9')
		return -1;
	fd = strtol(num, &end, 10);
	return *end == '\0' && fd <= 65535 ? (int)fd : -1;
}

/* Opens path for opt; -1 after a message. Outputs: a regular file, /dev/null or a pipe, made 0600. */
static int open_one(const char *path, bool output, const char *opt)
{
	int own = own_descriptor(path), fd;
	struct stat st;

	if (own >= 0) {
		fd = fcntl(own, F_DUPFD_CLOEXEC, 3);
		if (fd < 0)
			fprintf(stderr, "jailctl: %s %s: %s\n", opt, path, strerror(errno));
		return fd;
	}
	fd = open(path, (output ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY) | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0600);
	if (fd < 0 && errno == ELOOP) {
		fprintf(stderr, "jailctl: %s %s: a symbolic link: give the file itself\n", opt, path);
		return -1;
	}
	if (fd < 0) {
		fprintf(stderr, "jailctl: %s %s: %s\n", opt, path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || (output && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !is_dev_null(&st))) {
		fprintf(stderr, "jailctl: %s %s: not a regular file, a pipe or /dev/null\n", opt, path);
		close(fd);
		return -1;
	}
	return fd;
}

/* Whether path names the file fd is open on. */
static bool same_file(int fd, const char *path)
{
	struct stat a, b;
	int own = own_descriptor(path);

	if (own >= 0 ? fstat(own, &b) < 0 : lstat(path, &b) < 0)
		return false;
	return fstat(fd, &a) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino && S_ISREG(a.st_mode);
}

int redirect_open(const char *in_path, const char *out_path, const char *err_path, bool err_to_out,
		  struct redirections *r)
{
	r->in = r->out = r->err = -1;
	if ((in_path != NULL && (r->in = open_one(in_path, false, "--stdin")) < 0) ||
	    (out_path != NULL && (r->out = open_one(out_path, true, "--stdout")) < 0))
		goto fail;
	/* One open file description for both: one offset, so the writes keep their order. */
	if (err_to_out || (err_path != NULL && r->out >= 0 && same_file(r->out, err_path))) {
		r->err = fcntl(r->out >= 0 ? r->out : 1, F_DUPFD_CLOEXEC, 3);
		if (r->err < 0) {
			fprintf(stderr, "jailctl: --stderr: %s\n", strerror(errno));
			goto fail;
		}
		return 0;
	}
	if (err_path != NULL && (r->err = open_one(err_path, true, "--stderr")) < 0)
		goto fail;
	return 0;
fail:
	redirect_close(r);
	return -1;
}

void redirect_close(struct redirections *r)
{
	int *fds[] = { &r->in, &r->out, &r->err };

	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		if (*fds[i] >= 0) {
			close(*fds[i]);
			*fds[i] = -1;
		}
}
