/*
 * phases: where libjail's constructor spends its time, phase by phase,
 * for one profile: reading the policy (libconfuse, names), building the BPF
 * (libseccomp), and loading it (in a child, since a filter cannot be
 * unloaded). Prints each phase's share of the constructor's total.
 *
 *   phases R CONFIG PROFILE
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "filter.h"
#include "policy.h"
#include "stats.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: phases R CONFIG PROFILE\n");
		return 2;
	}
	int r = atoi(argv[1]);
	struct jail_policy_source src = { .config = argv[2], .profile = argv[3] };
	double *load = calloc((size_t)r, sizeof(double)), *build = calloc((size_t)r, sizeof(double)),
	       *install = calloc((size_t)r, sizeof(double));
	size_t insns = 0;

	if (r < 1 || load == NULL || build == NULL || install == NULL)
		return 2;
	for (int i = 0; i < r; i++) {
		struct jail_policy policy;
		struct jail_bpf bpf;
		struct jail_err err = { { 0 } };
		double t0 = now();

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
		int pipefd[2];
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
		int status;
		if (waitpid(pid, &status, 0) != pid || status != 0 ||
		    read(pipefd[0], &install[i], sizeof(double)) != sizeof(double)) {
			fprintf(stderr, "phases: loading the filter failed in the child\n");
			return 1;
		}
		close(pipefd[0]);
		close(pipefd[1]);
		load[i] = t1 - t0;
		build[i] = t2 - t1;
		filter_bpf_free(&bpf);
		policy_free(&policy);
	}
	double ml = median(load, r), mb = median(build, r), mi = median(install, r), total = ml + mb + mi;
	printf("phases   profile %-8s BPF %zu instructions; of the constructor: policy %.0f%%, "
	       "build %.0f%%, load %.0f%%\n", argv[3], insns, 100 * ml / total, 100 * mb / total,
	       100 * mi / total);
	return 0;
}
