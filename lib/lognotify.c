#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "lognotify.h"

#define MAX_NR 1024
#define LISTENER_STACK (64 * 1024)

enum { ST_INIT, ST_FD_READY, ST_LISTENING, ST_ABORT };

/* Shared between the target and the listener (MAP_SHARED). */
struct shared {
	int state;     /* futex word */
	int notify_fd;
	int ctor_tid;  /* libjail's own calls after the load are not the program's */
	int ctor_done;
};

struct lognotify {
	struct shared *sh;
	int log_fd;
	pid_t parent;
	size_t notif_size, resp_size;
	uint32_t native_arch; /* AUDIT_ARCH_* */
	/* Resolved before the clone: the listener must not call malloc, whose lock a thread may hold. */
	char *names[MAX_NR];
	unsigned char seen[MAX_NR];
	unsigned seen_other; /* last other-ABI call reported, plus one */
};

static struct lognotify the_listener;

static void futex_wait_ms(int *word, int val)
{
	struct timespec ts = { 0, 1000000 };
	syscall(SYS_futex, word, FUTEX_WAIT, val, &ts, NULL, 0);
}

static void futex_wake(int *word)
{
	syscall(SYS_futex, word, FUTEX_WAKE, 1, NULL, NULL, 0);
}

static size_t append(char *buf, size_t at, size_t cap, const char *s)
{
	while (*s && at + 1 < cap)
		buf[at++] = *s++;
	return at;
}

static size_t append_num(char *buf, size_t at, size_t cap, unsigned long v)
{
	char tmp[24];
	int i = 0;

	do
		tmp[i++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (i > 0 && at + 1 < cap)
		buf[at++] = tmp[--i];
	return at;
}

static void report(struct lognotify *ln, const struct seccomp_notif *req)
{
	char line[160];
	size_t n = append(line, 0, sizeof(line), "libjail: log: ");
	unsigned nr = (unsigned)req->data.nr;

	if (req->data.arch == ln->native_arch && nr < MAX_NR) {
		if (ln->seen[nr])
			return;
		ln->seen[nr] = 1;
		if (ln->names[nr] != NULL) {
			n = append(line, n, sizeof(line), ln->names[nr]);
		} else {
			n = append(line, n, sizeof(line), "syscall_");
			n = append_num(line, n, sizeof(line), nr);
		}
	} else {
		/* Another ABI (i386, x32): named by number, reported each time it changes. */
		if (ln->seen_other == nr + 1)
			return;
		ln->seen_other = nr + 1;
		n = append(line, n, sizeof(line), req->data.arch == SCMP_ARCH_X86 ? "i386:" : "other-abi:");
		n = append_num(line, n, sizeof(line), nr);
	}
	line[n++] = '\n';
	while (write(ln->log_fd, line, n) < 0 && errno == EINTR)
		;
}

static void serve(struct lognotify *ln, int fd)
{
	static union { struct seccomp_notif n; char buf[1024]; } req;
	static union { struct seccomp_notif_resp r; char buf[1024]; } resp;

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		/* HUP: no task uses the filter any more. */
		if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
			return;
		memset(&req, 0, ln->notif_size);
		if (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, &req.n) < 0) {
			if (errno == EINTR || errno == ENOENT)
				continue;
			return;
		}
		if (__atomic_load_n(&ln->sh->ctor_done, __ATOMIC_ACQUIRE) ||
		    (int)req.n.pid != ln->sh->ctor_tid)
			report(ln, &req.n);
		memset(&resp, 0, ln->resp_size);
		resp.r.id = req.n.id;
		resp.r.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		/* ENOENT: the caller is gone (killed meanwhile); nothing to answer. */
		ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, &resp.r);
	}
}

static void close_all_but(int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;

	if (lo > 0)
		syscall(SYS_close_range, 0, lo - 1, 0);
	if (hi > lo + 1)
		syscall(SYS_close_range, lo + 1, hi - 1, 0);
	syscall(SYS_close_range, hi + 1, ~0U, 0);
}

static int listener_main(void *arg)
{
	struct lognotify *ln = arg;
	struct shared *sh = ln->sh;
	int state, fd;

	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	while ((state = __atomic_load_n(&sh->state, __ATOMIC_ACQUIRE)) == ST_INIT) {
		if (getppid() != ln->parent)
			_exit(0);
		futex_wait_ms(&sh->state, ST_INIT);
	}
	if (state != ST_FD_READY)
		_exit(0);
	fd = sh->notify_fd;
	/* From here on the target's descriptors are its own business. */
	if (unshare(CLONE_FILES) == 0)
		close_all_but(fd, ln->log_fd);
	__atomic_store_n(&sh->state, ST_LISTENING, __ATOMIC_RELEASE);
	futex_wake(&sh->state);
	serve(ln, fd);
	_exit(0);
}

struct lognotify *lognotify_start(int log_fd, struct jail_err *err)
{
	struct lognotify *ln = &the_listener;
	struct seccomp_notif_sizes sizes;
	char *stack;
	int pid;

	if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) < 0) {
		jail_err_set(err, "SECCOMP_DEFAULT_ACTION=log", "seccomp user notification unavailable: %s",
			     strerror(errno));
		return NULL;
	}
	ln->notif_size = sizes.seccomp_notif;
	ln->resp_size = sizes.seccomp_notif_resp;
	if (ln->notif_size > 1024 || ln->resp_size > 1024) {
		jail_err_set(err, "SECCOMP_DEFAULT_ACTION=log", "kernel notification records too large");
		return NULL;
	}
	for (int nr = 0; nr < MAX_NR; nr++)
		ln->names[nr] = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
	ln->native_arch = seccomp_arch_native();
	ln->log_fd = log_fd;
	ln->parent = getpid();
	ln->sh = mmap(NULL, sizeof(*ln->sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	stack = mmap(NULL, LISTENER_STACK, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (ln->sh == MAP_FAILED || stack == MAP_FAILED) {
		jail_err_set(err, "SECCOMP_DEFAULT_ACTION=log", "mmap: %s", strerror(errno));
		return NULL;
	}
	ln->sh->ctor_tid = (int)gettid();
	/* No exit signal: the program's own wait() never sees the listener. */
	pid = clone(listener_main, stack + LISTENER_STACK, CLONE_FILES, ln);
	if (pid < 0) {
		jail_err_set(err, "SECCOMP_DEFAULT_ACTION=log", "starting the listener: %s", strerror(errno));
		return NULL;
	}
	return ln;
}

void lognotify_handoff(struct lognotify *ln, int notify_fd)
{
	struct shared *sh = ln->sh;

	/* Each call below may itself be a notification, answered silently by the listener. */
	sh->notify_fd = notify_fd;
	__atomic_store_n(&sh->state, ST_FD_READY, __ATOMIC_RELEASE);
	futex_wake(&sh->state);
	while (__atomic_load_n(&sh->state, __ATOMIC_ACQUIRE) != ST_LISTENING)
		futex_wait_ms(&sh->state, ST_FD_READY);
	close(notify_fd);
	close(ln->log_fd);
	__atomic_store_n(&sh->ctor_done, 1, __ATOMIC_RELEASE);
}

void lognotify_abort(struct lognotify *ln)
{
	__atomic_store_n(&ln->sh->state, ST_ABORT, __ATOMIC_RELEASE);
	futex_wake(&ln->sh->state);
}
