#include "config.h"

#include <stdint.h>
#include <string.h>

#include "preexec.h"
#include "run_build_id.h"
#include "run_cache.h"
#include "sandbox.h"

enum which { PREEXEC, FINAL };

/* Everything either program depends on: the builds, the kernel, the policy's sources, the program's kind. */
static int run_key(const struct jail_policy_source *src, bool is_static, enum which which,
		   struct jail_cache_key *key, struct jail_err *err)
{
	const char *tag = which == PREEXEC ? "jailctl run: pre-exec filter" : "jailctl run: libjail's filter";

	cache_key_begin(key, NULL, 0);
	if (cache_key_add(key, tag, strlen(tag)) < 0 || cache_key_add(key, JAILCTL_RUN_BUILD_ID, strlen(JAILCTL_RUN_BUILD_ID)) < 0 ||
	    cache_key_add_build(key, err) < 0 || cache_key_add_var(key, "config", src->config) < 0 ||
	    cache_key_add_var(key, "profile", src->profile) < 0 || cache_key_add_var(key, "allow", src->allow) < 0 ||
	    cache_key_add_var(key, "deny", src->deny) < 0 || cache_key_add_var(key, "action", src->action) < 0 ||
	    cache_key_add(key, is_static ? "static" : "dynamic", is_static ? 6 : 7) < 0 ||
	    cache_key_add_file(key, src->config, err) < 0) {
		cache_key_free(key);
		return -1;
	}
	return 0;
}

static int lookup(const struct jail_policy_source *src, bool is_static, enum which which, struct jail_compiled *out,
		  char *path)
{
	struct jail_cache_key key;
	struct jail_err err = { { 0 } };
	char dir[4096];
	int hit = 0;

	if (cache_dir(dir, sizeof(dir)) < 0 || run_key(src, is_static, which, &key, &err) < 0)
		return 0;
	if (cache_path(&key, dir, path, 4200) == 0)
		hit = cache_lookup(&key, out, NULL, 0);
	cache_key_free(&key);
	return hit;
}

int run_cache_load(const struct jail_policy_source *src, bool is_static, const char *exec_path,
		   struct run_compiled *out)
{
	memset(out, 0, sizeof(*out));
	if (lookup(src, is_static, PREEXEC, &out->preexec, out->path[0]) != 1)
		return 0;
	if (!is_static && lookup(src, is_static, FINAL, &out->final, out->path[1]) != 1) {
		run_cache_free(out);
		return 0;
	}
	/* Only the pre-exec filter holds an address; libjail's holds the namespace's fixed PID 2. */
	if (out->final.slots != 0) {
		run_cache_free(out);
		return 0;
	}
	compiled_set_addr(&out->preexec, (uint64_t)(uintptr_t)exec_path);
	out->limits = out->preexec.limits;
	return 1;
}

/* Where two programs built for two addresses differ in exactly the address's halves: those are the slots. */
static int find_address(const struct jail_bpf *a, const struct jail_bpf *b, uint64_t addr_a, uint64_t addr_b,
			struct jail_compiled *out)
{
	uint32_t lo_a = (uint32_t)addr_a, hi_a = (uint32_t)(addr_a >> 32);
	uint32_t lo_b = (uint32_t)addr_b, hi_b = (uint32_t)(addr_b >> 32);

	/* Each half must tell itself apart from the other, and from its twin. */
	if (a->len != b->len || lo_a == hi_a || lo_b == hi_b || lo_a == lo_b || hi_a == hi_b)
		return -1;
	out->slots = 0;
	for (size_t i = 0; i < a->len; i++) {
		const struct sock_filter *x = &a->insns[i], *y = &b->insns[i];
		uint32_t kind;
		if (x->code == y->code && x->jt == y->jt && x->jf == y->jf && x->k == y->k)
			continue;
		if (x->code != y->code || x->jt != y->jt || x->jf != y->jf || out->slots == JAIL_CACHE_MAX_SLOTS)
			return -1;
		if (x->k == lo_a && y->k == lo_b)
			kind = JAIL_SLOT_ADDR_LOW;
		else if (x->k == hi_a && y->k == hi_b)
			kind = JAIL_SLOT_ADDR_HIGH;
		else
			return -1;
		out->slot[out->slots++] = JAIL_SLOT(kind, i);
	}
	return out->slots > 0 ? 0 : -1;
}

static int store(const struct jail_policy_source *src, bool is_static, enum which which,
		 const struct jail_compiled *c, char *path)
{
	struct jail_cache_key key;
	struct jail_err err = { { 0 } };
	char dir[4096];
	int rc = -1;

	if (cache_dir(dir, sizeof(dir)) < 0 || run_key(src, is_static, which, &key, &err) < 0)
		return -1;
	if (cache_path(&key, dir, path, 4200) == 0)
		rc = cache_store(&key, c, path, &err);
	cache_key_free(&key);
	return rc;
}

int run_cache_relocatable(const struct jail_policy *policy, bool is_static, const char *exec_path,
			  const struct jail_bpf *preexec, struct jail_compiled *out)
{
	/* Another address, every byte of it different: only the instructions that hold it can differ. */
	uint64_t here = (uint64_t)(uintptr_t)exec_path, there = here ^ 0x00005a5a5a5a5a5aULL;
	struct jail_bpf other = { 0 };
	struct jail_err err = { { 0 } };
	int rc = -1;

	memset(out, 0, sizeof(*out));
	out->limits = policy->limits;
	out->bpf = *preexec;
	if (preexec_build(policy, is_static, (const char *)(uintptr_t)there, SANDBOX_SUP_FD, &other, &err) == 0)
		rc = find_address(preexec, &other, here, there, out);
	filter_bpf_free(&other);
	return rc;
}

int run_cache_store(const struct jail_policy_source *src, bool is_static, const struct jail_compiled *preexec,
		    const struct jail_bpf *final, struct run_compiled *paths)
{
	struct jail_compiled fin = { .limits = preexec->limits };

	if (!is_static) {
		fin.bpf = *final;
		if (store(src, is_static, FINAL, &fin, paths->path[1]) < 0)
			return -1;
	}
	return store(src, is_static, PREEXEC, preexec, paths->path[0]);
}

void run_cache_free(struct run_compiled *c)
{
	compiled_free(&c->preexec);
	compiled_free(&c->final);
}
