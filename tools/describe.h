/*
 * A forbidden call in words a student understands: its name, its path
 * argument read from the program's memory, and what it was trying to do.
 */
#ifndef JAILCTL_DESCRIBE_H
#define JAILCTL_DESCRIBE_H

#include <linux/seccomp.h>
#include <stddef.h>

struct call_description {
	char name[64];
	int number;
	char path[256];     /* "" when the call has no path argument or it was unreadable */
	char words[512];    /* system call NAME("PATH") is not allowed (WHAT IT DOES) */
};

/* mem_fd: the program's /proc/PID/mem, or -1. */
void describe_call(const struct seccomp_notif *n, int mem_fd, struct call_description *out);

#endif
