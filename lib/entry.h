/*
 * Policy entries: "openat", "@file-read", "write(arg0 == 1 || arg0 == 2)".
 * Each entry is resolved for the native architecture and added to a rule set.
 */
#ifndef JAIL_ENTRY_H
#define JAIL_ENTRY_H

#include "error.h"
#include "ruleset.h"

/* Adds one entry to out. WHERE names its source for error messages. */
int entry_parse(const char *text, struct jail_ruleset *out, const char *where,
		struct jail_err *err);

/* Adds every entry of a ':'-separated list (the SECCOMP_SYSCALL_* form); empty entries are skipped. */
int entry_list_parse(const char *list, struct jail_ruleset *out, const char *where,
		     struct jail_err *err);

#endif
