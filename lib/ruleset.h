/*
 * A set of rules: for each system call number, either "always" or a
 * disjunction of conjunctions of argument comparisons.
 */
#ifndef JAIL_RULESET_H
#define JAIL_RULESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define JAIL_MAX_ARGS 6

enum jail_op { JAIL_EQ, JAIL_NE, JAIL_LT, JAIL_LE, JAIL_GT, JAIL_GE, JAIL_MASKED_EQ };

struct jail_cmp {
	unsigned arg;
	enum jail_op op;
	uint64_t mask; /* JAIL_MASKED_EQ only */
	uint64_t value;
};

/* All comparisons must hold; each argument appears at most once. */
struct jail_conj {
	unsigned ncmp;
	struct jail_cmp cmp[JAIL_MAX_ARGS];
};

struct jail_rule {
	int nr;
	bool always;           /* no condition: any arguments match */
	size_t nconj;          /* otherwise: any of these conjunctions matches */
	struct jail_conj *conj;
};

struct jail_ruleset {
	size_t n;
	struct jail_rule *rule;
};

void ruleset_free(struct jail_ruleset *rs);
struct jail_rule *ruleset_find(const struct jail_ruleset *rs, int nr);
int ruleset_add_always(struct jail_ruleset *rs, int nr);
int ruleset_add_conj(struct jail_ruleset *rs, int nr, const struct jail_conj *conj);
int ruleset_merge(struct jail_ruleset *dst, const struct jail_ruleset *src);
void ruleset_remove(struct jail_ruleset *rs, int nr);
/* allow := allow AND NOT deny, rule by rule; fails where the negation cannot be expressed. */
int ruleset_subtract(struct jail_ruleset *allow, const struct jail_ruleset *deny,
		     const char *where, struct jail_err *err);
const char *jail_op_name(enum jail_op op);
/* Whether a call with these six arguments matches the rule. */
bool rule_holds(const struct jail_rule *r, const uint64_t *args);
/*
 * Whether wide allows every call that narrow allows, as far as the forms
 * of their comparisons let it be seen (false when unsure).
 */
bool rule_covers(const struct jail_rule *wide, const struct jail_rule *narrow);
/*
 * Whether no call matches both rules, as far as the forms of their
 * comparisons let it be seen: some argument's bits pinned to different
 * values (false when unsure).
 */
bool rules_disjoint(const struct jail_rule *a, const struct jail_rule *b);

#endif
