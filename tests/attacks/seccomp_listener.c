/* seccomp_listener: seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER) with an allow-all filter: a listener of its own could answer a supervisor's notifications; marker argv[1]. */
#include "attack.h"
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdbool.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

/* no_new_privs, read from /proc, so that seccomp() is the first call a policy may refuse. */
static bool nnp_set(void)
{
	char line[256];
	bool set = false;
	FILE *f = fopen("/proc/self/status", "r");

	while (f != NULL && fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "NoNewPrivs:", 11) == 0)
			set = atoi(line + 11) == 1;
	if (f != NULL)
		fclose(f);
	return set;
}

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct sock_filter allow[] = { BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW) };
	struct sock_fprog prog = { .len = 1, .filter = allow };
	if (!nnp_set() && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		failed("prctl PR_SET_NO_NEW_PRIVS");
	long fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	if (fd < 0)
		failed("seccomp with a new listener");
	return mark(argv[1], "seccomp(): a filter with a listener of its own");
}
