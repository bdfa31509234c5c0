/*
 * The floor under libjail's start-up, for make bench: a preload whose
 * constructor does nothing (built with -DFLOOR_EMPTY), or only what any
 * seccomp preload must, set no_new_privs and load a one-instruction filter
 * that allows everything, on every thread.
 */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

__attribute__((constructor)) static void floor_init(void)
{
#ifndef FLOOR_EMPTY
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &allow };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog) != 0)
		_exit(125);
#endif
}
