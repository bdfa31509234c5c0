/* rdonly_creat: openat(O_RDONLY|O_CREAT), a "read-only" open that still creates the file argv[1] (the marker). */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	int fd = openat(AT_FDCWD, argv[1], O_RDONLY | O_CREAT, 0644);
	if (fd < 0)
		failed("openat O_RDONLY|O_CREAT");
	succeeded("openat O_RDONLY|O_CREAT created a file");
	return 0;
}
