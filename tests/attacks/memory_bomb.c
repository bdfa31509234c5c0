/* memory_bomb: takes and touches 512 MiB, 16 MiB at a time (bounded), then prints "survived" on standard error. */
#include "attack.h"

int main(void)
{
	const size_t chunk = 16u << 20;
	for (int mib = 0; mib < 512; mib += 16) {
		volatile char *p = malloc(chunk);
		if (p == NULL)
			failed("malloc: the bomb was refused");
		/* A write per page makes it resident; no more CPU than that (emulated guests are slow). */
		for (size_t at = 0; at < chunk; at += 4096)
			p[at] = 1;
	}
	fputs("survived\n", stderr);
	return 0;
}
