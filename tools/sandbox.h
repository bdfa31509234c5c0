/*
 * The processes jailctl starts: an init in a new PID namespace (so that
 * killing it kills every descendant, and it dies with jailctl), and under
 * it the program, which gets its limits, redirections, user and pre-exec
 * seccomp filter before it executes PROGRAM.
 */
#ifndef JAILCTL_SANDBOX_H
#define JAILCTL_SANDBOX_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "cgroup.h"
#include "filter.h"
#include "limits.h"
#include "policy.h"

/* The supervisor socket's number in the program (JAIL_SUPERVISOR_FD). */
#define SANDBOX_SUP_FD 3
/* In a new PID namespace the program is always this: init is 1. */
#define SANDBOX_PROGRAM_PID 2

struct sandbox {
	const char *path;            /* the program */
	char **argv, **envp;
	struct jail_limits limits;
	const struct jail_policy_source *policy; /* read again in the program's process (SELF_PID) */
	bool is_static;
	struct jail_bpf preexec;     /* compiled by jailctl for SANDBOX_PROGRAM_PID; len 0: build here */
	bool one_process;            /* the pre-exec filter holds a limit of one process (preexec.h) */
	bool learn;                  /* every call allowed, and notified */
	const char *exec_path;       /* the program, as execve gets it */
	uint64_t secret;             /* the one execve carries it (preexec.h) */
	int status_fd;               /* where the program's process reports a failure before it runs (close-on-exec) */
	const char *paths;           /* the path rules to apply before execve (landlock.h), or NULL */
	size_t paths_len;
	int fd_in, fd_out, fd_err;   /* redirections, or -1 */
	int sup_fd;                  /* the child's end of the supervisor socket */
	bool drop_user;
	uid_t uid;
	gid_t gid;
	bool userns;                 /* unprivileged: a user namespace maps our uid to itself */
	const struct cgroup *cg;     /* the run's cgroup (version 0: none, rlimits instead) */
	bool pid_namespace;          /* set by sandbox_start: false where none could be made */
};

/* What init reports when the program has ended (over a pipe). */
struct sandbox_report {
	int wait_status;
	struct rusage usage;
};

/* What the program's process reports on the status pipe when it cannot start the program. */
struct sandbox_failure {
	int status;        /* 125, 126 or 127 */
	char message[300];
};

/* Starts init; returns its pid, with *report_fd the pipe its report comes on. */
pid_t sandbox_start(struct sandbox *s, int *report_fd);

#endif
