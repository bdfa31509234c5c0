/* Unit tests of jail.conf loading and of the policy libjail assembles from it and the environment. */
#include "config.h"

#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_text.h"
#include "filter.h"
#include "landlock.h"
#include "policy.h"
#include "profile.h"
#include "tap.h"

static char dir[] = "/tmp/jail-unit-XXXXXX";

static const char *write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
	return path;
}

static const char *good =
	"profile base {\n"                                  /* 1 */
	"    action = errno:EACCES\n"                        /* 2 */
	"    allow = { \"read\", \"write(arg0 == 1)\" }\n"   /* 3 */
	"    limits { cpu_time = 1.5  memory = \"64M\" open_files = 10 }\n"
	"}\n"
	"profile child {\n"
	"    inherit = \"base\"\n"
	"    allow = { \"@threads\" }\n"
	"    deny = { \"read\" }\n"
	"    limits { memory = 128M }\n"
	"}\n"
	"profile denier {\n"
	"    deny = { \"execve\", \"socket\" }\n"
	"}\n"
	"profile empty {\n"
	"}\n";

static void config_error(const char *name, const char *text, const char *want)
{
	struct jail_err err = { { 0 } };
	const char *path = write_file(name, text);
	char full[512];
	struct jail_config *c = config_load(path, &err);

	tap_ok(c == NULL, "config %s is refused", name);
	snprintf(full, sizeof(full), "%s/%s%s", dir, name, want);
	tap_contains(err.msg, full, "its message names the file and line");
	config_free(c);
}

static void test_load(void)
{
	struct jail_err err = { { 0 } };
	const char *path = write_file("good.conf", good);
	struct jail_config *c = config_load(path, &err);
	struct jail_profile p;

	tap_ok(c != NULL, "a valid config loads");
	if (c == NULL) {
		printf("#   %s\n", err.msg);
		return;
	}
	tap_ok(config_profile_count(c) == 4 && strcmp(config_profile_name(c, 1), "child") == 0,
	       "profiles are listed in order");
	tap_ok(config_profile(c, "base", &p, &err) == 0 && p.has_action &&
	       p.action.kind == JAIL_ACT_ERRNO && p.action.errno_value == EACCES &&
	       p.allow.n == 2 && p.allow_entries == 2 && p.limits.cpu_time == 1.5 &&
	       p.limits.memory == 64 << 20 && p.limits.open_files == 10 &&
	       p.limits.set == (JAIL_LIM_CPU_TIME | JAIL_LIM_MEMORY | JAIL_LIM_OPEN_FILES),
	       "profile base: action, allow, limits");
	profile_free(&p);
	tap_ok(config_profile(c, "child", &p, &err) == 0 && p.has_action &&
	       ruleset_find(&p.allow, seccomp_syscall_resolve_name("futex")) &&
	       ruleset_find(&p.allow, seccomp_syscall_resolve_name("read")) && p.deny.n == 1 &&
	       p.limits.memory == 128 << 20 && p.limits.cpu_time == 1.5,
	       "inherit: lists add up, limits override field by field");
	profile_free(&p);
	tap_ok(config_profile(c, "nosuch", &p, &err) < 0, "an unknown profile is refused");
	tap_contains(err.msg, "no profile \"nosuch\"", "its message");
	config_free(c);
}

static void test_errors(void)
{
	config_error("syntax.conf", "profile a {\n  allow = { \"read\" ]\n}\n", ":2: unexpected token");
	config_error("entry.conf", "profile a {\n  action = kill\n  allow = { \"read\", \"opn\" }\n}\n",
		     ":3: unknown system call \"opn\"");
	config_error("action.conf", "profile a {\n\n  action = nuke\n}\n", ":3: unknown action \"nuke\"");
	config_error("size.conf", "profile a {\n  limits {\n    memory = 12Q\n  }\n}\n",
		     ":3: memory: bad size \"12Q\"");
	config_error("time.conf", "profile a {\n  limits {\n\n    cpu_time = 0\n  }\n}\n",
		     ":4: cpu_time: bad time \"0\"");
	config_error("count.conf", "profile a {\n  limits { processes = many }\n}\n",
		     ":2: processes: bad count \"many\"");
	config_error("option.conf", "profile a {\n  alow = { \"read\" }\n}\n", ":2");
	config_error("dupe.conf", "profile a {\n}\nprofile a {\n}\n", ":3");
	config_error("none.conf", "# nothing here\n", ": no profile in the file");
	config_error("empty.conf", "", ": no profile in the file");
	config_error("binary.conf", "\x7f" "ELF\x01\x02\x03\xff\xfe", "");

	struct jail_err err = { { 0 } };
	tap_ok(config_load(dir, &err) == NULL, "a directory is refused");
	tap_contains(err.msg, ": not a regular file", "its message");
	memset(&err, 0, sizeof(err));
	tap_ok(config_load("/nonexistent/jail.conf", &err) == NULL, "a missing file is refused");
	tap_contains(err.msg, "/nonexistent/jail.conf: No such file or directory", "its message");

	const char *path = write_file("cycle.conf",
		"profile a {\n inherit = \"b\"\n allow = { \"read\" }\n}\n"
		"profile b {\n inherit = \"a\"\n}\n"
		"profile c {\n inherit = \"zz\"\n}\n");
	memset(&err, 0, sizeof(err));
	struct jail_config *c = config_load(path, &err);
	struct jail_profile p;
	tap_ok(c != NULL && config_profile(c, "a", &p, &err) < 0, "an inherit cycle is refused");
	tap_contains(err.msg, "inherit chain too long or circular", "its message");
	memset(&err, 0, sizeof(err));
	tap_ok(c != NULL && config_profile(c, "c", &p, &err) < 0, "inheriting an unknown profile is refused");
	tap_contains(err.msg, ":9: profile \"c\": inherit: no profile \"zz\"", "its message");
	config_free(c);
}

/*
 * libconfuse 3.3 counts a '#' or '//' comment line three times and adds a
 * line for each C comment: every error after a comment must still name
 * its true line.
 */
static void test_comment_lines(void)
{
	config_error("hash.conf", "# one\n# two\nprofile a {\n  allow = { \"read\" }\n  bogus = 1\n}\n", ":5");
	config_error("hash_inside.conf", "profile a {\n  # inside\n  allow = { \"read\" }\n  alow = 1\n}\n", ":4");
	config_error("slashes.conf", "// one\n//// two\nprofile a {\n  allow = { \"read\", \"opn\" }\n}\n",
		     ":4: unknown system call \"opn\"");
	config_error("block.conf", "/* one\n   two\n   three */\nprofile a {\n  action = nuke\n}\n",
		     ":5: unknown action \"nuke\"");
	config_error("trailing.conf",
		     "/* one */ profile a { /* two */\n  allow = { \"read\" } # three\n"
		     "  /* four\n  */ limits { memory = 12Q } // five\n}\n",
		     ":4: memory: bad size \"12Q\"");
	config_error("many.conf",
		     "#\n#\n#\n#\n#\n#\n#\n#\n#\n#\nprofile a {\n  # in\n  // in\n  /* in */\n  allow = { \"opn\" }\n}\n",
		     ":15: unknown system call \"opn\"");
	/* Comment characters inside a string are the string's. */
	config_error("in_string.conf", "# c\nprofile a {\n  allow = { \"opn#1//2/*3\" }\n}\n",
		     ":3: \"opn#1//2/*3\": unexpected text");
	config_error("in_single.conf", "# c\nprofile a {\n  allow = { 'read', 'opn#x' } # c\n}\n",
		     ":3: \"opn#x\": unexpected text");
	config_error("escaped_quote.conf", "profile \"a\\\"#b\" {\n  allow = { \"read\" } # c\n  # c\n  action = nuke\n}\n",
		     ":4: unknown action \"nuke\"");
	config_error("env.conf", "# c\nprofile a {\n  allow = { ${JAIL_UNIT_UNSET:-opn#1} }\n}\n",
		     ":3: \"opn#1\": unexpected text");

	/* An unclosed C comment runs to the end of the file, as libconfuse reads it. */
	struct jail_err err = { { 0 } };
	struct jail_config *c = config_load(write_file("unclosed.conf",
		"profile a {\n  allow = { \"read\" }\n}\n/* never closed\nprofile b {\n  action = nuke\n}\n"), &err);
	tap_ok(c != NULL && config_profile_count(c) == 1, "an unclosed comment hides the rest of the file");
	config_free(c);

	char text[] = "a # b\n\"c#d\" /* e\nf */ g // h\n'i//j' ${k#l}";
	config_text_blank_comments(text, strlen(text));
	tap_ok(strcmp(text, "a    \n\"c#d\"     \n     g     \n'i//j' ${k#l}") == 0,
	       "comments become blanks, lines and strings kept: [%s]", text);

	/* A NUL byte would end the text libconfuse reads: such a file is refused. */
	const char *nul = write_file("nul.conf", "");
	FILE *f = fopen(nul, "w");
	if (f == NULL || fwrite("profile a {\n}\n\0# x\n", 1, 19, f) != 19 || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", nul);
		exit(1);
	}
	memset(&err, 0, sizeof(err));
	tap_ok(config_load(nul, &err) == NULL, "a file with a NUL byte is refused");
	tap_contains(err.msg, "nul.conf: not a text file", "its message");
}

static void test_policy(void)
{
	const char *path = write_file("good.conf", good);
	struct jail_policy_source src = { .config = path, .profile = "base" };
	struct jail_policy pol;
	struct jail_err err = { { 0 } };
	struct jail_bpf bpf;

	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.allow_mode && pol.rules.n == 2 &&
	       pol.action.kind == JAIL_ACT_ERRNO, "the profile gives the policy");
	tap_ok(filter_build(&pol, &bpf, &err) == 0 && bpf.len > 4, "its filter builds");
	filter_bpf_free(&bpf);
	policy_free(&pol);

	src.profile = "child";
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.allow_mode &&
	       !ruleset_find(&pol.rules, seccomp_syscall_resolve_name("read")),
	       "a profile's deny removes a call from its allow list");
	policy_free(&pol);

	src.profile = "denier";
	tap_ok(policy_load(&src, &pol, &err) == 0 && !pol.allow_mode && pol.rules.n == 2 &&
	       pol.action.kind == JAIL_ACT_KILL, "deny only: a deny list, and kill by default");
	policy_free(&pol);

	src.profile = "base";
	src.allow = "getpid:exit_group";
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.allow_mode && pol.rules.n == 2 &&
	       !ruleset_find(&pol.rules, seccomp_syscall_resolve_name("read")) &&
	       pol.limits.cpu_time == 1.5, "SECCOMP_SYSCALL_ALLOW replaces the lists, limits stay");
	policy_free(&pol);

	src.allow = NULL;
	src.deny = "ptrace";
	tap_ok(policy_load(&src, &pol, &err) == 0 && !pol.allow_mode && pol.rules.n == 1,
	       "SECCOMP_SYSCALL_DENY alone: everything but these");
	policy_free(&pol);

	src.allow = "read:write:getpid";
	src.deny = "write";
	src.action = "trap";
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.allow_mode && pol.rules.n == 2 &&
	       pol.action.kind == JAIL_ACT_TRAP, "ALLOW minus DENY, SECCOMP_DEFAULT_ACTION over the profile");
	policy_free(&pol);

	src.action = "bogus";
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) < 0, "a bad SECCOMP_DEFAULT_ACTION is refused");
	tap_contains(err.msg, "SECCOMP_DEFAULT_ACTION: unknown action \"bogus\"", "its message");

	src = (struct jail_policy_source){ .config = path, .profile = "base", .allow = "read:bad name" };
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) < 0, "a bad SECCOMP_SYSCALL_ALLOW is refused");
	tap_contains(err.msg, "SECCOMP_SYSCALL_ALLOW: \"bad name\": unexpected text after the name",
		     "its message");

	src = (struct jail_policy_source){ .config = path, .profile = "empty" };
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) < 0, "a profile with no lists and no variables is refused");
	tap_contains(err.msg, "has neither allow nor deny entries", "its message");

	src.allow = "";
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.allow_mode && pol.rules.n == 0,
	       "an empty SECCOMP_SYSCALL_ALLOW allows nothing");
	policy_free(&pol);

	src = (struct jail_policy_source){ .config = path, .profile = "nope" };
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) < 0, "JAIL_PROFILE naming no profile is refused");
	tap_contains(err.msg, "no profile \"nope\"", "its message");
}

/* The rule of path in a policy's blob: its flags, or -1 when there is none. */
static int rule_flags(const struct jail_policy *p, const char *path)
{
	for (const char *r = landlock_blob_rule(p->paths, p->paths_len, NULL); r != NULL;
	     r = landlock_blob_rule(p->paths, p->paths_len, r))
		if (strcmp(r + 1, path) == 0)
			return (unsigned char)r[0];
	return -1;
}

static void test_paths(void)
{
	char conf[1024];
	struct jail_policy_source src;
	struct jail_policy pol;
	struct jail_err err = { { 0 } };

	snprintf(conf, sizeof(conf),
		 "profile files {\n"                                   /* 1 */
		 "    allow = { \"@default\", \"@file-read\" }\n"       /* 2 */
		 "    read = { \"@system\", \".\" }\n"                   /* 3 */
		 "}\n"
		 "profile more {\n"                                    /* 5 */
		 "    inherit = \"files\"\n"
		 "    write = { \"%s\" }\n"                             /* 7 */
		 "}\n"
		 "profile writer {\n"
		 "    inherit = \"files\"\n"
		 "    allow = { \"@file-write\" }\n"
		 "}\n"
		 "profile denier {\n"
		 "    deny = { \"socket\" }\n"
		 "    read = { }\n"
		 "}\n"
		 "profile plain {\n"
		 "    allow = { \"@default\" }\n"
		 "}\n", dir);
	const char *path = write_file("paths.conf", conf);

	src = (struct jail_policy_source){ .config = path, .profile = "files" };
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.paths != NULL &&
	       landlock_blob_valid(pol.paths, pol.paths_len), "a read list gives path rules");
	tap_ok(rule_flags(&pol, ".") == (int)JAIL_PATH_READ + (int)JAIL_PATH_DIR && rule_flags(&pol, "/usr/lib") > 0 &&
	       (rule_flags(&pol, "/usr/lib") & JAIL_PATH_OPTIONAL) && rule_flags(&pol, "/home") < 0,
	       "@system is expanded, \".\" kept for the process to open");
	tap_ok(rule_flags(&pol, "/dev/null") > 0 && (rule_flags(&pol, "/dev/null") & JAIL_PATH_WRITE) &&
	       !(rule_flags(&pol, "/usr/lib") & JAIL_PATH_WRITE), "@system's /dev/null is writable, its libraries not");
	tap_ok(pol.paths[1] == 1, "read rules under a policy that stops truncate need Landlock ABI 1");
	tap_contains(landlock_blob_where(pol.paths), "paths.conf:3", "the rules name their line");
	policy_free(&pol);

	src.profile = "more";
	tap_ok(policy_load(&src, &pol, &err) == 0 && rule_flags(&pol, ".") > 0 &&
	       rule_flags(&pol, dir) == (int)(JAIL_PATH_WRITE | JAIL_PATH_DIR), "inherit adds a child's lists to its parent's");
	tap_contains(landlock_blob_where(pol.paths), "paths.conf:7", "the rules name the child's own line");
	policy_free(&pol);

	/* Truncation that Landlock checks only from ABI 3 is refused instead: the rules need ABI 1. */
	int truncate_nr = seccomp_syscall_resolve_name("truncate"), openat_nr = seccomp_syscall_resolve_name("openat");
	src.profile = "writer";
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.paths[1] == 1 &&
	       ruleset_find(&pol.refuse_rules, truncate_nr) != NULL && ruleset_find(&pol.refuse_rules, truncate_nr)->always &&
	       ruleset_find(&pol.rules, truncate_nr) == NULL,
	       "a policy that lets truncate through under path rules refuses it, and needs ABI 1");
	policy_free(&pol);
	src.deny = "truncate";
	src.allow = "@default:@file-write";
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.paths[1] == 1 && ruleset_find(&pol.refuse_rules, truncate_nr) == NULL,
	       "where truncate is denied it stays a violation, not a refusal");
	policy_free(&pol);

	src = (struct jail_policy_source){ .config = path, .profile = "denier" };
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.paths != NULL && landlock_blob_rule(pol.paths, pol.paths_len, NULL) == NULL &&
	       pol.paths[1] == 1 && ruleset_find(&pol.refuse_rules, truncate_nr) != NULL &&
	       ruleset_find(&pol.refuse_rules, openat_nr) != NULL && !ruleset_find(&pol.refuse_rules, openat_nr)->always,
	       "read = { } is a rule that allows nothing; a deny list refuses truncate and opens for reading with O_TRUNC");
	policy_free(&pol);

	src.profile = "plain";
	tap_ok(policy_load(&src, &pol, &err) == 0 && pol.paths == NULL, "a profile with neither list has no path rules");
	policy_free(&pol);

	src.read = "/usr/share";
	tap_ok(policy_load(&src, &pol, &err) == 0 && rule_flags(&pol, "/usr/share") == (int)(JAIL_PATH_READ | JAIL_PATH_DIR) &&
	       rule_flags(&pol, ".") < 0, "JAIL_READ gives rules to a profile without lists");
	tap_contains(landlock_blob_where(pol.paths), "JAIL_READ", "and names itself");
	policy_free(&pol);

	src = (struct jail_policy_source){ .config = path, .profile = "files", .write = "/tmp" };
	tap_ok(policy_load(&src, &pol, &err) == 0 && rule_flags(&pol, ".") < 0 && rule_flags(&pol, "/tmp") > 0,
	       "JAIL_WRITE alone replaces both lists (an unset JAIL_READ counts as empty)");
	policy_free(&pol);

	src.write = "/tmp:nope";
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) < 0, "a relative path in JAIL_WRITE is refused");
	tap_contains(err.msg, "JAIL_WRITE: \"nope\": a path must be absolute", "its message");
	src.write = NULL;
	src.read = "@sys";
	memset(&err, 0, sizeof(err));
	tap_ok(policy_load(&src, &pol, &err) < 0, "an unknown path group is refused");
	tap_contains(err.msg, "JAIL_READ: unknown path group \"@sys\"", "its message");
}

/* Builds an allow list of ENTRIES (and exit_group); returns filter_build's result, its message in err. */
static int build_allow(const char *entries, const char *deny, struct jail_err *err)
{
	const char *path = write_file("good.conf", good);
	struct jail_policy_source src = { .config = path, .profile = "base", .allow = entries, .deny = deny };
	struct jail_policy pol;
	struct jail_bpf bpf;
	int rc;

	memset(err, 0, sizeof(*err));
	if (policy_load(&src, &pol, err) < 0)
		return -2;
	rc = filter_build(&pol, &bpf, err);
	filter_bpf_free(&bpf);
	policy_free(&pol);
	return rc;
}

/* Rules libseccomp 2.5 cannot build (found by fuzz/fuzz_env): refused, not looped on or built wrong. */
static void test_libseccomp_limits(void)
{
	struct jail_err err;

	/* libseccomp never returned: a != before another argument, in two alternatives. */
	alarm(60);
	tap_ok(build_allow("exit_group:write(arg1 == 1 || arg5 == 2)", "write(arg0 == 2)", &err) == -1,
	       "fuzz_env hang: ALLOW write(arg1 == 1 || arg5 == 2) minus DENY write(arg0 == 2) is refused");
	tap_contains(err.msg, "filter: write: with || alternatives, an && chain may compare with "
		     "!= < <= > >= only in its last (highest) argument, not arg0 before arg1", "its message");
	tap_ok(build_allow("exit_group:mmap(arg2 <= 3 && arg3 == 0x22 || arg2 == 7)", NULL, &err) == -1,
	       "a range comparison before another argument, with alternatives, is refused");
	alarm(0);

	/* libseccomp built programs that kill calls the policy allows. */
	tap_ok(build_allow("exit_group:write(arg3 == 3 || arg0 == 9 && arg3 != 3)", NULL, &err) == -1,
	       "fuzz_env wrong program: write(arg3 == 3 || arg0 == 9 && arg3 != 3) is refused");
	tap_contains(err.msg, "filter: libseccomp built a wrong program for write: write(0x9, 0, 0, ",
		     "its message names a call the program gets wrong");
	tap_ok(build_allow("exit_group:write(arg2 <= 0x100000000 || arg2 <= 3)", NULL, &err) == -1,
	       "fuzz_env wrong program: write(arg2 <= 0x100000000 || arg2 <= 3) is refused");
	tap_contains(err.msg, "where the policy says 0x7fff0000", "its message");

	/* What libseccomp does build right still builds. */
	tap_ok(build_allow("exit_group:write(arg0 == 1 || arg0 >= 3)", NULL, &err) == 0,
	       "write(arg0 == 1 || arg0 >= 3) builds");
	tap_ok(build_allow("exit_group:write", "write(arg0 == 2 && arg2 > 100)", &err) == 0,
	       "write minus write(arg0 == 2 && arg2 > 100) builds");
	tap_ok(build_allow("exit_group:mmap(arg2 == 3 && arg3 <= 0x22 || arg2 == 7)", NULL, &err) == 0,
	       "== before a range comparison, with alternatives, builds");
	if (jail_err_isset(&err))
		printf("#   %s\n", err.msg);
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	test_load();
	test_errors();
	test_comment_lines();
	test_policy();
	test_paths();
	test_libseccomp_limits();
	/* The scratch files are small; remove them all the same. */
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
