/* ptrace: attaches to another process, the pid argv[2] (a sleep of the test's), and reads its registers; without argv[2], PTRACE_TRACEME. Marker argv[1]. */
#include "attack.h"
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER [PID]");
	if (argc < 3) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
			failed("ptrace PTRACE_TRACEME");
		return mark(argv[1], "ptrace: PTRACE_TRACEME");
	}
	pid_t pid = (pid_t)atoi(argv[2]);
	if (ptrace(PTRACE_ATTACH, pid, NULL, NULL) < 0)
		failed("ptrace PTRACE_ATTACH");
	int st;
	if (waitpid(pid, &st, 0) < 0)
		failed("waitpid");
	struct user_regs_struct regs;
	if (ptrace(PTRACE_GETREGS, pid, NULL, &regs) < 0)
		failed("ptrace PTRACE_GETREGS");
	ptrace(PTRACE_DETACH, pid, NULL, NULL);
	return mark(argv[1], "ptrace: attached to another process and read its registers");
}
