/* Resource limits of a profile, their parsing, and applying them with setrlimit. */
#ifndef JAIL_LIMITS_H
#define JAIL_LIMITS_H

#include <stdint.h>

#include "error.h"

enum jail_limit_field {
	JAIL_LIM_CPU_TIME = 1 << 0,
	JAIL_LIM_WALL_TIME = 1 << 1,
	JAIL_LIM_MEMORY = 1 << 2,
	JAIL_LIM_STACK = 1 << 3,
	JAIL_LIM_PROCESSES = 1 << 4,
	JAIL_LIM_FILE_SIZE = 1 << 5,
	JAIL_LIM_OPEN_FILES = 1 << 6,
};

struct jail_limits {
	unsigned set;          /* which fields hold a value (jail_limit_field bits) */
	double cpu_time;       /* seconds */
	double wall_time;      /* seconds; enforced by jailctl, not here */
	uint64_t memory;       /* bytes */
	uint64_t stack;        /* bytes */
	uint64_t processes;
	uint64_t file_size;    /* bytes */
	uint64_t open_files;
};

/* "256M", "64K", "1G", "1048576" -> bytes. */
int size_parse(const char *text, uint64_t *bytes, const char *where, struct jail_err *err);
/* A positive number of seconds, fractions allowed. */
int seconds_parse(const char *text, double *seconds, const char *where, struct jail_err *err);
/* Fields set in over replace those in base. */
void limits_override(struct jail_limits *base, const struct jail_limits *over);
/*
 * setrlimit for every field set, and a core size of 0. A limit is only ever
 * lowered: where the current hard limit is already lower, it stays.
 */
int limits_apply(const struct jail_limits *l, struct jail_err *err);

#endif
