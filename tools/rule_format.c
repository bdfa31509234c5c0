#include "config.h"

#include <ctype.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "constants.h"
#include "rule_format.h"

static void print_number(FILE *out, uint64_t v)
{
	if (v < 10)
		fprintf(out, "%llu", (unsigned long long)v);
	else
		fprintf(out, "0x%llx", (unsigned long long)v);
}

static void print_conj(FILE *out, const struct jail_conj *c)
{
	for (unsigned k = 0; k < c->ncmp; k++) {
		const struct jail_cmp *cmp = &c->cmp[k];
		fprintf(out, "%sarg%u ", k ? " && " : "", cmp->arg);
		if (cmp->op == JAIL_MASKED_EQ) {
			fputs("& ", out);
			print_number(out, cmp->mask);
			fputs(" == ", out);
		} else {
			fprintf(out, "%s ", jail_op_name(cmp->op));
		}
		print_number(out, cmp->value);
	}
}

struct named_rule {
	char *name;
	const struct jail_rule *rule;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct named_rule *)a)->name, ((const struct named_rule *)b)->name);
}

void ruleset_print(FILE *out, const struct jail_ruleset *rs, const char *indent)
{
	struct named_rule *v = calloc(rs->n ? rs->n : 1, sizeof(*v));

	if (v == NULL)
		return;
	for (size_t i = 0; i < rs->n; i++) {
		v[i].rule = &rs->rule[i];
		v[i].name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, rs->rule[i].nr);
		if (v[i].name == NULL && asprintf(&v[i].name, "syscall_%d", rs->rule[i].nr) < 0)
			v[i].name = NULL;
	}
	qsort(v, rs->n, sizeof(*v), by_name);
	for (size_t i = 0; i < rs->n; i++) {
		const struct jail_rule *r = v[i].rule;
		fprintf(out, "%s%s", indent, v[i].name ? v[i].name : "?");
		if (!r->always) {
			fputc('(', out);
			for (size_t j = 0; j < r->nconj; j++) {
				if (j)
					fputs(" || ", out);
				print_conj(out, &r->conj[j]);
			}
			fputc(')', out);
		}
		fputc('\n', out);
		free(v[i].name);
	}
	free(v);
}

/* Whether name is one of prefixes' ("AF_ SOCK_"): the prefix, then a letter or digit (SIGABRT, not SIG_BLOCK). */
static bool named_by(const char *name, const char *prefixes)
{
	for (const char *p = prefixes; *p;) {
		size_t n = strcspn(p, " ");
		if (strncmp(name, p, n) == 0 && isalnum((unsigned char)name[n]))
			return true;
		p += n + strspn(p + n, " ");
	}
	return false;
}

/* The first constant of prefixes' that is exactly v, or NULL. */
static const char *name_of(const char *prefixes, uint64_t v)
{
	for (size_t i = 0; i < jail_nconstants; i++)
		if (jail_constants[i].value == v && named_by(jail_constants[i].name, prefixes))
			return jail_constants[i].name;
	return NULL;
}

static size_t append(char *out, size_t len, size_t at, const char *sep, const char *text)
{
	int n = snprintf(out + at, at < len ? len - at : 0, "%s%s", at ? sep : "", text);

	return n < 0 ? at : at + (size_t)n;
}

static const char *number(uint64_t v, char *buf, size_t len)
{
	snprintf(buf, len, v < 10 ? "%llu" : "0x%llx", (unsigned long long)v);
	return buf;
}

static int popcount(uint64_t v)
{
	return __builtin_popcountll(v);
}

void constant_format(char *out, size_t len, const char *prefixes, uint64_t base, uint64_t value)
{
	const char *name;
	char num[24];
	uint64_t rest = value & ~base;
	size_t at = 0;

	out[0] = '\0';
	/* Flags are always taken apart: FUTEX_WAIT|FUTEX_PRIVATE_FLAG, not the flag's own name. */
	if (base == ~(uint64_t)0) {
		name = name_of(prefixes, value);
		snprintf(out, len, "%s", name ? name : number(value, num, sizeof(num)));
		return;
	}
	if (base != 0 || value == 0) {
		name = name_of(prefixes, value & base);
		at = append(out, len, at, "|", name ? name : number(value & base, num, sizeof(num)));
	}
	/* The names of several bits first (O_SYNC is O_DSYNC and one more), then those of one. */
	for (int several = 1; several >= 0; several--)
		for (size_t i = 0; i < jail_nconstants; i++) {
			uint64_t v = jail_constants[i].value;
			if (v != 0 && (v & rest) == v && (popcount(v) > 1) == several &&
			    named_by(jail_constants[i].name, prefixes)) {
				at = append(out, len, at, "|", jail_constants[i].name);
				rest &= ~v;
			}
		}
	if (rest != 0)
		append(out, len, at, "|", number(rest, num, sizeof(num)));
}
