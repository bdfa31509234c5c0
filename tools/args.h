/*
 * jailctl's command line as /proc/PID/cmdline shows it. The namespace's
 * init starts as a copy of jailctl: without this, a program could read in
 * its /proc/1/cmdline where jailctl's redirections and statistics go.
 */
#ifndef JAILCTL_ARGS_H
#define JAILCTL_ARGS_H

/* Remembers where main's arguments lie. */
void args_remember(int argc, char **argv);
/* Blanks them in this process's copy of the memory, leaving name (shorter than the first argument or not). */
void args_hide(const char *name);

#endif
