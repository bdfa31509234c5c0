/* setsid_grandchild: a grandchild in a session of its own (setsid) that outlives the program: it writes the marker argv[1] after argv[2] seconds (default 1), when the program is long gone. */
#include "attack.h"
#include <sys/wait.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER [DELAY]");
	unsigned delay = argc > 2 ? (unsigned)atoi(argv[2]) : 1;
	pid_t child = fork();
	if (child < 0)
		failed("fork");
	if (child == 0) {
		if (setsid() < 0)
			_exit(1);
		pid_t grandchild = fork();
		if (grandchild < 0)
			_exit(1);
		if (grandchild == 0) {
			sleep(delay);
			_exit(mark(argv[1], "a setsid grandchild outlived the program"));
		}
		_exit(0);
	}
	int st;
	if (waitpid(child, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		failed("the child");
	say("program done, grandchild left behind\n");
	return 0;
}
