/* truncate_path: truncate(2) of an existing file by its path argv[1], no open at all (marker: argv[1] is left empty). */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "EXISTING_FILE");
	if (truncate(argv[1], 0) < 0)
		failed("truncate");
	succeeded("truncate emptied an existing file");
	return 0;
}
