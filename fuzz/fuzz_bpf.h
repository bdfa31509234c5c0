/*
 * Runs a built filter on system calls the policy decides, and checks that
 * the program returns what the policy says: a classic BPF interpreter (the
 * instructions libseccomp emits) against the rule set's own meaning. It
 * catches a filter that allows what the policy does not, whoever is to
 * blame (filter.c or libseccomp).
 */
#ifndef JAIL_FUZZ_BPF_H
#define JAIL_FUZZ_BPF_H

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stddef.h>

#include "action.h"
#include "filter.h"
#include "fuzz.h"
#include "policy.h"

static inline uint32_t fuzz_bpf_run(const struct jail_bpf *b, const struct seccomp_data *d)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 };
	size_t pc = 0;

	/* Classic BPF jumps only forward: at most len steps. */
	for (size_t steps = 0; steps < b->len; steps++) {
		FUZZ_CHECK(pc < b->len);
		const struct sock_filter *f = &b->insns[pc++];
		switch (f->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			FUZZ_CHECK(f->k % 4 == 0 && f->k + 4 <= sizeof(*d));
			memcpy(&a, (const char *)d + f->k, 4);
			break;
		case BPF_LD | BPF_IMM: a = f->k; break;
		case BPF_LDX | BPF_IMM: x = f->k; break;
		case BPF_LD | BPF_MEM: FUZZ_CHECK(f->k < BPF_MEMWORDS); a = mem[f->k]; break;
		case BPF_LDX | BPF_MEM: FUZZ_CHECK(f->k < BPF_MEMWORDS); x = mem[f->k]; break;
		case BPF_ST: FUZZ_CHECK(f->k < BPF_MEMWORDS); mem[f->k] = a; break;
		case BPF_STX: FUZZ_CHECK(f->k < BPF_MEMWORDS); mem[f->k] = x; break;
		case BPF_ALU | BPF_AND | BPF_K: a &= f->k; break;
		case BPF_ALU | BPF_OR | BPF_K: a |= f->k; break;
		case BPF_ALU | BPF_ADD | BPF_K: a += f->k; break;
		case BPF_ALU | BPF_SUB | BPF_K: a -= f->k; break;
		case BPF_ALU | BPF_LSH | BPF_K: a = f->k < 32 ? a << f->k : 0; break;
		case BPF_ALU | BPF_RSH | BPF_K: a = f->k < 32 ? a >> f->k : 0; break;
		case BPF_MISC | BPF_TAX: x = a; break;
		case BPF_MISC | BPF_TXA: a = x; break;
		case BPF_JMP | BPF_JA: pc += f->k; break;
		case BPF_JMP | BPF_JEQ | BPF_K: pc += a == f->k ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGT | BPF_K: pc += a > f->k ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGE | BPF_K: pc += a >= f->k ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JSET | BPF_K: pc += (a & f->k) ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JEQ | BPF_X: pc += a == x ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGT | BPF_X: pc += a > x ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGE | BPF_X: pc += a >= x ? f->jt : f->jf; break;
		case BPF_RET | BPF_K: return f->k;
		case BPF_RET | BPF_A: return a;
		default:
			fprintf(stderr, "BPF instruction 0x%04x at %zu\n", f->code, pc - 1);
			FUZZ_CHECK(!"an instruction the interpreter knows");
		}
	}
	FUZZ_CHECK(!"the program returns");
	return 0;
}

/* A rule's meaning is the rule set's own (unit-tested); what is checked here is the program built from it. */
static inline int fuzz_rule_holds(const struct jail_rule *r, const uint64_t *args)
{
	return r != NULL && rule_holds(r, args);
}

/* What the policy says of call nr with these arguments (filter.c's rules). */
static inline uint32_t fuzz_policy_says(const struct jail_policy *p, int nr, const uint64_t *args)
{
	const struct jail_rule *r = ruleset_find(&p->rules, nr);
	uint32_t violation = action_to_scmp(&p->action);

	if (!p->allow_mode)
		return fuzz_rule_holds(r, args) ? violation : SCMP_ACT_ALLOW;
	if (fuzz_rule_holds(r, args))
		return SCMP_ACT_ALLOW;
	if (r == NULL && nr == seccomp_syscall_resolve_name("clone3"))
		return SCMP_ACT_ERRNO(ENOSYS);
	return violation;
}

static inline uint64_t fuzz_next(uint64_t *state)
{
	/* xorshift64 */
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

#define FUZZ_MAX_CAND 24

struct fuzz_cands {
	unsigned n[JAIL_MAX_ARGS];
	uint64_t v[JAIL_MAX_ARGS][FUZZ_MAX_CAND];
};

static inline void fuzz_cand_add(struct fuzz_cands *c, unsigned arg, uint64_t v)
{
	for (unsigned i = 0; i < c->n[arg]; i++)
		if (c->v[arg][i] == v)
			return;
	if (c->n[arg] < FUZZ_MAX_CAND)
		c->v[arg][c->n[arg]++] = v;
}

static inline void fuzz_probe(const struct jail_policy *p, const struct jail_bpf *bpf, int nr,
			      const uint64_t *args)
{
	struct seccomp_data d = { .nr = nr, .arch = seccomp_arch_native() };
	uint32_t want, got;

	memcpy(d.args, args, sizeof(d.args));
	want = fuzz_policy_says(p, nr, args);
	got = fuzz_bpf_run(bpf, &d);
	if (want != got) {
		char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
		fprintf(stderr, "%s(%#llx, %#llx, %#llx, %#llx, %#llx, %#llx): the policy says %#x, "
			"the filter %#x: %s\n", name ? name : "?", (unsigned long long)args[0],
			(unsigned long long)args[1], (unsigned long long)args[2],
			(unsigned long long)args[3], (unsigned long long)args[4],
			(unsigned long long)args[5], want, got,
			got == SCMP_ACT_ALLOW ? "PERMISSIVE, the filter lets through what the policy forbids"
					      : "the filter refuses what the policy allows");
		free(name);
	}
	FUZZ_CHECK(want == got);
}

/* Probes every call the policy names, and clone3 and one it does not, with arguments near its constants. */
static inline void fuzz_check_filter(const struct jail_policy *p, const struct jail_bpf *bpf,
				     uint64_t seed)
{
	uint64_t state = seed | 1;
	uint64_t args[JAIL_MAX_ARGS] = { 0 };

	for (size_t i = 0; i < p->rules.n; i++) {
		const struct jail_rule *r = &p->rules.rule[i];
		struct fuzz_cands c;

		memset(&c, 0, sizeof(c));

		for (unsigned a = 0; a < JAIL_MAX_ARGS; a++) {
			fuzz_cand_add(&c, a, 0);
			fuzz_cand_add(&c, a, UINT64_MAX);
		}
		for (size_t j = 0; j < r->nconj; j++)
			for (unsigned k = 0; k < r->conj[j].ncmp; k++) {
				const struct jail_cmp *m = &r->conj[j].cmp[k];
				uint64_t v = m->value;
				fuzz_cand_add(&c, m->arg, v);
				fuzz_cand_add(&c, m->arg, v + 1);
				fuzz_cand_add(&c, m->arg, v - 1);
				fuzz_cand_add(&c, m->arg, v ^ (1ull << 32));
				fuzz_cand_add(&c, m->arg, v ^ 1);
				if (m->op == JAIL_MASKED_EQ) {
					fuzz_cand_add(&c, m->arg, v | ~m->mask);
					fuzz_cand_add(&c, m->arg, v ^ (m->mask & -m->mask));
				}
			}
		/* Each alternative met, the others at random; then all at random. */
		for (size_t j = 0; j <= r->nconj + 16; j++) {
			for (unsigned a = 0; a < JAIL_MAX_ARGS; a++)
				args[a] = c.v[a][fuzz_next(&state) % c.n[a]];
			if (j < r->nconj)
				for (unsigned k = 0; k < r->conj[j].ncmp; k++) {
					const struct jail_cmp *m = &r->conj[j].cmp[k];
					uint64_t v = m->value;
					if (m->op == JAIL_NE || m->op == JAIL_GT)
						v = v + 1 != 0 ? v + 1 : v;
					else if (m->op == JAIL_LT)
						v = v != 0 ? v - 1 : v;
					args[m->arg] = v;
				}
			fuzz_probe(p, bpf, r->nr, args);
		}
	}
	memset(args, 0, sizeof(args));
	fuzz_probe(p, bpf, seccomp_syscall_resolve_name("clone3"), args);
	if (ruleset_find(&p->rules, 1000) == NULL)
		fuzz_probe(p, bpf, 1000, args);
}

/* Builds the policy's filter: an error exactly with a failure, and a program that says what the policy says. */
static inline void fuzz_build_and_check(const struct jail_policy *pol, uint64_t seed)
{
	struct jail_err err = { { 0 } };
	struct jail_bpf bpf;
	int rc = filter_build(pol, &bpf, &err);

	fuzz_check_err(rc, &err);
	if (rc == 0) {
		FUZZ_CHECK(bpf.len > 0 && bpf.len <= BPF_MAXINSNS && bpf.insns != NULL);
		fuzz_check_filter(pol, &bpf, seed);
	}
	filter_bpf_free(&bpf);
}

static inline uint64_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint64_t h = 14695981039346656037ull; /* FNV-1a */

	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 1099511628211ull;
	return h;
}

#endif
