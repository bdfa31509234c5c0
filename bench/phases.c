/*
 * phases: where libjail's constructor spends its time, phase by phase,
 * for one profile: reading the policy (libconfuse, names), building the BPF
 * (libseccomp), loading it (in a child, since a filter cannot be
 * unloaded), applying the path rules (Landlock, in a child too), and, on
 * the light path, finding and checking the compiled entry in the cache
 * instead of the first two. Prints each as a fraction of a bare start of
 * PROGRAM, measured here too; the path rules also in microseconds.
 *
 *   phases R CONFIG PROFILE PROGRAM [ARG...]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <spawn.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "compile.h"
#include "filter.h"
#include "landlock.h"
#include "policy.h"
#include "stats.h"

extern char **environ;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The median time of r starts of argv[0], to exit. */
static double bare_start(int r, char **argv)
{
	double *t = calloc((size_t)r, sizeof(double));
	char *program = argv[0];

	for (int i = 0; i < r; i++) {
		pid_t pid;
		int status;
		double t0 = now();
		if (posix_spawn(&pid, program, NULL, NULL, argv, environ) != 0 || waitpid(pid, &status, 0) != pid ||
		    status != 0)
			return -1;
		t[i] = now() - t0;
	}
	return median(t, r);
}

/* The median time, in a fresh child each time (they cannot be undone), of applying the rules as libjail does. */
static double paths_apply(int r, const char *paths, size_t len)
{
	double *t = calloc((size_t)r, sizeof(double));

	for (int i = 0; t != NULL && i < r; i++) {
		int pipefd[2], status;
		if (pipe(pipefd) < 0)
			return -1;
		pid_t pid = fork();
		if (pid < 0)
			return -1;
		if (pid == 0) {
			struct jail_err err = { { 0 } };
			double a = now();
			if (landlock_apply_alone(paths, len, &err) < 0) {
				fprintf(stderr, "phases: %s\n", err.msg);
				_exit(1);
			}
			double b = now() - a;
			_exit(write(pipefd[1], &b, sizeof(b)) == sizeof(b) ? 0 : 1);
		}
		if (waitpid(pid, &status, 0) != pid || status != 0 || read(pipefd[0], &t[i], sizeof(double)) != sizeof(double))
			return -1;
		close(pipefd[0]);
		close(pipefd[1]);
	}
	return t == NULL ? -1 : median(t, r);
}

/* As libjail's start-up holds them: static, no malloc. */
static char key_room[JAIL_KEY_ROOM];
static union jail_program_room program_room;

/* The median time to compute the key and read and check the entry that jailctl compile writes. */
static double cache_read(int r, const struct jail_policy_source *src)
{
	char dir[] = "/tmp/jail-phases.XXXXXX", path[4200];
	struct jail_compiled got;
	struct jail_cache_key key;
	struct jail_err err = { { 0 } };
	double *t = calloc((size_t)r, sizeof(double)), m = -1;

	if (t == NULL || mkdtemp(dir) == NULL || setenv("JAIL_CONFIG", src->config, 1) < 0 ||
	    setenv("JAIL_PROFILE", src->profile, 1) < 0 || setenv(JAIL_CACHE_ENV, dir, 1) < 0 ||
	    compile_to_cache(path, sizeof(path), &err) < 0) {
		fprintf(stderr, "phases: the cache: %s\n", err.msg);
		return -1;
	}
	for (int i = 0; i < r; i++) {
		double t0 = now();
		if (cache_key_from_env(&key, key_room, sizeof(key_room), &err) < 0 ||
		    cache_lookup(&key, &got, &program_room, sizeof(program_room)) != 1)
			goto out;
		t[i] = now() - t0;
		cache_key_free(&key);
		compiled_free(&got);
	}
	m = median(t, r);
out:
	unlink(path);
	rmdir(dir);
	return m;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: phases R CONFIG PROFILE PROGRAM [ARG...]\n");
		return 2;
	}
	int r = atoi(argv[1]);
	struct jail_policy_source src = { .config = argv[2], .profile = argv[3] };
	double *load = calloc((size_t)r, sizeof(double)), *build = calloc((size_t)r, sizeof(double)),
	       *install = calloc((size_t)r, sizeof(double));
	size_t insns = 0;

	if (r < 1 || load == NULL || build == NULL || install == NULL)
		return 2;
	/* Parse and build first: a fork between them would make every heap write a copy-on-write fault. */
	struct jail_bpf bpf = { 0 };
	struct jail_err err = { { 0 } };
	char *paths = NULL;
	size_t paths_len = 0, rules = 0;
	for (int i = 0; i < r; i++) {
		struct jail_policy policy;
		double t0 = now();

		filter_bpf_free(&bpf);
		if (policy_load(&src, &policy, &err) < 0) {
			fprintf(stderr, "phases: %s\n", err.msg);
			return 1;
		}
		double t1 = now();
		if (filter_build(&policy, &bpf, &err) < 0) {
			fprintf(stderr, "phases: %s\n", err.msg);
			return 1;
		}
		double t2 = now();
		insns = bpf.len;
		load[i] = t1 - t0;
		build[i] = t2 - t1;
		if (paths == NULL && policy.paths != NULL) {
			paths = policy.paths;
			paths_len = policy.paths_len;
			policy.paths = NULL;
		}
		policy_free(&policy);
	}
	for (int i = 0; i < r; i++) {
		int pipefd[2], status;
		if (pipe(pipefd) < 0)
			return 1;
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			int fd = -1;
			double a = now();
			if (filter_load(&bpf, false, &fd, &err) < 0)
				_exit(1);
			double b = now() - a;
			_exit(write(pipefd[1], &b, sizeof(b)) == sizeof(b) ? 0 : 1);
		}
		if (waitpid(pid, &status, 0) != pid || status != 0 ||
		    read(pipefd[0], &install[i], sizeof(double)) != sizeof(double)) {
			fprintf(stderr, "phases: loading the filter failed in the child\n");
			return 1;
		}
		close(pipefd[0]);
		close(pipefd[1]);
	}
	filter_bpf_free(&bpf);
	double ml = median(load, r), mb = median(build, r), mi = median(install, r);
	double landlock = paths == NULL ? 0 : paths_apply(r, paths, paths_len);
	double bare = bare_start(r, &argv[4]), cached = cache_read(r, &src);
	if (bare <= 0 || cached < 0 || landlock < 0)
		return 1;
	for (const char *rule = paths == NULL ? NULL : landlock_blob_rule(paths, paths_len, NULL); rule != NULL;
	     rule = landlock_blob_rule(paths, paths_len, rule))
		rules++;
	printf("| constructor, %s (%zu BPF instructions): reading the config | %.3f× |\n", argv[3], insns, ml / bare);
	printf("| constructor, %s: building the filter (libseccomp) | %.3f× |\n", argv[3], mb / bare);
	printf("| constructor, %s: loading the filter (TSYNC) | %.3f× |\n", argv[3], mi / bare);
	printf("| constructor, %s: instead of the first two, the compiled entry from the cache | %.3f× |\n",
	       argv[3], cached / bare);
	if (paths != NULL)
		printf("| constructor, %s: applying the path rules (Landlock, %zu rules) | %.3f× (%.0f µs) |\n", argv[3],
		       rules, landlock / bare, landlock * 1e6);
	free(paths);
	return 0;
}
