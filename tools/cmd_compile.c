/*
 * jailctl compile: builds the policy that the environment (or the options,
 * which set the same variables) names, and stores it in the cache, where
 * libjail.so's constructor finds it without libseccomp or libconfuse.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "commands.h"
#include "compile.h"

static void usage(FILE *out)
{
	fputs("Usage: jailctl compile [-c FILE] [-p PROFILE] [-a LIST] [-d LIST] [-A ACT] [--read LIST]\n"
	      "                       [--write LIST] [--cache DIR]\n"
	      "Compiles the policy that LD_PRELOAD=libjail.so would build from these settings\n"
	      "(or the same variables in the environment) into the cache, JAIL_CACHE or\n"
	      "$HOME/.cache/jail, and prints the entry's path.\n", out);
}

static int fail(const char *msg)
{
	fprintf(stderr, "jailctl: compile: %s\n", msg);
	return JAILCTL_EXIT_FAILURE;
}

int cmd_compile(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "profile", required_argument, NULL, 'p' },
		{ "allow", required_argument, NULL, 'a' },
		{ "deny", required_argument, NULL, 'd' },
		{ "action", required_argument, NULL, 'A' },
		{ "cache", required_argument, NULL, 'C' },
		{ "read", required_argument, NULL, 'R' },
		{ "write", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct jail_err err = { { 0 } };
	char path[4200];
	int c;

	/* The options are the variables libjail reads, so that the key is the one it computes. */
	while ((c = getopt_long(argc, argv, "+c:p:a:d:A:C:h", opts, NULL)) != -1) {
		const char *var = NULL;
		switch (c) {
		case 'c': var = "JAIL_CONFIG"; break;
		case 'p': var = "JAIL_PROFILE"; break;
		case 'a': var = "SECCOMP_SYSCALL_ALLOW"; break;
		case 'd': var = "SECCOMP_SYSCALL_DENY"; break;
		case 'A': var = "SECCOMP_DEFAULT_ACTION"; break;
		case 'C': var = JAIL_CACHE_ENV; break;
		case 'R': var = "JAIL_READ"; break;
		case 'W': var = "JAIL_WRITE"; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return JAILCTL_EXIT_FAILURE;
		}
		if (setenv(var, optarg, 1) < 0)
			return fail("setenv failed");
	}
	if (optind < argc) {
		fprintf(stderr, "jailctl: compile: unexpected argument \"%s\"\n", argv[optind]);
		return JAILCTL_EXIT_FAILURE;
	}
	if (compile_to_cache(path, sizeof(path), &err) < 0) {
		fprintf(stderr, "jailctl: compile: %s\n", err.msg);
		return JAILCTL_EXIT_FAILURE;
	}
	printf("%s\n", path);
	return 0;
}
