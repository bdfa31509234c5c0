/* symlink: creates the symbolic link argv[1] (the marker) to /etc/passwd. */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER_LINK");
	if (symlink("/etc/passwd", argv[1]) < 0)
		failed("symlink");
	succeeded("symlink");
	return 0;
}
