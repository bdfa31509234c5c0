#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entry.h"
#include "supervisor.h"

/*
 * strace of dynamic C, C++ and python3 programs under jailctl: ld.so, then
 * libjail's constructor (libseccomp probes the kernel, exports through a
 * memfd). Nothing here opens for writing, starts a process or a thread, or
 * reaches the network.
 */
const char jail_loader_calls[] =
	"read:pread64:write:writev:close:fstat:newfstatat:lseek:access:faccessat:readlink:"
	"openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY):getcwd:"
	"mmap:mprotect:munmap:brk:madvise:arch_prctl:set_tid_address:set_robust_list:rseq:"
	"prlimit64(arg2 == 0):getrlimit:getrandom:getpid:gettid:sysinfo:"
	"futex(arg1 == FUTEX_WAKE|FUTEX_PRIVATE_FLAG):memfd_create:ftruncate:"
	"fcntl(arg1 == F_GETFD || arg1 == F_DUPFD_CLOEXEC || arg1 == F_GET_SEALS):ioctl(arg1 == TCGETS):"
	"prctl(arg0 == PR_SET_NO_NEW_PRIVS || arg0 == PR_GET_SECCOMP || arg0 == PR_SET_DUMPABLE):"
	"exit:exit_group:rt_sigreturn";

int supervisor_fd_from_env(struct jail_err *err)
{
	const char *text = getenv(JAIL_SUPERVISOR_ENV);
	char *end;
	long fd;

	if (text == NULL)
		return -1;
	errno = 0;
	fd = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || fd < 3 || fd > 65535 ||
	    fcntl((int)fd, F_GETFD) < 0) {
		jail_err_set(err, JAIL_SUPERVISOR_ENV, "\"%s\" is not an open descriptor", text);
		return -2;
	}
	/* Not for the programs this one may run: they are covered by its filter. */
	unsetenv(JAIL_SUPERVISOR_ENV);
	return (int)fd;
}

int supervisor_adjust_policy(struct jail_policy *p, int sock, struct jail_err *err)
{
	struct jail_ruleset handoff = { 0 };
	char entries[160];
	int rc = -1;

	if (p->action.kind == JAIL_ACT_KILL || p->action.kind == JAIL_ACT_KILL_THREAD)
		p->action.kind = JAIL_ACT_SUPERVISED;
	snprintf(entries, sizeof(entries), "sendmsg(arg0 == %d):close(arg0 == %d)", sock, sock);
	if (entry_list_parse(entries, &handoff, JAIL_SUPERVISOR_ENV, err) < 0)
		goto out;
	if (p->allow_mode) {
		rc = ruleset_merge(&p->rules, &handoff);
		/* Allowed by jailctl's filter, named by no rule of the policy: only this filter can stop it. */
		if (rc == 0 && p->action.kind == JAIL_ACT_SUPERVISED) {
			struct jail_ruleset loader = { 0 };
			rc = entry_list_parse(jail_loader_calls, &loader, JAIL_SUPERVISOR_ENV, err);
			for (size_t i = 0; rc == 0 && i < loader.n; i++)
				if (ruleset_find(&p->rules, loader.rule[i].nr) == NULL)
					rc = ruleset_add_always(&p->kill_rules, loader.rule[i].nr);
			ruleset_free(&loader);
		}
	} else {
		rc = ruleset_subtract(&p->rules, &handoff, JAIL_SUPERVISOR_ENV, err);
	}
	if (rc < 0 && err->msg[0] == '\0')
		jail_err_set(err, JAIL_SUPERVISOR_ENV, "out of memory");
out:
	ruleset_free(&handoff);
	return rc;
}

int supervisor_send(int sock, const char *text, int fd, struct jail_err *err)
{
	char control[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = (void *)text, .iov_len = strlen(text) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (fd >= 0) {
		msg.msg_control = control;
		msg.msg_controllen = sizeof(control);
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	if (sendmsg(sock, &msg, MSG_NOSIGNAL) != (ssize_t)iov.iov_len) {
		jail_err_set(err, JAIL_SUPERVISOR_ENV, "sendmsg: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int supervisor_bpf_to_memfd(const struct jail_bpf *bpf, struct jail_err *err)
{
	size_t size = bpf->len * sizeof(struct sock_filter);
	int fd = memfd_create("jail-policy", MFD_ALLOW_SEALING);

	if (fd < 0 || write(fd, bpf->insns, size) != (ssize_t)size ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) < 0) {
		jail_err_set(err, JAIL_POLICY_FD_ENV, "the compiled policy: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int supervisor_bpf_from_env(struct jail_bpf *bpf, struct jail_err *err)
{
	const char *text = getenv(JAIL_POLICY_FD_ENV);
	const int want = F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL;
	struct stat st;
	char *end;
	long fd;

	if (text == NULL)
		return 0;
	unsetenv(JAIL_POLICY_FD_ENV);
	fd = strtol(text, &end, 10);
	/* Only a sealed memfd of whole instructions is believed: nothing can change it after jailctl. */
	if (*text == '\0' || *end != '\0' || fd < 3 || fd > 65535 || fstat((int)fd, &st) < 0 ||
	    (fcntl((int)fd, F_GET_SEALS) & want) != want || st.st_size <= 0 ||
	    st.st_size % sizeof(struct sock_filter) != 0 ||
	    st.st_size / sizeof(struct sock_filter) > BPF_MAXINSNS) {
		jail_err_set(err, JAIL_POLICY_FD_ENV, "\"%s\" is not a sealed compiled policy", text);
		return -1;
	}
	bpf->len = (size_t)st.st_size / sizeof(struct sock_filter);
	bpf->insns = malloc((size_t)st.st_size);
	if (bpf->insns == NULL || pread((int)fd, bpf->insns, (size_t)st.st_size, 0) != st.st_size) {
		jail_err_set(err, JAIL_POLICY_FD_ENV, "reading the compiled policy: %s", strerror(errno));
		return -1;
	}
	close((int)fd);
	return 1;
}
