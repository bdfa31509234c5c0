/*
 * Compiling a policy ahead, for a process not yet known: the program is
 * built twice, with two different values for SELF_PID, and the
 * instructions in which only those differ are recorded, so that the
 * loader can put the real PID there.
 */
#ifndef JAIL_COMPILE_H
#define JAIL_COMPILE_H

#include "cache.h"

/*
 * jailctl compile: the policy the environment names, compiled ahead and
 * stored in the cache (JAIL_CACHE, else $HOME/.cache/jail), then read back
 * as libjail will read it; the entry's path goes to path. -1 (err set)
 * when a step fails, or when libjail would not believe what was written.
 * A log action is refused: log mode starts a listener at start-up.
 */
int compile_to_cache(char *path, size_t len, struct jail_err *err);

#endif
