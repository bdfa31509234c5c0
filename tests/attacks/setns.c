/* setns: opens a namespace file read-only (allowed), argv[2], and joins it with setns; the test gives the mount namespace the program is in, run as root of a user namespace of its own: joining resets the root directory, the classic chroot escape. Marker argv[1]. */
#include "attack.h"
#include <sched.h>

int main(int argc, char **argv)
{
	usage(argc, 2, "MARKER NSFILE");
	int fd = open(argv[2], O_RDONLY);
	if (fd < 0)
		failed("open the namespace file");
	if (setns(fd, 0) < 0)
		failed("setns");
	return mark(argv[1], "setns: joined a namespace");
}
