/*
 * jailctl learn's argument conditions: for one call it saw, the condition
 * of the policy language under which the same use is allowed again and
 * as little else as can be told apart ("arg1 == TCGETS"), in the names of
 * the constants table so that a teacher can read it.
 */
#ifndef JAILCTL_LEARN_RULES_H
#define JAILCTL_LEARN_RULES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define LEARN_COND_LEN 160

struct learned_condition {
	/*
	 * The condition, without the call's name and parentheses; "" when the
	 * call is allowed with any arguments (learn conditions no argument of
	 * it, or could express none for this use: then note says why).
	 */
	char cond[LEARN_COND_LEN];
	/* Why the condition is wider than what was seen; "" when it is not. */
	char note[160];
	/* What was seen, in words, for learn's listing; "" for nothing worth a line. */
	char seen[160];
};

/* Who made the call: the thread (as jailctl sees it), and the program's first process. */
struct learned_caller {
	pid_t tid;
	pid_t program;
};

/* The use of the call name with the arguments a, made by who. */
void learn_condition(const char *name, const uint64_t *a, const struct learned_caller *who, struct learned_condition *out);

/* The mask of the open flags that a condition on a write mode compares (a text of the policy language). */
#define LEARN_WRITE_MODE_MASK "O_ACCMODE|O_CREAT|O_EXCL|O_TRUNC|O_APPEND|O_TMPFILE"

#endif
