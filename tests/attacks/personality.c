/* personality: personality(ADDR_NO_RANDOMIZE | READ_IMPLIES_EXEC), which turns off address randomisation and makes readable memory executable for what it runs next; marker argv[1]. */
#include "attack.h"
#include <sys/personality.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	int old = personality(0xffffffff);
	if (old < 0)
		failed("personality (query)");
	if (personality((unsigned long)old | ADDR_NO_RANDOMIZE | READ_IMPLIES_EXEC) < 0)
		failed("personality");
	if (!(personality(0xffffffff) & ADDR_NO_RANDOMIZE)) {
		errno = EINVAL;
		failed("personality did not change");
	}
	return mark(argv[1], "personality: ADDR_NO_RANDOMIZE | READ_IMPLIES_EXEC");
}
