/*
 * libjail.so: LD_PRELOAD=libjail.so PROGRAM. Before PROGRAM's main, the
 * constructor reads the policy, applies the limits and loads a seccomp
 * filter on every thread. Any failure ends the process with status 125:
 * the program never runs unconfined because of a mistake in its policy.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "filter.h"
#include "lognotify.h"
#include "policy.h"
#include "supervisor.h"

#define FAIL_STATUS 125

static void die(const struct jail_err *err)
{
	char line[600];
	const char *log = getenv("JAIL_LOG");
	int n = snprintf(line, sizeof(line), "libjail: %s\n", err->msg);

	if (n > (int)sizeof(line) - 1)
		n = (int)sizeof(line) - 1;
	if (write(STDERR_FILENO, line, (size_t)n) < 0) {
		/* Nowhere left to say it; the status still tells. */
	}
	if (log != NULL && *log != '\0') {
		int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
		if (fd >= 0) {
			if (write(fd, line, (size_t)n) < 0) {
				/* As above. */
			}
			close(fd);
		}
	}
	_exit(FAIL_STATUS);
}

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

/*
 * Under jailctl: jailctl has applied the limits and listens for violations.
 * The filter reports them to a listener that goes to jailctl with the news
 * that the policy is in force.
 */
static void init_supervised(int sock, struct jail_policy *policy, struct jail_err *err)
{
	struct jail_bpf bpf;
	int none = -1;

	if (supervisor_adjust_policy(policy, sock, err) < 0 || filter_build(policy, &bpf, err) < 0)
		die(err);
	policy_free(policy);
	if (filter_load(&bpf, false, &none, err) < 0)
		die(err);
	/* Only the calls supervisor_adjust_policy let through, from here on. */
	if (supervisor_send(sock, JAIL_SUPERVISOR_CONFINED, -1, err) < 0)
		die(err);
	close(sock);
}

__attribute__((constructor)) static void libjail_init(void)
{
	struct jail_policy_source src;
	struct jail_policy policy;
	struct jail_bpf bpf;
	struct jail_err err = { { 0 } };
	struct lognotify *ln = NULL;
	bool log_mode;
	int notify_fd = -1, rc;
	int sock = supervisor_fd_from_env(&err);

	if (sock == -2)
		die(&err);
	/*
	 * Not dumpable: another process of the same user (another confined
	 * program, say) may not read our memory through /proc or ptrace.
	 */
	if (prctl(PR_SET_DUMPABLE, 0) < 0) {
		jail_err_set(&err, "prctl", "PR_SET_DUMPABLE: %s", strerror(errno));
		die(&err);
	}
	/*
	 * jailctl learn watches every call already, and the programs this one
	 * runs too. Believed only under a filter: set by mistake elsewhere, it
	 * would otherwise run the program unconfined.
	 */
	if (getenv(JAIL_LEARN_ENV) != NULL) {
		if (prctl(PR_GET_SECCOMP) != 2) {
			jail_err_set(&err, JAIL_LEARN_ENV, "set, but no jailctl learn filter is in force");
			die(&err);
		}
		if (sock >= 0) {
			if (supervisor_send(sock, JAIL_SUPERVISOR_CONFINED, -1, &err) < 0)
				die(&err);
			close(sock);
		}
		return;
	}
	if (sock >= 0) {
		/* jailctl compiled the policy already: load it as it is. */
		struct jail_bpf compiled;
		int got = supervisor_bpf_from_env(&compiled, &err);
		int none = -1;
		if (got < 0)
			die(&err);
		if (got == 1) {
			if (filter_load(&compiled, false, &none, &err) < 0 ||
			    supervisor_send(sock, JAIL_SUPERVISOR_CONFINED, -1, &err) < 0)
				die(&err);
			close(sock);
			return;
		}
	}
	policy_source_from_env(&src);
	if (policy_load(&src, &policy, &err) < 0)
		die(&err);
	if (sock >= 0) {
		init_supervised(sock, &policy, &err);
		return;
	}
	if (filter_build(&policy, &bpf, &err) < 0)
		die(&err);
	log_mode = policy.action.kind == JAIL_ACT_LOG;
	/* The listener first: a process limit may forbid starting it later. */
	if (log_mode) {
		int log_fd = open_log(&err);
		if (log_fd < 0)
			die(&err);
		ln = lognotify_start(log_fd, &err);
		if (ln == NULL)
			die(&err);
	}
	if (limits_apply(&policy.limits, &err) < 0) {
		if (ln != NULL)
			lognotify_abort(ln);
		die(&err);
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
		die(&err);
	}
	/* From here on every call may be filtered: the program's bpf buffer is left to the process. */
	if (log_mode)
		lognotify_handoff(ln, notify_fd);
}
