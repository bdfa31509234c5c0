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
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "preexec.h"
#include "proc_status.h"
#include "supervise.h"
#include "supervisor.h"

double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

void signal_init(struct supervision *sv, int sig)
{
	if (!sv->init_reaped)
		kill(sv->init, sig);
}

void reap_init(struct supervision *sv, int options)
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
void supervised_signals(sigset_t *mask)
{
	sigemptyset(mask);
	sigaddset(mask, SIGCHLD);
	sigaddset(mask, SIGRTMIN);
	sigaddset(mask, SIGINT);
	sigaddset(mask, SIGTERM);
	sigaddset(mask, SIGHUP);
}

/* Returns 0 when the program has ended and init has reported or died. */
int supervise(struct supervision *sv, int sup, int report_fd, const struct jail_limits *l)
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
				if (sv->wall_exceeded && seconds_since(&sv->start) > l->wall_time + 0.9)
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
