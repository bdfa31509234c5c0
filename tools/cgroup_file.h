/*
 * Reading and writing the files of a cgroup directory (cgroup.procs,
 * memory.max, cpu.stat, ...): each call opens, reads or writes once, and
 * closes. -1 with errno on failure.
 */
#ifndef JAILCTL_CGROUP_FILE_H
#define JAILCTL_CGROUP_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* dir/name into out; -1 (ENAMETOOLONG) when it does not fit. */
int cgroup_path(char *out, size_t len, const char *dir, const char *name);
int cgroup_file_write(const char *dir, const char *file, const char *text);
/* Up to len - 1 bytes, NUL-terminated. */
int cgroup_file_read(const char *dir, const char *file, char *buf, size_t len);
/* A number alone in a file (memory.peak); -1 if unreadable. */
long long cgroup_file_number(const char *dir, const char *file);
/* The value of "KEY VALUE" in a flat-keyed file (memory.events, cpu.stat); -1 if absent. */
long long cgroup_file_key(const char *dir, const char *file, const char *key);
/* Whether the space-separated list in dir/file (cgroup.controllers) holds every word of words. */
bool cgroup_file_lists(const char *dir, const char *file, const char *words);

#endif
