/*
 * early_thread.so: a library whose constructor starts a thread before main
 * (and, preloaded after libjail.so, before libjail's constructor runs). The
 * thread waits until its own seccomp mode changes (which only TSYNC can do)
 * or 300 ms pass, then tries to create the marker file $EARLY_MARKER.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

static void *attack(void *arg)
{
	const char *path = arg;
	struct timespec ms = { 0, 1000000 };

	for (int i = 0; i < 300 && prctl(PR_GET_SECCOMP) == 0; i++)
		nanosleep(&ms, NULL);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		if (write(fd, "pwned\n", 6) < 0)
			_exit(3);
		close(fd);
	}
	return NULL;
}

__attribute__((constructor)) static void start_early_thread(void)
{
	static pthread_t t;
	const char *path = getenv("EARLY_MARKER");

	if (path != NULL && pthread_create(&t, NULL, attack, (void *)path) != 0)
		_exit(4);
}
