/*
 * libFuzzer target: the policy from the environment, as libjail's
 * constructor reads it. The input is lines of NAME=VALUE (the last of a
 * name wins): SECCOMP_SYSCALL_ALLOW, SECCOMP_SYSCALL_DENY,
 * SECCOMP_DEFAULT_ACTION and JAIL_PROFILE, over a fixed config file.
 * Each variable goes through its parser alone (entry_list_parse,
 * action_parse), then all through policy_load, and a policy that loads is
 * built into a BPF program; the program is run on calls the policy names
 * (fuzz_bpf.h) and must say what the policy says.
 */
#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

#include "action.h"
#include "entry.h"
#include "fuzz.h"
#include "fuzz_bpf.h"
#include "policy.h"

static const char config_text[] =
	"profile default {\n"
	"    action = kill\n"
	"    allow = { \"@default\", \"@basic-io\", \"@memory\", \"@file-read\", \"getpid\" }\n"
	"    deny = { \"getpid\" }\n"
	"    limits { cpu_time = 2.0 memory = \"256M\" processes = 1 }\n"
	"}\n"
	"profile threads {\n"
	"    inherit = \"default\"\n"
	"    allow = { \"@threads\", \"write(arg0 == 1 || arg0 == 2)\" }\n"
	"}\n"
	"profile denier {\n"
	"    action = errno:EACCES\n"
	"    deny = { \"execve\", \"socket(arg0 == AF_INET || arg0 == AF_INET6)\" }\n"
	"}\n"
	"profile masked {\n"
	"    allow = { \"openat(arg2 & O_ACCMODE|O_CREAT == O_RDONLY)\", \"read\" }\n"
	"}\n"
	"profile empty {\n"
	"}\n";

static char config_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd = memfd_create("fuzz-env-config", 0);

	(void)argc;
	(void)argv;
	FUZZ_CHECK(fd >= 0);
	FUZZ_CHECK(write(fd, config_text, sizeof(config_text) - 1) == (ssize_t)sizeof(config_text) - 1);
	snprintf(config_path, sizeof(config_path), "/proc/self/fd/%d", fd);
	return 0;
}

static void check_list(const char *list, const char *where)
{
	struct jail_ruleset rs = { 0 };
	struct jail_err err = { { 0 } };
	int rc = entry_list_parse(list, &rs, where, &err);

	fuzz_check_err(rc, &err);
	if (rc == 0)
		fuzz_check_ruleset(&rs);
	ruleset_free(&rs);
}

static void check_action(const char *text)
{
	struct jail_action a, b;
	struct jail_err err = { { 0 } };
	char buf[64];
	int rc = action_parse(text, &a, "SECCOMP_DEFAULT_ACTION", &err);

	fuzz_check_err(rc, &err);
	if (rc < 0)
		return;
	FUZZ_CHECK(a.kind != JAIL_ACT_ERRNO || (a.errno_value >= 1 && a.errno_value <= 4095));
	/* The canonical spelling parses back to the same action. */
	action_format(&a, buf, sizeof(buf));
	FUZZ_CHECK(action_parse(buf, &b, "again", &err) == 0);
	FUZZ_CHECK(a.kind == b.kind && (a.kind != JAIL_ACT_ERRNO || a.errno_value == b.errno_value));
	(void)action_to_scmp(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"SECCOMP_SYSCALL_ALLOW=", "SECCOMP_SYSCALL_DENY=", "SECCOMP_DEFAULT_ACTION=", "JAIL_PROFILE=",
	};
	const char *value[4] = { NULL, NULL, NULL, NULL };
	struct jail_policy_source src = { .config = config_path };
	struct jail_policy pol;
	struct jail_err err = { { 0 } };
	char *text = fuzz_string(data, size);
	uint64_t seed = fuzz_hash(data, size); /* the probes' */
	int rc;

	if (text == NULL)
		return -1; /* a variable holds no NUL */
	for (char *line = text, *next; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		for (size_t i = 0; i < 4; i++)
			if (strncmp(line, names[i], strlen(names[i])) == 0)
				value[i] = line + strlen(names[i]);
	}
	src.allow = value[0];
	src.deny = value[1];
	src.action = value[2];
	src.profile = value[3];

	if (src.allow != NULL)
		check_list(src.allow, "SECCOMP_SYSCALL_ALLOW");
	if (src.deny != NULL)
		check_list(src.deny, "SECCOMP_SYSCALL_DENY");
	if (src.action != NULL)
		check_action(src.action);

	rc = policy_load(&src, &pol, &err);
	fuzz_check_err(rc, &err);
	if (rc == 0) {
		fuzz_check_ruleset(&pol.rules);
		fuzz_build_and_check(&pol, seed);
		policy_free(&pol);
	}
	free(text);
	return 0;
}
