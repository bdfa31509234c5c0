/*
 * Path rules, enforced with Landlock: what a program may open, by path.
 *
 * The rules travel as a compact blob (paths.c builds it from a profile;
 * a compiled cache entry carries it), so that libjail's light start-up
 * path applies them with neither malloc nor libconfuse: the blob's
 * strings are used where they lie.
 *
 * The blob: 'L', the least Landlock ABI the rules need (one byte), the
 * rules' source for messages ("/etc/jail.conf:12", "JAIL_READ"), then each
 * rule as a flags byte and a path; strings are NUL-terminated. A path is
 * absolute, or "." (the directory the process is in when the rules are
 * applied). "/proc/self" is opened where the rules are applied, so it is
 * that process's own.
 */
#ifndef JAIL_LANDLOCK_H
#define JAIL_LANDLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* A rule's flags. */
#define JAIL_PATH_READ 0x01u     /* open for reading, list, execute */
#define JAIL_PATH_WRITE 0x02u    /* also create, write, truncate, rename, link and remove */
#define JAIL_PATH_OPTIONAL 0x04u /* a path group's member: skipped where this machine lacks it */
#define JAIL_PATH_DIR 0x08u      /* a directory when the rules were built (a hint: checked again) */

#define JAIL_PATH_BLOB_MAGIC 'L'
/* The Landlock ABI that brought what a rule may need. */
#define JAIL_LANDLOCK_ABI_REFER 2    /* link and rename across directories */
#define JAIL_LANDLOCK_ABI_TRUNCATE 3 /* truncate(2) checked against the rules */
#define JAIL_LANDLOCK_ABI_SCOPE 6    /* signals and abstract UNIX sockets kept inside */

/* The kernel's Landlock ABI, or 0 with errno set (ENOSYS: not built; EOPNOTSUPP: not enabled). */
int landlock_abi(void);
/* Whether blob is a well-formed rule blob of len bytes (a cache entry's is checked before use). */
bool landlock_blob_valid(const char *blob, size_t len);
/* The rules' source, for messages. */
const char *landlock_blob_where(const char *blob);
/*
 * A valid blob's rules one by one: the first for prev NULL, then the one
 * after prev; NULL past the last. A rule is its flags byte, then its path.
 */
const char *landlock_blob_rule(const char *blob, size_t len, const char *prev);
/*
 * Whether this kernel can enforce the rules: 0, or -1 with err set to one
 * line that says where the rules come from, what is missing, and how to
 * get on.
 */
int landlock_check(const char *blob, size_t len, struct jail_err *err);
/*
 * Applies the rules to the calling process for good: sets no_new_privs,
 * builds a ruleset of every access right this kernel's Landlock knows
 * (opening and executing files, listing directories, creating, removing,
 * renaming, linking and, from ABI 3, truncating), grants each rule's
 * rights beneath its path, and, from ABI 6, keeps signals and abstract
 * UNIX sockets inside the sandbox. A missing path fails (err set) unless
 * the rule is a path group's member. Open descriptors stay as they are.
 */
int landlock_apply(const char *blob, size_t len, struct jail_err *err);
/*
 * landlock_apply in two steps, for jailctl's child: the ruleset made while
 * it may still reach every path (before it drops privileges), then
 * enforced once it has read what it needs. landlock_prepare returns the
 * ruleset's descriptor; landlock_enforce closes it.
 */
int landlock_prepare(const char *blob, size_t len, struct jail_err *err);
int landlock_enforce(int ruleset, const char *blob, struct jail_err *err);
/*
 * The same for a process that may already have threads (libjail's
 * constructor): Landlock restricts only the thread that applies it, so a
 * process in which another thread already runs fails (err set).
 */
int landlock_apply_alone(const char *blob, size_t len, struct jail_err *err);

#endif
