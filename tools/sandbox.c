#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <grp.h>
#include <linux/close_range.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "constants.h"
#include "args.h"
#include "cpu_pin.h"
#include "landlock.h"
#include "preexec.h"
#include "sandbox.h"
#include "supervisor.h"
#include "user.h"

/*
 * Before execve nothing can be said on a redirected stderr: the reason goes
 * to jailctl on the status pipe, which closes when execve succeeds, so that
 * nothing the program sends can pass for it. The write carries the secret
 * the filter asks of it, once the filter is loaded.
 */
_Noreturn static void child_fail(const struct sandbox *s, int status, const char *what)
{
	struct sandbox_failure f = { .status = status };

	if (errno)
		snprintf(f.message, sizeof(f.message), "%s: %s", what, strerror(errno));
	else
		snprintf(f.message, sizeof(f.message), "%s", what);
	if (syscall(SYS_write, s->status_fd, &f, sizeof(f), s->secret) != (long)sizeof(f)) {
		/* jailctl is gone; the status says enough. */
	}
	_exit(status);
}

static void move_fd(const struct sandbox *s, int from, int to)
{
	if (from >= 0 && from != to && dup2(from, to) < 0)
		child_fail(s, 125, "dup2");
}

/*
 * Where jailctl's compiled filter does not hold (the program's PID is not
 * the one it was compiled for), it is built here.
 */
static void build_filter_here(struct sandbox *s, struct jail_bpf *preexec, bool *one_process)
{
	struct jail_err err = { { 0 } };
	struct jail_policy policy;

	/* Built here, where SELF_PID is the program's own PID (it stays so across execve). */
	jail_self_pid = 0;
	if (user_lookups_files_only() < 0)
		child_fail(s, 125, "holding user lookups to /etc/passwd");
	if (s->learn ? learn_filter_build(SANDBOX_SUP_FD, preexec, &err) < 0
		     : policy_load(s->policy, &policy, &err) < 0 ||
			       preexec_build(&policy, one_process, s->secret, SANDBOX_SUP_FD, preexec, &err) < 0) {
		errno = 0;
		child_fail(s, 125, err.msg);
	}
}

/* The program: everything but the policy's own filter happens here, then execve. */
_Noreturn static void run_program(struct sandbox *s)
{
	struct jail_err err = { { 0 } };
	struct jail_bpf preexec;
	bool one_process = s->one_process;
	int notify_fd = -1;

	if (setsid() < 0)
		child_fail(s, 125, "setsid");
	/*
	 * Each descriptor to its place: first all of them above the places,
	 * so that no dup2 overwrites one still to be moved.
	 */
	int *fds[] = { &s->fd_in, &s->fd_out, &s->fd_err, &s->sup_fd, &s->status_fd };
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		if (*fds[i] >= 0 && (*fds[i] = fcntl(*fds[i], F_DUPFD_CLOEXEC, 10)) < 0)
			_exit(125);
	/* The status pipe first: every failure from here on is said there. */
	if (dup3(s->status_fd, PREEXEC_STATUS_FD, O_CLOEXEC) < 0)
		_exit(125);
	s->status_fd = PREEXEC_STATUS_FD;
	move_fd(s, s->fd_in, 0);
	move_fd(s, s->fd_out, 1);
	move_fd(s, s->fd_err, 2);
	/* Only 0, 1, 2, the supervisor socket as 3 and the status pipe as 4 (closed by execve) go on. */
	if (dup2(s->sup_fd, SANDBOX_SUP_FD) < 0)
		child_fail(s, 125, "dup2");
	s->sup_fd = SANDBOX_SUP_FD;
	/* libjail takes the socket over; a static program, which has no libjail, does not get it. */
	if (fcntl(s->sup_fd, F_SETFD, s->is_static ? FD_CLOEXEC : 0) < 0)
		child_fail(s, 125, "fcntl");
	if (syscall(SYS_close_range, PREEXEC_STATUS_FD + 1, ~0U, 0) < 0)
		child_fail(s, 125, "close_range");
	/* Into the run's cgroup while still privileged; memory charged from here is the program's. */
	if (cgroup_join_self(s->cg, !s->drop_user) < 0)
		child_fail(s, 125, "joining the run's cgroup");
	/* What jailctl compiled holds only where the program's PID is the one it was compiled for. */
	if (s->preexec.len > 0 && getpid() == SANDBOX_PROGRAM_PID)
		preexec = s->preexec;
	else
		build_filter_here(s, &preexec, &one_process);
	/*
	 * The path rules, made while every path in them can still be reached
	 * (the directory the program starts in may be one its user cannot
	 * search: then it can open nothing there anyway); enforced below.
	 */
	int ruleset = s->paths == NULL ? -1 : landlock_prepare(s->paths, s->paths_len, &err);
	if (s->paths != NULL && ruleset < 0) {
		errno = 0;
		child_fail(s, 125, err.msg);
	}
	if (s->drop_user && (setgroups(0, NULL) < 0 || setgid(s->gid) < 0 || setuid(s->uid) < 0))
		child_fail(s, 125, "dropping privileges");
	/*
	 * Until its execve this process may share jailctl's memory: no process
	 * of the user it now is may attach to it, whatever fs.suid_dumpable
	 * says. execve sets the flag afresh for the program.
	 */
	if (prctl(PR_SET_DUMPABLE, 0) < 0)
		child_fail(s, 125, "prctl PR_SET_DUMPABLE");
	/* RLIMIT_CPU is only a backstop, a second past jailctl's own timer. */
	if (s->limits.set & JAIL_LIM_CPU_TIME)
		s->limits.cpu_time += 1;
	/* The cgroup holds memory and processes for the whole tree; no rlimit second-guesses it. */
	if (s->cg->version != 0)
		s->limits.set &= ~(unsigned)(JAIL_LIM_MEMORY | JAIL_LIM_PROCESSES);
	/* Nor where the filter holds a limit of one process (RLIMIT_NPROC counts the user's others too). */
	if (s->one_process)
		s->limits.set &= ~(unsigned)JAIL_LIM_PROCESSES;
	/* The same policy as jailctl's: the same answer, or the limit would be no one's. */
	if (one_process != s->one_process)
		child_fail(s, 125, "the pre-exec filter and the process limit disagree");
	/* The program gets every CPU jailctl was started with; only the start-up was held to one. */
	if (cpu_unpin() < 0)
		child_fail(s, 125, "sched_setaffinity");
	/* The files it may open, from here on: after everything this process reads for itself. */
	if (ruleset >= 0 && landlock_enforce(ruleset, s->paths, &err) < 0) {
		errno = 0;
		child_fail(s, 125, err.msg);
	}
	/* Last, so that the open files limit leaves room for what the rules open while they are made. */
	if (limits_apply(&s->limits, &err) < 0) {
		errno = 0;
		child_fail(s, 125, err.msg);
	}
	if (filter_load(&preexec, true, &notify_fd, &err) < 0)
		child_fail(s, 125, err.msg);
	/*
	 * From here the filter holds: sendmsg on sup_fd passes, and the one
	 * execve and the status report, which carry the secret (an argument
	 * register neither call reads). The listener is close-on-exec.
	 */
	if (supervisor_send(s->sup_fd, JAIL_SUPERVISOR_PREEXEC, notify_fd, &err) < 0)
		_exit(125);
	syscall(SYS_execve, s->exec_path, s->argv, s->envp, s->secret);
	child_fail(s, errno == ENOENT ? 127 : 126, "execve");
}

/* What the program's process starts from: its own copy, for init's stays as it was. */
struct program_start {
	struct sandbox s;
	int report_fd;     /* init's end of its report pipe, or -1 */
};

/*
 * Without this, a program could read another run's /proc/PID/mem when
 * both run as the same user. Our mounts stay ours (private).
 */
static int mount_own_proc(void)
{
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return -1;
	return mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
}

static int program_main(void *arg)
{
	struct program_start *start = arg;
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t none;

	/* init's SIGTERM handler (no namespace) writes init's memory: not here. */
	sigemptyset(&none);
	if (sigaction(SIGTERM, &dfl, NULL) < 0 || sigprocmask(SIG_SETMASK, &none, NULL) < 0)
		_exit(125);
	if (start->report_fd >= 0)
		close(start->report_fd);
	run_program(&start->s);
}

/*
 * Starts the program as a vfork does: it runs in its parent's memory (init's,
 * or jailctl's), on a stack of its own, and the parent sleeps until its
 * execve (or exit). No page of the parent's is write-protected and copied,
 * which is most of what a fork costs here (a fresh page fault is ~10 µs
 * on a VM). The program's process writes only its copy of the sandbox,
 * its stack and, on the path that compiles, the heap, which the parent
 * does not use again. Signals stay blocked across the clone so that no
 * handler of the parent's runs in it.
 */
static pid_t start_program(const struct sandbox *s, int report_fd)
{
	const size_t guard = 4096, size = 2u << 20;
	struct program_start start = { .s = *s, .report_fd = report_fd };
	sigset_t all, old;
	pid_t pid;
	char *stack = mmap(NULL, guard + size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);

	if (stack == MAP_FAILED)
		return -1;
	sigfillset(&all);
	if (mprotect(stack, guard, PROT_NONE) < 0 || sigprocmask(SIG_SETMASK, &all, &old) < 0) {
		munmap(stack, guard + size);
		return -1;
	}
	pid = clone(program_main, stack + guard + size, CLONE_VM | CLONE_VFORK | SIGCHLD, &start);
	if (pid < 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		munmap(stack, guard + size);
		return -1;
	}
	if (sigprocmask(SIG_SETMASK, &old, NULL) < 0 || munmap(stack, guard + size) < 0) {
		kill(pid, SIGKILL);
		return -1;
	}
	return pid;
}

static volatile sig_atomic_t parent_died;

static void on_parent_death(int sig)
{
	(void)sig;
	parent_died = 1;
}

/* Without a PID namespace: kills our children (orphans come to us, a subreaper) until none is left. */
static void kill_children(void)
{
	for (;;) {
		DIR *d = opendir("/proc");
		struct dirent *e;
		char path[64], stat[512];
		bool found = false;

		if (d == NULL)
			return;
		while ((e = readdir(d)) != NULL) {
			int pid = atoi(e->d_name), ppid, fd;
			ssize_t n;
			char *close_paren;
			if (pid <= 0)
				continue;
			snprintf(path, sizeof(path), "/proc/%d/stat", pid);
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			n = read(fd, stat, sizeof(stat) - 1);
			close(fd);
			if (n <= 0)
				continue;
			stat[n] = '\0';
			/* "pid (comm) state ppid ...": comm may hold anything but ends at the last ')'. */
			close_paren = strrchr(stat, ')');
			if (close_paren != NULL && sscanf(close_paren + 1, " %*c %d", &ppid) == 1 &&
			    ppid == getpid()) {
				kill(pid, SIGKILL);
				found = true;
			}
		}
		closedir(d);
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (!found && waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
			return;
		usleep(1000);
	}
}

/* PID 1 of the namespace: starts the program, reaps everything, reports, kills the rest. */
_Noreturn static void run_init(struct sandbox *s, int go_fd, int report_fd)
{
	struct sandbox_report rep = { 0 };
	char go;
	pid_t program;

	sigset_t none;

	/* jailctl blocks the signals it reads through signalfd; neither init nor the program may inherit that. */
	sigemptyset(&none);
	if (sigprocmask(SIG_SETMASK, &none, NULL) < 0)
		_exit(125);
	/*
	 * In a PID namespace, init's death takes everything with it. Without
	 * one, init must outlive jailctl for a moment to kill what it inherited.
	 */
	if (!s->pid_namespace) {
		struct sigaction sa = { .sa_handler = on_parent_death };
		if (sigaction(SIGTERM, &sa, NULL) < 0 || prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
			_exit(125);
	}
	if (prctl(PR_SET_PDEATHSIG, s->pid_namespace ? SIGKILL : SIGTERM) < 0)
		_exit(125);
	/* jailctl writes one byte when the namespace is ready; EOF means it died. */
	if (read(go_fd, &go, 1) != 1)
		_exit(125);
	close(go_fd);
	if (s->pid_namespace && mount_own_proc() < 0)
		_exit(125);
	/*
	 * A copy of jailctl: its command line (where the redirections go) is
	 * no business of the program's. Blanked before the program exists, so
	 * that no read of /proc/1/cmdline can win a race with it (jailctl
	 * reads its own copy of its arguments).
	 */
	args_hide("jailctl-init");
	program = start_program(s, report_fd);
	if (program < 0)
		_exit(125);
	close(s->sup_fd);
	close(s->status_fd);
	for (;;) {
		int st;
		struct rusage ru;
		pid_t p = wait4(-1, &st, 0, &ru);
		if (parent_died) {
			kill(program, SIGKILL);
			kill_children();
			_exit(125);
		}
		if (p < 0 && errno == EINTR)
			continue;
		if (p < 0)
			_exit(125);
		if (p == program) {
			rep.wait_status = st;
			rep.usage = ru;
			break;
		}
	}
	/* Whatever the program left behind goes with it. */
	if (s->pid_namespace) {
		kill(-1, SIGKILL);
		while (wait(NULL) > 0 || errno == EINTR)
			;
	} else {
		kill_children();
	}
	if (write(report_fd, &rep, sizeof(rep)) != (ssize_t)sizeof(rep))
		_exit(125);
	_exit(0);
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Unprivileged: our uid and gid, and only them, inside the new user namespace. */
static int map_ids(pid_t pid)
{
	char path[64], map[64];

	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)getuid(), (unsigned)getuid());
	snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)pid);
	if (write_file(path, map) < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/setgroups", (int)pid);
	if (write_file(path, "deny") < 0)
		return -1;
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)getgid(), (unsigned)getgid());
	snprintf(path, sizeof(path), "/proc/%d/gid_map", (int)pid);
	return write_file(path, map);
}

/* Whether clone's error e means no PID namespace can be made here (so we fall back), not a failure. */
static bool no_namespace_here(int e)
{
	return e == EPERM || e == EINVAL || e == ENOSPC || e == EUSERS;
}

/* What the quiet init needs: all of it written before the clone, read only after. */
struct quiet_start {
	struct sandbox *s;
	int report_fd, ready_fd, ready_read_fd;
};

static char quiet_init_stack[16384] __attribute__((aligned(64)));

/*
 * PID 1 of the namespace where jailctl is root: a process that shares
 * jailctl's memory (CLONE_VM, no fork's copy), on a stack of its own.
 * While it starts the program, jailctl waits for its word on ready_fd;
 * after that both run at once, so it makes only calls that cannot fail
 * here, reads no errno, and touches nothing of jailctl's but what it was
 * given. It reaps what reaches it until the program ends, reports, and
 * exits: its exit kills and reaps everything left in the namespace.
 */
static int quiet_init(void *arg)
{
	/* Copied while jailctl waits: its stack frame and its sandbox are not ours to read later. */
	const struct quiet_start q = *(const struct quiet_start *)arg;
	const int sup_fd = q.s->sup_fd, status_fd = q.s->status_fd;
	struct sandbox_report rep = { 0 };
	pid_t program;
	struct pollfd jailctl = { .fd = q.ready_fd, .events = POLLOUT };

	/* Our copy of the read end closed, POLLERR on the write end says jailctl has gone. */
	close(q.ready_read_fd);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || poll(&jailctl, 1, 0) != 1 || (jailctl.revents & POLLERR))
		return 125;
	if (mount_own_proc() < 0)
		return 125;
	program = start_program(q.s, q.report_fd);
	/* The program has executed (or failed): jailctl may go on. */
	if (program < 0 || write(q.ready_fd, "r", 1) != 1)
		return 125;
	close(q.ready_fd);
	close(sup_fd);
	close(status_fd);
	for (;;) {
		/* No handler here, so no EINTR: -1 would mean no child, which cannot be. */
		pid_t p = wait4(-1, &rep.wait_status, 0, &rep.usage);
		if (p < 0)
			return 125;
		if (p == program)
			break;
	}
	return write(q.report_fd, &rep, sizeof(rep)) == (ssize_t)sizeof(rep) ? 0 : 125;
}

/*
 * The fast way, for root: init in its own PID and mount namespaces, made
 * by clone(CLONE_VM) in jailctl's memory, starts the program as a vfork
 * does. Neither copies a page of jailctl's; on a VM, where page tables
 * are what costs, a fork and an exit of a copy of jailctl cost more than
 * the program's whole start. Returns init's pid; 0 when no namespace can
 * be made here (the caller falls back); -1 on an error, said.
 */
static pid_t start_quiet(struct sandbox *s, int *report_fd)
{
	int ready[2], report[2];
	char word;
	pid_t pid;

	if (pipe2(ready, O_CLOEXEC) < 0 || pipe2(report, O_CLOEXEC) < 0) {
		fprintf(stderr, "jailctl: pipe: %s\n", strerror(errno));
		return -1;
	}
	struct quiet_start q = { .s = s, .report_fd = report[1], .ready_fd = ready[1], .ready_read_fd = ready[0] };
	s->pid_namespace = true;
	fflush(NULL);
	pid = clone(quiet_init, quiet_init_stack + sizeof(quiet_init_stack),
		    CLONE_VM | CLONE_NEWPID | CLONE_NEWNS | SIGCHLD, &q);
	if (pid < 0) {
		int e = errno;
		close(ready[0]), close(ready[1]), close(report[0]), close(report[1]);
		errno = e;
		if (no_namespace_here(e))
			return 0;
		fprintf(stderr, "jailctl: cannot start the sandbox: %s\n", strerror(e));
		return -1;
	}
	close(ready[1]);
	close(report[1]);
	/* Until init's word, the program's process runs in our memory: we touch nothing. */
	ssize_t n = read(ready[0], &word, 1);
	close(ready[0]);
	if (n != 1) {
		fprintf(stderr, "jailctl: the sandbox's init failed to start the program\n");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(report[0]);
		return -1;
	}
	*report_fd = report[0];
	return pid;
}

static pid_t start_with_init(struct sandbox *s, int *report_fd);

pid_t sandbox_start(struct sandbox *s, int *report_fd)
{
	bool debug = getenv("JAILCTL_DEBUG") != NULL;

	/* learn answers the program's calls before its execve: jailctl cannot wait for that. */
	if (!s->userns && !s->learn && getenv("JAILCTL_NO_NAMESPACE") == NULL) {
		pid_t pid = start_quiet(s, report_fd);
		if (pid > 0 && debug)
			fprintf(stderr, "jailctl: init shares jailctl's memory (no copy)\n");
		if (pid != 0)
			return pid;
	}
	if (debug)
		fprintf(stderr, "jailctl: init is a fork of jailctl\n");
	return start_with_init(s, report_fd);
}

/* Unprivileged, learning, or with no PID namespace: init is a fork of jailctl. */
static pid_t start_with_init(struct sandbox *s, int *report_fd)
{
	int go[2], report[2];
	/* A mount namespace too, for a /proc of the run's own: no other run's process shows there. */
	unsigned long flags = CLONE_NEWPID | CLONE_NEWNS | SIGCHLD | (s->userns ? CLONE_NEWUSER : 0);
	pid_t pid;

	if (pipe2(go, O_CLOEXEC) < 0 || pipe2(report, O_CLOEXEC) < 0) {
		fprintf(stderr, "jailctl: pipe: %s\n", strerror(errno));
		return -1;
	}
	fflush(NULL);
	/* fork(), but into new namespaces; jailctl has no threads, so this is safe. */
	/* JAILCTL_NO_NAMESPACE=1 takes the fallback on purpose (the tests use it). */
	bool forced = getenv("JAILCTL_NO_NAMESPACE") != NULL;
	s->pid_namespace = true;
	pid = forced ? -1 : (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, 0);
	if (pid < 0 && (forced || no_namespace_here(errno))) {
		/* No namespace for us here: init becomes a subreaper instead. */
		s->pid_namespace = false;
		s->userns = false;
		pid = fork();
	}
	if (pid < 0) {
		fprintf(stderr, "jailctl: cannot start the sandbox: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(go[1]);
		close(report[0]);
		run_init(s, go[0], report[1]);
	}
	close(go[0]);
	close(report[1]);
	if (s->userns && map_ids(pid) < 0) {
		fprintf(stderr, "jailctl: writing the user namespace's id maps: %s\n", strerror(errno));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return -1;
	}
	if (write(go[1], "g", 1) != 1) {
		fprintf(stderr, "jailctl: starting init: %s\n", strerror(errno));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return -1;
	}
	close(go[1]);
	*report_fd = report[0];
	return pid;
}
