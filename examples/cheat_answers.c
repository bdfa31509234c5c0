/*
 * cheat_answers.c: a cheat that computes nothing. A grader runs it with a
 * test's input (N.in) on standard input, and the expected output (N.out)
 * usually lies beside it. It asks where its standard input comes from
 * (/proc/self/fd/0) and prints N.out from there; where that is no file, it
 * searches the directories above the one it runs in for a file N.in with
 * the same bytes, and prints its N.out. It only opens files read-only,
 * lists directories and reads links: calls that any profile that lets a
 * program read files must allow. Only path rules stop it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INPUT_MAX (1 << 20)
#define SEARCH_DEPTH 4
#define SEARCH_DIRS 20000

static char input[INPUT_MAX];
static size_t input_len;
static int dirs_seen;

/* Prints the file N.out beside N.in (in_path); 0 when it did. */
static int print_answer(const char *in_path)
{
	char out_path[PATH_MAX + 8], buf[4096];
	size_t n = strlen(in_path);
	ssize_t got;
	int fd;

	if (n < 3 || strcmp(in_path + n - 3, ".in") != 0)
		return -1;
	snprintf(out_path, sizeof(out_path), "%.*s.out", (int)(n - 3), in_path);
	fd = open(out_path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "cheat_answers: %s: ", out_path);
		perror(NULL);
		return -1;
	}
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, (size_t)got, stdout);
	close(fd);
	return 0;
}

/* Whether the file path holds exactly the bytes of our input. */
static int same_as_input(const char *path)
{
	static char other[INPUT_MAX];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, other, sizeof(other));
	close(fd);
	return n == (ssize_t)input_len && memcmp(other, input, input_len) == 0;
}

static int search(const char *dir, int depth)
{
	DIR *d;
	struct dirent *e;
	char path[PATH_MAX];
	int found = -1;

	if (depth > SEARCH_DEPTH || ++dirs_seen > SEARCH_DIRS)
		return -1;
	if (strcmp(dir, "/proc") == 0 || strcmp(dir, "/sys") == 0 || strcmp(dir, "/dev") == 0 ||
	    strcmp(dir, "/usr") == 0)
		return -1;
	d = opendir(dir);
	if (d == NULL)
		return -1;
	while (found < 0 && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, e->d_name);
		if (e->d_type == DT_DIR)
			found = search(path, depth + 1);
		else if (n > 3 && strcmp(e->d_name + n - 3, ".in") == 0 && same_as_input(path))
			found = print_answer(path);
	}
	closedir(d);
	return found;
}

int main(void)
{
	char from[PATH_MAX], here[PATH_MAX];
	ssize_t n;

	while ((n = read(0, input + input_len, sizeof(input) - input_len)) > 0)
		input_len += (size_t)n;
	/* Where standard input comes from: the test's own file, if the grader opened one. */
	n = readlink("/proc/self/fd/0", from, sizeof(from) - 1);
	if (n > 0) {
		from[n] = '\0';
		if (from[0] == '/' && print_answer(from) == 0)
			return 0;
	}
	/* Else the directories above this one, each searched a few levels down. */
	if (getcwd(here, sizeof(here)) == NULL)
		return 1;
	for (;;) {
		char *slash = strrchr(here, '/');
		if (slash == NULL)
			break;
		if (slash == here)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (search(here, 0) == 0)
			return 0;
		if (strcmp(here, "/") == 0)
			break;
	}
	fprintf(stderr, "cheat_answers: no answers found\n");
	return 1;
}
