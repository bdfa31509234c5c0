/* mount: mounts a tmpfs on the directory argv[2] (the test runs it as root of a user and mount namespace of its own, so that the mount can work); marker argv[1]. */
#include "attack.h"
#include <sys/mount.h>

int main(int argc, char **argv)
{
	usage(argc, 2, "MARKER DIR");
	if (mount("none", argv[2], "tmpfs", 0, "size=64k") < 0)
		failed("mount tmpfs");
	return mark(argv[1], "mount: a tmpfs");
}
