/* attack.h: what every hostile program in tests/attacks/ does when its attack works, fails, or cannot work here. */
/*
 * The conventions, the same for every attack (see tests/attacks.test):
 *   - when the attack works it first says so on standard output, a line
 *     "attack succeeded: WHAT" (a write to fd 1, which every policy
 *     allows), then leaves its marker (mark(): the file argv[1], holding
 *     "pwned\n"). The line catches an attack whose marker a policy would
 *     stop for another reason (opening the marker for writing);
 *   - when the attack fails (a call fails with an errno) it says
 *     "attack failed: WHAT: ERROR" and exits 1;
 *   - when the attack cannot work on this machine even unconfined (the
 *     kernel lacks the interface) it says "cannot work here: WHY" and exits
 *     77, and the test skips it.
 * Bombs have no marker file: they print "survived" on standard error when
 * they reach their end.
 */
#ifndef ATTACK_H
#define ATTACK_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline void say(const char *line)
{
	size_t n = strlen(line);

	while (n > 0) {
		ssize_t w = write(1, line, n);
		if (w <= 0)
			return;
		line += w;
		n -= (size_t)w;
	}
}

static inline void succeeded(const char *what)
{
	char line[256];

	snprintf(line, sizeof(line), "attack succeeded: %s\n", what);
	say(line);
}

/* The attack worked: say so, then leave the marker PATH. Returns 0. */
static inline int mark(const char *path, const char *what)
{
	succeeded(what);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "pwned\n", 6) != 6) {
		printf("marker %s: %s\n", path, strerror(errno));
		return 1;
	}
	close(fd);
	return 0;
}

__attribute__((noreturn)) static inline void failed(const char *what)
{
	char line[256];

	snprintf(line, sizeof(line), "attack failed: %s: %s\n", what, strerror(errno));
	say(line);
	_exit(1);
}

__attribute__((noreturn)) static inline void cannot(const char *why)
{
	char line[256];

	snprintf(line, sizeof(line), "cannot work here: %s\n", why);
	say(line);
	_exit(77);
}

static inline void usage(int argc, int want, const char *args)
{
	if (argc < want + 1) {
		fprintf(stderr, "usage: attack %s\n", args);
		exit(2);
	}
}

#endif
