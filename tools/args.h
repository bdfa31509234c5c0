/*
 * jailctl's command line as /proc/PID/cmdline shows it. The namespace's
 * init starts as a copy of jailctl: without this, a program could read in
 * its /proc/1/cmdline where jailctl's redirections and statistics go.
 */
#ifndef JAILCTL_ARGS_H
#define JAILCTL_ARGS_H

/*
 * Remembers where main's arguments lie, and points argv at a copy of them,
 * which jailctl reads from then on; -1 (errno set) if there is no memory.
 */
int args_remember(int argc, char **argv);
/* Blanks the original in this process's memory, leaving name (cut to fit). */
void args_hide(const char *name);

#endif
