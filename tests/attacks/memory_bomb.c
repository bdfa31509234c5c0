/* memory_bomb: takes and touches 512 MiB, 16 MiB at a time (bounded), then prints "survived" on standard error. */
#include "attack.h"

int main(void)
{
	const size_t chunk = 16u << 20;
	for (int mib = 0; mib < 512; mib += 16) {
		char *p = malloc(chunk);
		if (p == NULL)
			failed("malloc: the bomb was refused");
		memset(p, 1, chunk);
	}
	fputs("survived\n", stderr);
	return 0;
}
