/* raw_syscall: openat(O_CREAT) of the marker argv[1] through a `syscall` instruction in inline asm, bypassing libc (and anything that wraps it). */
#include "attack.h"
#include <sys/syscall.h>

#ifndef __x86_64__
#error "raw_syscall uses x86_64 system call conventions"
#endif

static long raw4(long nr, long a, long b, long c, long d)
{
	register long r10 __asm__("r10") = d;
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
	return ret;
}

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	long fd = raw4(SYS_openat, AT_FDCWD, (long)argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		errno = (int)-fd;
		failed("raw openat");
	}
	succeeded("raw syscall instruction: openat O_CREAT");
	raw4(SYS_write, fd, (long)"pwned\n", 6, 0);
	raw4(SYS_close, fd, 0, 0, 0);
	return 0;
}
