/* cpu_bomb: spins until it has used 3 s of CPU time, then prints "survived" on standard error. */
#include "attack.h"
#include <time.h>

static double cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	volatile unsigned long spin = 0;
	while (cpu_seconds() < 3.0)
		for (int i = 0; i < 100000; i++)
			spin++;
	fputs("survived\n", stderr);
	return 0;
}
