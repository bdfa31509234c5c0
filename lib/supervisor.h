/*
 * Running under jailctl: the handoff between libjail's constructor and the
 * supervisor. jailctl passes a socket as JAIL_SUPERVISOR_FD and has loaded
 * a filter of its own before execve: the policy, plus the few calls every
 * program makes to start (see jailctl(1)), where every other call is a
 * user notification that jailctl answers. Until libjail says that the
 * program's own code starts (JAIL_SUPERVISOR_CONFINED), jailctl lets
 * through what the dynamic loader needs; from then on, the policy alone.
 * libjail itself loads no filter there: jailctl's is exactly the policy.
 */
#ifndef JAIL_SUPERVISOR_H
#define JAIL_SUPERVISOR_H

#include "error.h"

#define JAIL_SUPERVISOR_ENV "JAIL_SUPERVISOR_FD"
/* Set by jailctl learn: no policy, only the news that the program's own code starts now. */
#define JAIL_LEARN_ENV "JAIL_LEARN"
/* libjail's word: its constructor ran, the loader is done, the program's own code starts. */
#define JAIL_SUPERVISOR_CONFINED "libjail:confined"
/* The message the pre-exec filter's listener comes with (from jailctl's own child). */
#define JAIL_SUPERVISOR_PREEXEC "jailctl:preexec"

/* Reads and removes JAIL_SUPERVISOR_FD; returns the socket, -1 when unset, -2 on error. */
int supervisor_fd_from_env(struct jail_err *err);
/* Sends fd (or none, if fd < 0) with message text over sock. */
int supervisor_send(int sock, const char *text, int fd, struct jail_err *err);

#endif
