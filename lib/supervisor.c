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
