/* Profiles from a libconfuse config file (jail.conf), with inherit and limits. */
#ifndef JAIL_PROFILE_H
#define JAIL_PROFILE_H

#include <stdbool.h>

#include "action.h"
#include "error.h"
#include "limits.h"
#include "paths.h"
#include "ruleset.h"

struct jail_profile {
	struct jail_ruleset allow, deny;
	size_t allow_entries, deny_entries; /* entries written, before resolution */
	/* Calls that fail with EACCES where their condition holds, not violations. */
	struct jail_ruleset refuse;
	size_t refuse_entries;
	bool has_action;
	struct jail_action action;
	struct jail_limits limits;
	/* The read and write lists, the parents' first; has_paths: a list was written, if only "{ }". */
	struct jail_path_list paths;
	bool has_paths;
	int paths_line;             /* the first entry's line, 0 when none */
};

struct jail_config;

/* Parses the whole file; every entry, action and limit is checked here. */
struct jail_config *config_load(const char *path, struct jail_err *err);
void config_free(struct jail_config *c);
size_t config_profile_count(const struct jail_config *c);
const char *config_profile_name(const struct jail_config *c, size_t i);
/* The profile's effective policy, its inherit chain applied. */
int config_profile(const struct jail_config *c, const char *name, struct jail_profile *out,
		   struct jail_err *err);
void profile_free(struct jail_profile *p);

#endif
