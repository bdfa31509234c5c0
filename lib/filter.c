#include "config.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "filter.h"

/*
 * libseccomp (2.5.4 at least) merges the rules of one call into a tree in
 * which a 64-bit != < <= > >= comparison is two paths to whatever follows
 * it. Merging a second alternative into such a shared part loops forever
 * or builds a wrong program (one that kills calls the policy allows).
 * Only when every comparison but the last of each && chain is == or
 * & MASK == does nothing follow a shared part; a rule of one alternative
 * merges into nothing.
 */
static int check_libseccomp_merge(const struct jail_rule *r, struct jail_err *err)
{
	if (r->always || r->nconj < 2)
		return 0;
	for (size_t i = 0; i < r->nconj; i++) {
		const struct jail_conj *c = &r->conj[i];
		for (unsigned k = 0; k + 1 < c->ncmp; k++) {
			if (c->cmp[k].op == JAIL_EQ || c->cmp[k].op == JAIL_MASKED_EQ)
				continue;
			char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, r->nr);
			jail_err_set(err, "filter", "%s: with || alternatives, an && chain may compare "
				     "with != < <= > >= only in its last (highest) argument, not arg%u "
				     "before arg%u: libseccomp cannot build such a rule",
				     name ? name : "?", c->cmp[k].arg, c->cmp[k + 1].arg);
			free(name);
			return -1;
		}
	}
	return 0;
}

static int add_rule(scmp_filter_ctx ctx, uint32_t act, const struct jail_rule *r,
		    struct jail_err *err)
{
	static const enum scmp_compare ops[] = {
		[JAIL_EQ] = SCMP_CMP_EQ, [JAIL_NE] = SCMP_CMP_NE, [JAIL_LT] = SCMP_CMP_LT,
		[JAIL_LE] = SCMP_CMP_LE, [JAIL_GT] = SCMP_CMP_GT, [JAIL_GE] = SCMP_CMP_GE,
		[JAIL_MASKED_EQ] = SCMP_CMP_MASKED_EQ,
	};
	int rc;

	if (check_libseccomp_merge(r, err) < 0)
		return -1;
	if (r->always) {
		rc = seccomp_rule_add(ctx, act, r->nr, 0);
		goto check;
	}
	for (size_t i = 0; i < r->nconj; i++) {
		const struct jail_conj *c = &r->conj[i];
		struct scmp_arg_cmp cmp[JAIL_MAX_ARGS];
		for (unsigned k = 0; k < c->ncmp; k++) {
			cmp[k].arg = c->cmp[k].arg;
			cmp[k].op = ops[c->cmp[k].op];
			/* libseccomp's masked compare takes the mask first. */
			cmp[k].datum_a = c->cmp[k].op == JAIL_MASKED_EQ ? c->cmp[k].mask : c->cmp[k].value;
			cmp[k].datum_b = c->cmp[k].op == JAIL_MASKED_EQ ? c->cmp[k].value : 0;
		}
		rc = seccomp_rule_add_array(ctx, act, r->nr, c->ncmp, cmp);
		if (rc < 0)
			goto check;
	}
	return 0;
check:
	if (rc < 0) {
		char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, r->nr);
		jail_err_set(err, "filter", "libseccomp refused the rule for %s: %s",
			     name ? name : "?", strerror(-rc));
		free(name);
		return -1;
	}
	return 0;
}

/* libseccomp 2.5 exports only to a descriptor: go through a memfd. */
static int export_bpf(scmp_filter_ctx ctx, struct jail_bpf *out, struct jail_err *err)
{
	struct stat st;
	int fd = memfd_create("libjail-bpf", MFD_CLOEXEC);
	int rc;

	if (fd < 0) {
		jail_err_set(err, "filter", "memfd_create: %s", strerror(errno));
		return -1;
	}
	rc = seccomp_export_bpf(ctx, fd);
	if (rc < 0) {
		jail_err_set(err, "filter", "seccomp_export_bpf: %s", strerror(-rc));
		goto fail;
	}
	if (fstat(fd, &st) < 0) {
		jail_err_set(err, "filter", "fstat: %s", strerror(errno));
		goto fail;
	}
	if (st.st_size <= 0 || st.st_size % sizeof(struct sock_filter) != 0 ||
	    st.st_size / sizeof(struct sock_filter) > BPF_MAXINSNS) {
		jail_err_set(err, "filter", "the program has %lld bytes: not 1 to %d instructions",
			     (long long)st.st_size, BPF_MAXINSNS);
		goto fail;
	}
	out->insns = malloc((size_t)st.st_size);
	if (out->insns == NULL) {
		jail_err_set(err, "filter", "out of memory");
		goto fail;
	}
	if (pread(fd, out->insns, (size_t)st.st_size, 0) != st.st_size) {
		jail_err_set(err, "filter", "reading the exported program: %s", strerror(errno));
		filter_bpf_free(out);
		goto fail;
	}
	out->len = (size_t)st.st_size / sizeof(struct sock_filter);
	close(fd);
	return 0;
fail:
	close(fd);
	return -1;
}

/*
 * libseccomp also builds wrong programs for some rules it does finish:
 * "write(arg3 == 3 || arg0 == 9 && arg3 != 3)" kills write(9, buf, 4),
 * "write(arg2 <= 0x100000000 || arg2 <= 3)" kills write(fd, buf, 4). So
 * the program is run here on each call whose rule has alternatives, with
 * arguments around the rule's constants (each 32-bit half of an argument
 * on either side of each constant's half), and must decide as the policy
 * does.
 */
#define CHECK_WORDS 24     /* values tried for one half of one argument */
#define CHECK_PROBES 4096  /* calls tried for one rule */

/* Runs the program on one call: 0 with *ret, or -1 on an instruction it does not know. */
static int bpf_run(const struct jail_bpf *b, const struct seccomp_data *d, uint32_t *ret)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 };
	size_t pc = 0;

	/* Classic BPF only jumps forward. */
	while (pc < b->len) {
		const struct sock_filter *f = &b->insns[pc++];
		switch (f->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (f->k % 4 != 0 || f->k > sizeof(*d) - 4)
				return -1;
			memcpy(&a, (const char *)d + f->k, 4);
			break;
		case BPF_LD | BPF_IMM: a = f->k; break;
		case BPF_LDX | BPF_IMM: x = f->k; break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
		case BPF_ST:
		case BPF_STX:
			if (f->k >= BPF_MEMWORDS)
				return -1;
			if (f->code == (BPF_LD | BPF_MEM))
				a = mem[f->k];
			else if (f->code == (BPF_LDX | BPF_MEM))
				x = mem[f->k];
			else
				mem[f->k] = f->code == BPF_ST ? a : x;
			break;
		case BPF_ALU | BPF_AND | BPF_K: a &= f->k; break;
		case BPF_ALU | BPF_OR | BPF_K: a |= f->k; break;
		case BPF_MISC | BPF_TAX: x = a; break;
		case BPF_MISC | BPF_TXA: a = x; break;
		case BPF_JMP | BPF_JA: pc += f->k; break;
		case BPF_JMP | BPF_JEQ | BPF_K: pc += a == f->k ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGT | BPF_K: pc += a > f->k ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGE | BPF_K: pc += a >= f->k ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JSET | BPF_K: pc += (a & f->k) != 0 ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JEQ | BPF_X: pc += a == x ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGT | BPF_X: pc += a > x ? f->jt : f->jf; break;
		case BPF_JMP | BPF_JGE | BPF_X: pc += a >= x ? f->jt : f->jf; break;
		case BPF_RET | BPF_K: *ret = f->k; return 0;
		case BPF_RET | BPF_A: *ret = a; return 0;
		default: return -1;
		}
	}
	return -1;
}

struct checking {
	const struct jail_policy *p;
	const struct jail_bpf *bpf;
	uint32_t arch, violation;
	int clone3_nr;
};

/* What the policy says of one call: filter_build's meaning of the rules. */
static uint32_t policy_says(const struct checking *ck, int nr, const uint64_t *args)
{
	const struct jail_policy *p = ck->p;
	const struct jail_rule *r = ruleset_find(&p->rules, nr);
	const struct jail_rule *e = ruleset_find(&p->eagain_rules, nr);
	const struct jail_rule *f = ruleset_find(&p->refuse_rules, nr);
	const struct jail_rule *n = ruleset_find(&p->notify_rules, nr);
	uint32_t violation = ck->violation;

	if (e != NULL && rule_holds(e, args))
		return SCMP_ACT_ERRNO(EAGAIN);
	if (f != NULL && rule_holds(f, args))
		return SCMP_ACT_ERRNO(EACCES);
	if (n != NULL && rule_holds(n, args))
		return SCMP_ACT_NOTIFY;
	if (!p->allow_mode)
		return r != NULL && rule_holds(r, args) ? violation : SCMP_ACT_ALLOW;
	if (r != NULL && rule_holds(r, args))
		return SCMP_ACT_ALLOW;
	if (r == NULL && nr == ck->clone3_nr)
		return SCMP_ACT_ERRNO(ENOSYS);
	return violation;
}

struct halves {
	unsigned n;
	uint32_t v[CHECK_WORDS];
};

static void halves_add(struct halves *h, uint32_t v)
{
	for (unsigned i = 0; i < h->n; i++)
		if (h->v[i] == v)
			return;
	if (h->n < CHECK_WORDS)
		h->v[h->n++] = v;
}

/* A constant's halves, and each half's neighbours. */
static void halves_add_around(struct halves *h, uint32_t v)
{
	halves_add(h, v);
	halves_add(h, v - 1);
	halves_add(h, v + 1);
}

static int probe(const struct checking *ck, int nr, const uint64_t *args, struct jail_err *err)
{
	struct seccomp_data d = { .nr = nr, .arch = ck->arch };
	uint32_t got, want = policy_says(ck, nr, args);

	memcpy(d.args, args, sizeof(d.args));
	if (bpf_run(ck->bpf, &d, &got) < 0)
		return 1; /* not a program this can read: not checked */
	if (got == want)
		return 0;
	char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
	jail_err_set(err, "filter", "libseccomp built a wrong program for %s: %s(%#llx, %#llx, "
		     "%#llx, %#llx, %#llx, %#llx) gets %#x where the policy says %#x (libseccomp "
		     "mishandles some || alternatives: write the condition another way)",
		     name ? name : "?", name ? name : "?", (unsigned long long)args[0],
		     (unsigned long long)args[1], (unsigned long long)args[2],
		     (unsigned long long)args[3], (unsigned long long)args[4],
		     (unsigned long long)args[5], got, want);
	free(name);
	return -1;
}

/* Arguments that meet every comparison of x (zero where x says nothing). */
static void conj_example(const struct jail_conj *x, uint64_t *args)
{
	memset(args, 0, JAIL_MAX_ARGS * sizeof(*args));
	for (unsigned k = 0; k < x->ncmp; k++) {
		const struct jail_cmp *c = &x->cmp[k];
		args[c->arg] = c->op == JAIL_NE || c->op == JAIL_GT ? c->value + 1 :
			       c->op == JAIL_LT ? c->value - 1 : c->value;
	}
}

/* Tries the rule's call: every mix of the halves when there are few, else a sample. */
static int check_rule(const struct checking *ck, const struct jail_rule *r, struct jail_err *err)
{
	struct halves h[2 * JAIL_MAX_ARGS] = { { 0 } }; /* arg i: h[2i] low, h[2i + 1] high */
	uint64_t args[JAIL_MAX_ARGS] = { 0 }, total = 1, seed = 0x9e3779b97f4a7c15ull;
	unsigned words[2 * JAIL_MAX_ARGS], nwords = 0;
	int rc;

	/* One chain of comparisons has nothing to be merged with (fuzz/ checks those too). */
	if (r->always || r->nconj < 2)
		return 0;
	for (size_t j = 0; j < r->nconj; j++)
		for (unsigned k = 0; k < r->conj[j].ncmp; k++) {
			const struct jail_cmp *c = &r->conj[j].cmp[k];
			uint64_t v[3] = { c->value, c->value | ~c->mask, c->value ^ (c->mask & -c->mask) };
			for (unsigned i = 0; i < (c->op == JAIL_MASKED_EQ ? 3u : 1u); i++) {
				halves_add_around(&h[2 * c->arg], (uint32_t)v[i]);
				halves_add_around(&h[2 * c->arg + 1], (uint32_t)(v[i] >> 32));
			}
		}
	for (unsigned w = 0; w < 2 * JAIL_MAX_ARGS; w++)
		if (h[w].n > 0) {
			halves_add(&h[w], 0);
			halves_add(&h[w], UINT32_MAX);
			words[nwords++] = w;
			total = total * h[w].n > CHECK_PROBES ? CHECK_PROBES + 1 : total * h[w].n;
		}
	if (total > CHECK_PROBES) /* the sample might miss them: each alternative met */
		for (size_t j = 0; j < r->nconj; j++) {
			conj_example(&r->conj[j], args);
			rc = probe(ck, r->nr, args, err);
			if (rc != 0)
				return rc < 0 ? -1 : 0;
		}
	for (uint64_t i = 0; i < (total > CHECK_PROBES ? CHECK_PROBES : total); i++) {
		uint64_t n = i;
		memset(args, 0, sizeof(args));
		for (unsigned w = 0; w < nwords; w++) {
			const struct halves *hw = &h[words[w]];
			uint64_t pick;
			if (total <= CHECK_PROBES) { /* every mix */
				pick = n % hw->n;
				n /= hw->n;
			} else { /* xorshift */
				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				pick = seed % hw->n;
			}
			args[words[w] / 2] |= (uint64_t)hw->v[pick] << (words[w] % 2 ? 32 : 0);
		}
		rc = probe(ck, r->nr, args, err);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	return 0;
}

/*
 * A refusal and a rule of the lists on the same call: every comparison of
 * both is tried, whatever their number, since libseccomp must put the
 * refusal first where both hold.
 */
static int check_refusal(const struct checking *ck, const struct jail_rule *refusal, const struct jail_rule *listed,
			 struct jail_err *err)
{
	struct jail_rule both = { .nr = refusal->nr };
	int rc;

	if (listed == NULL || listed->always || refusal->always) {
		/* Nothing to merge; but a call the refusal holds for must be refused, the lists' rule or not. */
		uint64_t args[JAIL_MAX_ARGS] = { 0 };
		if (!refusal->always)
			conj_example(&refusal->conj[0], args);
		if (probe(ck, refusal->nr, args, err) < 0)
			return -1;
		return check_rule(ck, refusal, err);
	}
	both.nconj = refusal->nconj + listed->nconj;
	both.conj = calloc(both.nconj, sizeof(struct jail_conj));
	if (both.conj == NULL) {
		jail_err_set(err, "filter", "out of memory");
		return -1;
	}
	memcpy(both.conj, refusal->conj, refusal->nconj * sizeof(struct jail_conj));
	memcpy(both.conj + refusal->nconj, listed->conj, listed->nconj * sizeof(struct jail_conj));
	rc = check_rule(ck, &both, err);
	free(both.conj);
	return rc;
}

static int check_program(const struct jail_policy *p, const struct jail_bpf *bpf, bool rules_added,
			 struct jail_err *err)
{
	struct checking ck = {
		.p = p, .bpf = bpf, .arch = seccomp_arch_native(),
		.violation = action_to_scmp(&p->action),
		.clone3_nr = seccomp_syscall_resolve_name("clone3"),
	};

	for (size_t i = 0; rules_added && i < p->rules.n; i++)
		if (check_rule(&ck, &p->rules.rule[i], err) < 0)
			return -1;
	for (size_t i = 0; i < p->eagain_rules.n; i++)
		if (check_rule(&ck, &p->eagain_rules.rule[i], err) < 0)
			return -1;
	for (size_t i = 0; i < p->refuse_rules.n; i++)
		if (check_refusal(&ck, &p->refuse_rules.rule[i], ruleset_find(&p->rules, p->refuse_rules.rule[i].nr),
				  err) < 0)
			return -1;
	for (size_t i = 0; i < p->notify_rules.n; i++)
		if (check_rule(&ck, &p->notify_rules.rule[i], err) < 0)
			return -1;
	return 0;
}

int filter_build(const struct jail_policy *p, struct jail_bpf *out, struct jail_err *err)
{
	uint32_t violation = action_to_scmp(&p->action);
	uint32_t dflt = p->allow_mode ? violation : SCMP_ACT_ALLOW;
	uint32_t rule_act = p->allow_mode ? SCMP_ACT_ALLOW : violation;
	scmp_filter_ctx ctx;
	int rc;

	memset(out, 0, sizeof(*out));
	ctx = seccomp_init(dflt);
	if (ctx == NULL) {
		jail_err_set(err, "filter", "seccomp_init failed");
		return -1;
	}
	/* Only the native ABI: an i386 (int 0x80) or x32 call is a violation. */
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, violation);
	if (rc < 0) {
		jail_err_set(err, "filter", "setting the action for other ABIs: %s", strerror(-rc));
		goto fail;
	}
	/*
	 * A binary tree of call numbers, not libseccomp's linear list: the
	 * kernel emulates the filter for every call number when it loads it
	 * (its bitmap of always-allowed calls), and a tree makes that about
	 * 15% cheaper for the default profile (make bench); calls themselves
	 * cost the same either way, within noise.
	 */
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc < 0) {
		jail_err_set(err, "filter", "binary tree layout: %s", strerror(-rc));
		goto fail;
	}
	/* A rule whose action is the default one is no rule (libseccomp refuses it). */
	if (rule_act != dflt)
		for (size_t i = 0; i < p->rules.n; i++)
			if (add_rule(ctx, rule_act, &p->rules.rule[i], err) < 0)
				goto fail;
	if (SCMP_ACT_ERRNO(EAGAIN) != dflt)
		for (size_t i = 0; i < p->eagain_rules.n; i++)
			if (add_rule(ctx, SCMP_ACT_ERRNO(EAGAIN), &p->eagain_rules.rule[i], err) < 0)
				goto fail;
	if (SCMP_ACT_ERRNO(EACCES) != dflt)
		for (size_t i = 0; i < p->refuse_rules.n; i++)
			if (add_rule(ctx, SCMP_ACT_ERRNO(EACCES), &p->refuse_rules.rule[i], err) < 0)
				goto fail;
	if (SCMP_ACT_NOTIFY != dflt)
		for (size_t i = 0; i < p->notify_rules.n; i++)
			if (add_rule(ctx, SCMP_ACT_NOTIFY, &p->notify_rules.rule[i], err) < 0)
				goto fail;
	/*
	 * clone3 passes its flags in memory, where a filter cannot see whether
	 * it makes a thread or a process. Unless the policy allows it outright,
	 * it fails with ENOSYS, as on a kernel without it: glibc then falls
	 * back to clone, whose flags the policy can check.
	 */
	int clone3_nr = seccomp_syscall_resolve_name("clone3");
	if (p->allow_mode && clone3_nr >= 0 && ruleset_find(&p->rules, clone3_nr) == NULL &&
	    ruleset_find(&p->eagain_rules, clone3_nr) == NULL && ruleset_find(&p->notify_rules, clone3_nr) == NULL &&
	    ruleset_find(&p->refuse_rules, clone3_nr) == NULL &&
	    dflt != SCMP_ACT_ERRNO(ENOSYS)) {
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), clone3_nr, 0);
		if (rc < 0) {
			jail_err_set(err, "filter", "libseccomp refused clone3 -> ENOSYS: %s", strerror(-rc));
			goto fail;
		}
	}
	if (export_bpf(ctx, out, err) < 0)
		goto fail;
	if (check_program(p, out, rule_act != dflt, err) < 0) {
		filter_bpf_free(out);
		goto fail;
	}
	seccomp_release(ctx);
	return 0;
fail:
	seccomp_release(ctx);
	return -1;
}
