/*
 * callcost: the time of one system call, as the median of R rounds of K
 * calls each. Run bare and under libjail by bench/run, which prints ratios.
 *
 *   callcost getppid|write K R     (write: 1 byte to fd 1, which bench/run
 *                                   sends to /dev/null; the result goes to fd 2)
 */
#define _GNU_SOURCE
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
		fprintf(stderr, "usage: callcost getppid|write K R\n");
		return 2;
	}
	const char *call = argv[1];
	long k = atol(argv[2]);
	int r = atoi(argv[3]);
	double *round = calloc((size_t)r, sizeof(double));
	bool is_write = strcmp(call, "write") == 0;

	if (k < 1 || r < 1 || round == NULL || (!is_write && strcmp(call, "getppid") != 0)) {
		fprintf(stderr, "callcost: bad arguments or setup\n");
		return 2;
	}
	for (int i = 0; i < r; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (long j = 0; j < k; j++)
			if (is_write ? syscall(SYS_write, 1, "x", 1) != 1 : syscall(SYS_getppid) <= 0)
				return 1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		round[i] = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / (double)k;
	}
	fprintf(stderr, "%.2f\n", median(round, r));
	return 0;
}
