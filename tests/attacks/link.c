/* link: creates a hard link argv[1] (the marker) to an existing file argv[2]. */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 2, "MARKER EXISTING_FILE");
	if (link(argv[2], argv[1]) < 0)
		failed("link");
	succeeded("link");
	return 0;
}
