/* rdwr_existing: openat(O_RDWR) without O_CREAT of an existing file argv[1] and overwrites its start (marker: argv[1] begins with "pwned"). */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "EXISTING_FILE");
	int fd = openat(AT_FDCWD, argv[1], O_RDWR);
	if (fd < 0)
		failed("openat O_RDWR");
	if (write(fd, "pwned\n", 6) != 6)
		failed("write");
	succeeded("openat O_RDWR overwrote an existing file");
	return 0;
}
