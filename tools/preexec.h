/*
 * jailctl's own filter, loaded in the child before execve and kept for the
 * program's whole life: the policy, plus what the dynamic loader and
 * libjail's constructor need, plus exactly one execve (of the program).
 * A violation is a user notification: jailctl names the call and kills.
 */
#ifndef JAILCTL_PREEXEC_H
#define JAILCTL_PREEXEC_H

#include <stdbool.h>
#include <stdint.h>

#include "filter.h"
#include "policy.h"

/*
 * exec_path: the string the child passes to execve, at the same address
 * there. *one_process: whether the run is limited to one process; on
 * return, whether the filter holds that limit itself (every new process or
 * thread fails with EAGAIN, as under pids.max 1), so that no pids cgroup
 * is needed. It does but where a deny list's condition on clone cannot be
 * turned around.
 */
int preexec_build(const struct jail_policy *policy, bool is_static, bool *one_process, const char *exec_path,
		  int sup_fd, struct jail_bpf *out, struct jail_err *err);

/* jailctl learn: every call is notified (and continued), but the handoff's sendmsg; clone3 is ENOSYS. */
int learn_filter_build(int sup_fd, struct jail_bpf *out, struct jail_err *err);

#endif
