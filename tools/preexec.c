#include "config.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "entry.h"
#include "preexec.h"
#include "supervisor.h"

/* A filter loaded later must not bring a listener of its own, which could answer for ours. */
#define NEW_LISTENER "8" /* SECCOMP_FILTER_FLAG_NEW_LISTENER */

static int seccomp_nr(void)
{
	return seccomp_syscall_resolve_name("seccomp");
}

/* A deny list keeps none of the loader's calls before execve (libjail enforces them after). */
static int spare_jail_loader_calls(struct jail_ruleset *deny, struct jail_err *err)
{
	struct jail_ruleset loader = { 0 };

	if (entry_list_parse(jail_loader_calls, &loader, "jailctl: pre-exec filter", err) < 0)
		return -1;
	for (size_t i = 0; i < loader.n; i++)
		ruleset_remove(deny, loader.rule[i].nr);
	ruleset_free(&loader);
	return 0;
}

static int add(struct jail_ruleset *rs, const char *entries, struct jail_err *err)
{
	struct jail_ruleset more = { 0 };
	int rc = entry_list_parse(entries, &more, "jailctl: pre-exec filter", err);

	if (rc == 0 && ruleset_merge(rs, &more) < 0) {
		jail_err_set(err, "jailctl: pre-exec filter", "out of memory");
		rc = -1;
	}
	ruleset_free(&more);
	return rc;
}

static int subtract(struct jail_ruleset *rs, const char *entries, struct jail_err *err)
{
	struct jail_ruleset less = { 0 };
	int rc = entry_list_parse(entries, &less, "jailctl: pre-exec filter", err);

	if (rc == 0)
		rc = ruleset_subtract(rs, &less, "jailctl: pre-exec filter", err);
	ruleset_free(&less);
	return rc;
}

/* The calls that make a task: a process or a thread. */
static const char *const task_calls[] = { "clone", "clone3", "fork", "vfork" };

/*
 * A limit of one process as pids.max 1 holds it: every call that would
 * make a task fails with EAGAIN, where the policy would let it through.
 * Where the policy stops it, its action stays (a fork under the default
 * profile is a forbidden call, not an error). 0 when done, 1 when a deny
 * list's condition cannot be turned around (the cgroup holds the limit
 * then), -1 on error.
 */
static int refuse_new_tasks(struct jail_policy *pre, struct jail_err *err)
{
	struct jail_ruleset *eagain = &pre->eagain_rules;

	for (size_t i = 0; i < sizeof(task_calls) / sizeof(task_calls[0]); i++) {
		int nr = seccomp_syscall_resolve_name(task_calls[i]);
		int rc = 0;

		if (nr < 0) /* not a call of this architecture */
			continue;
		struct jail_rule *allowed = ruleset_find(&pre->rules, nr);
		if (pre->allow_mode && allowed != NULL) {
			/* What the policy allows fails instead; the rest stays a violation. */
			struct jail_ruleset one = { .n = 1, .rule = allowed };
			rc = ruleset_merge(eagain, &one);
			ruleset_remove(&pre->rules, nr);
		} else if (!pre->allow_mode) {
			rc = ruleset_add_always(eagain, nr);
		}
		if (rc < 0) {
			jail_err_set(err, "jailctl: pre-exec filter", "out of memory");
			return -1;
		}
	}
	/* A deny list: what it denies keeps its action. */
	if (!pre->allow_mode && ruleset_subtract(eagain, &pre->rules, "jailctl: pre-exec filter", err) < 0) {
		ruleset_free(eagain);
		return 1;
	}
	return 0;
}

int preexec_build(const struct jail_policy *policy, bool is_static, bool *one_process, const char *exec_path,
		  int sup_fd, struct jail_bpf *out, struct jail_err *err)
{
	struct jail_policy pre = { .action = policy->action, .allow_mode = policy->allow_mode };
	char ours[200];
	int rc = -1;

	/* kill and kill_thread: jailctl names the call, then kills; errno, trap and allow stay as they are. */
	if (pre.action.kind == JAIL_ACT_KILL || pre.action.kind == JAIL_ACT_KILL_THREAD)
		pre.action.kind = JAIL_ACT_LOG;
	/* Our own calls between loading it and execve, and that one execve. */
	snprintf(ours, sizeof(ours), "sendmsg(arg0 == %d):close:execve(arg0 == %llu)", sup_fd,
		 (unsigned long long)(uintptr_t)exec_path);
	if (ruleset_merge(&pre.rules, &policy->rules) < 0) {
		jail_err_set(err, "jailctl: pre-exec filter", "out of memory");
		goto out;
	}
	if (policy->allow_mode) {
		if (add(&pre.rules, ours, err) < 0 ||
		    (!is_static && add(&pre.rules, jail_loader_calls, err) < 0))
			goto out;
		/* seccomp only without a listener (libjail needs none; libseccomp probes with NULL). */
		if (ruleset_find(&pre.rules, seccomp_nr()) != NULL || !is_static) {
			ruleset_remove(&pre.rules, seccomp_nr());
			if (add(&pre.rules, "seccomp(arg1 & " NEW_LISTENER " == 0 || arg2 == 0)", err) < 0)
				goto out;
		}
	} else {
		/* A deny list: what we need must not be in it, and a listener is. */
		if (subtract(&pre.rules, ours, err) < 0 ||
		    (!is_static && spare_jail_loader_calls(&pre.rules, err) < 0) ||
		    add(&pre.rules, "seccomp(arg1 & " NEW_LISTENER " == " NEW_LISTENER " && arg2 != 0)", err) < 0)
			goto out;
	}
	if (*one_process) {
		int refused = refuse_new_tasks(&pre, err);
		if (refused < 0)
			goto out;
		*one_process = refused == 0;
	}
	rc = filter_build(&pre, out, err);
out:
	ruleset_free(&pre.rules);
	ruleset_free(&pre.eagain_rules);
	return rc;
}

int learn_filter_build(int sup_fd, struct jail_bpf *out, struct jail_err *err)
{
	struct jail_policy all = { .action = { .kind = JAIL_ACT_LOG }, .allow_mode = true };
	char ours[64];
	int rc;

	snprintf(ours, sizeof(ours), "sendmsg(arg0 == %d)", sup_fd);
	rc = add(&all.rules, ours, err);
	if (rc == 0)
		rc = filter_build(&all, out, err);
	ruleset_free(&all.rules);
	return rc;
}
