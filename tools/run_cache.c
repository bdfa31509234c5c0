#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "compile.h"
#include "preexec.h"
#include "run_build_id.h"
#include "run_cache.h"
#include "sandbox.h"

/* ONE: a filter that holds a limit of one process itself (preexec.h). */
enum which { PREEXEC, PREEXEC_ONE };

/*
 * Everything the filter depends on: the builds, the kernel, the policy's
 * sources, and --processes (with the profile's limit, in the config's
 * bytes, it decides whether the filter holds a limit of one process).
 * Built once (it holds the config's bytes); each entry's key is this with
 * its tag appended, and the tag is taken off again after use.
 */
static int run_key(const struct jail_policy_source *src, const struct jail_limits *options,
		   struct jail_cache_key *key, struct jail_err *err)
{
	char processes[32] = "profile";

	if (options->set & JAIL_LIM_PROCESSES)
		snprintf(processes, sizeof(processes), "%llu", (unsigned long long)options->processes);
	cache_key_begin(key, NULL, 0);
	if (cache_key_add(key, JAILCTL_RUN_BUILD_ID, strlen(JAILCTL_RUN_BUILD_ID)) < 0 ||
	    cache_key_add_build(key, err) < 0 || cache_key_add_var(key, "config", src->config) < 0 ||
	    cache_key_add_var(key, "profile", src->profile) < 0 || cache_key_add_var(key, "allow", src->allow) < 0 ||
	    cache_key_add_var(key, "deny", src->deny) < 0 || cache_key_add_var(key, "action", src->action) < 0 ||
	    cache_key_add_var(key, "read", src->read) < 0 || cache_key_add_var(key, "write", src->write) < 0 ||
	    cache_key_add_var(key, "processes", processes) < 0 ||
	    cache_key_add_file(key, src->config, err) < 0) {
		cache_key_free(key);
		return -1;
	}
	return 0;
}

/* Appends which's tag to the key and names its entry in dir; returns the key's length before, or -1. */
static long tag(struct jail_cache_key *key, enum which which, const char *dir, char *path)
{
	const char *name = which == PREEXEC ? "jailctl run: filter" : "jailctl run: filter, one process";
	size_t untagged = key->len;

	if (cache_key_add(key, name, strlen(name)) < 0)
		return -1;
	if (cache_path(key, dir, path, RUN_CACHE_PATH_MAX) < 0) {
		key->len = untagged;
		return -1;
	}
	return (long)untagged;
}

static int lookup(struct jail_cache_key *key, const char *dir, enum which which, struct jail_compiled *out,
		  char *path)
{
	long untagged = tag(key, which, dir, path);
	int hit;

	if (untagged < 0)
		return 0;
	hit = cache_lookup(key, out, NULL, 0);
	key->len = (size_t)untagged;
	return hit;
}

int run_cache_load(const struct jail_policy_source *src, const struct jail_limits *options, uint64_t secret,
		   struct run_compiled *out)
{
	struct jail_cache_key key;
	struct jail_err err = { { 0 } };
	char dir[4096];
	int hit;

	memset(out, 0, sizeof(*out));
	if (cache_dir(dir, sizeof(dir)) < 0 || run_key(src, options, &key, &err) < 0)
		return 0;
	/*
	 * A key has one of the two kinds of filter: the one a build of its
	 * policy makes. Another --processes than 1 never makes the first.
	 */
	out->one_process = (!(options->set & JAIL_LIM_PROCESSES) || options->processes == 1) &&
			   lookup(&key, dir, PREEXEC_ONE, &out->preexec, out->path) == 1;
	hit = out->one_process || lookup(&key, dir, PREEXEC, &out->preexec, out->path) == 1;
	cache_key_free(&key);
	/* The secret is the only value filled in at load: the program's PID is SELF_PID's compiled 2. */
	for (uint32_t i = 0; hit && i < out->preexec.slots; i++)
		if (JAIL_SLOT_KIND(out->preexec.slot[i]) == JAIL_SLOT_PID)
			hit = 0;
	if (!hit) {
		run_cache_free(out);
		return 0;
	}
	compiled_set_secret(&out->preexec, secret);
	return 1;
}

/* Where two programs built for two secrets differ in exactly the secret's halves: those are the slots. */
static int find_secret(const struct jail_bpf *a, const struct jail_bpf *b, uint64_t secret_a, uint64_t secret_b,
		       struct jail_compiled *out)
{
	const struct jail_slot_mark halves[] = {
		{ JAIL_SLOT_SECRET_LOW, (uint32_t)secret_a, (uint32_t)secret_b },
		{ JAIL_SLOT_SECRET_HIGH, (uint32_t)(secret_a >> 32), (uint32_t)(secret_b >> 32) },
	};

	/* Each half must tell itself apart from the other, and from its twin. */
	if (halves[0].in_a == halves[1].in_a || halves[0].in_b == halves[1].in_b ||
	    halves[0].in_a == halves[0].in_b || halves[1].in_a == halves[1].in_b)
		return -1;
	return compiled_find_slots(a, b, halves, 2, out) == 0 && out->slots > 0 ? 0 : -1;
}

static int store(struct jail_cache_key *key, const char *dir, enum which which, const struct jail_compiled *c,
		 char *path)
{
	long untagged = tag(key, which, dir, path);
	struct jail_err err = { { 0 } };
	int rc;

	if (untagged < 0)
		return -1;
	rc = cache_store(key, c, path, &err);
	key->len = (size_t)untagged;
	return rc;
}

int run_cache_relocatable(const struct jail_policy *policy, bool one_process, uint64_t secret,
			  const struct jail_bpf *preexec, struct jail_compiled *out)
{
	/* Another secret, every byte of it different: only the instructions that hold it can differ. */
	uint64_t there = secret ^ 0x5a5a5a5a5a5a5a5aULL;
	struct jail_bpf other = { 0 };
	struct jail_err err = { { 0 } };
	char dir[4096];
	int rc = -1;

	memset(out, 0, sizeof(*out));
	out->limits = policy->limits;
	out->action = policy->action;
	out->bpf = *preexec;
	/* The policy's path rules travel with the filter: the program's process applies both. */
	out->paths = policy->paths;
	out->paths_len = policy->paths_len;
	/* No cache to keep it in: the second build would be wasted. */
	if (cache_dir(dir, sizeof(dir)) < 0)
		return -1;
	bool other_one = one_process;
	if (preexec_build(policy, &other_one, there, SANDBOX_SUP_FD, &other, &err) == 0 && other_one == one_process)
		rc = find_secret(preexec, &other, secret, there, out);
	filter_bpf_free(&other);
	return rc;
}

int run_cache_store(const struct jail_policy_source *src, const struct jail_limits *options, bool one_process,
		    const struct jail_compiled *preexec, struct run_compiled *paths)
{
	struct jail_cache_key key;
	struct jail_err err = { { 0 } };
	char dir[4096];
	int rc;

	if (cache_dir(dir, sizeof(dir)) < 0 || run_key(src, options, &key, &err) < 0)
		return -1;
	rc = store(&key, dir, one_process ? PREEXEC_ONE : PREEXEC, preexec, paths->path);
	cache_key_free(&key);
	return rc;
}

void run_cache_free(struct run_compiled *c)
{
	compiled_free(&c->preexec);
}
