#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "constants.h"
#include "filter.h"

/* Above any PID the kernel hands out (PID_MAX_LIMIT is 2^22), and unlike each other. */
#define PID_MARK_A 0x3f1e2d3cu
#define PID_MARK_B 0x2c3d4e5fu

/* The policy, parsed with SELF_PID = pid, and its program. */
static int build_for(const struct jail_policy_source *src, pid_t pid, struct jail_policy *p, struct jail_bpf *bpf,
		     struct jail_err *err)
{
	jail_self_pid = pid;
	if (policy_load(src, p, err) < 0)
		return -1;
	if (p->action.kind == JAIL_ACT_LOG) {
		jail_err_set(err, "action", "log: log mode starts its listener at start-up, it is not compiled ahead");
		policy_free(p);
		return -1;
	}
	if (filter_build(p, bpf, err) < 0) {
		policy_free(p);
		return -1;
	}
	return 0;
}

int compiled_find_slots(const struct jail_bpf *a, const struct jail_bpf *b, const struct jail_slot_mark *marks,
			size_t n_marks, struct jail_compiled *out)
{
	if (a->len != b->len)
		return -1;
	out->slots = 0;
	for (size_t i = 0; i < a->len; i++) {
		const struct sock_filter *x = &a->insns[i], *y = &b->insns[i];
		size_t m = 0;
		if (x->code == y->code && x->jt == y->jt && x->jf == y->jf && x->k == y->k)
			continue;
		if (x->code != y->code || x->jt != y->jt || x->jf != y->jf || out->slots == JAIL_CACHE_MAX_SLOTS)
			return -1;
		while (m < n_marks && !(x->k == marks[m].in_a && y->k == marks[m].in_b))
			m++;
		if (m == n_marks)
			return -1;
		out->slot[out->slots++] = JAIL_SLOT(marks[m].kind, i);
	}
	return 0;
}

/*
 * The policy built twice, with two marks for SELF_PID: out gets the
 * program, where the PID goes, and the path rules (*paths, to be freed).
 */
static int compile_ahead(const struct jail_policy_source *src, struct jail_compiled *out, char **paths,
			 struct jail_err *err)
{
	struct jail_bpf a = { 0 }, b = { 0 };
	struct jail_policy pa, pb;
	const struct jail_slot_mark pid_mark = { JAIL_SLOT_PID, PID_MARK_A, PID_MARK_B };
	pid_t saved = jail_self_pid;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	*paths = NULL;
	if (build_for(src, (pid_t)PID_MARK_A, &pa, &a, err) < 0)
		goto out;
	out->limits = pa.limits;
	out->action = pa.action;
	*paths = pa.paths;
	out->paths = pa.paths;
	out->paths_len = pa.paths_len;
	pa.paths = NULL;
	policy_free(&pa);
	if (build_for(src, (pid_t)PID_MARK_B, &pb, &b, err) < 0)
		goto out;
	policy_free(&pb);
	if (compiled_find_slots(&a, &b, &pid_mark, 1, out) < 0)
		goto shape;
	out->bpf = a;
	a.insns = NULL;
	rc = 0;
	goto out;
shape:
	jail_err_set(err, "SELF_PID", "the program's shape depends on the PID: it cannot be compiled ahead");
out:
	jail_self_pid = saved;
	filter_bpf_free(&a);
	filter_bpf_free(&b);
	return rc;
}

int compile_to_cache(char *path, size_t len, struct jail_err *err)
{
	struct jail_policy_source src;
	struct jail_compiled compiled, check;
	struct jail_cache_key key;
	char dir[4096], *paths = NULL;
	int rc = -1;

	policy_source_from_env(&src);
	if (compile_ahead(&src, &compiled, &paths, err) < 0) {
		free(paths);
		return -1;
	}
	if (cache_dir(dir, sizeof(dir)) < 0) {
		jail_err_set(err, JAIL_CACHE_ENV, "no cache directory: set " JAIL_CACHE_ENV " or HOME");
		goto out;
	}
	if (cache_key_from_env(&key, NULL, 0, err) < 0)
		goto out;
	if (cache_path(&key, dir, path, len) < 0)
		jail_err_set(err, dir, "the cache path is too long");
	else if (cache_store(&key, &compiled, path, err) == 0) {
		/* Read back as libjail will: an entry it would not believe is of no use. */
		if (cache_lookup(&key, &check, NULL, 0) == 1) {
			compiled_free(&check);
			rc = 0;
		} else {
			jail_err_set(err, path, "written, but libjail will not believe it: the directory or the "
				     "file is writable by another user, or owned by one");
		}
	}
	cache_key_free(&key);
out:
	filter_bpf_free(&compiled.bpf);
	free(paths);
	return rc;
}
