/* openat_write: openat with O_WRONLY|O_CREAT|O_TRUNC (what glibc's open and fopen "w" make) creates the marker argv[1]. */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	int fd = openat(AT_FDCWD, argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		failed("openat O_WRONLY|O_CREAT");
	succeeded("openat O_WRONLY|O_CREAT");
	return write(fd, "pwned\n", 6) == 6 ? 0 : 1;
}
