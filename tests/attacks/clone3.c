/* clone3: a raw clone3 system call (flags in memory, where a filter cannot look) starts a child process that writes the marker argv[1]. */
#include "attack.h"
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct clone_args args = { .flags = 0, .exit_signal = SIGCHLD };
	long pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid < 0)
		failed("clone3");
	if (pid == 0)
		syscall(SYS_exit_group, mark(argv[1], "clone3: a child process runs"));
	int st;
	if (waitpid((pid_t)pid, &st, 0) < 0)
		failed("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
