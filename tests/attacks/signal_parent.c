/* signal_parent: sends SIGUSR1 to its parent (a grading script, say), which leaves the marker when it gets it; here the attack's own marker argv[1] says the signal was sent. With kill allowed, only a Landlock scope stops it. */
#include "attack.h"
#include <signal.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	if (kill(getppid(), SIGUSR1) < 0)
		failed("kill(getppid(), SIGUSR1)");
	return mark(argv[1], "signalled its parent");
}
