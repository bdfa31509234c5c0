/* hog.c: a memory hog: a "cache" that grows in 16 MiB steps to 2 GiB, every page touched, before any output. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define STEP (16UL << 20)
#define TOTAL (2048UL << 20)

int main(void)
{
	static char *blocks[TOTAL / STEP];
	long x, sum = 0, n = 0;
	double squares = 0.0;
	size_t held = 0;

	while (scanf("%ld", &x) == 1) {
		sum += x;
		squares += (double)x * (double)x;
		n++;
	}
	/* The "cache": allocated 16 MiB at a time, 2 GiB in all, and touched
	   (a byte written in every page, which makes it all resident, at a
	   fraction of memset's CPU time), then freed. */
	for (size_t i = 0; i < TOTAL / STEP; i++) {
		blocks[i] = malloc(STEP);
		if (blocks[i] == NULL) {
			fprintf(stderr, "hog: out of memory after %zu MiB\n", held >> 20);
			return 1;
		}
		for (size_t j = 0; j < STEP; j += 4096)
			blocks[i][j] = 1;
		held += STEP;
	}
	for (size_t i = 0; i < TOTAL / STEP; i++)
		free(blocks[i]);
	printf("sum %ld\n", sum);
	printf("rms %.4f\n", n > 0 ? sqrt(squares / (double)n) : 0.0);
	return 0;
}
