/* proc_parent: reads its parent's /proc/PPID/environ and, through /proc/PPID/maps and /proc/PPID/mem, its stack, looking for GRADER_SECRET= (a grader's token or expected answer): read-only opens and pread, which @file-read and @basic-io allow, of a process of the same user. The parent's PID is the one /proc/self/status gives, as /proc knows it. Marker argv[1]. */
#include "attack.h"

static char buf[1 << 20];

static int environ_has_secret(int ppid, char *out, size_t len)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/environ", ppid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	for (ssize_t i = 0; i < n; i += (ssize_t)strlen(buf + i) + 1)
		if (strncmp(buf + i, "GRADER_SECRET=", 14) == 0) {
			snprintf(out, len, "%s", buf + i);
			return 1;
		}
	return 0;
}

static int stack_has_secret(int ppid, char *out, size_t len)
{
	char path[64], line[512];
	unsigned long lo = 0, hi = 0;
	FILE *maps;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/maps", ppid);
	maps = fopen(path, "r");
	if (maps == NULL)
		return -1;
	while (fgets(line, sizeof(line), maps) != NULL)
		if (strstr(line, "[stack]") != NULL)
			sscanf(line, "%lx-%lx", &lo, &hi);
	fclose(maps);
	snprintf(path, sizeof(path), "/proc/%d/mem", ppid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	size_t want = hi - lo < sizeof(buf) ? hi - lo : sizeof(buf);
	ssize_t n = pread(fd, buf, want, (off_t)(hi - want));
	close(fd);
	for (ssize_t i = 0; i + 14 < n; i++)
		if (memcmp(buf + i, "GRADER_SECRET=", 14) == 0) {
			snprintf(out, len, "%.40s", buf + i);
			return 1;
		}
	return 0;
}

/* The parent's PID in the PID namespace of /proc (getppid's may be another's, in a namespace of its own). */
static int parent_pid(void)
{
	char line[256];
	int ppid = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (f == NULL)
		failed("open /proc/self/status");
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "PPid: %d", &ppid) == 1)
			break;
	fclose(f);
	return ppid;
}

int main(int argc, char **argv)
{
	char secret[128], what[200];
	int ppid;

	usage(argc, 1, "MARKER");
	ppid = parent_pid();
	int env = environ_has_secret(ppid, secret, sizeof(secret));
	if (env < 0)
		failed("open /proc/PPID/environ");
	if (env == 1) {
		snprintf(what, sizeof(what), "read the parent's environment: %s", secret);
		succeeded(what);
	}
	int mem = stack_has_secret(ppid, secret, sizeof(secret));
	if (mem < 0)
		failed("read /proc/PPID/mem");
	if (mem == 0 && env == 0) {
		errno = ENOENT;
		failed("no secret in the parent's environment or memory");
	}
	if (mem == 1) {
		snprintf(what, sizeof(what), "read the parent's memory: %s", secret);
		succeeded(what);
	}
	return mark(argv[1], "read the parent's secrets");
}
