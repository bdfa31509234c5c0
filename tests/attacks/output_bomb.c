/* output_bomb: writes 24 MiB to standard output (a file in the tests), then prints "survived" on standard error. */
#include "attack.h"

int main(void)
{
	static char block[65536];
	memset(block, 'x', sizeof(block));
	block[sizeof(block) - 1] = '\n';
	for (int i = 0; i < 24 * 16; i++)
		if (write(1, block, sizeof(block)) != (ssize_t)sizeof(block))
			failed("write: the bomb was refused");
	fputs("survived\n", stderr);
	return 0;
}
