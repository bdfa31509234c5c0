/* x32: openat(O_CREAT) of the marker argv[1] as an x32 system call (number | 0x40000000), the ABI that shares x86_64's audit architecture. */
#include "attack.h"
#include <sys/syscall.h>

#ifndef __x86_64__
#error "x32 is an x86_64 attack"
#endif

#define X32_SYSCALL_BIT 0x40000000L
#define X32_OPENAT 257L /* the same number as x86_64's */

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	register long r10 __asm__("r10") = 0644;
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(X32_SYSCALL_BIT | X32_OPENAT), "D"((long)AT_FDCWD), "S"(argv[1]),
			   "d"((long)(O_WRONLY | O_CREAT | O_TRUNC)), "r"(r10)
			 : "rcx", "r11", "memory");
	if (ret == -ENOSYS)
		cannot("x32 system calls return ENOSYS on this kernel (CONFIG_X86_X32_ABI off)");
	if (ret < 0) {
		errno = (int)-ret;
		failed("x32 openat");
	}
	succeeded("x32 openat O_CREAT");
	return 0;
}
