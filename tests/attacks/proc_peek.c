/* proc_peek: reads another process's memory through /proc/PID/mem (read-only opens and pread, which @file-read and @basic-io allow): the stack of the process argv[2], of the same user but outside the run (in the test, another program under jailctl, with PEEK_SECRET in its environment). Marker argv[1]. */
#include "attack.h"

int main(int argc, char **argv)
{
	static const char secret[] = "PEEK_SECRET=";
	static char buf[1 << 20];
	char path[64], line[512];
	unsigned long lo = 0, hi = 0;

	usage(argc, 2, "MARKER PID");
	snprintf(path, sizeof(path), "/proc/%s/maps", argv[2]);
	FILE *maps = fopen(path, "r");
	if (maps == NULL)
		failed("open /proc/PID/maps");
	while (fgets(line, sizeof(line), maps) != NULL)
		if (strstr(line, "[stack]") != NULL)
			sscanf(line, "%lx-%lx", &lo, &hi);
	fclose(maps);
	snprintf(path, sizeof(path), "/proc/%s/mem", argv[2]);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		failed("open /proc/PID/mem");
	size_t want = hi - lo < sizeof(buf) ? hi - lo : sizeof(buf);
	ssize_t n = pread(fd, buf, want, (off_t)(hi - want));
	if (n < 0)
		failed("read /proc/PID/mem");
	for (ssize_t i = 0; i + (ssize_t)sizeof(secret) < n; i++)
		if (memcmp(buf + i, secret, sizeof(secret) - 1) == 0) {
			char what[128];
			snprintf(what, sizeof(what), "read another process's memory: %.40s", buf + i);
			return mark(argv[1], what);
		}
	errno = ENOENT;
	failed("no secret in the stack read through /proc/PID/mem");
}
