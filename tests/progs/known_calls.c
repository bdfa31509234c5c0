/*
 * known_calls: makes the system calls its arguments name, in order, each
 * with arguments known in advance, so that a test can tell what jailctl
 * learn must have seen and what a learned profile must refuse. Each step
 * prints "STEP: done" (or why it failed) on standard output.
 *
 *   socket-unix, socket-inet      socket(AF_UNIX/AF_INET, SOCK_STREAM|SOCK_CLOEXEC)
 *   connect-unix PATH             connect an AF_UNIX stream socket to PATH
 *   ioctl-tcgets, ioctl-fionread  ioctl(0, TCGETS/FIONREAD) (ENOTTY is fine)
 *   fcntl-getfl, fcntl-dupfd      fcntl(0, F_GETFL), fcntl(0, F_DUPFD, 10)
 *   raise-usr1                    raise(SIGUSR1): tgkill to itself (ignored)
 *   kill-usr2                     kill(getpid(), SIGUSR2) (ignored)
 *   kill-parent                   kill(PARENT, 0): a signal to another process (the
 *                                 parent's PID is read at the start, whatever the steps)
 *   read PATH, write PATH,        open PATH read-only; write-only, created and
 *   append PATH, rdwr PATH        truncated; write-only appending; read-write
 *   mkdir PATH, unlink PATH
 *   thread                        start a thread and join it
 *   yield                         sched_yield()
 *   spin                          run until a limit ends it
 *   abort                         abort()
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

static pid_t parent;

static void *thread_main(void *unused)
{
	return unused;
}

static int open_step(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		return -1;
	if ((flags & O_ACCMODE) != O_RDONLY && write(fd, "known\n", 6) != 6) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static int connect_step(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	/* Refused or absent is fine: the call was made. */
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0 && errno != ENOENT && errno != ECONNREFUSED) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* One step; *used: how many arguments of its own it took. -1 (errno set) when it failed. */
static int step(const char *name, const char *arg, int *used)
{
	int n, fd;

	*used = 0;
	if (strcmp(name, "socket-unix") == 0 || strcmp(name, "socket-inet") == 0) {
		fd = socket(name[7] == 'u' ? AF_UNIX : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		return fd < 0 ? -1 : close(fd);
	}
	if (strcmp(name, "ioctl-tcgets") == 0 || strcmp(name, "ioctl-fionread") == 0) {
		struct termios t;
		int r = name[6] == 't' ? ioctl(0, TCGETS, &t) : ioctl(0, FIONREAD, &n);
		return r < 0 && errno != ENOTTY && errno != EINVAL ? -1 : 0;
	}
	if (strcmp(name, "fcntl-getfl") == 0)
		return fcntl(0, F_GETFL) < 0 ? -1 : 0;
	if (strcmp(name, "fcntl-dupfd") == 0)
		return (fd = fcntl(0, F_DUPFD, 10)) < 0 ? -1 : close(fd);
	if (strcmp(name, "raise-usr1") == 0)
		return raise(SIGUSR1);
	if (strcmp(name, "kill-usr2") == 0)
		return kill(getpid(), SIGUSR2);
	if (strcmp(name, "kill-parent") == 0)
		return kill(parent, 0);
	if (strcmp(name, "thread") == 0) {
		pthread_t t;
		errno = pthread_create(&t, NULL, thread_main, NULL);
		return errno != 0 || (errno = pthread_join(t, NULL)) != 0 ? -1 : 0;
	}
	if (strcmp(name, "yield") == 0)
		return sched_yield();
	if (strcmp(name, "spin") == 0)
		for (volatile unsigned long i = 0;; i++)
			;
	if (strcmp(name, "abort") == 0)
		abort();
	if (arg == NULL) {
		errno = EINVAL;
		return -1;
	}
	*used = 1;
	if (strcmp(name, "connect-unix") == 0)
		return connect_step(arg);
	if (strcmp(name, "read") == 0)
		return open_step(arg, O_RDONLY);
	if (strcmp(name, "write") == 0)
		return open_step(arg, O_WRONLY | O_CREAT | O_TRUNC);
	if (strcmp(name, "append") == 0)
		return open_step(arg, O_WRONLY | O_APPEND);
	if (strcmp(name, "rdwr") == 0)
		return open_step(arg, O_RDWR);
	if (strcmp(name, "mkdir") == 0)
		return mkdir(arg, 0755);
	if (strcmp(name, "unlink") == 0)
		return unlink(arg);
	*used = 0;
	errno = EINVAL;
	return -1;
}

int main(int argc, char **argv)
{
	parent = getppid();
	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	setvbuf(stdout, NULL, _IONBF, 0);
	for (int i = 1; i < argc; i++) {
		int used;
		if (step(argv[i], i + 1 < argc ? argv[i + 1] : NULL, &used) < 0) {
			printf("%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		printf("%s: done\n", argv[i]);
		i += used;
	}
	return 0;
}
