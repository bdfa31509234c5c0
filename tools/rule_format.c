#include "config.h"

#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

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
