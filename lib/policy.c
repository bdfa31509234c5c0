#include "config.h"

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
	ruleset_free(&p->kill_rules);
	ruleset_free(&p->eagain_rules);
}
