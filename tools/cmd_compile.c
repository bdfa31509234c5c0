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
#include "policy.h"

static void usage(FILE *out)
{
	fputs("Usage: jailctl compile [-c FILE] [-p PROFILE] [-a LIST] [-d LIST] [-A ACT] [--cache DIR]\n"
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct jail_policy_source src;
	struct jail_compiled compiled, check;
	struct jail_cache_key key;
	struct jail_err err = { { 0 } };
	char dir[4096], path[4200];
	int c, rc;


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
	policy_source_from_env(&src);
	if (compile_ahead(&src, &compiled, &err) < 0) {
		fprintf(stderr, "jailctl: compile: %s\n", err.msg);
		return JAILCTL_EXIT_FAILURE;
	}
	if (cache_dir(dir, sizeof(dir)) < 0) {
		filter_bpf_free(&compiled.bpf);
		return fail("no cache directory: set " JAIL_CACHE_ENV " or HOME");
	}
	if (cache_key_from_env(&key, &err) < 0 || cache_path(&key, dir, path, sizeof(path)) < 0 ||
	    cache_store(&key, &compiled, path, &err) < 0) {
		fprintf(stderr, "jailctl: compile: %s\n", err.msg[0] ? err.msg : "the cache path is too long");
		cache_key_free(&key);
		filter_bpf_free(&compiled.bpf);
		return JAILCTL_EXIT_FAILURE;
	}
	filter_bpf_free(&compiled.bpf);
	/* Read back as libjail will: an entry it would not believe is of no use. */
	rc = cache_lookup(&key, &check);
	cache_key_free(&key);
	if (rc != 1) {
		fprintf(stderr, "jailctl: compile: %s: written, but libjail will not believe it: the directory "
			"or the file is writable by another user, or owned by one\n", path);
		return JAILCTL_EXIT_FAILURE;
	}
	filter_bpf_free(&check.bpf);
	printf("%s\n", path);
	return 0;
}
