/*
 * Users by name. A static jailctl (the default build) must never load an
 * NSS module: a module is built against the shared libc, and loading one
 * into a static program crashes it. So there users come from /etc/passwd
 * alone, read directly, and any other lookup (libconfuse's ~user) is held
 * to the files too.
 */
#ifndef JAILCTL_USER_H
#define JAILCTL_USER_H

#include <sys/types.h>

/* Returns 0 with the user's ids; -1 when there is no such user (errno 0) or the lookup failed. */
int user_find(const char *name, uid_t *uid, gid_t *gid);
/* Before anything that may look a user up through NSS (parsing a config); 0 or -1 with errno. */
int user_lookups_files_only(void);

#endif
