#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

int atomic_file_open(struct atomic_file *a, const char *path, mode_t mode, const char *what)
{
	int fd;

	a->f = NULL;
	a->path = path;
	a->what = what;
	if (snprintf(a->tmp, sizeof(a->tmp), "%s.XXXXXX", path) >= (int)sizeof(a->tmp)) {
		fprintf(stderr, "jailctl: %s %s: path too long\n", what, path);
		return -1;
	}
	fd = mkstemp(a->tmp);
	if (fd < 0 || fchmod(fd, mode) < 0 || (a->f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "jailctl: %s %s: %s\n", what, path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(a->tmp);
		}
		return -1;
	}
	return 0;
}

int atomic_file_commit(struct atomic_file *a)
{
	int e = 0;

	if (fflush(a->f) != 0 || ferror(a->f) || fsync(fileno(a->f)) < 0)
		e = errno ? errno : EIO;
	if (fclose(a->f) != 0 && e == 0)
		e = errno;
	a->f = NULL;
	if (e == 0 && rename(a->tmp, a->path) < 0)
		e = errno;
	if (e != 0) {
		fprintf(stderr, "jailctl: %s %s: %s\n", a->what, a->path, strerror(e));
		unlink(a->tmp);
		return -1;
	}
	return 0;
}
