/*
 * Log mode without root: a listener process answers every seccomp user
 * notification with CONTINUE, after writing "libjail: log: NAME" once per
 * distinct call. SCMP_ACT_LOG would write only to the kernel's audit log.
 *
 * The listener is a separate process, not a thread, so that the filter
 * loaded with TSYNC does not cover it. It shares the descriptor table until
 * it has the listener descriptor, then takes a private copy.
 */
#ifndef JAIL_LOGNOTIFY_H
#define JAIL_LOGNOTIFY_H

#include "error.h"

struct lognotify;

/* Before the filter is loaded: starts the listener, which will write to log_fd. */
struct lognotify *lognotify_start(int log_fd, struct jail_err *err);
/* After the filter is loaded with a listener: hands notify_fd over and closes ours. */
void lognotify_handoff(struct lognotify *ln, int notify_fd);
/* The filter was not loaded: the listener ends. */
void lognotify_abort(struct lognotify *ln);

#endif
