/* open_write: the legacy open system call (not openat) with O_WRONLY|O_CREAT|O_TRUNC creates the marker argv[1]. */
#include "attack.h"
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	long fd = syscall(SYS_open, argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		failed("open O_WRONLY|O_CREAT");
	succeeded("open O_WRONLY|O_CREAT");
	return write((int)fd, "pwned\n", 6) == 6 ? 0 : 1;
}
