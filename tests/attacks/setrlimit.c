/* setrlimit: raises RLIMIT_NOFILE's soft limit to its hard limit (or, when they are equal, both above it); marker argv[1]. */
#include "attack.h"
#include <sys/resource.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct rlimit old, want;
	if (getrlimit(RLIMIT_NOFILE, &old) < 0)
		failed("getrlimit");
	want.rlim_cur = want.rlim_max = old.rlim_cur < old.rlim_max ? old.rlim_max : old.rlim_max + 1024;
	if (setrlimit(RLIMIT_NOFILE, &want) < 0)
		failed("setrlimit RLIMIT_NOFILE");
	char what[128];
	snprintf(what, sizeof(what), "setrlimit: RLIMIT_NOFILE raised from %llu to %llu",
		 (unsigned long long)old.rlim_cur, (unsigned long long)want.rlim_cur);
	return mark(argv[1], what);
}
