#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset.h"

void ruleset_free(struct jail_ruleset *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free(rs->rule[i].conj);
	free(rs->rule);
	rs->rule = NULL;
	rs->n = 0;
}

struct jail_rule *ruleset_find(const struct jail_ruleset *rs, int nr)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->rule[i].nr == nr)
			return &rs->rule[i];
	return NULL;
}

static struct jail_rule *find_or_add(struct jail_ruleset *rs, int nr)
{
	struct jail_rule *r = ruleset_find(rs, nr);

	if (r != NULL)
		return r;
	r = realloc(rs->rule, (rs->n + 1) * sizeof(*r));
	if (r == NULL)
		return NULL;
	rs->rule = r;
	r = &rs->rule[rs->n++];
	memset(r, 0, sizeof(*r));
	r->nr = nr;
	return r;
}

int ruleset_add_always(struct jail_ruleset *rs, int nr)
{
	struct jail_rule *r = find_or_add(rs, nr);

	if (r == NULL)
		return -1;
	/* "Always" covers every condition. */
	free(r->conj);
	r->conj = NULL;
	r->nconj = 0;
	r->always = true;
	return 0;
}

static int conj_equal(const struct jail_conj *a, const struct jail_conj *b)
{
	if (a->ncmp != b->ncmp)
		return 0;
	for (unsigned i = 0; i < a->ncmp; i++) {
		const struct jail_cmp *x = &a->cmp[i], *y = &b->cmp[i];
		if (x->arg != y->arg || x->op != y->op || x->value != y->value ||
		    (x->op == JAIL_MASKED_EQ && x->mask != y->mask))
			return 0;
	}
	return 1;
}

static int rule_add_conj(struct jail_rule *r, const struct jail_conj *conj)
{
	struct jail_conj *c;

	if (r->always)
		return 0;
	for (size_t i = 0; i < r->nconj; i++)
		if (conj_equal(&r->conj[i], conj))
			return 0;
	c = realloc(r->conj, (r->nconj + 1) * sizeof(*c));
	if (c == NULL)
		return -1;
	r->conj = c;
	r->conj[r->nconj++] = *conj;
	return 0;
}

int ruleset_add_conj(struct jail_ruleset *rs, int nr, const struct jail_conj *conj)
{
	struct jail_rule *r = find_or_add(rs, nr);

	if (r == NULL)
		return -1;
	return rule_add_conj(r, conj);
}

int ruleset_merge(struct jail_ruleset *dst, const struct jail_ruleset *src)
{
	for (size_t i = 0; i < src->n; i++) {
		const struct jail_rule *s = &src->rule[i];
		if (s->always) {
			if (ruleset_add_always(dst, s->nr) < 0)
				return -1;
			continue;
		}
		for (size_t j = 0; j < s->nconj; j++)
			if (ruleset_add_conj(dst, s->nr, &s->conj[j]) < 0)
				return -1;
	}
	return 0;
}

void ruleset_remove(struct jail_ruleset *rs, int nr)
{
	struct jail_rule *r = ruleset_find(rs, nr);

	if (r == NULL)
		return;
	free(r->conj);
	*r = rs->rule[--rs->n];
}

const char *jail_op_name(enum jail_op op)
{
	static const char *const names[] = { "==", "!=", "<", "<=", ">", ">=", "&" };
	return names[op];
}

static int cmp_holds(const struct jail_cmp *c, uint64_t v)
{
	switch (c->op) {
	case JAIL_EQ: return v == c->value;
	case JAIL_NE: return v != c->value;
	case JAIL_LT: return v < c->value;
	case JAIL_LE: return v <= c->value;
	case JAIL_GT: return v > c->value;
	case JAIL_GE: return v >= c->value;
	case JAIL_MASKED_EQ: return (v & c->mask) == c->value;
	}
	return 0;
}

bool rule_holds(const struct jail_rule *r, const uint64_t *args)
{
	if (r->always)
		return true;
	for (size_t i = 0; i < r->nconj; i++) {
		unsigned k = 0;
		while (k < r->conj[i].ncmp && cmp_holds(&r->conj[i].cmp[k], args[r->conj[i].cmp[k].arg]))
			k++;
		if (k == r->conj[i].ncmp)
			return true;
	}
	return false;
}

/* A comparison that is no masked one, negated. */
static void negate(const struct jail_cmp *c, struct jail_cmp *out)
{
	static const enum jail_op neg[] = {
		[JAIL_EQ] = JAIL_NE, [JAIL_NE] = JAIL_EQ, [JAIL_LT] = JAIL_GE,
		[JAIL_LE] = JAIL_GT, [JAIL_GT] = JAIL_LE, [JAIL_GE] = JAIL_LT,
	};
	*out = *c;
	out->op = neg[c->op];
}

static const struct jail_cmp *conj_arg(const struct jail_conj *x, unsigned arg)
{
	for (unsigned i = 0; i < x->ncmp; i++)
		if (x->cmp[i].arg == arg)
			return &x->cmp[i];
	return NULL;
}

/*
 * Whether every value that narrow lets through, wide lets through too:
 * narrow pins the argument to one value (==), or masks at least the bits
 * wide masks, to values that agree on them.
 */
static bool cmp_implies(const struct jail_cmp *narrow, const struct jail_cmp *wide)
{
	if (narrow->op == JAIL_EQ)
		return cmp_holds(wide, narrow->value);
	if (narrow->op == JAIL_MASKED_EQ && wide->op == JAIL_MASKED_EQ)
		return (wide->mask & ~narrow->mask) == 0 && (narrow->value & wide->mask) == wide->value;
	return narrow->op == wide->op && narrow->value == wide->value;
}

/* Whether x holds only where y holds: each comparison of y follows from x's on the same argument. */
static bool conj_implies(const struct jail_conj *x, const struct jail_conj *y)
{
	for (unsigned k = 0; k < y->ncmp; k++) {
		const struct jail_cmp *same = conj_arg(x, y->cmp[k].arg);
		if (same == NULL || !cmp_implies(same, &y->cmp[k]))
			return false;
	}
	return true;
}

bool rule_covers(const struct jail_rule *wide, const struct jail_rule *narrow)
{
	if (wide->always)
		return true;
	if (narrow->always)
		return false;
	for (size_t i = 0; i < narrow->nconj; i++) {
		size_t j = 0;
		while (j < wide->nconj && !conj_implies(&narrow->conj[i], &wide->conj[j]))
			j++;
		if (j == wide->nconj)
			return false;
	}
	return true;
}

/* The bits a comparison pins, and to what: == pins all of them, masked == its mask's. */
static bool cmp_pins(const struct jail_cmp *c, uint64_t *mask, uint64_t *value)
{
	if (c->op == JAIL_EQ)
		*mask = ~(uint64_t)0;
	else if (c->op == JAIL_MASKED_EQ)
		*mask = c->mask;
	else
		return false;
	*value = c->value & *mask;
	return true;
}

/* Whether x and y pin some bit of one argument to different values: then nothing meets both. */
static bool conj_conflict(const struct jail_conj *x, const struct jail_conj *y)
{
	for (unsigned k = 0; k < y->ncmp; k++) {
		const struct jail_cmp *same = conj_arg(x, y->cmp[k].arg);
		uint64_t m1, v1, m2, v2;
		if (same != NULL && cmp_pins(same, &m1, &v1) && cmp_pins(&y->cmp[k], &m2, &v2) &&
		    ((v1 ^ v2) & m1 & m2) != 0)
			return true;
	}
	return false;
}

bool rules_disjoint(const struct jail_rule *a, const struct jail_rule *b)
{
	if (a->always || b->always)
		return false;
	for (size_t i = 0; i < a->nconj; i++)
		for (size_t j = 0; j < b->nconj; j++)
			if (!conj_conflict(&a->conj[i], &b->conj[j]))
				return false;
	return true;
}

/* Inserts keeping the comparisons ordered by argument, so equal conjunctions compare equal. */
static void conj_insert(struct jail_conj *x, const struct jail_cmp *c)
{
	unsigned i = x->ncmp;

	while (i > 0 && x->cmp[i - 1].arg > c->arg) {
		x->cmp[i] = x->cmp[i - 1];
		i--;
	}
	x->cmp[i] = *c;
	x->ncmp++;
}

/* The most bits of a masked comparison negated as the other values of those bits (2^4 - 1 alternatives). */
#define MAX_NEGATED_MASK_BITS 4

/*
 * x AND NOT (arg & mask == value): seccomp has no masked !=, so one
 * conjunction for each other value the masked bits may take.
 */
static int add_masked_complement(const struct jail_conj *x, const struct jail_cmp *c, struct jail_rule *out,
				 const char *where, struct jail_err *err)
{
	uint64_t v = c->mask;

	if (__builtin_popcountll(c->mask) > MAX_NEGATED_MASK_BITS) {
		jail_err_set(err, where, "cannot deny a masked condition (arg%u & ...) of more than %d bits "
			     "of an allowed call: seccomp cannot negate it", c->arg, MAX_NEGATED_MASK_BITS);
		return -1;
	}
	/* Every submask of the mask, the whole mask first and 0 last. */
	for (;;) {
		if (v != (c->value & c->mask)) {
			struct jail_conj y = *x;
			struct jail_cmp other = { .arg = c->arg, .op = JAIL_MASKED_EQ, .mask = c->mask, .value = v };
			conj_insert(&y, &other);
			if (rule_add_conj(out, &y) < 0) {
				jail_err_set(err, where, "out of memory");
				return -1;
			}
		}
		if (v == 0)
			return 0;
		v = (v - 1) & c->mask;
	}
}

/* out := (conjunctions of r) AND NOT (d), as a new disjunction in out. */
static int subtract_conj(const struct jail_rule *r, const struct jail_conj *d,
			 struct jail_rule *out, const char *where, struct jail_err *err)
{
	static const struct jail_conj everything;
	size_t n = r->always ? 1 : r->nconj;

	for (size_t i = 0; i < n; i++) {
		const struct jail_conj *x = r->always ? &everything : &r->conj[i];
		for (unsigned k = 0; k < d->ncmp; k++) {
			const struct jail_cmp *c = &d->cmp[k];
			const struct jail_cmp *same = conj_arg(x, c->arg);
			struct jail_conj y = *x;
			struct jail_cmp nc;

			if (same != NULL) {
				/* Decidable only when x pins the argument to one value. */
				if (same->op != JAIL_EQ) {
					jail_err_set(err, where, "cannot deny this condition on arg%u: what "
						     "stays allowed of the call already compares arg%u, and a "
						     "seccomp rule compares each argument once", c->arg, c->arg);
					return -1;
				}
				if (cmp_holds(c, same->value))
					continue; /* x AND NOT c is empty */
			} else if (c->op == JAIL_MASKED_EQ) {
				if (add_masked_complement(x, c, out, where, err) < 0)
					return -1;
				continue;
			} else {
				negate(c, &nc);
				conj_insert(&y, &nc);
			}
			if (rule_add_conj(out, &y) < 0) {
				jail_err_set(err, where, "out of memory");
				return -1;
			}
		}
	}
	return 0;
}

int ruleset_subtract(struct jail_ruleset *allow, const struct jail_ruleset *deny,
		     const char *where, struct jail_err *err)
{
	for (size_t i = 0; i < deny->n; i++) {
		const struct jail_rule *d = &deny->rule[i];
		struct jail_rule *a = ruleset_find(allow, d->nr);

		if (a == NULL)
			continue;
		if (d->always) {
			ruleset_remove(allow, d->nr);
			continue;
		}
		for (size_t j = 0; j < d->nconj; j++) {
			struct jail_rule next = { .nr = a->nr };
			if (subtract_conj(a, &d->conj[j], &next, where, err) < 0) {
				free(next.conj);
				return -1;
			}
			free(a->conj);
			*a = next;
			if (a->nconj == 0)
				break;
		}
		if (a->nconj == 0 && !a->always)
			ruleset_remove(allow, d->nr);
	}
	return 0;
}
