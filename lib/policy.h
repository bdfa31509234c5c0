/*
 * The policy libjail applies: the profile from the config file, with the
 * SECCOMP_SYSCALL_ALLOW / SECCOMP_SYSCALL_DENY / SECCOMP_DEFAULT_ACTION
 * variables over it, as Cloudflare's sandbox gave them meaning.
 */
#ifndef JAIL_POLICY_H
#define JAIL_POLICY_H

#include <stdbool.h>

#include "action.h"
#include "limits.h"
#include "ruleset.h"

/* Where a policy comes from; NULL members are unset. */
struct jail_policy_source {
	const char *config;      /* JAIL_CONFIG, else the installed jail.conf */
	const char *profile;     /* JAIL_PROFILE, else "default" */
	const char *allow;       /* SECCOMP_SYSCALL_ALLOW */
	const char *deny;        /* SECCOMP_SYSCALL_DENY */
	const char *action;      /* SECCOMP_DEFAULT_ACTION */
	const char *read;        /* JAIL_READ */
	const char *write;       /* JAIL_WRITE */
};

struct jail_policy {
	struct jail_action action; /* what a violation does */
	bool allow_mode;           /* true: only `rules` are allowed; false: `rules` are violations */
	struct jail_ruleset rules;
	/* The profile's refuse list: calls that fail with EACCES where their condition holds (not violations). */
	struct jail_ruleset refuse_rules;
	struct jail_limits limits;
	/* jailctl's pre-exec filter only: calls that fail with EAGAIN (a limit of one process, preexec.h). */
	struct jail_ruleset eagain_rules;
	/* jailctl's pre-exec filter only: violations jailctl is told of whatever the action (preexec.h). */
	struct jail_ruleset notify_rules;
	/* The files it may open: a rule blob (landlock.h), or NULL when the policy has no path rules. */
	char *paths;
	size_t paths_len;
};

/* Reads the source from the environment. */
void policy_source_from_env(struct jail_policy_source *src);
int policy_load(const struct jail_policy_source *src, struct jail_policy *out,
		struct jail_err *err);
void policy_free(struct jail_policy *p);

#endif
