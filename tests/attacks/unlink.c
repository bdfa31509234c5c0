/* unlink: removes an existing file argv[1] (marker: argv[1] is gone). */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "EXISTING_FILE");
	if (unlink(argv[1]) < 0)
		failed("unlink");
	succeeded("unlink removed a file");
	return 0;
}
