/*
 * no_landlock ERRNO PROGRAM [ARG...]: runs PROGRAM as on a kernel without
 * Landlock: every Landlock call fails with ERRNO (ENOSYS: not built in;
 * EOPNOTSUPP: built in, but not in the LSM list), as such a kernel answers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char *const calls[] = { "landlock_create_ruleset", "landlock_add_rule", "landlock_restrict_self" };
	scmp_filter_ctx ctx;
	int e;

	if (argc < 3 || (strcmp(argv[1], "ENOSYS") != 0 && strcmp(argv[1], "EOPNOTSUPP") != 0)) {
		fprintf(stderr, "usage: no_landlock ENOSYS|EOPNOTSUPP PROGRAM [ARG...]\n");
		return 2;
	}
	e = strcmp(argv[1], "ENOSYS") == 0 ? ENOSYS : EOPNOTSUPP;
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (ctx == NULL)
		return 2;
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(e), seccomp_syscall_resolve_name(calls[i]), 0) < 0) {
			fprintf(stderr, "no_landlock: %s: cannot add the rule\n", calls[i]);
			return 2;
		}
	if (seccomp_load(ctx) < 0) {
		fprintf(stderr, "no_landlock: seccomp_load failed\n");
		return 2;
	}
	seccomp_release(ctx);
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
