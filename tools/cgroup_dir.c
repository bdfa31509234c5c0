#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgroup_dir.h"

#define PREFIX "jail-"

/* An open, locked descriptor of dir; -1 when it is gone or someone else holds it (EWOULDBLOCK). */
static int lock_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Whether dir's name still leads to the directory that fd holds (a directory removed and made again is another). */
static bool still_named(const char *dir, int fd)
{
	struct stat by_name, held;

	return stat(dir, &by_name) == 0 && fstat(fd, &held) == 0 && by_name.st_dev == held.st_dev &&
	       by_name.st_ino == held.st_ino;
}

/* Removes dir if no one holds it: 0 when it is gone, -1 with errno (EWOULDBLOCK: it is live; EBUSY: processes are still in it). */
static int remove_if_stale(const char *dir)
{
	int fd = lock_dir(dir), rc = -1;

	if (fd < 0)
		return -1;
	if (!still_named(dir, fd))
		errno = ENOENT;
	else
		rc = rmdir(dir);
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

/*
 * A sweep lists parent, on the path of every run, for what only a killed
 * jailctl leaves. A cgroup directory's link count is 2 plus its
 * subdirectories (kernfs keeps it so): one stat says whether there is
 * anything beside ours and the known ones to look at.
 */
static void sweep(const char *parent, unsigned known_subdirs, const char *ours)
{
	struct stat st;
	char path[PATH_MAX + 256];
	struct dirent *e;
	DIR *d;

	if (stat(parent, &st) == 0 && st.st_nlink <= 2 + known_subdirs + (ours != NULL))
		return;
	if ((d = opendir(parent)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, PREFIX, strlen(PREFIX)) != 0 ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s", parent, e->d_name) >= sizeof(path) ||
		    (ours != NULL && strcmp(path, ours) == 0))
			continue;
		remove_if_stale(path); /* fails, harmlessly, while it is live or anything is still in it */
	}
	closedir(d);
}

void cgroup_dir_sweep(const char *parent, unsigned known_subdirs)
{
	sweep(parent, known_subdirs, NULL);
}

int cgroup_dir_make(const char *parent, unsigned known_subdirs, char *out, size_t len)
{
	int pid = (int)getpid(), fd = -1;

	/*
	 * Our PID names it, as we see it: jailctls in other PID namespaces may
	 * see theirs as the same number, so a name someone holds is passed by.
	 */
	for (int n = 0; n < 16 && fd < 0; n++) {
		int w = n == 0 ? snprintf(out, len, "%s/" PREFIX "%d", parent, pid)
			       : snprintf(out, len, "%s/" PREFIX "%d-%d", parent, pid, n);
		if (w < 0 || (size_t)w >= len) {
			errno = ENAMETOOLONG;
			return -1;
		}
		if (mkdir(out, 0755) < 0) {
			if (errno != EEXIST)
				return -1;
			/* PIDs wrap: a jailctl killed long ago may have left one under this name. */
			if (remove_if_stale(out) < 0 || mkdir(out, 0755) < 0)
				continue;
		}
		/* Until it is locked, a sweep may take it: then it is gone, and the next name is tried. */
		if ((fd = lock_dir(out)) >= 0 && !still_named(out, fd)) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0) {
		errno = EEXIST;
		return -1;
	}
	sweep(parent, known_subdirs, out);
	return fd;
}

void cgroup_dir_remove(const char *dir, int lock)
{
	struct timespec ms = { 0, 1000000 };

	/* A cgroup can be removed once its last process is reaped; that may take a moment. */
	for (int i = 0; i < 200 && rmdir(dir) < 0 && errno == EBUSY; i++)
		nanosleep(&ms, NULL);
	close(lock);
}
