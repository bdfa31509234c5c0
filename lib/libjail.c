/*
 * libjail.so: LD_PRELOAD=libjail.so PROGRAM. Before PROGRAM's main, the
 * constructor reads the policy, applies the limits and loads a seccomp
 * filter on every thread. Any failure ends the process with status 125:
 * the program never runs unconfined because of a mistake in its policy.
 *
 * This library is the light path: it links neither libseccomp nor
 * libconfuse. With a compiled policy at hand (an entry of the cache that
 * `jailctl compile` writes) it loads that. Otherwise it opens
 * libjail-compile.so, which reads the config and builds the filter. Under
 * jailctl, whose own filter is the policy, it only says when the
 * program's own code starts.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <linux/limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "build_id.h"
#include "cache.h"
#include "die.h"
#include "landlock.h"
#include "libjail_compile.h"
#include "supervisor.h"

/* Static rather than malloc'd: pages never touched cost nothing, and start-up pays for no heap. */
static char key_room[JAIL_KEY_ROOM];
static union jail_program_room program_room;

/* An entry of the compile-ahead cache, for the environment's policy: true when it is now in force. */
static bool load_cached(void)
{
	struct jail_cache_key key;
	struct jail_compiled compiled;
	struct jail_err err = { { 0 } };
	int none = -1, hit;

	/* A config that cannot be read is left to the full path, which says why. */
	if (cache_key_from_env(&key, key_room, sizeof(key_room), &err) < 0)
		return false;
	hit = cache_lookup(&key, &compiled, &program_room, sizeof(program_room));
	cache_key_free(&key);
	if (!hit)
		return false;
	compiled_set_pid(&compiled, getpid());
	/* The rules before the limits: the open files limit must leave room for what they open. */
	if ((compiled.paths != NULL && landlock_apply_alone(compiled.paths, compiled.paths_len, &err) < 0) ||
	    limits_apply(&compiled.limits, &err) < 0 || filter_load(&compiled.bpf, false, &none, &err) < 0)
		libjail_die(&err);
	/* The buffer is left to the process: freeing it may call what the filter now forbids. */
	return true;
}

/* libjail-compile.so: beside this library (a build tree, a copy), else where make install put it. */
static void (*open_compiler(void))(void)
{
	char path[PATH_MAX];
	const char *chosen = JAIL_COMPILER_PATH;
	struct jail_err err = { { 0 } };
	Dl_info self;
	void *handle, *entry;
	const char *build;

	if (dladdr((void *)open_compiler, &self) != 0 && self.dli_fname != NULL) {
		const char *slash = strrchr(self.dli_fname, '/');
		if (slash != NULL &&
		    snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - self.dli_fname), self.dli_fname,
			     LIBJAIL_COMPILE_FILE) < (int)sizeof(path) &&
		    access(path, F_OK) == 0)
			chosen = path;
	}
	handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
	entry = handle == NULL ? NULL : dlsym(handle, LIBJAIL_COMPILE_SYMBOL);
	build = handle == NULL ? NULL : dlsym(handle, LIBJAIL_COMPILE_BUILD_SYMBOL);
	if (entry == NULL) {
		/* dlerror names the file already. */
		jail_err_set(&err, "dlopen", "%s", dlerror());
		libjail_die(&err);
	}
	/* One of another build may take other arguments, or build another policy. */
	if (build == NULL || strcmp(build, JAIL_BUILD_ID) != 0) {
		jail_err_set(&err, chosen, "from another build than libjail.so (%s, not %s): install both from one build",
			     build != NULL ? build : "no build recorded", JAIL_BUILD_ID);
		libjail_die(&err);
	}
	return (void (*)(void))entry;
}

/*
 * Under jailctl (or jailctl learn): jailctl's filter holds the policy from
 * before execve; libjail only says that the loader is done and the
 * program's own code starts, from when jailctl holds the program to the
 * policy alone. Not dumpable: another process of the same user may not
 * read its memory through /proc or ptrace.
 */
static void hand_over(int sock)
{
	struct jail_err err = { { 0 } };

	if (prctl(PR_SET_DUMPABLE, 0) < 0) {
		jail_err_set(&err, "prctl", "PR_SET_DUMPABLE: %s", strerror(errno));
		libjail_die(&err);
	}
	/* Believed only under a filter: set by mistake elsewhere, it would otherwise run the program unconfined. */
	if (prctl(PR_GET_SECCOMP) != 2) {
		jail_err_set(&err, JAIL_SUPERVISOR_ENV, "set, but no filter of jailctl's is in force");
		libjail_die(&err);
	}
	if (supervisor_send(sock, JAIL_SUPERVISOR_CONFINED, -1, &err) < 0)
		libjail_die(&err);
	close(sock);
}

__attribute__((constructor)) static void libjail_init(void)
{
	struct jail_err err = { { 0 } };
	int sock = supervisor_fd_from_env(&err);

	if (sock == -2)
		libjail_die(&err);
	if (sock >= 0) {
		hand_over(sock);
		return;
	}
	/*
	 * A program that jailctl learn's program started: learn's filter
	 * watches its every call already. Believed only under a filter.
	 */
	if (getenv(JAIL_LEARN_ENV) != NULL) {
		if (prctl(PR_GET_SECCOMP) != 2) {
			jail_err_set(&err, JAIL_LEARN_ENV, "set, but no jailctl learn filter is in force");
			libjail_die(&err);
		}
		return;
	}
	/* Not dumpable, as above. */
	if (prctl(PR_SET_DUMPABLE, 0) < 0) {
		jail_err_set(&err, "prctl", "PR_SET_DUMPABLE: %s", strerror(errno));
		libjail_die(&err);
	}
	if (!load_cached())
		open_compiler()();
}
