/* rename: renames an existing file argv[1] to argv[2] (marker: argv[2] exists). */
#include "attack.h"
#include <stdio.h>

int main(int argc, char **argv)
{
	usage(argc, 2, "EXISTING_FILE NEW_NAME");
	if (rename(argv[1], argv[2]) < 0)
		failed("rename");
	succeeded("rename moved a file");
	return 0;
}
