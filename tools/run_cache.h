/*
 * jailctl run's filter, compiled once and kept across runs. Reading the
 * config and building the filter with libseccomp is the largest share of
 * jailctl's own start-up; a run of a policy it has compiled before loads
 * it from the cache instead, with the policy's action and path rules. The
 * entries live in jailctl compile's cache (JAIL_CACHE, else ~/.cache/jail)
 * and are believed on the same terms (cache.h). The filter pins the one
 * execve to a secret that changes with every run: the instructions that
 * hold it are found by building twice, and it is filled in at load.
 */
#ifndef JAILCTL_RUN_CACHE_H
#define JAILCTL_RUN_CACHE_H

#include <stdbool.h>

#include "cache.h"
#include "policy.h"

#define RUN_CACHE_PATH_MAX 4200

struct run_compiled {
	struct jail_compiled preexec;
	bool one_process;             /* it holds a limit of one process (preexec.h) */
	char path[RUN_CACHE_PATH_MAX];
};

/*
 * 1 with *out filled (free with run_cache_free), 0 when not cached or not
 * believed. options: the limits given on the command line.
 */
int run_cache_load(const struct jail_policy_source *src, const struct jail_limits *options, uint64_t secret,
		   struct run_compiled *out);
/*
 * The filter that jailctl just built for secret, as an entry: it is built
 * once more, for another secret, to find the instructions that hold it.
 * -1 when the program's shape depends on the secret. out borrows
 * preexec's instructions and the policy's path rules.
 */
int run_cache_relocatable(const struct jail_policy *policy, bool one_process, uint64_t secret,
			  const struct jail_bpf *preexec, struct jail_compiled *out);
/*
 * Stores it for the next run of this policy. 0 when stored, -1 when not
 * (no cache directory, one that cannot be written): the next run compiles
 * again.
 */
int run_cache_store(const struct jail_policy_source *src, const struct jail_limits *options, bool one_process,
		    const struct jail_compiled *preexec, struct run_compiled *paths);
void run_cache_free(struct run_compiled *c);

#endif
