/* jailctl: the command-line face of jail. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "user.h"

static void usage(FILE *out)
{
	fputs("Usage: jailctl run   [OPTIONS] [--] PROGRAM [ARG...]\n"
	      "       jailctl learn [OPTIONS] [--output FILE] [--name PROFILE] [--] PROGRAM [ARG...]\n"
	      "       jailctl check [-c FILE] [-p PROFILE]\n"
	      "       jailctl compile [-c FILE] [-p PROFILE] [-a LIST] [-d LIST] [-A ACT] [--cache DIR]\n"
	      "       jailctl groups\n"
	      "       jailctl --help | --version\n"
	      "\n"
	      "  check    validate a config file and print each profile's effective policy\n"
	      "  compile  compile a policy ahead into the cache, for plain LD_PRELOAD use\n"
	      "  groups   list every @group and its members\n"
	      "  run      run PROGRAM confined, with limits, a verdict and statistics\n"
	      "  learn    run PROGRAM with every call allowed and observed; print the calls\n"
	      "           it made, and with --output write the profile that allows them\n"
	      "\n"
	      "See jailctl(1), libjail(7) and jail.conf(5).\n", out);
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2) {
		usage(stderr);
		return JAILCTL_EXIT_FAILURE;
	}
	if (args_remember(argc, argv) < 0) {
		fprintf(stderr, "jailctl: copying the command line: %s\n", strerror(errno));
		return JAILCTL_EXIT_FAILURE;
	}
	cmd = argv[1];
	/* run does this only where it parses the config: a run from the cache needs no NSS. */
	if (strcmp(cmd, "run") != 0 && user_lookups_files_only() < 0) {
		fprintf(stderr, "jailctl: holding user lookups to /etc/passwd: %s\n", strerror(errno));
		return JAILCTL_EXIT_FAILURE;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("jailctl (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
		return 0;
	}
	if (strcmp(cmd, "groups") == 0)
		return cmd_groups(argc - 1, argv + 1);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(cmd, "compile") == 0)
		return cmd_compile(argc - 1, argv + 1);
	if (strcmp(cmd, "run") == 0)
		return cmd_run(argc - 1, argv + 1);
	if (strcmp(cmd, "learn") == 0)
		return cmd_learn(argc - 1, argv + 1);
	fprintf(stderr, "jailctl: unknown command \"%s\" (jailctl --help)\n", cmd);
	return JAILCTL_EXIT_FAILURE;
}
