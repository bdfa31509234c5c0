/*
 * jailctl run: prepare (policy, program, user, redirections, pre-exec
 * filter), start the sandbox, supervise it (time limits, violations,
 * libjail's confirmation), then report: verdict, message, statistics.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "commands.h"
#include "constants.h"
#include "cpu_pin.h"
#include "describe.h"
#include "landlock.h"
#include "learn.h"
#include "paths.h"
#include "prefault.h"
#include "preexec.h"
#include "proc_status.h"
#include "program.h"
#include "redirect.h"
#include "relay.h"
#include "run_cache.h"
#include "run_options.h"
#include "sandbox.h"
#include "stats.h"
#include "supervisor.h"
#include "user.h"

#ifndef JAIL_DEFAULT_LIBRARY
#define JAIL_DEFAULT_LIBRARY "/usr/local/lib/libjail.so"
#endif

struct supervision {
	pid_t init;
	bool init_reaped;          /* its PID may now be anyone's: never signal it again */
	pid_t program;             /* in our PID namespace, from the pre-exec message */
	int pidfd;                 /* the program's, once known */
	int listener;              /* the pre-exec filter's notifications */
	int status_fd;             /* the status pipe: a failure before the program runs, or EOF */
	bool confined;             /* libjail said the program's own code starts */
	/* Calls of the dynamic loader go on until then; a static program has no loader. */
	bool loader_done;
	struct jail_action action; /* what a violation does */
	bool cpu_exceeded, wall_exceeded, forbidden, child_failed;
	struct call_description call;
	struct sandbox_failure failure;
	struct sandbox_report report;
	bool reported;
	struct timespec start;
	const struct cgroup *cg;
	struct relay relay[2];     /* outputs that are no regular file: standard output, error */
	int relays;
	bool output_exceeded;
	struct learned *learned;   /* jailctl learn: every call is recorded, then continued */
	bool pid_namespace;
	timer_t cpu_timer;
	bool has_cpu_timer;
};

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The environment the program gets: ours, minus what we set, plus libjail's. */
static char **program_env(const struct run_options *o, const char *config, bool preload, bool learn)
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
static void signal_init(struct supervision *sv, int sig)
{
	if (!sv->init_reaped)
		kill(sv->init, sig);
}

static void reap_init(struct supervision *sv, int options)
{
	int st;

	if (!sv->init_reaped && waitpid(sv->init, &st, options) == sv->init)
		sv->init_reaped = true;
}

static void kill_program(struct supervision *sv)
{
	/* The program first, so that init can still report its usage; init follows. */
	if (sv->pidfd >= 0)
		syscall(SYS_pidfd_send_signal, sv->pidfd, SIGKILL, NULL, 0);
	else
		signal_init(sv, SIGKILL);
}

/* Whether the program has ended, as its pidfd says; false when there is none. */
static bool program_ended(const struct supervision *sv)
{
	struct pollfd p = { .fd = sv->pidfd, .events = POLLIN };

	return sv->pidfd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

/*
 * The supervisor socket carries two messages, each believed once and only
 * in the state where jailctl's own code sends it: the pre-exec filter's
 * listener, from the program's process before execve (with its
 * credentials), and libjail's word that the program's own code starts,
 * after that. Anything else the program sends is dropped, and so is every
 * descriptor but the listener. Returns false when no message was waiting.
 */
static bool on_sup_message(int sup, struct supervision *sv)
{
	char buf[64], control[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(struct ucred))];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) - 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
			      .msg_controllen = sizeof(control) };
	ssize_t n = recvmsg(sup, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	int fd = -1;
	pid_t sender = 0;

	if (n <= 0)
		return false;
	buf[n] = '\0';
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			/* At most one descriptor is ours to keep; any other is closed at once. */
			int fds[8];
			size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
			memcpy(fds, CMSG_DATA(c), (k > 8 ? 8 : k) * sizeof(int));
			for (size_t i = 0; i < k && i < 8; i++) {
				if (fd < 0)
					fd = fds[i];
				else
					close(fds[i]);
			}
		}
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
			struct ucred cred;
			memcpy(&cred, CMSG_DATA(c), sizeof(cred));
			sender = cred.pid;
		}
	}
	if (strcmp(buf, JAIL_SUPERVISOR_PREEXEC) == 0 && sv->listener < 0 && fd >= 0 && sender > 0) {
		sv->listener = fd;
		sv->program = sender;
		sv->pidfd = (int)syscall(SYS_pidfd_open, sender, 0);
		return true;
	}
	if (fd >= 0)
		close(fd); /* nothing else may bring a descriptor */
	/* Only after the program started; early, it only closes the loader's door on the sender itself. */
	if (strcmp(buf, JAIL_SUPERVISOR_CONFINED) == 0 && sv->listener >= 0 && !sv->confined) {
		sv->confined = true;
		sv->loader_done = true;
	}
	return true;
}

/* The status pipe: a failure the program's process reports before execve, or EOF (execve succeeded). */
static void on_status(struct supervision *sv)
{
	struct sandbox_failure f;
	ssize_t n = read(sv->status_fd, &f, sizeof(f));

	if (n == (ssize_t)sizeof(f) && !sv->child_failed) {
		sv->child_failed = true;
		/* jailctl's own code wrote it; still, a status is 125 to 127 and the text ends. */
		sv->failure.status = f.status >= 125 && f.status <= 127 ? f.status : JAILCTL_EXIT_FAILURE;
		f.message[sizeof(f.message) - 1] = '\0';
		snprintf(sv->failure.message, sizeof(sv->failure.message), "%s", f.message);
	}
	close(sv->status_fd);
	sv->status_fd = -1;
}

static void reply(const struct supervision *sv, __u64 id, int error, __u32 flags)
{
	struct seccomp_notif_resp resp = { .id = id, .error = error, .flags = flags };

	/* ENOENT: the caller is gone (killed meanwhile); nothing to answer. */
	ioctl(sv->listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

/* The thread that made the call gets SIGSYS, as the kernel's trap would give it. */
static void trap_thread(pid_t tid)
{
	long tgid;

	if (proc_thread_group(tid, &tgid, NULL) == 0 && tgid > 0)
		syscall(SYS_tgkill, (pid_t)tgid, tid, SIGSYS);
}

/*
 * A violation: the policy's action. kill and kill_thread stop the program
 * and the verdict names the call. Under errno and trap the kernel answers
 * the program's violations itself; what reaches jailctl is a call of the
 * loader's after libjail's word, which gets the same: its errno, or SIGSYS
 * in the thread (without the kernel's record of the call, which only the
 * kernel's own trap gives a handler).
 */
static void on_violation(struct supervision *sv, const struct seccomp_notif *req, int mem_fd)
{
	switch (sv->action.kind) {
	case JAIL_ACT_ERRNO:
		reply(sv, req->id, -sv->action.errno_value, 0);
		return;
	case JAIL_ACT_TRAP:
		trap_thread((pid_t)req->pid);
		reply(sv, req->id, -ENOSYS, 0);
		return;
	default:
		break;
	}
	if (!sv->forbidden) {
		describe_call(req, mem_fd, &sv->call);
		/* The path is only to be believed if the call is still waiting. */
		if (ioctl(sv->listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) < 0)
			sv->call.path[0] = '\0';
		sv->forbidden = true;
	}
	kill_program(sv);
	reply(sv, req->id, -EPERM, 0);
}

/*
 * A notification from our filter. Until libjail's word, a call the dynamic
 * loader makes goes on; anything else is a violation.
 */
static void on_notification(struct supervision *sv)
{
	struct seccomp_notif req;
	char mem_path[64];
	int mem_fd = -1;

	memset(&req, 0, sizeof(req));
	if (ioctl(sv->listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0)
		return;
	if (sv->learned == NULL && !sv->loader_done && preexec_loader_call(req.data.nr, (const uint64_t *)req.data.args) == 1) {
		reply(sv, req.id, 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE);
		return;
	}
	snprintf(mem_path, sizeof(mem_path), "/proc/%u/mem", req.pid);
	mem_fd = open(mem_path, O_RDONLY | O_CLOEXEC);
	if (sv->learned != NULL) {
		/* Before libjail's word, the calls are the loader's and libjail's own. */
		if (sv->confined)
			learn_record(sv->learned, &req, mem_fd, sv->program);
		reply(sv, req.id, 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE);
	} else {
		on_violation(sv, &req, mem_fd);
	}
	if (mem_fd >= 0)
		close(mem_fd);
}

/* Whether a timer call failed with e because the program has ended already (ESRCH, or EINVAL for one that just went). */
static bool ended_under(const struct supervision *sv, int e)
{
	return e == ESRCH || (e == EINVAL && program_ended(sv));
}

static int start_cpu_timer(struct supervision *sv, double seconds)
{
	clockid_t clock;
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGRTMIN };
	struct itimerspec its = { 0 };

	int e = clock_getcpuclockid(sv->program, &clock);
	if (e == 0 && timer_create(clock, &ev, &sv->cpu_timer) < 0)
		e = errno;
	/* It has ended already: nothing to time. */
	if (ended_under(sv, e))
		return 0;
	if (e != 0) {
		fprintf(stderr, "jailctl: cannot time the program's CPU: %s\n", strerror(e));
		return -1;
	}
	its.it_value.tv_sec = (time_t)seconds;
	its.it_value.tv_nsec = (long)((seconds - floor(seconds)) * 1e9);
	if (timer_settime(sv->cpu_timer, 0, &its, NULL) < 0) {
		e = errno;
		timer_delete(sv->cpu_timer);
		/* It ended between the two calls. */
		if (ended_under(sv, e))
			return 0;
		fprintf(stderr, "jailctl: timer_settime: %s\n", strerror(e));
		return -1;
	}
	sv->has_cpu_timer = true;
	return 0;
}

/* An output to move on; past the file size limit, the program gets what a file's limit would give it. */
static void on_relay(struct supervision *sv, struct relay *r)
{
	relay_pump(r);
	if (r->over && !sv->output_exceeded) {
		sv->output_exceeded = true;
		/* The whole process group: any process of the program's may be the writer. */
		if (sv->program > 0)
			kill(-sv->program, SIGXFSZ);
	}
}

/* What jailctl reads through signalfd while it supervises: blocked before the sandbox starts. */
static void supervised_signals(sigset_t *mask)
{
	sigemptyset(mask);
	sigaddset(mask, SIGCHLD);
	sigaddset(mask, SIGRTMIN);
	sigaddset(mask, SIGINT);
	sigaddset(mask, SIGTERM);
	sigaddset(mask, SIGHUP);
}

/* Returns 0 when the program has ended and init has reported or died. */
static int supervise(struct supervision *sv, int sup, int report_fd, const struct jail_limits *l)
{
	sigset_t mask;
	int sfd, wall_fd;
	struct itimerspec wall = { 0 };

	supervised_signals(&mask);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	wall_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	/* The CPU timer sees the program; every 10 ms the cgroup tells about its descendants. */
	int tree_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	struct itimerspec tick = { .it_value = { 0, 10000000 }, .it_interval = { 0, 10000000 } };
	if (tree_fd >= 0 && sv->cg->version != 0 && (l->set & JAIL_LIM_CPU_TIME) &&
	    cgroup_cpu_seconds(sv->cg) >= 0)
		timerfd_settime(tree_fd, 0, &tick, NULL);
	if (sfd < 0 || wall_fd < 0 || tree_fd < 0) {
		fprintf(stderr, "jailctl: signalfd/timerfd: %s\n", strerror(errno));
		return -1;
	}
	wall.it_value.tv_sec = (time_t)l->wall_time;
	wall.it_value.tv_nsec = (long)((l->wall_time - floor(l->wall_time)) * 1e9);
	if (timerfd_settime(wall_fd, 0, &wall, NULL) < 0) {
		fprintf(stderr, "jailctl: timerfd_settime: %s\n", strerror(errno));
		return -1;
	}
	/*
	 * The socket hangs up once no process holds its other end (a static
	 * program never has it; libjail may close it), and the listener once
	 * no process runs under the filter. poll reports a hang-up always:
	 * such a descriptor is drained, then no longer polled, or we would spin.
	 */
	bool sup_open = true, listener_open = true;
	while (!sv->init_reaped) {
		struct pollfd p[9] = {
			{ .fd = sfd, .events = POLLIN }, { .fd = wall_fd, .events = POLLIN },
			{ .fd = sup_open ? sup : -1, .events = POLLIN }, { .fd = report_fd, .events = POLLIN },
			{ .fd = listener_open ? sv->listener : -1, .events = POLLIN }, { .fd = tree_fd, .events = POLLIN },
			{ .fd = sv->status_fd, .events = POLLIN }, { .fd = -1 }, { .fd = -1 },
		};
		for (int i = 0; i < sv->relays; i++)
			relay_poll(&sv->relay[i], &p[7 + i]);
		if (poll(p, 9, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "jailctl: poll: %s\n", strerror(errno));
			return -1;
		}
		if (p[0].revents & POLLIN) {
			struct signalfd_siginfo si;
			if (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
				if ((int)si.ssi_signo == SIGRTMIN) {
					sv->cpu_exceeded = true;
					kill_program(sv);
				} else if (si.ssi_signo != SIGCHLD) {
					/* We are told to stop: so is everything. init kills the rest, then reports. */
					kill_program(sv);
					/* Without a namespace, init needs SIGTERM to kill what it inherited. */
					signal_init(sv, sv->pid_namespace ? SIGKILL : SIGTERM);
				}
			}
			reap_init(sv, WNOHANG);
		}
		if (p[1].revents & POLLIN) {
			uint64_t ticks;
			if (read(wall_fd, &ticks, sizeof(ticks)) > 0) {
				sv->wall_exceeded = true;
				kill_program(sv);
				/* init gets a moment to report, then goes too. */
				struct itimerspec grace = { .it_value = { 1, 0 } };
				timerfd_settime(wall_fd, 0, &grace, NULL);
				if (sv->wall_exceeded && since(&sv->start) > l->wall_time + 0.9)
					signal_init(sv, SIGKILL);
			}
		}
		/* Every message that came before the report counts: drain them all. */
		if ((p[2].revents & POLLIN) || (p[3].revents & (POLLIN | POLLHUP))) {
			while (on_sup_message(sup, sv))
				;
			if (sv->program > 0 && !sv->has_cpu_timer && (l->set & JAIL_LIM_CPU_TIME) &&
			    start_cpu_timer(sv, l->cpu_time) < 0)
				signal_init(sv, SIGKILL);
		}
		if (p[3].revents & (POLLIN | POLLHUP)) {
			if (read(report_fd, &sv->report, sizeof(sv->report)) == (ssize_t)sizeof(sv->report))
				sv->reported = true;
			p[3].fd = -1;
			reap_init(sv, 0);
		}
		if (sv->listener >= 0 && (p[4].revents & POLLIN))
			on_notification(sv);
		else if (p[4].revents & (POLLHUP | POLLERR | POLLNVAL))
			listener_open = false;
		/* Hung up, with what was queued drained above: nothing more can come. */
		if (p[2].revents & (POLLHUP | POLLERR | POLLNVAL))
			sup_open = false;
		if (p[6].revents & (POLLIN | POLLHUP | POLLERR))
			on_status(sv);
		for (int i = 0; i < sv->relays; i++)
			if (p[7 + i].revents)
				on_relay(sv, &sv->relay[i]);
		if (p[5].revents & POLLIN) {
			uint64_t ticks;
			if (read(tree_fd, &ticks, sizeof(ticks)) > 0 && !sv->cpu_exceeded &&
			    cgroup_cpu_seconds(sv->cg) >= l->cpu_time) {
				sv->cpu_exceeded = true;
				kill_program(sv); /* init reports, then takes the rest down */
			}
		}
	}
	close(sfd);
	close(wall_fd);
	close(tree_fd);
	return 0;
}

static const char *signal_name(int sig, char *buf, size_t len)
{
	snprintf(buf, len, "SIG%s", sigabbrev_np(sig) ? sigabbrev_np(sig) : "?");
	return buf;
}

/* The verdict, the status and the message, from what happened. */
static void judge(const struct supervision *sv, const struct jail_limits *l, bool is_static,
		  struct run_result *r)
{
	int st = sv->report.wait_status;
	char sig[32];

	r->user_time = (double)sv->report.usage.ru_utime.tv_sec + sv->report.usage.ru_utime.tv_usec / 1e6;
	r->sys_time = (double)sv->report.usage.ru_stime.tv_sec + sv->report.usage.ru_stime.tv_usec / 1e6;
	r->cpu_time = r->user_time + r->sys_time;
	r->memory_kib = sv->report.usage.ru_maxrss;
	r->limits_by = "rlimit";
	bool oom_killed = false, memory_hit = false;
	if (sv->cg->version != 0) {
		long peak = cgroup_memory_peak_kib(sv->cg);
		double tree_cpu = cgroup_cpu_seconds(sv->cg);
		r->limits_by = "cgroup";
		/*
		 * The peak resident size, as judges report it (wait4's ru_maxrss), or
		 * the cgroup's peak charge where that is larger (a tree of processes,
		 * page cache); the charge alone is kept too.
		 */
		r->cgroup_memory_kib = peak;
		if (peak > r->memory_kib)
			r->memory_kib = peak;
		if (tree_cpu > r->cpu_time)
			r->cpu_time = tree_cpu;
		memory_hit = (l->set & JAIL_LIM_MEMORY) && cgroup_memory_hit(sv->cg, &oom_killed);
	}
	if (sv->reported && WIFEXITED(st)) {
		r->exited = true;
		r->exit_code = WEXITSTATUS(st);
		r->status = r->exit_code;
	} else if (sv->reported && WIFSIGNALED(st)) {
		r->signal = WTERMSIG(st);
		r->status = 128 + r->signal;
	}
	if (sv->child_failed) {
		r->verdict = "internal_error";
		r->exited = false;
		r->signal = 0;
		r->status = sv->failure.status;
		snprintf(r->message, sizeof(r->message), "could not start the program: %s", sv->failure.message);
	} else if (sv->forbidden) {
		/* Stopped as the kernel stops a forbidden call: SIGSYS, 159. */
		r->verdict = "forbidden_syscall";
		r->forbidden = true;
		r->call = sv->call;
		r->exited = false;
		r->signal = SIGSYS;
		r->status = 128 + SIGSYS;
		snprintf(r->message, sizeof(r->message), "stopped: %s", sv->call.words);
	} else if (r->signal == SIGSYS) {
		/* A trapped call no handler caught, or a filter that a program it ran loaded. */
		r->verdict = "forbidden_syscall";
		snprintf(r->message, sizeof(r->message), "stopped: the program made a system call that "
			 "its policy does not allow (killed by SIGSYS)");
	} else if (sv->cpu_exceeded || (r->signal == SIGXCPU) ||
		   ((l->set & JAIL_LIM_CPU_TIME) && r->cpu_time >= l->cpu_time && r->signal == SIGKILL)) {
		r->verdict = "cpu_time_limit";
		r->status = 124;
		snprintf(r->message, sizeof(r->message), "stopped: the program used more than %g s of CPU time",
			 l->cpu_time);
	} else if (sv->wall_exceeded) {
		r->verdict = "wall_time_limit";
		r->status = 124;
		snprintf(r->message, sizeof(r->message), "stopped: the program ran longer than %g s "
			 "(waiting, sleeping or blocked)", l->wall_time);
	} else if (sv->reported && (oom_killed || (memory_hit && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) ||
				    (sv->cg->version == 0 && (l->set & JAIL_LIM_MEMORY) &&
				     !(WIFEXITED(st) && WEXITSTATUS(st) == 0) &&
				     (uint64_t)r->memory_kib * 1024 >= l->memory / 2))) {
		/*
		 * Killed, crashed or failed while at its limit. Without a cgroup, a
		 * guess: half of it in use (RLIMIT_AS leaves no record of a failure).
		 * Under a cgroup the charge says it, and nothing else: a program that
		 * fails for its own reasons while using much memory keeps its verdict.
		 */
		r->verdict = "memory_limit";
		snprintf(r->message, sizeof(r->message), "stopped: the program needed more than %llu MiB of memory",
			 (unsigned long long)(l->memory >> 20));
	} else if (!sv->reported) {
		r->verdict = "internal_error";
		r->status = JAILCTL_EXIT_FAILURE;
		snprintf(r->message, sizeof(r->message), "the sandbox ended without a report");
	} else if (r->signal == SIGXFSZ || sv->output_exceeded) {
		r->verdict = "output_limit";
		snprintf(r->message, sizeof(r->message), "stopped: the program wrote more than the file size limit");
	} else if (!is_static && !sv->confined) {
		/* ld.so only warns when a preload fails: such a run never counts. */
		r->verdict = "internal_error";
		r->status = JAILCTL_EXIT_FAILURE;
		snprintf(r->message, sizeof(r->message), "libjail did not say that the program's own code started "
			 "(the preload did not take effect): the run does not count");
	} else if (r->signal > 0) {
		r->verdict = "signal";
		snprintf(r->message, sizeof(r->message), "the program was killed by %s (%s)",
			 signal_name(r->signal, sig, sizeof(sig)), strsignal(r->signal));
	} else if (r->exit_code != 0) {
		r->verdict = "runtime_error";
		snprintf(r->message, sizeof(r->message), "the program exited with status %d", r->exit_code);
	} else {
		r->verdict = "ok";
	}
}

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

static int run_or_learn(int argc, char **argv, bool learn)
{
	struct run_options o;
	struct jail_policy policy = { 0 };
	struct jail_err err = { { 0 } };
	struct program prog;
	struct sandbox s = { .fd_in = -1, .fd_out = -1, .fd_err = -1 };
	struct supervision sv = { .pidfd = -1, .listener = -1, .status_fd = -1 };
	struct run_result r = { .cgroup_memory_kib = -1 };
	const char *config;
	int rc, sup[2], status[2], report_fd, one = 1;
	sigset_t mask;
	struct run_compiled compiled;
	bool cached, debug = getenv("JAILCTL_DEBUG") != NULL;

	/* Descriptors 0 to 2 must be taken: else the first we open would become the program's stdin. */
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd) {
			fprintf(stderr, "jailctl: opening /dev/null for descriptor %d: %s\n", fd, strerror(errno));
			return JAILCTL_EXIT_FAILURE;
		}
	if (run_options_parse(argc, argv, learn, &o) < 0)
		return JAILCTL_EXIT_FAILURE;
	/* Only speed is at stake: where it cannot be done, the run goes on unpinned. */
	if (cpu_pin_here() < 0 && debug)
		fprintf(stderr, "jailctl: start-up not held to one CPU: %s\n", strerror(errno));
	if (learn) {
		sv.learned = calloc(1, sizeof(*sv.learned));
		if (sv.learned == NULL || (o.merge && access(o.output, F_OK) == 0 &&
					   learn_merge_file(sv.learned, o.output) < 0))
			return JAILCTL_EXIT_FAILURE;
	}
	if (o.library == NULL)
		o.library = JAIL_DEFAULT_LIBRARY;
	config = o.policy.config ? o.policy.config : JAIL_DEFAULT_CONFIG;
	o.policy.config = config;
	if (!learn && o.policy.action != NULL && refused_action(o.policy.action, "--action") < 0)
		return JAILCTL_EXIT_FAILURE;
	if (make_secret(&s.secret) < 0)
		return JAILCTL_EXIT_FAILURE;
	/* Compiled here for the program, which will be PID 2 of its namespace (SELF_PID). */
	jail_self_pid = SANDBOX_PROGRAM_PID;
	rc = program_find(o.argv[0], &prog);
	/* A policy compiled by an earlier run: neither the config nor libseccomp is needed. */
	cached = rc == 0 && !learn && run_cache_load(&o.policy, &o.limits, s.secret, &compiled) == 1;
	if (!cached) {
		if (user_lookups_files_only() < 0) {
			fprintf(stderr, "jailctl: holding user lookups to /etc/passwd: %s\n", strerror(errno));
			return JAILCTL_EXIT_FAILURE;
		}
		if (policy_load(&o.policy, &policy, &err) < 0) {
			fprintf(stderr, "jailctl: %s\n", err.msg);
			return JAILCTL_EXIT_FAILURE;
		}
		if (!learn && refused_policy_action(&policy.action) < 0)
			return JAILCTL_EXIT_FAILURE;
	}
	if (rc != 0)
		return rc;
	if (!prog.is_static && access(o.library, R_OK) < 0) {
		fprintf(stderr, "jailctl: --library %s: %s\n", o.library, strerror(errno));
		return JAILCTL_EXIT_FAILURE;
	}
	prepare_limits(cached ? &compiled.preexec.limits : &policy.limits, &o.limits, &s.limits);
	/* One process: jailctl's filter refuses every new one, where it can, and no pids cgroup is made. */
	bool one_process = (s.limits.set & JAIL_LIM_PROCESSES) && s.limits.processes == 1;
	s.one_process = one_process && !learn;
	int program_ends[2];
	if (choose_user(&o, &s) < 0 || open_redirections(&o, &s) < 0 || prepare_relays(&s, &sv, program_ends) < 0)
		return JAILCTL_EXIT_FAILURE;
	s.path = prog.path;
	s.exec_path = prog.path;
	s.argv = o.argv;
	s.envp = program_env(&o, config, !prog.is_static, o.learn);
	if (s.envp == NULL) {
		fprintf(stderr, "jailctl: out of memory\n");
		return JAILCTL_EXIT_FAILURE;
	}
	s.policy = &o.policy;
	s.is_static = prog.is_static;
	s.learn = learn;
	if (learn && prog.is_static) {
		fprintf(stderr, "jailctl: learn: %s is statically linked: libjail cannot say when its own "
			"code starts; learn from a dynamically linked build\n", prog.path);
		return JAILCTL_EXIT_FAILURE;
	}
	if (prepare_paths(cached ? compiled.preexec.paths : policy.paths,
			  cached ? compiled.preexec.paths_len : policy.paths_len, &prog, o.library, &s) < 0 ||
	    prepare_filter(&o, cached, &compiled, &policy, &s, &sv.action, debug) < 0)
		return JAILCTL_EXIT_FAILURE;
	/* A static program has no loader: the policy alone from its first instruction. */
	sv.loader_done = prog.is_static;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sup) < 0 ||
	    setsockopt(sup[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0 || pipe2(status, O_CLOEXEC) < 0) {
		fprintf(stderr, "jailctl: socketpair: %s\n", strerror(errno));
		return JAILCTL_EXIT_FAILURE;
	}
	s.sup_fd = sup[1];
	s.status_fd = status[1];
	sv.status_fd = status[0];
	/* Signals arrive through signalfd; the children get the default dispositions back. */
	supervised_signals(&mask);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0) {
		fprintf(stderr, "jailctl: sigprocmask: %s\n", strerror(errno));
		return JAILCTL_EXIT_FAILURE;
	}
	struct cgroup cg = { 0 };
	char cg_why[2 * PATH_MAX + 600];
	if (cgroup_create(&cg, (s.limits.set & JAIL_LIM_MEMORY) ? s.limits.memory : 0,
			  (s.limits.set & JAIL_LIM_PROCESSES) && !s.one_process ? s.limits.processes : 0, one_process,
			  cg_why, sizeof(cg_why)) < 0) {
		if (debug)
			fprintf(stderr, "jailctl: no cgroup, rlimits instead: %s\n", cg_why);
	} else if (debug) {
		fprintf(stderr, "jailctl: the run's cgroup: %s%s%s%s\n", cg.memory, cg.how[0] ? " (" : "", cg.how,
			cg.how[0] ? ")" : "");
	}
	s.cg = &cg;
	sv.cg = &cg;
	clock_gettime(CLOCK_MONOTONIC, &sv.start);
	sv.init = sandbox_start(&s, &report_fd);
	sv.pid_namespace = s.pid_namespace;
	if (sv.init < 0) {
		cgroup_destroy(&cg);
		return JAILCTL_EXIT_FAILURE;
	}
	close(sup[1]);
	close(status[1]);
	for (int i = 0; i < 2; i++)
		if (program_ends[i] >= 0)
			close(program_ends[i]);
	rc = supervise(&sv, sup[0], report_fd, &s.limits);
	r.wall_time = since(&sv.start);
	/* What the program wrote before it ended, moved on; a reader that takes nothing gets a second. */
	for (int i = 0; i < sv.relays; i++) {
		relay_finish(&sv.relay[i], 1000);
		relay_close(&sv.relay[i]);
	}
	if (rc < 0) {
		signal_init(&sv, SIGKILL);
		reap_init(&sv, 0);
		r.verdict = "internal_error";
		r.status = JAILCTL_EXIT_FAILURE;
		snprintf(r.message, sizeof(r.message), "supervision failed");
	} else {
		judge(&sv, &s.limits, prog.is_static, &r);
	}
	cgroup_destroy(&cg);
	if (learn) {
		learn_print(sv.learned, stderr);
		if (o.output != NULL && learn_write_profile(sv.learned, o.output, o.name, &s.limits) < 0 && r.status == 0)
			r.status = JAILCTL_EXIT_FAILURE;
	}
	return report(&o, &r);
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
