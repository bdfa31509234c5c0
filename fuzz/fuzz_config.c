/*
 * libFuzzer target: a jail.conf. The input is written to a memfd and
 * loaded with config_load; every profile the file names is then resolved
 * (config_profile, its inherit chain applied) and loaded as libjail would
 * (policy_load, the profile's deny subtracted from its allow list), and
 * its filter built and run on the calls it names (fuzz_bpf.h).
 */
#include "config.h"

#include <math.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "fuzz_bpf.h"
#include "policy.h"
#include "profile.h"

#define MAX_POLICY_LOADS 8 /* each reads the file again */

static int fd = -1;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fd = memfd_create("fuzz-config", 0);
	FUZZ_CHECK(fd >= 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return 0;
}

static void check_limits(const struct jail_limits *l)
{
	FUZZ_CHECK((l->set & ~0x7fu) == 0);
	if (l->set & JAIL_LIM_CPU_TIME)
		FUZZ_CHECK(isfinite(l->cpu_time) && l->cpu_time > 0 && l->cpu_time <= 1e7);
	if (l->set & JAIL_LIM_WALL_TIME)
		FUZZ_CHECK(isfinite(l->wall_time) && l->wall_time > 0 && l->wall_time <= 1e7);
	if (l->set & JAIL_LIM_PROCESSES)
		FUZZ_CHECK(l->processes <= 1u << 30);
	if (l->set & JAIL_LIM_OPEN_FILES)
		FUZZ_CHECK(l->open_files <= 1u << 30);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jail_err err = { { 0 } };
	struct jail_config *c;
	size_t n, loads = 0;

	FUZZ_CHECK(ftruncate(fd, 0) == 0);
	FUZZ_CHECK(pwrite(fd, data, size, 0) == (ssize_t)size);
	c = config_load(path, &err);
	fuzz_check_err(c == NULL ? -1 : 0, &err);
	if (c == NULL)
		return 0;
	n = config_profile_count(c);
	FUZZ_CHECK(n > 0);
	for (size_t i = 0; i < n; i++) {
		const char *name = config_profile_name(c, i);
		struct jail_profile p;
		struct jail_policy pol;
		int rc;

		FUZZ_CHECK(name != NULL);
		memset(&err, 0, sizeof(err));
		rc = config_profile(c, name, &p, &err);
		fuzz_check_err(rc, &err);
		if (rc < 0)
			continue;
		fuzz_check_ruleset(&p.allow);
		fuzz_check_ruleset(&p.deny);
		FUZZ_CHECK((p.allow_entries > 0 || p.allow.n == 0) && (p.deny_entries > 0 || p.deny.n == 0));
		check_limits(&p.limits);
		profile_free(&p);

		if (loads++ == MAX_POLICY_LOADS)
			continue;
		struct jail_policy_source src = { .config = path, .profile = name };
		memset(&err, 0, sizeof(err));
		rc = policy_load(&src, &pol, &err);
		fuzz_check_err(rc, &err);
		if (rc == 0) {
			fuzz_check_ruleset(&pol.rules);
			check_limits(&pol.limits);
			fuzz_build_and_check(&pol, fuzz_hash(data, size) + i);
			policy_free(&pol);
		}
	}
	config_free(c);
	return 0;
}
