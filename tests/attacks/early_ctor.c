/* early_ctor: a program whose library (tests/progs/early_exec.c, linked as DT_NEEDED) has a constructor that runs before libjail's and execs /bin/sh, which writes the marker $ATTACK_MARKER. */
/*
 * The dependency's constructor runs before the constructor of a library
 * preloaded with LD_PRELOAD: the loader initialises the program's own
 * dependencies first. So LD_PRELOAD=libjail.so alone cannot stop it;
 * jailctl's filter, loaded before execve, does. main only runs when the
 * attack did not (no ATTACK_MARKER).
 */
#include <stdio.h>

int main(void)
{
	puts("main reached");
	return 0;
}
