/* jailctl's start-up on one CPU: see cpu_pin.c. */
#ifndef JAILCTL_CPU_PIN_H
#define JAILCTL_CPU_PIN_H

/* Holds jailctl, and what it starts from now, to the CPU it runs on. -1 and errno if it cannot. */
int cpu_pin_here(void);

/* In the program's process: the CPUs jailctl was started with, again. 0 when nothing was pinned. */
int cpu_unpin(void);

#endif
