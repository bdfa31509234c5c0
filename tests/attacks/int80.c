/* int80: creat() of the marker argv[1] as an i386 system call (int 0x80), the other ABI a filter for x86_64 must not let through. */
#include "attack.h"
#include <signal.h>
#include <sys/mman.h>

#ifndef __x86_64__
#error "int80 is an x86_64 attack"
#endif

static void on_segv(int sig)
{
	(void)sig;
	cannot("int 0x80 raises SIGSEGV on this kernel (no i386 system calls for 64-bit processes)");
}

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	/* i386 calls take 32-bit pointers: the path must sit below 4 GiB. */
	char *low = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (low == MAP_FAILED)
		failed("mmap MAP_32BIT");
	strncpy(low, argv[1], 4095);
	signal(SIGSEGV, on_segv);
	long ret;
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(8L /* i386 creat */), "b"(low), "c"(0644L) : "memory");
	if (ret == -ENOSYS)
		cannot("int 0x80 returns ENOSYS on this kernel");
	if (ret < 0) {
		errno = (int)-ret;
		failed("i386 creat");
	}
	succeeded("int 0x80: i386 creat");
	return 0;
}
