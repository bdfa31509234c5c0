#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup_file.h"

int cgroup_path(char *out, size_t len, const char *dir, const char *name)
{
	if ((size_t)snprintf(out, len, "%s/%s", dir, name) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

static int open_in(const char *dir, const char *file, int flags)
{
	char path[PATH_MAX + 64];

	if (cgroup_path(path, sizeof(path), dir, file) < 0)
		return -1;
	return open(path, flags | O_CLOEXEC);
}

int cgroup_file_write(const char *dir, const char *file, const char *text)
{
	int fd = open_in(dir, file, O_WRONLY), rc = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	if (n != (ssize_t)strlen(text)) {
		if (n >= 0)
			errno = EIO;
		rc = -1;
	}
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

int cgroup_file_read(const char *dir, const char *file, char *buf, size_t len)
{
	int fd = open_in(dir, file, O_RDONLY);
	size_t got = 0;
	ssize_t n = 0;

	if (fd < 0)
		return -1;
	/* cgroup files answer in one read, but a long one (cgroup.procs) may take several. */
	while (got < len - 1 && (n = read(fd, buf + got, len - 1 - got)) > 0)
		got += (size_t)n;
	int e = errno;
	close(fd);
	buf[got] = '\0';
	if (n < 0) {
		errno = e;
		return -1;
	}
	return 0;
}

long long cgroup_file_number(const char *dir, const char *file)
{
	char buf[64];

	if (cgroup_file_read(dir, file, buf, sizeof(buf)) < 0)
		return -1;
	return strtoll(buf, NULL, 10);
}

long long cgroup_file_key(const char *dir, const char *file, const char *key)
{
	char buf[4096];
	size_t klen = strlen(key);

	if (cgroup_file_read(dir, file, buf, sizeof(buf)) < 0)
		return -1;
	for (char *line = buf; line != NULL && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, key, klen) == 0 && line[klen] == ' ')
			return strtoll(line + klen + 1, NULL, 10);
	return -1;
}

static bool holds(const char *list, const char *word, size_t len)
{
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += len)
		if ((p == list || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\n' || p[len] == '\0'))
			return true;
	return false;
}

bool cgroup_file_lists(const char *dir, const char *file, const char *words)
{
	char buf[512], word[64];

	if (cgroup_file_read(dir, file, buf, sizeof(buf)) < 0)
		return false;
	for (const char *w = words; *w;) {
		size_t len = strcspn(w, " ");
		if (len >= sizeof(word))
			return false;
		memcpy(word, w, len);
		word[len] = '\0';
		if (len > 0 && !holds(buf, word, len))
			return false;
		w += len + (w[len] == ' ');
	}
	return true;
}
