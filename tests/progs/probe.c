/*
 * probe: one small program, many behaviours, for the integration tests.
 * Each subcommand does one thing a policy allows or forbids, and says what
 * happened on standard output. Attacks leave a marker file when they work.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define X32_SYSCALL_BIT 0x40000000

static volatile sig_atomic_t trapped_nr = -1;

static void on_sigsys(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	trapped_nr = si->si_syscall;
}

static int write_marker(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		printf("open %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (write(fd, "pwned\n", 6) != 6)
		return 1;
	close(fd);
	printf("wrote %s\n", path);
	return 0;
}

/* i386 creat(path, 0644) through int 0x80; the path must sit below 4 GiB. */
static long int80_creat(const char *path)
{
	char *low = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	long ret;

	if (low == MAP_FAILED)
		return -ENOMEM;
	strncpy(low, path, 4095);
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(8), "b"(low), "c"(0644) : "memory");
	return ret;
}

static void *thread_getppid(void *unused)
{
	(void)unused;
	syscall(SYS_getppid);
	printf("thread survived getppid\n");
	return NULL;
}

/* Prints the seccomp lines of /proc/self/status: mode, filters, no_new_privs. */
static int print_seccomp_status(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");

	if (f == NULL) {
		printf("fopen /proc/self/status: %s\n", strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "Seccomp", 7) == 0 || strncmp(line, "NoNewPrivs", 10) == 0 ||
		    strncmp(line, "Cpus_allowed_list", 17) == 0)
			fputs(line, stdout);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	const char *arg = argc > 2 ? argv[2] : "";

	setvbuf(stdout, NULL, _IONBF, 0);
	if (strcmp(cmd, "true") == 0)
		return 0;
	if (strcmp(cmd, "hello") == 0) {
		printf("hello\n");
		return 0;
	}
	if (strcmp(cmd, "getppid") == 0) {
		/* getppid [N]: calls it N times (default 1), says how the last went. */
		long r = 0;
		for (int i = 0, n = *arg ? atoi(arg) : 1; i < n; i++) {
			errno = 0;
			r = syscall(SYS_getppid);
		}
		printf("getppid=%s errno=%s\n", r > 0 ? "ok" : "failed", errno ? strerrorname_np(errno) : "0");
		return 0;
	}
	if (strcmp(cmd, "thread-getppid") == 0) {
		/* A second thread calls getppid; main reports whether it lives on. */
		pthread_t t;
		if (pthread_create(&t, NULL, thread_getppid, NULL) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
		pthread_join(t, NULL);
		printf("main thread alive\n");
		return 0;
	}
	if (strcmp(cmd, "rlimit") == 0) {
		/* rlimit get|lower|raise: RLIMIT_NOFILE's soft limit. */
		struct rlimit rl;
		if (getrlimit(RLIMIT_NOFILE, &rl) < 0) {
			printf("getrlimit: %s\n", strerror(errno));
			return 1;
		}
		printf("nofile=%llu\n", (unsigned long long)rl.rlim_cur);
		if (strcmp(arg, "get") == 0)
			return 0;
		rl.rlim_cur = strcmp(arg, "raise") == 0 ? rl.rlim_max : rl.rlim_cur - 1;
		int r = setrlimit(RLIMIT_NOFILE, &rl);
		printf("setrlimit=%s\n", r == 0 ? "ok" : strerrorname_np(errno));
		return 0;
	}
	if (strcmp(cmd, "calls") == 0) {
		/* calls N: N getpid() calls (in @default), made as system calls. */
		long n = atol(arg), ok = 0;
		for (long i = 0; i < n; i++)
			ok += syscall(SYS_getpid) > 0;
		printf("calls=%ld\n", ok);
		return ok == n ? 0 : 1;
	}
	if (strcmp(cmd, "fds") == 0) {
		/* The descriptors the program was given, as "fds: 0 1 2". */
		printf("fds:");
		for (int fd = 0; fd < 1024; fd++)
			if (fcntl(fd, F_GETFD) >= 0)
				printf(" %d", fd);
		printf("\n");
		return 0;
	}
	if (strcmp(cmd, "sigmask") == 0) {
		/* The blocked signals the program started with. */
		sigset_t set;
		sigprocmask(SIG_BLOCK, NULL, &set);
		printf("blocked:");
		for (int sig = 1; sig < NSIG; sig++)
			if (sigismember(&set, sig))
				printf(" %d", sig);
		printf("\n");
		return 0;
	}
	if (strcmp(cmd, "close-std") == 0) {
		close(0);
		close(1);
		close(2);
		return 3;
	}
	if (strcmp(cmd, "alloc") == 0) {
		/* alloc MIB: takes and touches MIB MiB, 16 MiB at a time. */
		long want = atol(arg), got = 0;
		for (; got < want; got += 16) {
			char *p = malloc(16 << 20);
			if (p == NULL) {
				fprintf(stderr, "alloc: out of memory after %ld MiB\n", got);
				return 1;
			}
			memset(p, 1, 16 << 20);
		}
		printf("allocated %ld MiB\n", got);
		return 0;
	}
	if (strcmp(cmd, "exit") == 0)
		return atoi(arg);
	if (strcmp(cmd, "exec") == 0) {
		/* exec PATH: runs PATH -c "echo pwned > $EXEC_MARKER" (a shell). */
		char *args[] = { (char *)arg, "-c", "echo pwned > \"$EXEC_MARKER\"", NULL };
		execv(arg, args);
		printf("exec: %s\n", strerror(errno));
		return 1;
	}
	if (strcmp(cmd, "abort") == 0)
		abort();
	if (strcmp(cmd, "tgkill") == 0) {
		/* Sends SIGABRT to another process, as raise() would to itself. */
		long r = syscall(SYS_tgkill, atoi(arg), atoi(arg), SIGABRT);
		printf("tgkill=%ld\n", r);
		return 0;
	}
	if (strcmp(cmd, "clone3") == 0) {
		/* A clone3 with a bad size: the kernel says EINVAL, a filter ENOSYS. */
		errno = 0;
		long r = syscall(SYS_clone3, NULL, 0);
		printf("clone3=%ld errno=%s\n", r, errno ? strerrorname_np(errno) : "0");
		return 0;
	}
	if (strcmp(cmd, "status") == 0)
		return print_seccomp_status();
	if (strcmp(cmd, "trap") == 0) {
		struct sigaction sa = { .sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO };
		sigaction(SIGSYS, &sa, NULL);
		syscall(SYS_getppid);
		printf("trapped=%d expected=%d\n", (int)trapped_nr, SYS_getppid);
		return 0;
	}
	if (strcmp(cmd, "write-file") == 0)
		return write_marker(arg);
	if (strcmp(cmd, "try-write") == 0) {
		/* Opens a file for writing, ignores that it failed, and ends well. */
		int fd = open(arg, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		printf("try-write=%s\n", fd >= 0 ? "ok" : strerrorname_np(errno));
		return 0;
	}
	if (strcmp(cmd, "truncate") == 0) {
		/* Shortens a file by its path, to nothing. */
		int rc = truncate(arg, 0);
		printf("truncate=%s\n", rc == 0 ? "ok" : strerrorname_np(errno));
		return 0;
	}
	if (strcmp(cmd, "ftruncate") == 0) {
		/* Opens a file for writing, without O_TRUNC, and shortens it through the descriptor. */
		int fd = open(arg, O_WRONLY);
		int rc = fd < 0 ? -1 : ftruncate(fd, 0);
		printf("ftruncate=%s\n", rc == 0 ? "ok" : strerrorname_np(errno));
		return 0;
	}
	if (strcmp(cmd, "open-trunc") == 0) {
		/* Opens a file for reading with O_TRUNC, which Linux honours: it shortens the file. */
		int fd = open(arg, O_RDONLY | O_TRUNC);
		printf("open-trunc=%s\n", fd >= 0 ? "ok" : strerrorname_np(errno));
		return 0;
	}
	if (strcmp(cmd, "open-read") == 0) {
		int fd = open(arg, O_RDONLY);
		printf("open-read=%s\n", fd >= 0 ? "ok" : strerrorname_np(errno));
		return fd >= 0 ? 0 : 1;
	}
	if (strcmp(cmd, "write-fd") == 0) {
		int fd = atoi(arg);
		errno = 0;
		ssize_t n = write(fd, "w\n", 2);
		dprintf(1, "write-fd=%s\n", n == 2 ? "ok" : strerrorname_np(errno));
		return 0;
	}
	if (strcmp(cmd, "spin") == 0) {
		for (volatile unsigned long i = 0;; i++)
			;
	}
	if (strcmp(cmd, "fill-stdout") == 0) {
		/* Writes arg MiB to standard output. */
		static char buf[1 << 20];
		long mib = atol(arg);
		memset(buf, 'x', sizeof(buf));
		for (long i = 0; i < mib; i++)
			if (write(1, buf, sizeof(buf)) != (ssize_t)sizeof(buf)) {
				fprintf(stderr, "short write: %s\n", strerror(errno));
				return 1;
			}
		return 0;
	}
	if (strcmp(cmd, "int80") == 0) {
		long r = int80_creat(arg);
		printf("int80 creat=%ld\n", r);
		return r >= 0 ? 0 : 1;
	}
	if (strcmp(cmd, "x32") == 0) {
		errno = 0;
		long r = syscall(X32_SYSCALL_BIT | SYS_creat, arg, 0644);
		printf("x32 creat=%ld errno=%s\n", r, errno ? strerrorname_np(errno) : "0");
		return r >= 0 ? 0 : 1;
	}
	if (strcmp(cmd, "sleep") == 0) {
		usleep((useconds_t)(atof(arg) * 1e6));
		return 0;
	}
	fprintf(stderr, "probe: unknown command \"%s\"\n", cmd);
	return 2;
}
