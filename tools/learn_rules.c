#include "config.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "learn_rules.h"
#include "proc_status.h"
#include "rule_format.h"

#define ANY_VALUE (~(uint64_t)0) /* constant_format: one name or a number, not flags */

/* What a clone may not do under a learned rule: start a thread or process in new namespaces. */
#define CLONE_NAMESPACES "CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET"
#define NAMESPACE_FLAGS (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
			 CLONE_NEWPID | CLONE_NEWNET)

static void name(char *out, size_t len, const char *prefixes, uint64_t base, uint64_t v)
{
	constant_format(out, len, prefixes, base, v);
}

/* Calls whose one argument is a request, a command or an option: allowed for the values seen. */
static const struct one_value {
	const char *call;
	unsigned arg;
	const char *prefixes; /* of the constants that name its values */
	uint64_t base;        /* constant_format's: ANY_VALUE, or the part that is no flag */
	const char *what;
} one_values[] = {
	{ "ioctl", 1, "TC TIOC FIO", ANY_VALUE, "request" },
	{ "fcntl", 1, "F_", ANY_VALUE, "command" },
	{ "prctl", 0, "PR_", ANY_VALUE, "option" },
	{ "arch_prctl", 0, "ARCH_", ANY_VALUE, "code" },
	{ "setrlimit", 0, "RLIMIT_", ANY_VALUE, "resource" },
	/* The operation with its flags (private, clock): @default and @threads hold the usual ones. */
	{ "futex", 1, "FUTEX_", 0x7f, "operation" },
};

/* Whom a PID names, as the program sees PIDs. */
enum target {
	TARGET_OTHER,      /* another process, or none that can be told */
	TARGET_SELF,       /* the caller's own process, the program's first (SELF_PID) */
	TARGET_CHILD_SELF, /* the caller's own process, one the program started (SELF_PID is not its PID) */
};

/*
 * Whether pid is the caller's own process. The caller's /proc status says
 * its thread group as jailctl sees it (Tgid) and as the program does (the
 * last of NStgid, in the program's PID namespace).
 */
static enum target target_of(const struct learned_caller *who, uint64_t pid)
{
	long tgid, inner;

	if (proc_thread_group(who->tid, &tgid, &inner) < 0 || inner <= 0 || (uint64_t)inner != (pid & 0xffffffff))
		return TARGET_OTHER;
	return tgid == who->program ? TARGET_SELF : TARGET_CHILD_SELF;
}

static const char *const child_note = "a process the program started named itself, and SELF_PID is "
				      "the first process's PID";

/*
 * A signal sent: pid_arg names the process (-1: none that a condition can
 * hold, as for tkill's thread), sig_arg the signal.
 */
static void signal_use(const uint64_t *a, int pid_arg, unsigned sig_arg, const struct learned_caller *who,
		       struct learned_condition *u)
{
	char sig[32];
	enum target t = pid_arg < 0 ? TARGET_OTHER : target_of(who, a[pid_arg]);

	name(sig, sizeof(sig), "SIG", ANY_VALUE, a[sig_arg]);
	if (t == TARGET_SELF) {
		snprintf(u->cond, sizeof(u->cond), "arg%d == SELF_PID && arg%u == %s", pid_arg, sig_arg, sig);
		snprintf(u->seen, sizeof(u->seen), "signal %s to itself", sig);
		return;
	}
	if (pid_arg == 0 && sig_arg == 1 && a[0] == 0) { /* kill: its own process group */
		snprintf(u->cond, sizeof(u->cond), "arg0 == 0 && arg%u == %s", sig_arg, sig);
		snprintf(u->seen, sizeof(u->seen), "signal %s to its process group", sig);
		return;
	}
	snprintf(u->cond, sizeof(u->cond), "arg%u == %s", sig_arg, sig);
	snprintf(u->seen, sizeof(u->seen), "signal %s to %s %d", sig, pid_arg < 0 ? "thread" : "process",
		 (int)a[pid_arg < 0 ? 0 : pid_arg]);
	if (pid_arg < 0)
		snprintf(u->note, sizeof(u->note), "a thread is named by its ID, which changes from run to "
			 "run: allowed with the signal only");
	else
		snprintf(u->note, sizeof(u->note), "%s: allowed with the signal only, to any process",
			 t == TARGET_CHILD_SELF ? child_note : "it signalled another process");
}

/* open's and openat's flags: read-only as the groups write it, else the write mode seen and no other. */
static void open_use(uint64_t flags, unsigned arg, struct learned_condition *u)
{
	const uint64_t write_mask = O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_TMPFILE;
	char mode[96];

	if ((flags & (O_ACCMODE | O_CREAT | O_TRUNC)) == O_RDONLY) {
		snprintf(u->cond, sizeof(u->cond), "arg%u & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY", arg);
		snprintf(u->seen, sizeof(u->seen), "O_RDONLY");
		return;
	}
	name(mode, sizeof(mode), "O_", O_ACCMODE, flags & write_mask);
	snprintf(u->cond, sizeof(u->cond), "arg%u & " LEARN_WRITE_MODE_MASK " == %.90s", arg, mode);
	snprintf(u->seen, sizeof(u->seen), "%s", mode);
}

static void clone_use(uint64_t flags, struct learned_condition *u)
{
	bool thread = flags & CLONE_THREAD;
	char exact[160];

	snprintf(u->seen, sizeof(u->seen), "flags 0x%llx (a %s)", (unsigned long long)flags,
		 thread ? "thread" : "process");
	if (flags & NAMESPACE_FLAGS) {
		name(exact, sizeof(exact), "CLONE_", 0, flags);
		snprintf(u->cond, sizeof(u->cond), "arg0 == %.140s", exact);
		return;
	}
	/* As @threads writes it: a thread, or a process, with no new namespace. */
	snprintf(u->cond, sizeof(u->cond), "arg0 & CLONE_THREAD|" CLONE_NAMESPACES " == %s",
		 thread ? "CLONE_THREAD" : "0");
}

/* prlimit64: reading any limit (as @default allows), or setting one of its own. */
static void prlimit_use(const uint64_t *a, const struct learned_caller *who, struct learned_condition *u)
{
	char res[32];
	enum target t = a[0] == 0 ? TARGET_SELF : target_of(who, a[0]);

	name(res, sizeof(res), "RLIMIT_", ANY_VALUE, a[1]);
	snprintf(u->seen, sizeof(u->seen), "%s %s", a[2] ? "sets" : "reads", res);
	if (a[2] == 0)
		snprintf(u->cond, sizeof(u->cond), "arg2 == 0");
	else if (t == TARGET_SELF)
		snprintf(u->cond, sizeof(u->cond), "arg0 == %s && arg1 == %s", a[0] ? "SELF_PID" : "0", res);
	else {
		snprintf(u->cond, sizeof(u->cond), "arg1 == %s", res);
		snprintf(u->note, sizeof(u->note), "%s: allowed for this limit of any process",
			 t == TARGET_CHILD_SELF ? child_note : "it set another process's limit");
	}
}

/* sched_getaffinity: of itself (0, or its PID); a thread's ID changes from run to run. */
static void affinity_use(const uint64_t *a, const struct learned_caller *who, struct learned_condition *u)
{
	if (a[0] == 0)
		snprintf(u->cond, sizeof(u->cond), "arg0 == 0");
	else if (target_of(who, a[0]) == TARGET_SELF)
		snprintf(u->cond, sizeof(u->cond), "arg0 == SELF_PID");
	else
		snprintf(u->note, sizeof(u->note), "it named a thread or process by its ID, which changes "
			 "from run to run: allowed with any arguments");
}

static bool is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

void learn_condition(const char *call, const uint64_t *a, const struct learned_caller *who, struct learned_condition *u)
{
	char v[64], w[64];

	memset(u, 0, sizeof(*u));
	for (size_t i = 0; i < sizeof(one_values) / sizeof(one_values[0]); i++) {
		const struct one_value *o = &one_values[i];
		if (!is(call, o->call))
			continue;
		name(v, sizeof(v), o->prefixes, o->base, a[o->arg]);
		snprintf(u->cond, sizeof(u->cond), "arg%u == %s", o->arg, v);
		snprintf(u->seen, sizeof(u->seen), "%s %s", o->what, v);
		return;
	}
	if (is(call, "openat") || is(call, "open"))
		open_use(call[4] == 'a' ? a[2] : a[1], call[4] == 'a' ? 2 : 1, u);
	else if (is(call, "openat2"))
		snprintf(u->note, sizeof(u->note), "its flags are in memory, where no filter can see them: "
			 "allowed with any flags");
	else if (is(call, "socket") || is(call, "socketpair")) {
		name(v, sizeof(v), "AF_", ANY_VALUE, a[0]);
		name(w, sizeof(w), "SOCK_", ANY_VALUE, a[1] & 0xf);
		snprintf(u->cond, sizeof(u->cond), "arg0 == %.40s && arg1 & SOCK_TYPE_MASK == %.40s", v, w);
		snprintf(u->seen, sizeof(u->seen), "family %s type %s", v, w);
	} else if (is(call, "clone"))
		clone_use(a[0], u);
	else if (is(call, "mmap") || is(call, "mprotect")) {
		snprintf(u->cond, sizeof(u->cond), "arg2 & PROT_EXEC == %s", a[2] & PROT_EXEC ? "PROT_EXEC" : "0");
		if (a[2] & PROT_EXEC)
			snprintf(u->seen, sizeof(u->seen), "PROT_EXEC");
	} else if (is(call, "kill"))
		signal_use(a, 0, 1, who, u);
	else if (is(call, "tgkill"))
		signal_use(a, 0, 2, who, u);
	else if (is(call, "tkill"))
		signal_use(a, -1, 1, who, u);
	else if (is(call, "prlimit64"))
		prlimit_use(a, who, u);
	else if (is(call, "sched_getaffinity"))
		affinity_use(a, who, u);
}
