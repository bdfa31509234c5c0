/* cheat_spin.c: a cheat that never ends, burning CPU until a time limit stops it. */
#include <stdio.h>

int main(void)
{
	volatile unsigned long spins = 0;

	printf("spinning forever\n");
	fflush(stdout);
	for (;;)
		spins++;
}
