/*
 * jailctl run's code and stack, mapped in two calls instead of on demand.
 * On demand, each first touch of a page of code or stack is a page fault;
 * on a VM one costs about 10 µs, and this saves 15 of them per run
 * (perf stat -i: 51 to 36 in jailctl's process). MADV_POPULATE_READ
 * and _WRITE (Linux 5.14) map a whole range at once, without the
 * faults. The data and the heap gained nothing measurable, so they are
 * left to faults.
 */
#include "config.h"

#include <stdint.h>
#include <sys/mman.h>

#include "prefault.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif

/* The linker's marks around the program's code. */
extern char __executable_start[], etext[];

/* What jailctl run's deepest calls reach below the frame that calls this (perf: about 53 KiB). */
#define STACK_AHEAD (64 * 1024)

static void populate(uintptr_t from, uintptr_t to, int advice)
{
	from &= ~(uintptr_t)4095;
	to = (to + 4095) & ~(uintptr_t)4095;
	/* Only speed is at stake: an older kernel (EINVAL) leaves the pages to be faulted in. */
	if (madvise((void *)from, to - from, advice) < 0) {
	}
}

void prefault_run(void)
{
	uintptr_t frame = (uintptr_t)__builtin_frame_address(0);

	populate((uintptr_t)__executable_start, (uintptr_t)etext, MADV_POPULATE_READ);
	/* The stack grows down into its mapping's reserve (128 KiB at exec): 64 KiB is inside it. */
	populate(frame - STACK_AHEAD, frame, MADV_POPULATE_WRITE);
}
