/* The options of `jailctl run` (and `learn`), parsed; see jailctl(1). */
#ifndef JAILCTL_RUN_OPTIONS_H
#define JAILCTL_RUN_OPTIONS_H

#include <stdbool.h>

#include "limits.h"
#include "policy.h"

struct run_options {
	struct jail_policy_source policy; /* -c -p -a -d -A, as the environment would give them */
	struct jail_limits limits;        /* -t -w -m -s -P -f -n: override the profile's */
	const char *stdin_path, *stdout_path, *stderr_path;
	bool stderr_to_stdout;            /* --stderr-to-stdout: 2 where 1 goes, as 2>&1 */
	const char *stats_path;           /* -S: FILE, "-" for standard error, NULL for none */
	const char *user;                 /* -u; NULL: nobody when root, else the caller */
	const char *library;              /* --library */
	bool quiet;
	bool learn;                       /* jailctl learn */
	const char *output, *name;        /* learn: --output FILE, --name PROFILE */
	bool merge;                       /* learn: --merge, add to what --output FILE holds */
	char **argv;                      /* PROGRAM [ARG...] */
};

/* Returns 0, or -1 after a "jailctl: ..." message (status 125). */
int run_options_parse(int argc, char **argv, bool learn, struct run_options *o);

#endif
