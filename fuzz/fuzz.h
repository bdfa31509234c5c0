/*
 * Shared by the libFuzzer targets: the invariants every parse must keep,
 * checked after each input. A broken invariant aborts, which libFuzzer
 * reports as a crash with the input that broke it.
 */
#ifndef JAIL_FUZZ_H
#define JAIL_FUZZ_H

#include <seccomp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "ruleset.h"

#define FUZZ_CHECK(cond)                                                              \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,    \
				__LINE__, #cond);                                     \
			abort();                                                      \
		}                                                                     \
	} while (0)

/* The input as a string: NULL when it holds a NUL (no variable or entry can). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s;

	if (memchr(data, '\0', size) != NULL)
		return NULL;
	s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* An error is set exactly when the call failed, and is one terminated line. */
static inline void fuzz_check_err(int rc, const struct jail_err *err)
{
	size_t len = strnlen(err->msg, sizeof(err->msg));

	FUZZ_CHECK(len < sizeof(err->msg));
	FUZZ_CHECK((rc < 0) == (len > 0));
	FUZZ_CHECK(strchr(err->msg, '\n') == NULL && strchr(err->msg, '\r') == NULL);
}

static inline int fuzz_conj_equal(const struct jail_conj *a, const struct jail_conj *b)
{
	if (a->ncmp != b->ncmp)
		return 0;
	for (unsigned i = 0; i < a->ncmp; i++)
		if (a->cmp[i].arg != b->cmp[i].arg || a->cmp[i].op != b->cmp[i].op ||
		    a->cmp[i].value != b->cmp[i].value ||
		    (a->cmp[i].op == JAIL_MASKED_EQ && a->cmp[i].mask != b->cmp[i].mask))
			return 0;
	return 1;
}

/*
 * What a rule set promises the filter builder: one rule a call, a rule is
 * either "always" or a non-empty set of distinct conjunctions, each of one
 * to six comparisons of distinct arguments in ascending order.
 */
static inline void fuzz_check_ruleset(const struct jail_ruleset *rs)
{
	FUZZ_CHECK(rs->n == 0 || rs->rule != NULL);
	for (size_t i = 0; i < rs->n; i++) {
		const struct jail_rule *r = &rs->rule[i];
		FUZZ_CHECK(r->nr >= 0);
		for (size_t j = i + 1; j < rs->n; j++)
			FUZZ_CHECK(rs->rule[j].nr != r->nr);
		if (r->always) {
			FUZZ_CHECK(r->nconj == 0);
			continue;
		}
		FUZZ_CHECK(r->nconj > 0 && r->conj != NULL);
		for (size_t j = 0; j < r->nconj; j++) {
			const struct jail_conj *c = &r->conj[j];
			FUZZ_CHECK(c->ncmp >= 1 && c->ncmp <= JAIL_MAX_ARGS);
			for (unsigned k = 0; k < c->ncmp; k++) {
				const struct jail_cmp *m = &c->cmp[k];
				FUZZ_CHECK(m->arg < JAIL_MAX_ARGS);
				FUZZ_CHECK(k == 0 || c->cmp[k - 1].arg < m->arg);
				FUZZ_CHECK(m->op >= JAIL_EQ && m->op <= JAIL_MASKED_EQ);
				FUZZ_CHECK(m->op != JAIL_MASKED_EQ || (m->value & ~m->mask) == 0);
			}
			for (size_t k = j + 1; k < r->nconj; k++)
				FUZZ_CHECK(!fuzz_conj_equal(c, &r->conj[k]));
		}
	}
}

static inline int fuzz_rule_equal(const struct jail_rule *a, const struct jail_rule *b)
{
	if (a->nr != b->nr || a->always != b->always || a->nconj != b->nconj)
		return 0;
	for (size_t j = 0; j < a->nconj; j++)
		if (!fuzz_conj_equal(&a->conj[j], &b->conj[j]))
			return 0;
	return 1;
}

/* The same rules, in any order of calls (conjunctions in the same order). */
static inline int fuzz_ruleset_equal(const struct jail_ruleset *a, const struct jail_ruleset *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct jail_rule *o = ruleset_find(b, a->rule[i].nr);
		if (o == NULL || !fuzz_rule_equal(&a->rule[i], o))
			return 0;
	}
	return 1;
}

/*
 * Writes a rule back as an entry ("write(arg0 == 1 || arg2 & 3 == 1)");
 * returns NULL when it cannot be one (no name for the number).
 */
static inline char *fuzz_format_rule(const struct jail_rule *r)
{
	char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, r->nr);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	if (name == NULL)
		return NULL;
	f = open_memstream(&buf, &len);
	FUZZ_CHECK(f != NULL);
	fputs(name, f);
	free(name);
	if (!r->always) {
		fputc('(', f);
		for (size_t j = 0; j < r->nconj; j++) {
			const struct jail_conj *c = &r->conj[j];
			for (unsigned k = 0; k < c->ncmp; k++) {
				const struct jail_cmp *m = &c->cmp[k];
				fprintf(f, "%s%sarg%u ", j && !k ? " || " : "", k ? " && " : "", m->arg);
				if (m->op == JAIL_MASKED_EQ)
					fprintf(f, "& 0x%llx ==", (unsigned long long)m->mask);
				else
					fputs(jail_op_name(m->op), f);
				fprintf(f, " %llu", (unsigned long long)m->value);
			}
		}
		fputc(')', f);
	}
	FUZZ_CHECK(fclose(f) == 0);
	return buf;
}

#endif
