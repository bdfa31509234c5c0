/*
 * wrapcost: what a wrapper or a preload adds to a program's start-to-exit
 * time. Runs each command line N times, in rounds of one run of each in a
 * new random order (the same orders every time), so that all see the same
 * machine and none always follows the same other one, and prints a table
 * row per command: its median wall time as a ratio to the first command's,
 * the bare program (whose row gives its median in milliseconds).
 *
 *   wrapcost [-j P] [-i FILE] N CMD [:: CMD]...
 *   CMD: [%LABEL] [VAR=VALUE...] PROGRAM [ARG...]
 *
 * VAR=VALUE words go into the command's environment (no env(1) in
 * between, whose own exec would count). With -j P, each command instead
 * runs in rounds of N runs, P at a time, the commands' rounds alternating
 * (R rounds, BENCH_ROUNDS, default 7), and the row gives its median runs
 * per second. Standard output goes to /dev/null; standard input is FILE,
 * opened afresh for each run, with -i (else wrapcost's own). A command that
 * fails is reported and dropped; a failing baseline is fatal.
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
#include <unistd.h>

#include "stats.h"

#define SEP "::"

extern char **environ;

struct cmd {
	const char *label;
	char **argv;   /* NULL-terminated, in place in main's argv */
	char **env;
	double *times; /* one per run (or per round, with -j) */
	int failed;    /* the run it failed at, plus one; 0 if none */
};

static posix_spawn_file_actions_t to_null;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int spawn(const struct cmd *c, pid_t *pid)
{
	return posix_spawnp(pid, c->argv[0], &to_null, NULL, c->argv, c->env) == 0 ? 0 : -1;
}

static int reap(pid_t pid)
{
	int status;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* One run: its wall time in seconds, or -1 if it did not exit 0. */
static double run_once(const struct cmd *c)
{
	double t0 = now();
	pid_t pid;

	if (spawn(c, &pid) < 0 || reap(pid) < 0)
		return -1;
	return now() - t0;
}

/* n runs, p at a time: runs per second, or -1 if one did not exit 0. */
static double run_batch(const struct cmd *c, int n, int p)
{
	double t0 = now();
	int started = 0, running = 0, bad = 0, status;

	while (started < n || running > 0) {
		pid_t pid;
		if (started < n && running < p) {
			if (spawn(c, &pid) < 0)
				return -1;
			started++;
			running++;
			continue;
		}
		pid = wait(&status);
		if (pid < 0)
			return -1;
		running--;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad = 1;
	}
	return bad ? -1 : n / (now() - t0);
}

/* The environment with the command's VAR=VALUE words over it. */
static char **env_with(char **assign, int nassign)
{
	size_t n = 0, k = 0;
	while (environ[n] != NULL)
		n++;
	char **env = calloc(n + (size_t)nassign + 1, sizeof(*env));
	if (env == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int replaced = 0;
		for (int a = 0; a < nassign; a++)
			if (strncmp(environ[i], assign[a], (size_t)(strchr(assign[a], '=') - assign[a] + 1)) == 0)
				replaced = 1;
		if (!replaced)
			env[k++] = environ[i];
	}
	for (int a = 0; a < nassign; a++)
		env[k++] = assign[a];
	return env;
}

static int parse_cmd(char **words, struct cmd *c, int slots)
{
	int i = 0, nassign = 0;

	c->label = NULL;
	if (words[i] != NULL && words[i][0] == '%')
		c->label = words[i++] + 1;
	while (words[i] != NULL && strchr(words[i], '=') != NULL && words[i][0] != '/')
		words[nassign++] = words[i++]; /* moved to the front: the argv follows them */
	c->argv = &words[i];
	if (c->argv[0] == NULL)
		return -1;
	if (c->label == NULL)
		c->label = basename(c->argv[0]);
	c->env = env_with(words, nassign);
	c->times = calloc((size_t)slots, sizeof(double));
	return c->env == NULL || c->times == NULL ? -1 : 0;
}

/*
 * A fresh order for each round: a command that always ran after the same
 * other one would carry what that one leaves behind (a slower first run of
 * a kind after others, measured at up to 0.4x of a bare start).
 */
static void shuffle(int *order, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = (int)(lrand48() % (i + 1));
		int t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
}

int main(int argc, char **argv)
{
	int parallel = 0, first = 1, bad = 0;
	const char *input = NULL;

	for (; first + 1 < argc && argv[first][0] == '-'; first += 2) {
		if (strcmp(argv[first], "-j") == 0)
			bad |= (parallel = atoi(argv[first + 1])) < 1;
		else if (strcmp(argv[first], "-i") == 0)
			input = argv[first + 1];
		else
			bad = 1;
	}
	int n = argc > first + 1 ? atoi(argv[first]) : 0;
	const char *r = getenv("BENCH_ROUNDS");
	int rounds = parallel ? (r ? atoi(r) : 7) : n;
	struct cmd *cmds = calloc((size_t)argc, sizeof(*cmds));
	int ncmds = 0;

	if (n < 1 || rounds < 1 || cmds == NULL || bad) {
		fprintf(stderr, "usage: wrapcost [-j P] [-i FILE] N CMD [:: CMD]...\n");
		return 2;
	}
	/* Split argv at each "::" into NULL-terminated command lines. */
	for (int i = first + 1; i < argc; i++)
		if (strcmp(argv[i], SEP) == 0)
			argv[i] = NULL;
	for (int i = first + 1; i < argc; i++)
		if (argv[i] != NULL && (i == first + 1 || argv[i - 1] == NULL) &&
		    parse_cmd(&argv[i], &cmds[ncmds++], rounds) < 0) {
			fprintf(stderr, "wrapcost: a command line is empty, or out of memory\n");
			return 2;
		}
	if (posix_spawn_file_actions_init(&to_null) != 0 ||
	    posix_spawn_file_actions_addopen(&to_null, 1, "/dev/null", O_WRONLY, 0) != 0 ||
	    (input != NULL && posix_spawn_file_actions_addopen(&to_null, 0, input, O_RDONLY, 0) != 0)) {
		fprintf(stderr, "wrapcost: cannot set up standard output\n");
		return 2;
	}

	int *order = calloc((size_t)ncmds, sizeof(*order));
	if (order == NULL) {
		fprintf(stderr, "wrapcost: out of memory\n");
		return 2;
	}
	for (int c = 0; c < ncmds; c++)
		order[c] = c;
	srand48(1);
	for (int i = 0; i < rounds; i++)
		for (int k = 0; k < ncmds; k++) {
			if (k == 0)
				shuffle(order, ncmds);
			int c = order[k];
			if (cmds[c].failed)
				continue;
			cmds[c].times[i] = parallel ? run_batch(&cmds[c], n, parallel) : run_once(&cmds[c]);
			if (cmds[c].times[i] >= 0)
				continue;
			if (c == 0) {
				fprintf(stderr, "wrapcost: %s did not exit 0\n", cmds[0].label);
				return 1;
			}
			cmds[c].failed = i + 1;
		}

	double base = median(cmds[0].times, rounds);
	for (int c = 0; c < ncmds; c++) {
		if (cmds[c].failed) {
			printf("| %s | skipped: did not exit 0 at %s %d |\n", cmds[c].label, parallel ? "round" : "run",
			       cmds[c].failed);
		} else if (parallel) {
			double m = median(cmds[c].times, rounds);
			printf("| %s, %d at a time: runs per second | %.0f/s, %.2f× bare's |\n", cmds[c].label, parallel,
			       m, m / base);
		} else if (c == 0) {
			/* The baseline's own time, which gives the ratios their scale. */
			printf("| %s: start to exit | 1.00× (%.1f ms) |\n", cmds[c].label, base * 1e3);
		} else {
			printf("| %s: start to exit | %.2f× |\n", cmds[c].label, median(cmds[c].times, rounds) / base);
		}
	}
	free(order);
	return 0;
}
