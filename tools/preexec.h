/*
 * jailctl's own filter, loaded in the program's process before execve and
 * kept for the program's whole life: exactly the policy, plus the few
 * calls every program makes to start (start-up calls: a static program
 * makes them before its main, the dynamic loader before libjail's
 * constructor), plus exactly one execve, the program's own. Every other
 * call is a user notification that jailctl answers: before libjail says
 * the program's own code starts, a call the dynamic loader needs goes on;
 * anything else, and everything after, is a violation, and jailctl
 * applies the policy's action.
 */
#ifndef JAILCTL_PREEXEC_H
#define JAILCTL_PREEXEC_H

#include <stdbool.h>
#include <stdint.h>

#include "filter.h"
#include "policy.h"

/* The descriptor the program's process reports a failed execve on (close-on-exec). */
#define PREEXEC_STATUS_FD 4

/*
 * What every program makes to start, allowed under jailctl whatever the
 * policy: as narrowly as their arguments allow.
 */
extern const char preexec_startup_calls[];

/*
 * secret: the value that the one execve (and the report of its failure)
 * carry in an argument register the call does not use; no other execve
 * can guess it. *one_process: whether the run is limited to one process;
 * on return, whether the filter holds that limit itself (every new process
 * or thread fails with EAGAIN, as under pids.max 1), so that no pids
 * cgroup is needed. It does but where a deny list's condition on clone
 * cannot be turned around.
 */
int preexec_build(const struct jail_policy *policy, bool *one_process, uint64_t secret, int sup_fd,
		  struct jail_bpf *out, struct jail_err *err);

/* jailctl learn: every call is notified (and continued), but the handoff's sendmsg; clone3 is ENOSYS. */
int learn_filter_build(int sup_fd, struct jail_bpf *out, struct jail_err *err);

/*
 * Whether a notified call is one the dynamic loader makes (jailctl lets it
 * through until libjail's word); -1 when the list cannot be read.
 */
int preexec_loader_call(int nr, const uint64_t *args);

#endif
