/* creat: the creat system call creates the marker argv[1]. */
#include "attack.h"
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	long fd = syscall(SYS_creat, argv[1], 0644);
	if (fd < 0)
		failed("creat");
	succeeded("creat");
	return write((int)fd, "pwned\n", 6) == 6 ? 0 : 1;
}
