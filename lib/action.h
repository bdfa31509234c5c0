/* What a violation does: kill, kill_thread, trap, errno[:E], log, allow. */
#ifndef JAIL_ACTION_H
#define JAIL_ACTION_H

#include <stdint.h>

#include "error.h"

enum jail_action_kind {
	JAIL_ACT_KILL, JAIL_ACT_KILL_THREAD, JAIL_ACT_TRAP, JAIL_ACT_ERRNO,
	JAIL_ACT_LOG, JAIL_ACT_ALLOW,
};

struct jail_action {
	enum jail_action_kind kind;
	int errno_value; /* JAIL_ACT_ERRNO */
};

int action_parse(const char *text, struct jail_action *out, const char *where,
		 struct jail_err *err);
/* The libseccomp action; log is a user notification that libjail's listener answers. */
uint32_t action_to_scmp(const struct jail_action *a);
/* Writes the action's canonical spelling. */
void action_format(const struct jail_action *a, char *buf, size_t len);

#endif
