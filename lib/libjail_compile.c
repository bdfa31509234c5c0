/*
 * libjail-compile.so: the part of libjail.so's start-up that reads the
 * config with libconfuse and builds the filter with libseccomp. libjail.so
 * opens it only when no compiled policy is at hand in the cache that
 * `jailctl compile` writes, so that a program started with a compiled
 * policy loads neither library.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "build_id.h"
#include "die.h"
#include "filter.h"
#include "landlock.h"
#include "libjail_compile.h"
#include "lognotify.h"
#include "policy.h"

/* Where log mode writes: JAIL_LOG, else a private copy of standard error. */
static int open_log(struct jail_err *err)
{
	const char *path = getenv("JAIL_LOG");
	int fd;

	if (path != NULL && *path != '\0') {
		fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0)
			jail_err_set(err, "JAIL_LOG", "%s: %s", path, strerror(errno));
		return fd;
	}
	fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (fd < 0)
		jail_err_set(err, "JAIL_LOG", "standard error: %s", strerror(errno));
	return fd;
}

__attribute__((visibility("default"))) const char LIBJAIL_COMPILE_BUILD[] = JAIL_BUILD_ID;

__attribute__((visibility("default"))) void LIBJAIL_COMPILE_ENTRY(void)
{
	struct jail_policy_source src;
	struct jail_policy policy;
	struct jail_bpf bpf;
	struct jail_err err = { { 0 } };
	struct lognotify *ln = NULL;
	bool log_mode;
	int notify_fd = -1, rc;

	policy_source_from_env(&src);
	if (policy_load(&src, &policy, &err) < 0)
		libjail_die(&err);
	if (filter_build(&policy, &bpf, &err) < 0)
		libjail_die(&err);
	log_mode = policy.action.kind == JAIL_ACT_LOG;
	/* The listener first: a process limit may forbid starting it later. */
	if (log_mode) {
		int log_fd = open_log(&err);
		if (log_fd < 0)
			libjail_die(&err);
		ln = lognotify_start(log_fd, &err);
		if (ln == NULL)
			libjail_die(&err);
	}
	/* Log mode runs the program as it would run unconfined: it changes nothing, path rules included. */
	/* The rules before the limits: the open files limit must leave room for what they open. */
	if ((!log_mode && policy.paths != NULL && landlock_apply_alone(policy.paths, policy.paths_len, &err) < 0) ||
	    limits_apply(&policy.limits, &err) < 0) {
		if (ln != NULL)
			lognotify_abort(ln);
		libjail_die(&err);
	}
	policy_free(&policy);
	rc = filter_load(&bpf, log_mode, &notify_fd, &err);
	if (rc < 0) {
		/*
		 * A listener is already upstream (a log-mode parent exec'd us):
		 * its filter covers us and reports our calls; log mode confines nothing.
		 */
		if (log_mode && rc == -EBUSY && prctl(PR_GET_SECCOMP) == 2) {
			lognotify_abort(ln);
			return;
		}
		if (ln != NULL)
			lognotify_abort(ln);
		libjail_die(&err);
	}
	/* From here on every call may be filtered: the program's bpf buffer is left to the process. */
	if (log_mode)
		lognotify_handoff(ln, notify_fd);
}
