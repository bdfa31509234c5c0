/* jailctl run's pages mapped ahead: see prefault.c. */
#ifndef JAILCTL_PREFAULT_H
#define JAILCTL_PREFAULT_H

/* Maps jailctl's code and the stack a run will use. Call it before the run's big frames. */
void prefault_run(void);

#endif
