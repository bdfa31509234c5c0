/* fd_bomb: opens /dev/null read-only 200 times, keeping every descriptor, then prints "survived" on standard error. */
#include "attack.h"

int main(void)
{
	for (int i = 0; i < 200; i++)
		if (open("/dev/null", O_RDONLY) < 0)
			failed("open: the bomb was refused");
	fputs("survived\n", stderr);
	return 0;
}
