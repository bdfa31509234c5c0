/*
 * jailctl run and learn, phase by phase: prepare (policy, program, user,
 * redirections, path rules, pre-exec filter, cgroup), start the sandbox,
 * supervise it (supervise.c), judge (judge.c), then report: verdict,
 * message, statistics.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "commands.h"
#include "constants.h"
#include "cpu_pin.h"
#include "judge.h"
#include "landlock.h"
#include "learn.h"
#include "paths.h"
#include "prefault.h"
#include "preexec.h"
#include "program.h"
#include "redirect.h"
#include "relay.h"
#include "run_cache.h"
#include "run_options.h"
#include "sandbox.h"
#include "stats.h"
#include "supervise.h"
#include "supervisor.h"
#include "user.h"

#ifndef JAIL_DEFAULT_LIBRARY
#define JAIL_DEFAULT_LIBRARY "/usr/local/lib/libjail.so"
#endif

/* The environment the program gets: ours, minus what we set, plus libjail's (from *owned_from on, allocated). */
static char **program_env(const struct run_options *o, const char *config, bool preload, bool learn,
			  size_t *owned_from)
{
	extern char **environ;
	size_t n = 0, k = 0;
	char **env;

	while (environ[n] != NULL)
		n++;
	env = calloc(n + 10, sizeof(*env));
	if (env == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "LD_PRELOAD=", 11) != 0 && strncmp(environ[i], "SECCOMP_", 8) != 0 &&
		    strncmp(environ[i], "JAIL_", 5) != 0)
			env[k++] = environ[i];
	*owned_from = k;
	if (preload && learn) {
		if (asprintf(&env[k++], "LD_PRELOAD=%s", o->library) < 0 ||
		    asprintf(&env[k++], "%s=%d", JAIL_SUPERVISOR_ENV, SANDBOX_SUP_FD) < 0 ||
		    asprintf(&env[k++], "%s=1", JAIL_LEARN_ENV) < 0)
			return NULL;
	} else if (preload) {
		if (asprintf(&env[k++], "LD_PRELOAD=%s", o->library) < 0 ||
		    asprintf(&env[k++], "JAIL_CONFIG=%s", config) < 0 ||
		    asprintf(&env[k++], "%s=%d", JAIL_SUPERVISOR_ENV, SANDBOX_SUP_FD) < 0 ||
		    (o->policy.profile && asprintf(&env[k++], "JAIL_PROFILE=%s", o->policy.profile) < 0) ||
		    (o->policy.allow && asprintf(&env[k++], "SECCOMP_SYSCALL_ALLOW=%s", o->policy.allow) < 0) ||
		    (o->policy.deny && asprintf(&env[k++], "SECCOMP_SYSCALL_DENY=%s", o->policy.deny) < 0) ||
		    (o->policy.action && asprintf(&env[k++], "SECCOMP_DEFAULT_ACTION=%s", o->policy.action) < 0) ||
		    (o->policy.read && asprintf(&env[k++], "JAIL_READ=%s", o->policy.read) < 0) ||
		    (o->policy.write && asprintf(&env[k++], "JAIL_WRITE=%s", o->policy.write) < 0))
			return NULL;
	}
	return env;
}

static int choose_user(const struct run_options *o, struct sandbox *s)
{
	const char *name = o->user ? o->user : "nobody";
	uid_t uid;
	gid_t gid;

	if (getuid() != 0) {
		if (o->user != NULL && (user_find(name, &uid, &gid) < 0 || uid != getuid())) {
			fprintf(stderr, "jailctl: --user %s: only root may run a program as another user\n", name);
			return -1;
		}
		s->userns = true;
		return 0;
	}
	if (user_find(name, &uid, &gid) < 0) {
		if (errno == 0)
			fprintf(stderr, "jailctl: --user %s: no such user\n", name);
		else
			fprintf(stderr, "jailctl: --user %s: looking the user up: %s\n", name, strerror(errno));
		return -1;
	}
	s->drop_user = true;
	s->uid = uid;
	s->gid = gid;
	return 0;
}

/* init is our child: until we reap it, its PID (a zombie's at worst) is still its own. */
/* Whether run_or_learn got as far as writing statistics. */
static bool stats_done;

/*
 * log and allow confine no call: jailctl run refuses them (jailctl learn
 * shows what a program calls). what names where the action came from.
 */
static int refused_action(const char *action, const char *what)
{
	if (strcmp(action, "log") == 0) {
		fprintf(stderr, "jailctl: %s log: use jailctl learn to see the calls a program makes\n", what);
		return -1;
	}
	if (strcmp(action, "allow") == 0) {
		fprintf(stderr, "jailctl: %s allow: the program would run with no call refused; use jailctl "
			"learn to see the calls a program makes\n", what);
		return -1;
	}
	return 0;
}

/* The same for the action the profile gives. */
static int refused_policy_action(const struct jail_action *action)
{
	char spelled[32];

	action_format(action, spelled, sizeof(spelled));
	return refused_action(spelled, "the profile's action");
}

/* The run's limits: the profile's (base), the command line's over them, and a wall-clock limit always. */
static void prepare_limits(const struct jail_limits *base, const struct jail_limits *options, struct jail_limits *out)
{
	*out = *base;
	limits_override(out, options);
	if (!(options->set & JAIL_LIM_WALL_TIME) && (options->set & JAIL_LIM_CPU_TIME))
		out->wall_time = 3 * out->cpu_time;
	else if (!(out->set & JAIL_LIM_WALL_TIME))
		out->wall_time = (out->set & JAIL_LIM_CPU_TIME) ? 3 * out->cpu_time : 3600;
	out->set |= JAIL_LIM_WALL_TIME;
}

/*
 * An output that is no regular file (a pipe, a terminal) goes through a
 * relay of jailctl's, which holds it to the file size limit. Standard
 * output and error that go to one place share one relay, so that their
 * writes keep their order.
 */
static int prepare_relays(struct sandbox *s, struct supervision *sv, int program_ends[2])
{
	int *fds[2] = { &s->fd_out, &s->fd_err };
	struct stat a, b;
	int dest[2] = { s->fd_out >= 0 ? s->fd_out : 1, s->fd_err >= 0 ? s->fd_err : 2 };
	bool shared = fstat(dest[0], &a) == 0 && fstat(dest[1], &b) == 0 && a.st_dev == b.st_dev &&
		      a.st_ino == b.st_ino && !S_ISREG(a.st_mode);

	program_ends[0] = program_ends[1] = -1;
	if (!(s->limits.set & JAIL_LIM_FILE_SIZE))
		return 0;
	for (int i = 0; i < 2; i++) {
		int end, rc;
		if (i == 1 && shared && program_ends[0] >= 0) {
			end = fcntl(program_ends[0], F_DUPFD_CLOEXEC, 3);
			if (end < 0) {
				fprintf(stderr, "jailctl: relaying standard error: %s\n", strerror(errno));
				return -1;
			}
		} else {
			rc = relay_setup(dest[i], s->limits.file_size, &sv->relay[sv->relays], &end);
			if (rc < 0)
				return -1;
			if (rc == 0)
				continue;
			sv->relays++;
		}
		if (*fds[i] >= 0)
			close(*fds[i]);
		*fds[i] = program_ends[i] = end;
	}
	return 0;
}

/* -i, -o, -e: opened here, as jailctl's user, before the program starts. */
static int open_redirections(const struct run_options *o, struct sandbox *s)
{
	struct redirections r;

	if (redirect_open(o->stdin_path, o->stdout_path, o->stderr_path, o->stderr_to_stdout, &r) < 0)
		return -1;
	s->fd_in = r.in;
	s->fd_out = r.out;
	s->fd_err = r.err;
	return 0;
}

/*
 * jailctl's filter (preexec.h), compiled once: from the cache when an
 * earlier run of this policy compiled it, else here, and stored for the
 * next run. Where the program's PID turns out not to be the one it was
 * compiled for, the program's process compiles it afresh. Also the policy's
 * action, which jailctl applies to each violation.
 */
static int prepare_filter(const struct run_options *o, bool cached, struct run_compiled *compiled,
			  struct jail_policy *policy, struct sandbox *s, struct jail_action *action, bool debug)
{
	struct jail_err err = { { 0 } };

	if (cached) {
		/* Its key holds what decides it; an entry that disagrees was not made by this jailctl. */
		if (compiled->one_process && !s->one_process) {
			fprintf(stderr, "jailctl: %s: a filter for a limit of one process, where the limit is "
				"%llu: remove it\n", compiled->path, (unsigned long long)s->limits.processes);
			return -1;
		}
		s->one_process = compiled->one_process;
		s->preexec = compiled->preexec.bpf;
		*action = compiled->preexec.action;
		if (debug)
			fprintf(stderr, "jailctl: the filter from the cache: %s\n", compiled->path);
		return 0;
	}
	*action = policy->action;
	if (o->learn ? learn_filter_build(SANDBOX_SUP_FD, &s->preexec, &err) < 0
		     : preexec_build(policy, &s->one_process, s->secret, SANDBOX_SUP_FD, &s->preexec, &err) < 0) {
		fprintf(stderr, "jailctl: %s\n", err.msg);
		return -1;
	}
	if (o->learn)
		return 0;
	/* For the next run of this policy; a cache that cannot be written only costs that run the compile. */
	struct jail_compiled relocatable;
	bool stored = run_cache_relocatable(policy, s->one_process, s->secret, &s->preexec, &relocatable) == 0 &&
		      run_cache_store(&o->policy, &o->limits, s->one_process, &relocatable, compiled) == 0;
	if (debug)
		fprintf(stderr, "jailctl: the filter compiled%s%s\n", stored ? ", and stored in " : "",
			stored ? compiled->path : " (not stored in the cache)");
	return 0;
}

/* A secret for the one execve: 64 random bits no program can guess (preexec.h). */
static int make_secret(uint64_t *secret)
{
	if (getrandom(secret, sizeof(*secret), 0) != (ssize_t)sizeof(*secret)) {
		fprintf(stderr, "jailctl: getrandom: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * The path rules the program's process applies before execve: the
 * policy's, plus what execve and the loader open to start the program
 * (the program, its interpreters, libjail), which must stay readable.
 * None when the policy has none (and never for learn, which watches every
 * open). Whether this kernel can enforce them is checked here, where
 * jailctl can still say so plainly.
 */
static int prepare_paths(const char *policy_paths, size_t len, const struct program *prog, const char *library,
			 struct sandbox *s)
{
	struct jail_err err = { { 0 } };
	char *blob;

	s->paths = NULL;
	s->paths_len = 0;
	if (policy_paths == NULL || s->learn)
		return 0;
	blob = malloc(len);
	if (blob == NULL) {
		fprintf(stderr, "jailctl: out of memory\n");
		return -1;
	}
	memcpy(blob, policy_paths, len);
	for (size_t at = 0; at < prog->loaded_len; at += strlen(prog->loaded + at) + 1)
		if (paths_blob_append(&blob, &len, JAIL_PATH_READ, prog->loaded + at) < 0)
			goto nomem;
	if (!prog->is_static && paths_blob_append(&blob, &len, JAIL_PATH_READ, library) < 0)
		goto nomem;
	if (landlock_check(blob, len, &err) < 0) {
		fprintf(stderr, "jailctl: %s\n", err.msg);
		free(blob);
		return -1;
	}
	s->paths = blob;
	s->paths_len = len;
	return 0;
nomem:
	fprintf(stderr, "jailctl: out of memory\n");
	free(blob);
	return -1;
}

/* The verdict's line on standard error, the statistics, and the status. */
static int report(const struct run_options *o, struct run_result *r)
{
	if (r->message[0] && !o->quiet)
		fprintf(stderr, "jailctl: %s\n", r->message);
	stats_done = true;
	if (o->stats_path != NULL && stats_write(r, o->stats_path) < 0 && r->status == 0)
		r->status = JAILCTL_EXIT_FAILURE;
	return r->status;
}

/* Everything one run of jailctl run or learn holds, from its options to its verdict. */
struct run {
	bool learn, debug, cached;
	struct run_options o;
	const char *config;
	struct jail_policy policy;      /* loaded from the config, unless cached */
	struct run_compiled compiled;   /* from the cache, or stored there */
	struct program prog;
	struct sandbox s;
	struct supervision sv;
	struct run_result r;
	struct cgroup cg;
	size_t env_owned_from;          /* s.envp's entries from here on are ours to free */
	int program_ends[2];            /* the program's ends of the relays */
	int sup[2], status[2], report_fd;
};

/* A limit of one process, learning or not. */
static bool limited_to_one_process(const struct jail_limits *l)
{
	return (l->set & JAIL_LIM_PROCESSES) && l->processes == 1;
}

/* Descriptors 0 to 2 must be taken: else the first we open would become the program's stdin. */
static int take_standard_fds(void)
{
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd) {
			fprintf(stderr, "jailctl: opening /dev/null for descriptor %d: %s\n", fd, strerror(errno));
			return -1;
		}
	return 0;
}

/* learn records into a fresh record, or, with --merge, into what its earlier profile recorded. */
static int start_learning(struct run *run)
{
	run->sv.learned = calloc(1, sizeof(*run->sv.learned));
	if (run->sv.learned == NULL) {
		fprintf(stderr, "jailctl: out of memory\n");
		return -1;
	}
	if (run->o.merge && access(run->o.output, F_OK) == 0 && learn_merge_file(run->sv.learned, run->o.output) < 0)
		return -1;
	return 0;
}

/*
 * The policy: from the cache, where an earlier run compiled it (neither the
 * config nor libseccomp is needed then), else from the config. A missing
 * program is said after a bad policy. Returns 0, or the status to end with.
 */
static int load_policy(struct run *run)
{
	struct run_options *o = &run->o;
	struct jail_err err = { { 0 } };

	if (o->library == NULL)
		o->library = JAIL_DEFAULT_LIBRARY;
	run->config = o->policy.config ? o->policy.config : JAIL_DEFAULT_CONFIG;
	o->policy.config = run->config;
	if (!run->learn && o->policy.action != NULL && refused_action(o->policy.action, "--action") < 0)
		return JAILCTL_EXIT_FAILURE;
	if (make_secret(&run->s.secret) < 0)
		return JAILCTL_EXIT_FAILURE;
	/* Compiled here for the program, which will be PID 2 of its namespace (SELF_PID). */
	jail_self_pid = SANDBOX_PROGRAM_PID;
	int found = program_find(o->argv[0], &run->prog);
	run->cached = found == 0 && !run->learn &&
		      run_cache_load(&o->policy, &o->limits, run->s.secret, &run->compiled) == 1;
	if (!run->cached) {
		if (user_lookups_files_only() < 0) {
			fprintf(stderr, "jailctl: holding user lookups to /etc/passwd: %s\n", strerror(errno));
			return JAILCTL_EXIT_FAILURE;
		}
		if (policy_load(&o->policy, &run->policy, &err) < 0) {
			fprintf(stderr, "jailctl: %s\n", err.msg);
			return JAILCTL_EXIT_FAILURE;
		}
		if (!run->learn && refused_policy_action(&run->policy.action) < 0)
			return JAILCTL_EXIT_FAILURE;
	}
	return found;
}

/* What the program's process gets: limits, user, descriptors, environment, path rules and filter. */
static int prepare_sandbox(struct run *run)
{
	struct run_options *o = &run->o;
	struct sandbox *s = &run->s;
	const struct jail_compiled *cached = run->cached ? &run->compiled.preexec : NULL;

	if (!run->prog.is_static && access(o->library, R_OK) < 0) {
		fprintf(stderr, "jailctl: --library %s: %s\n", o->library, strerror(errno));
		return -1;
	}
	if (run->learn && run->prog.is_static) {
		fprintf(stderr, "jailctl: learn: %s is statically linked: libjail cannot say when its own "
			"code starts; learn from a dynamically linked build\n", run->prog.path);
		return -1;
	}
	prepare_limits(cached ? &cached->limits : &run->policy.limits, &o->limits, &s->limits);
	/* One process: jailctl's filter refuses every new one, where it can, and no pids cgroup is made. */
	s->one_process = limited_to_one_process(&s->limits) && !run->learn;
	if (choose_user(o, s) < 0 || open_redirections(o, s) < 0 ||
	    prepare_relays(s, &run->sv, run->program_ends) < 0)
		return -1;
	s->path = run->prog.path;
	s->exec_path = run->prog.path;
	s->argv = o->argv;
	s->envp = program_env(o, run->config, !run->prog.is_static, run->learn, &run->env_owned_from);
	if (s->envp == NULL) {
		fprintf(stderr, "jailctl: out of memory\n");
		return -1;
	}
	s->policy = &o->policy;
	s->is_static = run->prog.is_static;
	s->learn = run->learn;
	if (prepare_paths(cached ? cached->paths : run->policy.paths,
			  cached ? cached->paths_len : run->policy.paths_len, &run->prog, o->library, s) < 0 ||
	    prepare_filter(o, run->cached, &run->compiled, &run->policy, s, &run->sv.action, run->debug) < 0)
		return -1;
	/* A static program has no loader: the policy alone from its first instruction. */
	run->sv.loader_done = run->prog.is_static;
	return 0;
}

/* The supervisor socket, the status pipe, and the signals that supervise reads through signalfd. */
static int open_channels(struct run *run)
{
	int one = 1;
	sigset_t mask;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, run->sup) < 0 ||
	    setsockopt(run->sup[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0 ||
	    pipe2(run->status, O_CLOEXEC) < 0) {
		fprintf(stderr, "jailctl: socketpair: %s\n", strerror(errno));
		return -1;
	}
	run->s.sup_fd = run->sup[1];
	run->s.status_fd = run->status[1];
	run->sv.status_fd = run->status[0];
	/* Blocked here; the children get the default dispositions back. */
	supervised_signals(&mask);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0) {
		fprintf(stderr, "jailctl: sigprocmask: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/* The run's cgroup, for memory, processes and the tree's CPU time; without one, rlimits (said under JAILCTL_DEBUG). */
static void make_cgroup(struct run *run)
{
	const struct jail_limits *l = &run->s.limits;
	char why[2 * PATH_MAX + 600];

	if (cgroup_create(&run->cg, (l->set & JAIL_LIM_MEMORY) ? l->memory : 0,
			  (l->set & JAIL_LIM_PROCESSES) && !run->s.one_process ? l->processes : 0,
			  limited_to_one_process(l), why, sizeof(why)) < 0) {
		if (run->debug)
			fprintf(stderr, "jailctl: no cgroup, rlimits instead: %s\n", why);
	} else if (run->debug) {
		fprintf(stderr, "jailctl: the run's cgroup: %s%s%s%s\n", run->cg.memory, run->cg.how[0] ? " (" : "",
			run->cg.how, run->cg.how[0] ? ")" : "");
	}
	run->s.cg = &run->cg;
	run->sv.cg = &run->cg;
}

/* Starts the sandbox, supervises it to its end, and judges: the verdict is in run->r. */
static int start_and_supervise(struct run *run)
{
	struct supervision *sv = &run->sv;

	clock_gettime(CLOCK_MONOTONIC, &sv->start);
	sv->init = sandbox_start(&run->s, &run->report_fd);
	sv->pid_namespace = run->s.pid_namespace;
	if (sv->init < 0)
		return -1;
	close(run->sup[1]);
	close(run->status[1]);
	for (int i = 0; i < 2; i++)
		if (run->program_ends[i] >= 0)
			close(run->program_ends[i]);
	int rc = supervise(sv, run->sup[0], run->report_fd, &run->s.limits);
	run->r.wall_time = seconds_since(&sv->start);
	/* What the program wrote before it ended, moved on; a reader that takes nothing gets a second. */
	for (int i = 0; i < sv->relays; i++) {
		relay_finish(&sv->relay[i], 1000);
		relay_close(&sv->relay[i]);
	}
	if (rc < 0) {
		signal_init(sv, SIGKILL);
		reap_init(sv, 0);
		run->r.verdict = "internal_error";
		run->r.status = JAILCTL_EXIT_FAILURE;
		snprintf(run->r.message, sizeof(run->r.message), "supervision failed");
	} else {
		judge(sv, &run->s.limits, run->prog.is_static, &run->r);
	}
	return 0;
}

/* learn's listing on standard error, and with --output its profile. */
static void finish_learning(struct run *run)
{
	learn_print(run->sv.learned, stderr);
	if (run->o.output != NULL &&
	    learn_write_profile(run->sv.learned, run->o.output, run->o.name, &run->s.limits) < 0 && run->r.status == 0)
		run->r.status = JAILCTL_EXIT_FAILURE;
}

/* What the run allocated (the descriptors go with the process). */
static void run_free(struct run *run)
{
	if (run->s.envp != NULL)
		for (char **e = run->s.envp + run->env_owned_from; *e != NULL; e++)
			free(*e);
	free(run->s.envp);
	free((char *)run->s.paths); /* prepare_paths's blob, const to the sandbox */
	if (run->cached)
		run_cache_free(&run->compiled);
	else
		filter_bpf_free(&run->s.preexec);
	policy_free(&run->policy);
	if (run->sv.learned != NULL)
		learn_paths_free(&run->sv.learned->paths);
	free(run->sv.learned);
}

static int run_phases(struct run *run, int argc, char **argv)
{
	int rc;

	if (take_standard_fds() < 0 || run_options_parse(argc, argv, run->learn, &run->o) < 0)
		return JAILCTL_EXIT_FAILURE;
	/* Only speed is at stake: where it cannot be done, the run goes on unpinned. */
	if (cpu_pin_here() < 0 && run->debug)
		fprintf(stderr, "jailctl: start-up not held to one CPU: %s\n", strerror(errno));
	if (run->learn && start_learning(run) < 0)
		return JAILCTL_EXIT_FAILURE;
	rc = load_policy(run);
	if (rc != 0)
		return rc;
	if (prepare_sandbox(run) < 0 || open_channels(run) < 0)
		return JAILCTL_EXIT_FAILURE;
	make_cgroup(run);
	rc = start_and_supervise(run);
	cgroup_destroy(&run->cg);
	if (rc < 0)
		return JAILCTL_EXIT_FAILURE;
	if (run->learn)
		finish_learning(run);
	return report(&run->o, &run->r);
}

static int run_or_learn(int argc, char **argv, bool learn)
{
	struct run run = {
		.learn = learn,
		.debug = getenv("JAILCTL_DEBUG") != NULL,
		.s = { .fd_in = -1, .fd_out = -1, .fd_err = -1 },
		.sv = { .pidfd = -1, .listener = -1, .status_fd = -1 },
		.r = { .cgroup_memory_kib = -1 },
		.program_ends = { -1, -1 },
		.sup = { -1, -1 },
		.status = { -1, -1 },
		.report_fd = -1,
	};
	int status = run_phases(&run, argc, argv);

	run_free(&run);
	return status;
}

/* --stats FILE as given, found without getopt (which may be what failed). */
static const char *stats_option(int argc, char **argv)
{
	const char *path = NULL;

	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if ((strcmp(argv[i], "-S") == 0 || strcmp(argv[i], "--stats") == 0) && i + 1 < argc)
			path = argv[++i];
		else if (strncmp(argv[i], "--stats=", 8) == 0)
			path = argv[i] + 8;
		else if (strncmp(argv[i], "-S", 2) == 0 && argv[i][2] != '\0')
			path = argv[i] + 2;
	}
	return path;
}

/* The statistics are written always: when jailctl stops before the run, they say why. */
static int run_with_stats(int argc, char **argv, bool learn)
{
	int status;

	prefault_run();
	status = run_or_learn(argc, argv, learn);
	const char *path = stats_option(argc, argv);

	if (!stats_done && path != NULL) {
		struct run_result r = { .verdict = "internal_error", .status = status, .cgroup_memory_kib = -1 };
		snprintf(r.message, sizeof(r.message), "jailctl did not run the program (status %d): "
			 "see its message on standard error", status);
		stats_write(&r, path);
	}
	return status;
}

int cmd_run(int argc, char **argv)
{
	return run_with_stats(argc, argv, false);
}

int cmd_learn(int argc, char **argv)
{
	return run_with_stats(argc, argv, true);
}
