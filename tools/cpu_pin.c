/*
 * jailctl's start-up on one CPU. Each process jailctl starts (init, then
 * the program's process) begins where it is woken, often an idle CPU;
 * on a VM, waking an idle virtual CPU and handing work across costs
 * more than the work itself. So jailctl keeps itself, init and the
 * program's process on the CPU it runs on, and the program's process
 * gives the program back the CPUs jailctl was started with just before
 * its execve: the program itself is never held to one CPU.
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdbool.h>

#include "cpu_pin.h"

static cpu_set_t started_with;
static bool pinned;

int cpu_pin_here(void)
{
	cpu_set_t here;
	int cpu;

	if (sched_getaffinity(0, sizeof(started_with), &started_with) < 0)
		return -1;
	/* Already on one CPU (taskset, a cpuset): nothing to gain, nothing to give back. */
	if (CPU_COUNT(&started_with) <= 1)
		return 0;
	cpu = sched_getcpu();
	if (cpu < 0)
		return -1;
	CPU_ZERO(&here);
	CPU_SET(cpu, &here);
	if (sched_setaffinity(0, sizeof(here), &here) < 0)
		return -1;
	pinned = true;
	return 0;
}

int cpu_unpin(void)
{
	if (!pinned)
		return 0;
	return sched_setaffinity(0, sizeof(started_with), &started_with);
}
