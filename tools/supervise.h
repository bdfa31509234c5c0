/*
 * jailctl run's supervision of a started sandbox: one poll loop over the
 * signals, the wall-clock and CPU timers, the supervisor socket, the
 * pre-exec filter's notifications, init's report and the relayed outputs.
 * What happened is left in struct supervision for the verdict.
 */
#ifndef JAILCTL_SUPERVISE_H
#define JAILCTL_SUPERVISE_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "cgroup.h"
#include "describe.h"
#include "learn.h"
#include "policy.h"
#include "relay.h"
#include "sandbox.h"

struct supervision {
	pid_t init;
	bool init_reaped;          /* its PID may now be anyone's: never signal it again */
	pid_t program;             /* in our PID namespace, from the pre-exec message */
	int pidfd;                 /* the program's, once known */
	int listener;              /* the pre-exec filter's notifications */
	int status_fd;             /* the status pipe: a failure before the program runs, or EOF */
	bool confined;             /* libjail said the program's own code starts */
	/* Calls of the dynamic loader go on until then; a static program has no loader. */
	bool loader_done;
	struct jail_action action; /* what a violation does */
	bool cpu_exceeded, wall_exceeded, forbidden, child_failed;
	struct call_description call;
	struct sandbox_failure failure;
	struct sandbox_report report;
	bool reported;
	struct timespec start;
	const struct cgroup *cg;
	struct relay relay[2];     /* outputs that are no regular file: standard output, error */
	int relays;
	bool output_exceeded;
	struct learned *learned;   /* jailctl learn: every call is recorded, then continued */
	bool pid_namespace;
	timer_t cpu_timer;
	bool has_cpu_timer;
};

/* Seconds since t0, on CLOCK_MONOTONIC. */
double seconds_since(const struct timespec *t0);
/* Signals init, unless it has been reaped (its PID may then be anyone's). */
void signal_init(struct supervision *sv, int sig);
/* Reaps init if it has ended (options as waitpid's). */
void reap_init(struct supervision *sv, int options);
/* What jailctl reads through signalfd while it supervises: to block before the sandbox starts. */
void supervised_signals(sigset_t *mask);
/* Returns 0 when the program has ended and init has reported or died; -1 on an error, said. */
int supervise(struct supervision *sv, int sup, int report_fd, const struct jail_limits *l);

#endif
