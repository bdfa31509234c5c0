/*
 * startup: what libjail adds to a program's start. Runs PROGRAM N times
 * bare and N times under LD_PRELOAD=LIBJAIL, interleaved so that both see
 * the same machine, and prints the medians' ratio.
 *
 *   startup N LIBJAIL PROGRAM [ARG...]   (JAIL_CONFIG etc. from the environment)
 */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "stats.h"

extern char **environ;

static char **env_with(const char *preload)
{
	size_t n = 0;
	while (environ[n] != NULL)
		n++;
	char **env = calloc(n + 2, sizeof(*env));
	if (env == NULL)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "LD_PRELOAD=", 11) != 0)
			env[k++] = environ[i];
	if (preload != NULL && asprintf(&env[k++], "LD_PRELOAD=%s", preload) < 0)
		return NULL;
	return env;
}

/* One run: its wall time in seconds, or -1 if it did not exit 0. */
static double run_once(char **argv, char **env)
{
	struct timespec t0, t1;
	pid_t pid;
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (posix_spawn(&pid, argv[0], NULL, NULL, argv, env) != 0)
		return -1;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: startup N LIBJAIL PROGRAM [ARG...]\n");
		return 2;
	}
	int n = atoi(argv[1]);
	char **bare_env = env_with(NULL), **jail_env = env_with(argv[2]);
	double *bare = calloc((size_t)n, sizeof(double)), *jailed = calloc((size_t)n, sizeof(double));

	if (n < 1 || bare_env == NULL || jail_env == NULL || bare == NULL || jailed == NULL) {
		fprintf(stderr, "startup: bad N or out of memory\n");
		return 2;
	}
	for (int i = 0; i < n; i++) {
		bare[i] = run_once(&argv[3], bare_env);
		jailed[i] = run_once(&argv[3], jail_env);
		if (bare[i] < 0 || jailed[i] < 0) {
			fprintf(stderr, "startup: %s did not exit 0 (%s)\n", argv[3],
				bare[i] < 0 ? "bare" : "under libjail");
			return 1;
		}
	}
	double mb = median(bare, n), mj = median(jailed, n);
	printf("startup  %-28s runs=%d  jailed/bare = %.2f  (added: %.2f bare starts)\n",
	       argv[3], n, mj / mb, (mj - mb) / mb);
	return 0;
}
