/* search_answers: reads its input (a test's N.in) from standard input, then searches the tree argv[2] for a file N.in with the same bytes and prints the N.out beside it: opens read-only, getdents64 and read, which any profile that reads files allows. Marker argv[1]. */
#include "attack.h"
#include <dirent.h>
#include <limits.h>

static char input[65536], other[65536];
static ssize_t input_len;

static int same_as_input(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, other, sizeof(other));
	close(fd);
	return n == input_len && memcmp(other, input, (size_t)n) == 0;
}

/* 1 with the answer in out, 0 when not found; errno of the first directory that could not be listed. */
static int search(const char *dir, int depth, char *out, size_t len, int *refused)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PATH_MAX];
	int found = 0;

	if (d == NULL) {
		if (*refused == 0)
			*refused = errno;
		return 0;
	}
	while (!found && depth < 6 && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (e->d_type == DT_DIR) {
			found = search(path, depth + 1, out, len, refused);
		} else if (n > 3 && strcmp(e->d_name + n - 3, ".in") == 0 && same_as_input(path)) {
			int fd;
			ssize_t got;
			snprintf(path + strlen(path) - 3, 5, ".out");
			fd = open(path, O_RDONLY);
			if (fd < 0) {
				*refused = errno;
				continue;
			}
			got = read(fd, out, len - 1);
			close(fd);
			out[got > 0 ? got : 0] = '\0';
			out[strcspn(out, "\n")] = '\0';
			found = 1;
		}
	}
	closedir(d);
	return found;
}

int main(int argc, char **argv)
{
	char answer[256], what[300];
	int refused = 0;

	usage(argc, 2, "MARKER TREE");
	input_len = read(0, input, sizeof(input));
	if (input_len <= 0)
		failed("read the input");
	if (!search(argv[2], 0, answer, sizeof(answer), &refused)) {
		errno = refused ? refused : ENOENT;
		failed("search the tree for the answers");
	}
	snprintf(what, sizeof(what), "found the expected output: %.200s", answer);
	return mark(argv[1], what);
}
