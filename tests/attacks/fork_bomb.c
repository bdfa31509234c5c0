/* fork_bomb: a bounded fork bomb, five rounds in which every process forks (32 processes at most, each gone within a second); the first process writes the marker argv[1] when all 31 forks worked. */
#include "attack.h"
#include <sys/wait.h>

#define ROUNDS 5 /* 2^5 = 32 processes, never more */

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	pid_t children[ROUNDS];
	int n = 0, bad = 0, fork_errno = 0;
	pid_t first = getpid();

	for (int round = 0; round < ROUNDS; round++) {
		pid_t pid = fork();
		if (pid < 0) {
			bad = 1;
			fork_errno = errno;
			break;
		}
		if (pid == 0) {
			n = 0; /* a new process: its children are its own */
			continue;
		}
		children[n++] = pid;
	}
	usleep(200000); /* all 32 are alive together */
	for (int i = 0; i < n; i++) {
		int st;
		if (waitpid(children[i], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			bad = 1;
	}
	if (getpid() != first)
		_exit(bad);
	if (bad) {
		errno = fork_errno ? fork_errno : EAGAIN;
		failed("fork bomb: a fork failed");
	}
	return mark(argv[1], "fork bomb: 32 processes");
}
