/* mkdir: creates the directory argv[1] (the marker). */
#include "attack.h"
#include <sys/stat.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER_DIR");
	if (mkdir(argv[1], 0755) < 0)
		failed("mkdir");
	succeeded("mkdir");
	return 0;
}
