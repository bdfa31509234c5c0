#include "config.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bpf.h"

void filter_bpf_free(struct jail_bpf *bpf)
{
	free(bpf->insns);
	bpf->insns = NULL;
	bpf->len = 0;
}

int set_no_new_privs(const char *where, struct jail_err *err)
{
	/* It cannot be unset, and a fork inherits both it and this flag: one call per process tree. */
	static bool set;

	if (set)
		return 0;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		int e = errno;
		jail_err_set(err, where, "prctl(PR_SET_NO_NEW_PRIVS): %s", strerror(e));
		return -e;
	}
	set = true;
	return 0;
}

int filter_load(const struct jail_bpf *bpf, bool listener, int *notify_fd, struct jail_err *err)
{
	struct sock_fprog prog = { .len = (unsigned short)bpf->len, .filter = bpf->insns };
	unsigned flags = SECCOMP_FILTER_FLAG_TSYNC;
	long rc = set_no_new_privs("filter", err);

	if (rc < 0)
		return (int)rc;
	/* The kernel allows TSYNC with a listener only when sync failures say ESRCH. */
	if (listener)
		flags |= SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_TSYNC_ESRCH;
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
	if (rc < 0) {
		int e = errno;
		jail_err_set(err, "filter", "seccomp(SECCOMP_SET_MODE_FILTER): %s%s", strerror(e),
			     e == ESRCH ? " (a thread could not be synchronised)" : "");
		return -e;
	}
	if (listener) {
		*notify_fd = (int)rc;
	} else if (rc != 0) {
		jail_err_set(err, "filter", "thread %ld could not be synchronised (TSYNC)", rc);
		return -ESRCH;
	}
	return 0;
}
