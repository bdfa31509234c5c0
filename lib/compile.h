/*
 * Compiling a policy ahead, for a process not yet known: the program is
 * built twice, with two different values for SELF_PID, and the
 * instructions in which only those differ are recorded, so that the
 * loader can put the real PID there.
 */
#ifndef JAIL_COMPILE_H
#define JAIL_COMPILE_H

#include "cache.h"
#include "policy.h"

/* A log action is refused: log mode starts a listener at start-up. */
int compile_ahead(const struct jail_policy_source *src, struct jail_compiled *out, struct jail_err *err);

#endif
