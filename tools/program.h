/* The program jailctl is asked to run: where it is, whether it can run, how it is linked. */
#ifndef JAILCTL_PROGRAM_H
#define JAILCTL_PROGRAM_H

#include <linux/limits.h>
#include <stdbool.h>

struct program {
	char path[PATH_MAX];
	bool is_static; /* an ELF file without an interpreter: LD_PRELOAD cannot enter it */
	/*
	 * What execve opens to start it, NUL-separated: the program, the
	 * interpreter a script names (and so on, as the kernel follows them),
	 * and each ELF file's loader (PT_INTERP).
	 */
	char loaded[2 * PATH_MAX];
	size_t loaded_len;
};

/* Returns 0, or the exit status (126, 127) after a "jailctl: ..." message. */
int program_find(const char *name, struct program *out);

#endif
