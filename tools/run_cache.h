/*
 * jailctl run's two filters, compiled once and kept across runs: jailctl's
 * pre-exec filter and libjail's. Reading the config and building both
 * with libseccomp is the largest share of jailctl's own start-up; a run of
 * a policy it has compiled before loads them from the cache instead. The
 * entries live in jailctl compile's cache (JAIL_CACHE, else
 * ~/.cache/jail) and are believed on the same terms (cache.h). The
 * pre-exec filter pins execve to the address of the program's path, which
 * changes with every run (ASLR): it is found by building twice, and filled
 * in at load.
 */
#ifndef JAILCTL_RUN_CACHE_H
#define JAILCTL_RUN_CACHE_H

#include <stdbool.h>

#include "cache.h"
#include "policy.h"

#define RUN_CACHE_PATH_MAX 4200

struct run_compiled {
	struct jail_limits limits;
	struct jail_compiled preexec;
	struct jail_compiled final;   /* libjail's; none (len 0) for a static program */
	bool one_process;             /* preexec holds a limit of one process (preexec.h) */
	char path[2][RUN_CACHE_PATH_MAX]; /* the two entries */
};

/*
 * 1 with *out filled (free with run_cache_free), 0 when not cached or not
 * believed. options: the limits given on the command line.
 */
int run_cache_load(const struct jail_policy_source *src, const struct jail_limits *options, bool is_static,
		   const char *exec_path, struct run_compiled *out);
/*
 * The pre-exec filter that jailctl just built for exec_path, as an entry:
 * it is built once more, for another address, to find the instructions
 * that hold the address. Call it before the policy is adjusted for
 * libjail's filter. -1 when the program's shape depends on the address.
 * out borrows preexec's instructions and the policy's path rules.
 */
int run_cache_relocatable(const struct jail_policy *policy, bool is_static, bool one_process, const char *exec_path,
			  const struct jail_bpf *preexec, struct jail_compiled *out);
/*
 * Stores both for the next run of this policy (final: none for a static
 * program). 0 when stored, -1 when not (no cache directory, one that
 * cannot be written): the next run compiles again.
 */
int run_cache_store(const struct jail_policy_source *src, const struct jail_limits *options, bool is_static,
		    bool one_process, const struct jail_compiled *preexec, const struct jail_bpf *final,
		    struct run_compiled *paths);
void run_cache_free(struct run_compiled *c);

#endif
