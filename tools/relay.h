/*
 * The relay of an output that is no regular file (a pipe, a FIFO, a
 * socket), where RLIMIT_FSIZE cannot hold the file size limit: the program
 * writes into a pipe of jailctl's, and jailctl moves the bytes on (splice,
 * or read and write where splice cannot), counting them. Past the limit it
 * moves no more: the program gets SIGXFSZ, as a file's limit would give it,
 * and its writes fail (the pipe is closed).
 */
#ifndef JAILCTL_RELAY_H
#define JAILCTL_RELAY_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct relay {
	int from;             /* our pipe's read end; -1 once done */
	int to;               /* where the bytes go: an open file description of our own, non-blocking */
	bool to_socket;       /* sent with MSG_DONTWAIT: a socket cannot be opened again */
	bool copy;            /* splice refused: read and write through buf */
	char buf[65536];
	size_t buf_len, buf_off;
	uint64_t moved, limit;
	bool blocked;         /* the destination is full: wait until it can take more */
	bool over;            /* the program wrote more than limit */
};

/*
 * Whether dest (jailctl's own descriptor, or one opened for -o or -e)
 * needs a relay: it is no regular file, no /dev/null and no terminal. 1 with r set up
 * and *program_fd the pipe's end for the program, 0 when none is needed,
 * -1 after a "jailctl: ..." message.
 */
int relay_setup(int dest, uint64_t limit, struct relay *r, int *program_fd);
/* What to poll for r (fd -1: nothing). */
void relay_poll(const struct relay *r, struct pollfd *p);
/* Moves what can be moved now; r->over says when the program passed the limit. */
void relay_pump(struct relay *r);
/* Once the program is gone: moves what is left, for at most ms milliseconds. */
void relay_finish(struct relay *r, int ms);
void relay_close(struct relay *r);

#endif
