/* openat2: its flags sit in a struct in memory, where a filter cannot look; O_WRONLY|O_CREAT|O_TRUNC creates the marker argv[1]. */
#include "attack.h"
#include <linux/openat2.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct open_how how = { .flags = O_WRONLY | O_CREAT | O_TRUNC, .mode = 0644 };
	long fd = syscall(SYS_openat2, AT_FDCWD, argv[1], &how, sizeof(how));
	if (fd < 0) {
		if (errno == ENOSYS)
			cannot("openat2 returns ENOSYS on this kernel");
		failed("openat2 O_CREAT");
	}
	succeeded("openat2 O_WRONLY|O_CREAT");
	return write((int)fd, "pwned\n", 6) == 6 ? 0 : 1;
}
