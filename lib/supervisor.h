/*
 * Running under jailctl: the handoff between libjail's constructor and the
 * supervisor. jailctl passes a socket as JAIL_SUPERVISOR_FD, and has loaded
 * a filter of its own before execve: the policy plus what the dynamic
 * loader and this constructor need, where a violation is a user
 * notification that jailctl answers (it names the call, then kills).
 * libjail leaves the limits to jailctl, narrows that filter to exactly the
 * policy, and says over the socket that the policy is in force. In its
 * filter a violation of the policy that jailctl's filter lets through
 * fails with ENOSYS (SECCOMP_RET_TRACE with no tracer): that action ranks
 * below jailctl's notification, so jailctl still sees every call its own
 * filter catches.
 */
#ifndef JAIL_SUPERVISOR_H
#define JAIL_SUPERVISOR_H

#include <stdbool.h>

#include "error.h"
#include "filter.h"
#include "policy.h"

#define JAIL_SUPERVISOR_ENV "JAIL_SUPERVISOR_FD"
/* Set by jailctl learn: no policy, only the news that the program's own code starts now. */
#define JAIL_LEARN_ENV "JAIL_LEARN"
/* The message that comes with the listener: the policy is in force. */
#define JAIL_SUPERVISOR_CONFINED "libjail:confined"
/* The message the pre-exec filter's listener comes with (from jailctl's own child). */
#define JAIL_SUPERVISOR_PREEXEC "jailctl:preexec"

/* Reads and removes JAIL_SUPERVISOR_FD; returns the socket, -1 when unset, -2 on error. */
int supervisor_fd_from_env(struct jail_err *err);
/*
 * What ld.so and libjail's constructor call before the policy is in force;
 * jailctl's filter allows these for the program's life.
 */
extern const char jail_loader_calls[];

/*
 * Makes kill and kill_thread ENOSYS (jailctl's filter names and stops those
 * calls), except for the loader's calls that the policy does not name at
 * all, which jailctl's filter allows: those kill. Lets sendmsg and close
 * on sock through.
 */
int supervisor_adjust_policy(struct jail_policy *p, int sock, struct jail_err *err);
/*
 * Compiled once: jailctl builds libjail's filter itself and passes it as a
 * sealed memfd in JAIL_POLICY_FD, so that the constructor loads it without
 * reading the config or calling libseccomp.
 */
#define JAIL_POLICY_FD_ENV "JAIL_POLICY_FD"
/* Writes bpf into a new sealed memfd; returns it, or -1. */
int supervisor_bpf_to_memfd(const struct jail_bpf *bpf, struct jail_err *err);
/*
 * Reads and removes JAIL_POLICY_FD: 1 with *bpf filled, 0 when unset, -1 on
 * error. The program is read into room (BPF_MAXINSNS instructions): no
 * malloc on the start-up path, where every fresh page costs.
 */
int supervisor_bpf_from_env(struct jail_bpf *bpf, struct sock_filter *room, struct jail_err *err);

/* Sends fd (or none, if fd < 0) with message text over sock. */
int supervisor_send(int sock, const char *text, int fd, struct jail_err *err);

#endif
