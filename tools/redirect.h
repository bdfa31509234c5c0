/*
 * What jailctl opens for the program: its standard input, output and error
 * (-i, -o, -e, --stderr-to-stdout). jailctl may be root, and a name in a
 * directory others may write may be anyone's link: no symbolic link is
 * followed, and an output is a regular file, /dev/null or a pipe, created
 * 0600. /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N name jailctl's
 * own descriptors.
 */
#ifndef JAILCTL_REDIRECT_H
#define JAILCTL_REDIRECT_H

#include <stdbool.h>

struct redirections {
	int in, out, err;   /* descriptors for the program's 0, 1 and 2; -1: jailctl's own */
};

/*
 * Opens what the paths name (NULL: none). err_to_out: standard error goes
 * where standard output goes, as one open file description (so do -o and
 * -e naming one file). 0, or -1 after a "jailctl: ..." message.
 */
int redirect_open(const char *in_path, const char *out_path, const char *err_path, bool err_to_out,
		  struct redirections *r);
void redirect_close(struct redirections *r);

#endif
