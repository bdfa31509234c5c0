/* kill_all: kill(-1, SIGKILL), every process it may signal; argv[2] is its victim, a child (the test's sleep, started before exec), 0 for none. Marker argv[1] once a victim is dead. Run it only in a PID namespace of its own. */
#include "attack.h"
#include <signal.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	usage(argc, 2, "MARKER VICTIM_PID");
	pid_t victim = (pid_t)atoi(argv[2]);
	if (kill(-1, SIGKILL) < 0)
		failed("kill(-1, SIGKILL)");
	if (victim <= 0)
		return mark(argv[1], "kill(-1, SIGKILL) reached another process");
	int st;
	if (waitpid(victim, &st, 0) < 0)
		failed("waitpid");
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL) {
		errno = ESRCH;
		failed("the victim was not killed");
	}
	return mark(argv[1], "kill(-1, SIGKILL) killed another process");
}
