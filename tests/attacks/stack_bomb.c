/* stack_bomb: recursion 32768 frames of 4 KiB deep, 128 MiB of stack (bounded), then prints "survived" on standard error. */
#include "attack.h"

static int deep(int n)
{
	volatile char frame[4096];

	frame[0] = (char)n;
	frame[sizeof(frame) - 1] = (char)n;
	if (n == 0)
		return frame[0];
	return deep(n - 1) + frame[sizeof(frame) - 1];
}

int main(void)
{
	int r = deep(32768);
	fprintf(stderr, "survived (%d)\n", r & 1);
	return 0;
}
