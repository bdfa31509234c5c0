#include "config.h"

#include <linux/limits.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "policy.h"
#include "profile.h"

void policy_source_from_env(struct jail_policy_source *src)
{
	src->config = getenv("JAIL_CONFIG");
	src->profile = getenv("JAIL_PROFILE");
	src->allow = getenv("SECCOMP_SYSCALL_ALLOW");
	src->deny = getenv("SECCOMP_SYSCALL_DENY");
	src->action = getenv("SECCOMP_DEFAULT_ACTION");
	src->read = getenv("JAIL_READ");
	src->write = getenv("JAIL_WRITE");
}

/*
 * Landlock checks truncation against the rules only from ABI 3 (Linux
 * 6.2): before, truncate(2) on a path, or an open for reading with
 * O_TRUNC, shortens any file the program's user may write, inside the
 * rules or not. Wherever path rules hold, those calls fail with EACCES
 * (refused, as a profile's refuse list does) if the policy would let them
 * through, on every kernel: the rules then need ABI 1 only, and a
 * compiled policy means the same on each. Truncation through a descriptor
 * open for writing (ftruncate, O_TRUNC with write access) is checked when
 * the file is opened, as any write is.
 */
static const char *const truncations[] = {
	"truncate",
	"open(arg1 & O_ACCMODE|O_TRUNC == O_TRUNC)",
	"openat(arg2 & O_ACCMODE|O_TRUNC == O_TRUNC)",
	"openat2", /* its flags are in memory, where a filter cannot see them */
};

/* Whether some call that t matches gets past the policy's lists. */
static bool may_pass(const struct jail_policy *p, const struct jail_rule *t)
{
	const struct jail_rule *r = ruleset_find(&p->rules, t->nr);

	if (p->action.kind == JAIL_ACT_LOG || p->action.kind == JAIL_ACT_ALLOW)
		return true;
	if (p->allow_mode)
		return r != NULL && !rules_disjoint(r, t);
	return r == NULL || !rule_covers(r, t);
}

static int refuse_truncation(struct jail_policy *p, struct jail_err *err)
{
	for (size_t i = 0; i < sizeof(truncations) / sizeof(truncations[0]); i++) {
		struct jail_ruleset t = { 0 };
		int rc = entry_parse(truncations[i], &t, "path rules", err);
		if (rc == 0 && t.n == 1 && may_pass(p, &t.rule[0]) && ruleset_merge(&p->refuse_rules, &t) < 0) {
			jail_err_set(err, "path rules", "out of memory");
			rc = -1;
		}
		ruleset_free(&t);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/*
 * The path rules: JAIL_READ and JAIL_WRITE replace the profile's lists
 * when either is set (an unset one counts as empty), as the SECCOMP_*
 * lists replace allow and deny. None at all: out->paths stays NULL.
 */
static int load_paths(const struct jail_policy_source *src, struct jail_profile *prof, const char *path,
		      const char *name, struct jail_policy *out, struct jail_err *err)
{
	struct jail_path_list env = { 0 };
	const struct jail_path_list *list = &prof->paths;
	char where[PATH_MAX + 64];
	int rc = -1;

	if (src->read != NULL || src->write != NULL) {
		if ((src->read && path_list_parse(&env, JAIL_PATH_READ, src->read, "JAIL_READ", err) < 0) ||
		    (src->write && path_list_parse(&env, JAIL_PATH_WRITE, src->write, "JAIL_WRITE", err) < 0))
			goto out;
		list = &env;
		snprintf(where, sizeof(where), "%s", src->read ? "JAIL_READ" : "JAIL_WRITE");
	} else if (!prof->has_paths) {
		return 0;
	} else if (prof->paths_line > 0) {
		snprintf(where, sizeof(where), "%s:%d", path, prof->paths_line);
	} else {
		snprintf(where, sizeof(where), "%s: profile \"%s\"", path, name);
	}
	rc = paths_to_blob(list, where, 1, &out->paths, &out->paths_len, err);
	if (rc == 0 && out->paths != NULL)
		rc = refuse_truncation(out, err);
out:
	path_list_free(&env);
	return rc;
}

static int rules_from_env(const struct jail_policy_source *src, struct jail_ruleset *allow,
			  struct jail_ruleset *deny, struct jail_err *err)
{
	if (src->allow != NULL &&
	    entry_list_parse(src->allow, allow, "SECCOMP_SYSCALL_ALLOW", err) < 0)
		return -1;
	if (src->deny != NULL &&
	    entry_list_parse(src->deny, deny, "SECCOMP_SYSCALL_DENY", err) < 0)
		return -1;
	return 0;
}

/*
 * Refusals win over the lists, the profile's own and those the path rules
 * add alike. A call refused whatever its arguments leaves the lists. A
 * refusal with a condition on a call the lists name without one:
 * libseccomp lets a rule without a condition win over every other rule of
 * its call, so the listed rule becomes the rest of the call (its
 * condition's complement), and the two never meet. Where both have
 * conditions, the filter tries the refusal first (filter_build checks that
 * it does).
 */
static int make_way_for_refusals(struct jail_policy *p, const char *where, struct jail_err *err)
{
	for (size_t i = 0; i < p->refuse_rules.n; i++) {
		const struct jail_rule *f = &p->refuse_rules.rule[i];
		const struct jail_rule *listed = ruleset_find(&p->rules, f->nr);
		struct jail_ruleset one = { .n = 1, .rule = (struct jail_rule *)f };
		if (listed == NULL)
			continue;
		if (f->always)
			ruleset_remove(&p->rules, f->nr);
		else if (listed->always && ruleset_subtract(&p->rules, &one, where, err) < 0)
			return -1;
	}
	return 0;
}

int policy_load(const struct jail_policy_source *src, struct jail_policy *out,
		struct jail_err *err)
{
	const char *path = src->config && *src->config ? src->config : JAIL_DEFAULT_CONFIG;
	const char *name = src->profile && *src->profile ? src->profile : "default";
	struct jail_config *cfg;
	struct jail_profile prof;
	struct jail_ruleset deny = { 0 };
	int rc = -1;

	memset(out, 0, sizeof(*out));
	out->action.kind = JAIL_ACT_KILL;
	cfg = config_load(path, err);
	if (cfg == NULL)
		return -1;
	if (config_profile(cfg, name, &prof, err) < 0) {
		config_free(cfg);
		return -1;
	}
	config_free(cfg);
	out->limits = prof.limits;
	/* The profile's own, whatever the SECCOMP_* variables say, as its limits. */
	out->refuse_rules = prof.refuse;
	memset(&prof.refuse, 0, sizeof(prof.refuse));
	if (prof.has_action)
		out->action = prof.action;
	if (src->action != NULL &&
	    action_parse(src->action, &out->action, "SECCOMP_DEFAULT_ACTION", err) < 0)
		goto out;

	if (src->allow != NULL || src->deny != NULL) {
		/* Either variable replaces both of the profile's lists. */
		if (rules_from_env(src, &out->rules, &deny, err) < 0)
			goto out;
		out->allow_mode = src->allow != NULL;
	} else if (prof.allow_entries > 0) {
		out->rules = prof.allow;
		memset(&prof.allow, 0, sizeof(prof.allow));
		deny = prof.deny;
		memset(&prof.deny, 0, sizeof(prof.deny));
		out->allow_mode = true;
	} else if (prof.deny_entries > 0) {
		deny = prof.deny;
		memset(&prof.deny, 0, sizeof(prof.deny));
		out->allow_mode = false;
	} else {
		jail_err_set(err, path, "profile \"%s\" has neither allow nor deny entries, and "
			     "SECCOMP_SYSCALL_ALLOW and SECCOMP_SYSCALL_DENY are unset: no policy", name);
		goto out;
	}
	if (out->allow_mode) {
		const char *dwhere = src->deny != NULL ? "SECCOMP_SYSCALL_DENY" : path;
		if (ruleset_subtract(&out->rules, &deny, dwhere, err) < 0)
			goto out;
	} else {
		out->rules = deny;
		memset(&deny, 0, sizeof(deny));
	}
	if (load_paths(src, &prof, path, name, out, err) < 0 || make_way_for_refusals(out, path, err) < 0)
		goto out;
	rc = 0;
out:
	ruleset_free(&deny);
	profile_free(&prof);
	if (rc < 0)
		policy_free(out);
	return rc;
}

void policy_free(struct jail_policy *p)
{
	ruleset_free(&p->rules);
	ruleset_free(&p->refuse_rules);
	ruleset_free(&p->eagain_rules);
	ruleset_free(&p->notify_rules);
	free(p->paths);
	p->paths = NULL;
	p->paths_len = 0;
}
