/* wall_bomb: sleeps 3 s (no CPU used, so no CPU limit stops it), then prints "survived" on standard error. */
#include "attack.h"
#include <time.h>

int main(void)
{
	struct timespec ts = { .tv_sec = 3 };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	fputs("survived\n", stderr);
	return 0;
}
