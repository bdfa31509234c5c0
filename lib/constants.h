/* The named constants an argument condition may use (O_RDONLY, CLONE_THREAD, ...). */
#ifndef JAIL_CONSTANTS_H
#define JAIL_CONSTANTS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct jail_constant {
	const char *name;
	uint64_t value;
};

extern const struct jail_constant jail_constants[];
extern const size_t jail_nconstants;

/*
 * What SELF_PID means: 0 (the default) for the calling process's PID; jailctl
 * sets the PID its program will have, to compile a policy for it ahead.
 */
extern pid_t jail_self_pid;

/* Looks up the name of the given length; returns 0 and sets *value, or -1. */
int jail_constant_lookup(const char *name, size_t len, uint64_t *value);

#endif
