/* Unit tests of the policy core: entries, conditions, actions, sizes, rule sets, groups. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stdlib.h>

#include "action.h"
#include "entry.h"
#include "groups.h"
#include "limits.h"
#include "ruleset.h"
#include "tap.h"

static int nr(const char *name)
{
	return seccomp_syscall_resolve_name(name);
}

/* Parses one entry and returns its rule set (empty on error, with err set). */
static struct jail_ruleset parse(const char *text, struct jail_err *err)
{
	struct jail_ruleset rs = { 0 };

	memset(err, 0, sizeof(*err));
	if (entry_parse(text, &rs, "W", err) < 0)
		ruleset_free(&rs);
	return rs;
}

static void entry_error(const char *text, const char *want)
{
	struct jail_err err;
	struct jail_ruleset rs = parse(text, &err);
	char name[200];

	snprintf(name, sizeof(name), "error for \"%.150s\"", text);
	tap_ok(rs.n == 0 && jail_err_isset(&err), "%s is refused", name);
	tap_contains(err.msg, want, name);
	ruleset_free(&rs);
}

static void test_entries(void)
{
	struct jail_err err;
	struct jail_ruleset rs;
	struct jail_rule *r;

	rs = parse("read", &err);
	r = ruleset_find(&rs, nr("read"));
	tap_ok(rs.n == 1 && r && r->always, "a name gives one unconditional rule");
	ruleset_free(&rs);

	rs = parse("  write ( arg0 == 1 || arg0 == 2 )  ", &err);
	r = ruleset_find(&rs, nr("write"));
	tap_ok(r && !r->always && r->nconj == 2 && r->conj[0].cmp[0].value == 1 &&
	       r->conj[1].cmp[0].value == 2 && r->conj[1].cmp[0].op == JAIL_EQ,
	       "|| gives one conjunction per alternative");
	ruleset_free(&rs);

	rs = parse("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)", &err);
	r = ruleset_find(&rs, nr("openat"));
	tap_ok(r && r->nconj == 1 && r->conj[0].cmp[0].op == JAIL_MASKED_EQ &&
	       r->conj[0].cmp[0].arg == 2 && r->conj[0].cmp[0].mask == 0x243 &&
	       r->conj[0].cmp[0].value == 0, "masked condition with | of constants");
	ruleset_free(&rs);

	rs = parse("mmap(arg3 == MAP_PRIVATE|MAP_ANONYMOUS && arg2 <= 0x3 && arg0 != 010)", &err);
	r = ruleset_find(&rs, nr("mmap"));
	tap_ok(r && r->conj[0].ncmp == 3 && r->conj[0].cmp[0].arg == 0 &&
	       r->conj[0].cmp[0].value == 8 && r->conj[0].cmp[0].op == JAIL_NE &&
	       r->conj[0].cmp[1].op == JAIL_LE && r->conj[0].cmp[1].value == 3 &&
	       r->conj[0].cmp[2].value == 0x22, "&& of three, octal, hex, ordered by argument");
	ruleset_free(&rs);

	rs = parse("kill(arg0 > -2 && arg1 >= SIGTERM)", &err);
	r = ruleset_find(&rs, nr("kill"));
	tap_ok(r && r->conj[0].cmp[0].value == (uint64_t)-2 && r->conj[0].cmp[0].op == JAIL_GT &&
	       r->conj[0].cmp[1].value == 15 && r->conj[0].cmp[1].op == JAIL_GE,
	       "negative numbers and signal names");
	ruleset_free(&rs);

	rs = parse("@basic-io", &err);
	tap_ok(ruleset_find(&rs, nr("read")) && ruleset_find(&rs, nr("write")) &&
	       !ruleset_find(&rs, nr("openat")), "a group adds its members");
	ruleset_free(&rs);

	rs = parse("socketcall", &err);
	tap_ok(!jail_err_isset(&err) && rs.n == 0, "a call this architecture lacks adds nothing");
	ruleset_free(&rs);

	rs = (struct jail_ruleset){ 0 };
	memset(&err, 0, sizeof(err));
	tap_ok(entry_list_parse("read:write::exit_group: ", &rs, "W", &err) == 0 && rs.n == 3,
	       "a ':' list skips empty entries");
	ruleset_free(&rs);

	entry_error("opn", "W: unknown system call \"opn\"");
	entry_error("@nope", "W: unknown group \"@nope\"");
	entry_error("@basic-io(arg0 == 1)", "a group takes no condition");
	entry_error("@basic-io extra", "unexpected text after the group name");
	entry_error("write(arg6 == 1)", "expected arg0 to arg5");
	entry_error("write(arg12 == 1)", "expected arg0 to arg5");
	entry_error("write(foo == 1)", "expected arg0 to arg5");
	entry_error("write(arg0 =< 1)", "expected one of == != < <= > >=");
	entry_error("write(arg0 == FOO_BAR)", "unknown constant \"FOO_BAR\"");
	entry_error("write(arg0 == 1", "expected ) or a logical operator");
	entry_error("write(arg0 == 1) x", "unexpected text after the condition");
	entry_error("write x", "unexpected text after the name");
	entry_error("write(arg0 & 1 < 2)", "a masked argument (argN & MASK) takes only ==");
	entry_error("write(arg0 == 1 && arg0 == 2)", "compared only once");
	entry_error("write(arg0 & 1 == 2)", "VALUE has bits outside MASK");
	entry_error("", "W: empty entry");
	entry_error("   ", "W: empty entry");
	entry_error("write(arg0 == 0x)", "bad number");
	entry_error("write(arg0 == 99999999999999999999999)", "bad number");
	entry_error("write(arg0 == 12abc)", "bad number");
	entry_error("write(arg0 == )", "expected a number or a constant");
	entry_error("(arg0 == 1)", "expected a system call name or @group");
	entry_error("write(arg0 == 1 |)", "expected a number or a constant");
	entry_error("averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongname",
		    "name too long");
	{
		char big[5000];
		memset(big, 'a', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		entry_error(big, "entry longer than 4096 characters");
	}
	{
		/* 65 alternatives: more than one rule may hold. */
		char text[2000] = "write(";
		for (int i = 0; i < 65; i++)
			snprintf(text + strlen(text), sizeof(text) - strlen(text), "%sarg0 == %d",
				 i ? " || " : "", i);
		strcat(text, ")");
		entry_error(text, "too many || alternatives");
	}
}

static void action_case(const char *text, enum jail_action_kind kind, int e)
{
	struct jail_action a;
	struct jail_err err = { { 0 } };

	tap_ok(action_parse(text, &a, "A", &err) == 0 && a.kind == kind &&
	       (kind != JAIL_ACT_ERRNO || a.errno_value == e), "action \"%s\"", text);
}

static void action_error(const char *text, const char *want)
{
	struct jail_action a;
	struct jail_err err = { { 0 } };

	tap_ok(action_parse(text, &a, "SECCOMP_DEFAULT_ACTION", &err) < 0, "action \"%s\" refused", text);
	tap_contains(err.msg, want, "its message");
}

static void test_actions(void)
{
	char buf[32];
	struct jail_action a = { JAIL_ACT_ERRNO, EACCES };

	action_case("kill", JAIL_ACT_KILL, 0);
	action_case("kill_thread", JAIL_ACT_KILL_THREAD, 0);
	action_case("trap", JAIL_ACT_TRAP, 0);
	action_case("errno", JAIL_ACT_ERRNO, EPERM);
	action_case("errno:EACCES", JAIL_ACT_ERRNO, EACCES);
	action_case("errno:5", JAIL_ACT_ERRNO, 5);
	action_case("log", JAIL_ACT_LOG, 0);
	action_case("allow", JAIL_ACT_ALLOW, 0);
	action_error("nuke", "SECCOMP_DEFAULT_ACTION: unknown action \"nuke\"");
	action_error("errno:EFOO", "unknown errno name \"EFOO\"");
	action_error("errno:5000", "bad errno number \"5000\"");
	action_error("errno:0", "bad errno number \"0\" (1 to");
	action_error("errno:", "unknown errno name \"\"");
	action_error("KILL", "unknown action");
	action_format(&a, buf, sizeof(buf));
	tap_ok(strcmp(buf, "errno:EACCES") == 0, "errno action formats by name");
	tap_ok(action_to_scmp(&a) == SCMP_ACT_ERRNO(EACCES), "errno:EACCES maps to SCMP_ACT_ERRNO");
}

static void test_sizes(void)
{
	struct jail_err err = { { 0 } };
	uint64_t v = 0;
	double s = 0;
	const char *bad[] = { "", "12X", "-5", "M", "99999999999G", "1.5M", "18446744073709551616" };

	tap_ok(size_parse("256M", &v, "S", &err) == 0 && v == 256ull << 20, "256M");
	tap_ok(size_parse("64k", &v, "S", &err) == 0 && v == 64ull << 10, "64k");
	tap_ok(size_parse("1G", &v, "S", &err) == 0 && v == 1ull << 30, "1G");
	tap_ok(size_parse("100", &v, "S", &err) == 0 && v == 100, "100");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		tap_ok(size_parse(bad[i], &v, "limits.memory", &err) < 0, "size \"%s\" refused", bad[i]);
		tap_contains(err.msg, "limits.memory: bad size", "its message");
	}
	tap_ok(seconds_parse("0.5", &s, "T", &err) == 0 && s == 0.5, "0.5 seconds");
	tap_ok(seconds_parse("2", &s, "T", &err) == 0 && s == 2.0, "2 seconds");
	const char *bads[] = { "0", "-1", "abc", "nan", "inf", "1s", "" };
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		memset(&err, 0, sizeof(err));
		tap_ok(seconds_parse(bads[i], &s, "cpu_time", &err) < 0, "time \"%s\" refused", bads[i]);
		tap_contains(err.msg, "cpu_time: bad time", "its message");
	}
}

static void subtract_case(const char *allow, const char *deny, const char *call,
			  int want_present, size_t want_nconj, const char *name)
{
	struct jail_err err = { { 0 } };
	struct jail_ruleset a = { 0 }, d = { 0 };
	struct jail_rule *r;

	entry_parse(allow, &a, "A", &err);
	entry_parse(deny, &d, "D", &err);
	tap_ok(ruleset_subtract(&a, &d, "D", &err) == 0, "%s: subtracts", name);
	r = ruleset_find(&a, nr(call));
	tap_ok(want_present ? (r != NULL && r->nconj == want_nconj) : r == NULL, "%s: result", name);
	ruleset_free(&a);
	ruleset_free(&d);
}

static void test_subtract(void)
{
	struct jail_err err = { { 0 } };
	struct jail_ruleset a = { 0 }, d = { 0 };
	struct jail_rule *r;

	subtract_case("write", "write", "write", 0, 0, "a plain deny removes the call");
	subtract_case("write(arg0 == 1 || arg0 == 2)", "write(arg0 == 2)", "write", 1, 1,
		      "deny of a pinned value drops that alternative");
	subtract_case("write(arg0 == 2)", "write(arg0 == 2)", "write", 0, 0,
		      "deny of every alternative removes the call");
	subtract_case("read", "write", "read", 1, 0, "a deny of another call changes nothing");

	entry_parse("write", &a, "A", &err);
	entry_parse("write(arg0 == 2 && arg2 > 100)", &d, "D", &err);
	tap_ok(ruleset_subtract(&a, &d, "D", &err) == 0, "allow all, deny a conjunction");
	r = ruleset_find(&a, nr("write"));
	tap_ok(r && !r->always && r->nconj == 2 && r->conj[0].cmp[0].op == JAIL_NE &&
	       r->conj[1].cmp[0].op == JAIL_LE, "becomes arg0 != 2 || arg2 <= 100");
	ruleset_free(&a);
	ruleset_free(&d);

	/* A masked deny of an allowed call: what stays is every other value of the masked bits. */
	entry_parse("openat", &a, "A", &err);
	entry_parse("openat(arg2 & O_ACCMODE|O_TRUNC == O_TRUNC)", &d, "SECCOMP_SYSCALL_DENY", &err);
	tap_ok(ruleset_subtract(&a, &d, "SECCOMP_SYSCALL_DENY", &err) == 0 && a.n == 1 && a.rule[0].nconj == 7,
	       "a masked deny of an allowed call leaves the other 7 values of its 3 bits");
	{
		uint64_t trunc_read[JAIL_MAX_ARGS] = { 0, 0, O_TRUNC | O_CLOEXEC }, trunc_write[JAIL_MAX_ARGS] = { 0, 0, O_TRUNC | O_WRONLY },
			 plain[JAIL_MAX_ARGS] = { 0, 0, O_RDONLY | O_CLOEXEC };
		tap_ok(a.n == 1 && !rule_holds(&a.rule[0], trunc_read) && rule_holds(&a.rule[0], trunc_write) &&
		       rule_holds(&a.rule[0], plain), "what was denied is not allowed, all else is");
	}
	ruleset_free(&a);
	ruleset_free(&d);
	entry_parse("openat", &a, "A", &err);
	entry_parse("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC|O_APPEND == O_CREAT)", &d, "SECCOMP_SYSCALL_DENY", &err);
	tap_ok(ruleset_subtract(&a, &d, "SECCOMP_SYSCALL_DENY", &err) < 0,
	       "a masked deny of more than 4 bits of an allowed call is refused");
	tap_contains(err.msg, "SECCOMP_SYSCALL_DENY: cannot deny a masked condition", "its message");
	ruleset_free(&a);
	ruleset_free(&d);

	memset(&err, 0, sizeof(err));
	entry_parse("write(arg0 > 1)", &a, "A", &err);
	entry_parse("write(arg0 == 5)", &d, "D", &err);
	tap_ok(ruleset_subtract(&a, &d, "D", &err) < 0, "a second comparison of one argument is refused");
	tap_contains(err.msg, "already compares arg0", "its message");
	ruleset_free(&a);
	ruleset_free(&d);
}

/* covers_case WIDE NARROW WANT: whether rule_covers says that WIDE allows all NARROW does. */
static void covers_case(const char *wide, const char *narrow, bool want)
{
	struct jail_err err = { { 0 } };
	struct jail_ruleset w = { 0 }, n = { 0 };
	int parsed = entry_parse(wide, &w, "W", &err) == 0 && entry_parse(narrow, &n, "N", &err) == 0 &&
		     n.n == 1 && ruleset_find(&w, n.rule[0].nr) != NULL;

	tap_ok(parsed && rule_covers(ruleset_find(&w, n.rule[0].nr), &n.rule[0]) == want, "%s %s %s", wide,
	       want ? "covers" : "does not cover", narrow);
	ruleset_free(&w);
	ruleset_free(&n);
}

static void test_covers(void)
{
	covers_case("read", "read", true);
	covers_case("read", "read(arg0 == 0)", true);
	covers_case("read(arg0 == 0)", "read", false);
	covers_case("write(arg0 == 1 || arg0 == 2)", "write(arg0 == 2)", true);
	covers_case("write(arg0 == 1 || arg0 == 2)", "write(arg0 == 3)", false);
	covers_case("write(arg0 == 1)", "write(arg0 == 1 && arg2 == 5)", true);
	covers_case("write(arg0 == 1 && arg2 == 5)", "write(arg0 == 1)", false);
	covers_case("tgkill(arg0 == 7)", "tgkill(arg0 == 7 && arg2 == SIGABRT)", true);
	/* A value that agrees with a mask; a mask that holds the wide one's bits. */
	covers_case("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)", "openat(arg2 == O_RDONLY|O_CLOEXEC)", true);
	covers_case("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)", "openat(arg2 == O_WRONLY)", false);
	covers_case("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)",
		    "openat(arg2 & O_ACCMODE|O_CREAT|O_EXCL|O_TRUNC|O_APPEND == O_RDONLY)", true);
	covers_case("openat(arg2 & O_ACCMODE|O_CREAT|O_EXCL|O_TRUNC|O_APPEND == O_RDONLY)",
		    "openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)", false);
	covers_case("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)",
		    "openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDWR)", false);
	covers_case("@threads", "futex(arg1 == FUTEX_WAIT_BITSET|FUTEX_PRIVATE_FLAG|FUTEX_CLOCK_REALTIME)", true);
	covers_case("@threads", "futex(arg1 == FUTEX_LOCK_PI)", false);
	/* Each alternative of the narrow rule must be covered. */
	covers_case("read(arg0 == 0 || arg0 == 3)", "read(arg0 == 0 || arg0 == 4)", false);
	/* Other operators: only the same comparison is known to be covered. */
	covers_case("read(arg2 <= 10)", "read(arg2 <= 10)", true);
	covers_case("read(arg2 <= 10)", "read(arg2 == 4)", true);
	covers_case("read(arg2 <= 10)", "read(arg2 < 5)", false);
}

static void test_groups(void)
{
	for (size_t i = 0; i < jail_ngroups; i++) {
		const struct jail_group *g = &jail_groups[i];
		struct jail_err err = { { 0 } };
		struct jail_ruleset rs = { 0 };
		int ok = 1;
		for (const char *const *m = g->members; *m != NULL; m++) {
			struct jail_ruleset one = { 0 };
			if (entry_parse(*m, &one, g->name, &err) < 0 || one.n == 0)
				ok = 0;
			ruleset_free(&one);
		}
		tap_ok(ok && entry_parse(g->name, &rs, "G", &err) == 0 && rs.n > 0,
		       "group %s: every member is a call of this architecture", g->name);
		if (!ok)
			printf("#   %s\n", err.msg);
		ruleset_free(&rs);
	}
	tap_ok(jail_group_find("@default", 8) != NULL && jail_group_find("@defaul", 7) == NULL,
	       "groups are found by their whole name");
}

int main(void)
{
	test_entries();
	test_actions();
	test_sizes();
	test_subtract();
	test_covers();
	test_groups();
	return tap_done();
}
