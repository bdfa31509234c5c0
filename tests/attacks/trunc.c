/* trunc: openat(O_RDONLY|O_TRUNC) of an existing file argv[1], a "read-only" open that empties it (marker: argv[1] is left empty). */
#include "attack.h"
#include <sys/stat.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "EXISTING_FILE");
	int fd = openat(AT_FDCWD, argv[1], O_RDONLY | O_TRUNC);
	if (fd < 0)
		failed("openat O_RDONLY|O_TRUNC");
	struct stat st;
	if (fstat(fd, &st) == 0 && st.st_size == 0)
		succeeded("openat O_RDONLY|O_TRUNC emptied an existing file");
	return 0;
}
