/* read_answer: opens a course's expected output argv[2] (a path it was told, perhaps with ".." in it, or a link planted beside it) read-only and prints it: only path rules can stop this. Marker argv[1]. */
#include "attack.h"

int main(int argc, char **argv)
{
	char buf[256], what[300];
	ssize_t n;
	int fd;

	usage(argc, 2, "MARKER ANSWER_FILE");
	fd = open(argv[2], O_RDONLY);
	if (fd < 0)
		failed("open the answer file");
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0)
		failed("read the answer file");
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	snprintf(what, sizeof(what), "read the expected output: %.200s", buf);
	return mark(argv[1], what);
}
