/*
 * The directories of runs' cgroups, jail-PID (jail-PID-N where another
 * jailctl holds that name), made beside each other in one parent, in any
 * hierarchy. Each is locked (flock on the directory) by the jailctl that
 * made it for as long as it exists, so that a cgroup whose lock is free
 * is known to be stale, whichever PID namespace the jailctl that made it
 * ran in: a jailctl killed with SIGKILL leaves its empty cgroup behind, and
 * the next jailctl to make one beside it removes it.
 *
 * Every removal is made holding the directory's lock, after checking that
 * the name still leads to the directory locked: so no jailctl removes a
 * cgroup that another still holds.
 */
#ifndef JAILCTL_CGROUP_DIR_H
#define JAILCTL_CGROUP_DIR_H

#include <stddef.h>

/*
 * Makes and locks a run's directory in parent; out is its path. Returns
 * the lock's descriptor (close it only after cgroup_dir_remove), or -1
 * with errno. Stale directories beside it are removed; known_subdirs is
 * how many other directories parent holds that are not runs' (they are
 * left alone; the count spares a listing of parent when nothing else is
 * there).
 */
int cgroup_dir_make(const char *parent, unsigned known_subdirs, char *out, size_t len);
/* Removes stale runs' directories in parent, as cgroup_dir_make does (NULL out: none made). */
void cgroup_dir_sweep(const char *parent, unsigned known_subdirs);
/* Removes the directory that lock holds (waiting a moment for its last processes to be reaped), then closes lock. */
void cgroup_dir_remove(const char *dir, int lock);

#endif
