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

/* A value filled in at load (a JAIL_SLOT_* kind), and the k it has in each of two builds. */
struct jail_slot_mark {
	uint32_t kind, in_a, in_b;
};

/*
 * Compares two builds of one program that differ only in marked values:
 * each instruction that differs must differ only in k, from one mark's
 * in_a to its in_b, and becomes a slot of that mark's kind in out (slots
 * and slot; out->slots may be 0). -1 when the programs differ in any
 * other way, or in more than JAIL_CACHE_MAX_SLOTS instructions.
 */
int compiled_find_slots(const struct jail_bpf *a, const struct jail_bpf *b, const struct jail_slot_mark *marks,
			size_t n_marks, struct jail_compiled *out);

#endif
