#include "config.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "entry.h"
#include "preexec.h"

#define WHERE "jailctl: pre-exec filter"

/* A filter loaded later must not bring a listener of its own, which could answer for ours. */
#define NEW_LISTENER "8" /* SECCOMP_FILTER_FLAG_NEW_LISTENER */

/*
 * strace of static and dynamic C, C++ and threaded programs: glibc's
 * start-up sets up its thread pointer, robust futex list and restartable
 * sequences before main (a static program) or in the loader (a dynamic
 * one); libjail's constructor makes the program non-dumpable and checks
 * that a filter is in force. None can reach a file, a process or the
 * network.
 */
const char preexec_startup_calls[] =
	"arch_prctl(arg0 == ARCH_SET_FS):set_tid_address:set_robust_list:rseq(arg2 == 0):"
	"prctl(arg0 == PR_SET_DUMPABLE && arg1 == 0 || arg0 == PR_GET_SECCOMP)";

/*
 * strace of dynamic C, C++ and python3 programs under jailctl: what ld.so
 * calls before libjail's constructor says the program's own code starts
 * (reading and mapping the libraries, reporting a library it cannot
 * load), and libjail's check of its socket. Nothing here opens for
 * writing, starts a process or a thread, or reaches the network.
 */
static const char loader_calls[] =
	"read:pread64:write:writev:close:fstat:newfstatat:lseek:access:faccessat:readlink:"
	"openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY):getcwd:"
	"mmap:mprotect:munmap:brk:madvise:prlimit64(arg2 == 0):getrlimit:getrandom:getpid:gettid:"
	"futex(arg1 == FUTEX_WAKE|FUTEX_PRIVATE_FLAG):fcntl(arg1 == F_GETFD):exit:exit_group:rt_sigreturn";

static int seccomp_nr(void)
{
	return seccomp_syscall_resolve_name("seccomp");
}

static int add(struct jail_ruleset *rs, const char *entries, struct jail_err *err)
{
	struct jail_ruleset more = { 0 };
	int rc = entry_list_parse(entries, &more, WHERE, err);

	if (rc == 0 && ruleset_merge(rs, &more) < 0) {
		jail_err_set(err, WHERE, "out of memory");
		rc = -1;
	}
	ruleset_free(&more);
	return rc;
}

static int subtract(struct jail_ruleset *rs, const char *entries, struct jail_err *err)
{
	struct jail_ruleset less = { 0 };
	int rc = entry_list_parse(entries, &less, WHERE, err);

	if (rc == 0)
		rc = ruleset_subtract(rs, &less, WHERE, err);
	ruleset_free(&less);
	return rc;
}

/* The calls that make a task: a process or a thread. */
static const char *const task_calls[] = { "clone", "clone3", "fork", "vfork" };

/*
 * A limit of one process as pids.max 1 holds it: every call that would
 * make a task fails with EAGAIN, where the policy would let it through.
 * Where the policy stops it, it stays a violation (a fork under the
 * default profile is a forbidden call, not an error). 0 when done, 1 when
 * a deny list's condition cannot be turned around (the cgroup holds the
 * limit then), -1 on error.
 */
static int refuse_new_tasks(struct jail_policy *pre, struct jail_err *err)
{
	struct jail_ruleset *eagain = &pre->eagain_rules;

	for (size_t i = 0; i < sizeof(task_calls) / sizeof(task_calls[0]); i++) {
		int nr = seccomp_syscall_resolve_name(task_calls[i]);
		int rc = 0;

		if (nr < 0) /* not a call of this architecture */
			continue;
		struct jail_rule *allowed = ruleset_find(&pre->rules, nr);
		if (pre->allow_mode && allowed != NULL) {
			/* What the policy allows fails instead; the rest stays a violation. */
			struct jail_ruleset one = { .n = 1, .rule = allowed };
			rc = ruleset_merge(eagain, &one);
			ruleset_remove(&pre->rules, nr);
		} else if (!pre->allow_mode) {
			rc = ruleset_add_always(eagain, nr);
		}
		if (rc < 0) {
			jail_err_set(err, WHERE, "out of memory");
			return -1;
		}
	}
	/* A deny list: what it denies stays a violation. */
	if (!pre->allow_mode && ruleset_subtract(eagain, &pre->rules, WHERE, err) < 0) {
		ruleset_free(eagain);
		return 1;
	}
	return 0;
}

/*
 * Under errno and trap the kernel gives the policy's answer itself (the
 * program goes on), but a call of the loader's that the policy refuses
 * must reach jailctl, which lets it through until libjail's word: those
 * calls are notifications. Under a deny list, what it denies of them; under
 * an allow list, those it does not name.
 */
static int notify_loader_calls(struct jail_policy *pre, struct jail_err *err)
{
	struct jail_ruleset loader = { 0 };
	int rc = entry_list_parse(loader_calls, &loader, WHERE, err);

	for (size_t i = 0; rc == 0 && i < loader.n; i++) {
		int nr = loader.rule[i].nr;
		struct jail_rule *named = ruleset_find(&pre->rules, nr);
		if (pre->allow_mode && named == NULL) {
			rc = ruleset_add_always(&pre->notify_rules, nr);
		} else if (!pre->allow_mode && named != NULL) {
			struct jail_ruleset one = { .n = 1, .rule = named };
			rc = ruleset_merge(&pre->notify_rules, &one);
			ruleset_remove(&pre->rules, nr);
		}
		if (rc < 0)
			jail_err_set(err, WHERE, "out of memory");
	}
	ruleset_free(&loader);
	return rc;
}

int preexec_build(const struct jail_policy *policy, bool *one_process, uint64_t secret, int sup_fd,
		  struct jail_bpf *out, struct jail_err *err)
{
	/*
	 * kill and kill_thread: every violation is a notification, and jailctl
	 * names the call, then stops the program. errno and trap stay the
	 * kernel's (the program goes on), but for the loader's calls.
	 */
	bool kernel_action = policy->action.kind == JAIL_ACT_ERRNO || policy->action.kind == JAIL_ACT_TRAP;
	struct jail_policy pre = { .action = kernel_action ? policy->action : (struct jail_action){ .kind = JAIL_ACT_LOG },
				   .allow_mode = policy->allow_mode };
	char ours[300];
	int rc = -1;

	/*
	 * Ours: libjail's word on its socket, and the one execve, with the
	 * report of its failure, each with the secret where the call takes no
	 * argument; exiting is never a violation.
	 */
	snprintf(ours, sizeof(ours),
		 "sendmsg(arg0 == %d):close(arg0 == %d):exit:exit_group:execve(arg3 == %llu):"
		 "write(arg0 == %d && arg3 == %llu)",
		 sup_fd, sup_fd, (unsigned long long)secret, PREEXEC_STATUS_FD, (unsigned long long)secret);
	if (ruleset_merge(&pre.rules, &policy->rules) < 0 || ruleset_merge(&pre.refuse_rules, &policy->refuse_rules) < 0) {
		jail_err_set(err, WHERE, "out of memory");
		goto out;
	}
	if (policy->allow_mode) {
		if (add(&pre.rules, ours, err) < 0 || add(&pre.rules, preexec_startup_calls, err) < 0)
			goto out;
		/* seccomp only without a listener. */
		if (ruleset_find(&pre.rules, seccomp_nr()) != NULL) {
			ruleset_remove(&pre.rules, seccomp_nr());
			if (add(&pre.rules, "seccomp(arg1 & " NEW_LISTENER " == 0 || arg2 == 0)", err) < 0)
				goto out;
		}
	} else {
		/* A deny list: what we need must not be in it, and a listener is. */
		if (subtract(&pre.rules, ours, err) < 0 || subtract(&pre.rules, preexec_startup_calls, err) < 0 ||
		    add(&pre.rules, "seccomp(arg1 & " NEW_LISTENER " == " NEW_LISTENER " && arg2 != 0)", err) < 0)
			goto out;
	}
	/* What jailctl itself needs is never refused. */
	if (subtract(&pre.refuse_rules, ours, err) < 0 || subtract(&pre.refuse_rules, preexec_startup_calls, err) < 0)
		goto out;
	if (*one_process) {
		int refused = refuse_new_tasks(&pre, err);
		if (refused < 0)
			goto out;
		*one_process = refused == 0;
	}
	if (kernel_action && notify_loader_calls(&pre, err) < 0)
		goto out;
	rc = filter_build(&pre, out, err);
out:
	ruleset_free(&pre.rules);
	ruleset_free(&pre.refuse_rules);
	ruleset_free(&pre.eagain_rules);
	ruleset_free(&pre.notify_rules);
	return rc;
}

int learn_filter_build(int sup_fd, struct jail_bpf *out, struct jail_err *err)
{
	struct jail_policy all = { .action = { .kind = JAIL_ACT_LOG }, .allow_mode = true };
	char ours[64];
	int rc;

	snprintf(ours, sizeof(ours), "sendmsg(arg0 == %d)", sup_fd);
	rc = add(&all.rules, ours, err);
	if (rc == 0)
		rc = filter_build(&all, out, err);
	ruleset_free(&all.rules);
	return rc;
}

int preexec_loader_call(int nr, const uint64_t *args)
{
	/* Read once, at the first notification that needs it (the common run has none). */
	static struct jail_ruleset loader;
	static int state; /* 0: not read; 1: read; -1: unreadable */
	struct jail_err err = { { 0 } };
	const struct jail_rule *r;

	if (state == 0)
		state = entry_list_parse(loader_calls, &loader, WHERE, &err) == 0 ? 1 : -1;
	if (state < 0)
		return -1;
	r = ruleset_find(&loader, nr);
	return r != NULL && rule_holds(r, args);
}
