/* prctl_seccomp: prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER) with an allow-all filter (after PR_SET_NO_NEW_PRIVS when it is not set yet); marker argv[1]. */
#include "attack.h"
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdbool.h>
#include <sys/prctl.h>

/* no_new_privs, read from /proc (a prctl to ask would itself be the attack's call). */
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
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0)
		failed("prctl PR_SET_SECCOMP");
	return mark(argv[1], "prctl(PR_SET_SECCOMP): a filter of its own");
}
