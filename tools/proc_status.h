/* A thread's process, from /proc/TID/status. */
#ifndef JAILCTL_PROC_STATUS_H
#define JAILCTL_PROC_STATUS_H

#include <sys/types.h>

/*
 * The thread group (process) of thread tid: *tgid as jailctl sees it
 * (Tgid), *inner as the thread's own PID namespace does (the last of
 * NStgid; NULL: not wanted). 0, or -1 where the thread is gone; a figure
 * not found is -1.
 */
int proc_thread_group(pid_t tid, long *tgid, long *inner);

#endif
