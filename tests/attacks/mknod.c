/* mknod: creates a regular file argv[1] (the marker) with mknod(S_IFREG), no open at all. */
#include "attack.h"
#include <sys/stat.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	if (mknod(argv[1], S_IFREG | 0644, 0) < 0)
		failed("mknod S_IFREG");
	succeeded("mknod created a regular file");
	return 0;
}
