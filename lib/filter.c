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

static int add_rule(scmp_filter_ctx ctx, uint32_t act, const struct jail_rule *r,
		    struct jail_err *err)
{
	static const enum scmp_compare ops[] = {
		[JAIL_EQ] = SCMP_CMP_EQ, [JAIL_NE] = SCMP_CMP_NE, [JAIL_LT] = SCMP_CMP_LT,
		[JAIL_LE] = SCMP_CMP_LE, [JAIL_GT] = SCMP_CMP_GT, [JAIL_GE] = SCMP_CMP_GE,
		[JAIL_MASKED_EQ] = SCMP_CMP_MASKED_EQ,
	};
	int rc;

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
	/* A rule whose action is the default one is no rule (libseccomp refuses it). */
	if (rule_act != dflt)
		for (size_t i = 0; i < p->rules.n; i++)
			if (add_rule(ctx, rule_act, &p->rules.rule[i], err) < 0)
				goto fail;
	for (size_t i = 0; i < p->kill_rules.n; i++)
		if (add_rule(ctx, SCMP_ACT_KILL_PROCESS, &p->kill_rules.rule[i], err) < 0)
			goto fail;
	/*
	 * clone3 passes its flags in memory, where a filter cannot see whether
	 * it makes a thread or a process. Unless the policy allows it outright,
	 * it fails with ENOSYS, as on a kernel without it: glibc then falls
	 * back to clone, whose flags the policy can check.
	 */
	int clone3_nr = seccomp_syscall_resolve_name("clone3");
	if (p->allow_mode && clone3_nr >= 0 && ruleset_find(&p->rules, clone3_nr) == NULL &&
	    dflt != SCMP_ACT_ERRNO(ENOSYS)) {
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), clone3_nr, 0);
		if (rc < 0) {
			jail_err_set(err, "filter", "libseccomp refused clone3 -> ENOSYS: %s", strerror(-rc));
			goto fail;
		}
	}
	if (export_bpf(ctx, out, err) < 0)
		goto fail;
	seccomp_release(ctx);
	return 0;
fail:
	seccomp_release(ctx);
	return -1;
}

void filter_bpf_free(struct jail_bpf *bpf)
{
	free(bpf->insns);
	bpf->insns = NULL;
	bpf->len = 0;
}

int filter_load(const struct jail_bpf *bpf, bool listener, int *notify_fd, struct jail_err *err)
{
	struct sock_fprog prog = { .len = (unsigned short)bpf->len, .filter = bpf->insns };
	unsigned flags = SECCOMP_FILTER_FLAG_TSYNC;
	long rc;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		int e = errno;
		jail_err_set(err, "filter", "prctl(PR_SET_NO_NEW_PRIVS): %s", strerror(e));
		return -e;
	}
	/* The kernel allows TSYNC with a listener only when sync failures say ESRCH. */
	if (listener)
		flags |= SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_TSYNC_ESRCH;
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
	if (rc < 0) {
		int e = errno;
		jail_err_set(err, "filter", "seccomp(SECCOMP_SET_MODE_FILTER): %s%s", strerror(e),
			     e == ESRCH ? " (a thread could not be synchronised)" : "");
		return -e;
	}
	if (listener) {
		*notify_fd = (int)rc;
	} else if (rc != 0) {
		jail_err_set(err, "filter", "thread %ld could not be synchronised (TSYNC)", rc);
		return -ESRCH;
	}
	return 0;
}
