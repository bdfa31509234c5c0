/*
 * wrapcost: what a wrapper (jailctl run, bwrap, ...) adds to a program's
 * start-to-exit time. Runs each command line N times, round-robin so that
 * all see the same machine, and prints each one's median wall time as a
 * ratio to the first's, the bare program. Command lines are separated by
 * "::"; each is named by its first word. Standard output goes to /dev/null.
 * A wrapper that fails is dropped with a message; a failing baseline is fatal.
 *
 *   wrapcost N PROGRAM [ARG...] [:: WRAPPER [ARG...]]...
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <libgen.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "stats.h"

#define SEP "::"

extern char **environ;

struct cmd {
	char **argv;   /* NULL-terminated, in place in main's argv */
	double *times; /* one per run */
	int failed;    /* the run it failed at, plus one; 0 if none */
};

/* One run: its wall time in seconds, or -1 if it did not exit 0. */
static double run_once(char **argv, const posix_spawn_file_actions_t *fa)
{
	struct timespec t0, t1;
	pid_t pid;
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (posix_spawnp(&pid, argv[0], fa, NULL, argv, environ) != 0)
		return -1;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[1]) : 0;
	struct cmd *cmds = calloc((size_t)argc, sizeof(*cmds));
	int ncmds = 0;
	posix_spawn_file_actions_t fa;

	if (n < 1 || cmds == NULL || strcmp(argv[2], SEP) == 0) {
		fprintf(stderr, "usage: wrapcost N PROGRAM [ARG...] [:: WRAPPER [ARG...]]...\n");
		return 2;
	}
	/* Split argv at each "::" into NULL-terminated command lines. */
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], SEP) == 0) {
			argv[i] = NULL;
		} else if (i == 2 || argv[i - 1] == NULL) {
			cmds[ncmds].argv = &argv[i];
			cmds[ncmds].times = calloc((size_t)n, sizeof(double));
			if (cmds[ncmds++].times == NULL) {
				fprintf(stderr, "wrapcost: out of memory\n");
				return 2;
			}
		}
	}
	if (posix_spawn_file_actions_init(&fa) != 0 ||
	    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) != 0) {
		fprintf(stderr, "wrapcost: cannot set up standard output\n");
		return 2;
	}

	for (int i = 0; i < n; i++)
		for (int c = 0; c < ncmds; c++) {
			if (cmds[c].failed)
				continue;
			cmds[c].times[i] = run_once(cmds[c].argv, &fa);
			if (cmds[c].times[i] >= 0)
				continue;
			if (c == 0) {
				fprintf(stderr, "wrapcost: %s did not exit 0\n", cmds[0].argv[0]);
				return 1;
			}
			cmds[c].failed = i + 1;
		}

	double base = median(cmds[0].times, n);
	printf("wrap     %-10s runs=%d  the baseline\n", basename(cmds[0].argv[0]), n);
	for (int c = 1; c < ncmds; c++) {
		const char *name = basename(cmds[c].argv[0]);
		if (cmds[c].failed)
			printf("wrap     %-10s skipped: did not exit 0 at run %d\n", name, cmds[c].failed);
		else
			printf("wrap     %-10s runs=%d  wrapped/bare = %.2f\n", name, n,
			       median(cmds[c].times, n) / base);
	}
	return 0;
}
