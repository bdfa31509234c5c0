/* unshare: unshare(CLONE_NEWUSER), a new user namespace in which the program holds every capability; marker argv[1]. */
#include "attack.h"
#include <sched.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	if (unshare(CLONE_NEWUSER) < 0) {
		if (errno == EINVAL || errno == ENOSPC || errno == EPERM)
			cannot("this user may not make a user namespace here");
		failed("unshare CLONE_NEWUSER");
	}
	return mark(argv[1], "unshare: a new user namespace");
}
