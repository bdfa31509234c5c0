/* sigsys_handler: installs a SIGSYS handler, makes a forbidden call (getppid), and tries to carry on to write the marker argv[1]. */
#include "attack.h"
#include <signal.h>
#include <sys/syscall.h>

static volatile sig_atomic_t trapped;

static void on_sigsys(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)si;
	(void)ctx;
	trapped = 1; /* returning resumes after the call, as if it had failed */
}

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	if (sigaction(SIGSYS, &sa, NULL) < 0)
		failed("sigaction SIGSYS");
	syscall(SYS_getppid);
	return mark(argv[1], trapped ? "carried on after SIGSYS" : "carried on after getppid");
}
