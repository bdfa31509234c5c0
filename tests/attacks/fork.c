/* fork: starts a child process (glibc fork, clone without CLONE_THREAD) that writes the marker argv[1]. */
#include "attack.h"
#include <sys/wait.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	pid_t pid = fork();
	if (pid < 0)
		failed("fork");
	if (pid == 0)
		_exit(mark(argv[1], "fork: a child process runs"));
	int st;
	if (waitpid(pid, &st, 0) < 0)
		failed("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
