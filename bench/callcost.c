/*
 * callcost: the time of one system call, as the median of R rounds of K
 * calls each. Run bare and under libjail by bench/run, which prints ratios.
 *
 *   callcost getppid|read|write|openat K R
 *     read: 1 byte from /dev/zero; write: 1 byte to fd 1, which bench/run
 *     sends to /dev/null; openat: /dev/null read-only, then close. The
 *     result goes to fd 2.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "stats.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: callcost getppid|read|write|openat K R\n");
		return 2;
	}
	const char *call = argv[1];
	long k = atol(argv[2]);
	int r = atoi(argv[3]);
	double *round = calloc((size_t)r, sizeof(double));
	int zero = open("/dev/zero", O_RDONLY);
	char byte;
	enum { GETPPID, READ, WRITE, OPENAT } which;

	if (strcmp(call, "getppid") == 0) which = GETPPID;
	else if (strcmp(call, "read") == 0) which = READ;
	else if (strcmp(call, "write") == 0) which = WRITE;
	else if (strcmp(call, "openat") == 0) which = OPENAT;
	else k = 0;
	if (k < 1 || r < 1 || round == NULL || zero < 0) {
		fprintf(stderr, "callcost: bad arguments or setup\n");
		return 2;
	}
	for (int i = 0; i < r; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (long j = 0; j < k; j++) {
			long rc;
			switch (which) {
			case GETPPID: rc = syscall(SYS_getppid) > 0; break;
			case READ: rc = syscall(SYS_read, zero, &byte, 1) == 1; break;
			case WRITE: rc = syscall(SYS_write, 1, "x", 1) == 1; break;
			default:
				rc = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY | O_CLOEXEC);
				rc = rc >= 0 && syscall(SYS_close, rc) == 0;
			}
			if (!rc)
				return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		round[i] = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / (double)k;
	}
	fprintf(stderr, "%.2f\n", median(round, r));
	return 0;
}
