#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dev_null.h"
#include "relay.h"

/* Bytes moved at a time: the most a pipe holds. */
#define RELAY_CHUNK (1u << 20)

/*
 * A description of dest of our own, non-blocking, so that a reader that
 * stops reading never blocks jailctl (it still times the program): opened
 * again through /proc (a pipe, a FIFO, a terminal); a socket, which cannot
 * be, is written with MSG_DONTWAIT instead.
 */
static int own_description(int dest, const struct stat *st, bool *socket)
{
	char path[64];
	int fd;

	*socket = S_ISSOCK(st->st_mode);
	if (*socket)
		return fcntl(dest, F_DUPFD_CLOEXEC, 3);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", dest);
	fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	return fd;
}

int relay_setup(int dest, uint64_t limit, struct relay *r, int *program_fd)
{
	struct stat st;
	int p[2];

	memset(r, 0, sizeof(*r));
	r->from = r->to = -1;
	if (fstat(dest, &st) < 0) {
		fprintf(stderr, "jailctl: an output descriptor: %s\n", strerror(errno));
		return -1;
	}
	/*
	 * A file has RLIMIT_FSIZE; /dev/null and a terminal keep nothing (and
	 * the program keeps its terminal: isatty, line buffering).
	 */
	if (S_ISREG(st.st_mode) || is_dev_null(&st) || (S_ISCHR(st.st_mode) && isatty(dest)))
		return 0;
	r->to = own_description(dest, &st, &r->to_socket);
	if (r->to < 0) {
		fprintf(stderr, "jailctl: relaying an output to descriptor %d: %s\n", dest, strerror(errno));
		return -1;
	}
	if (pipe2(p, O_CLOEXEC) < 0 || fcntl(p[0], F_SETFL, O_NONBLOCK) < 0) {
		fprintf(stderr, "jailctl: relaying an output: pipe: %s\n", strerror(errno));
		close(r->to);
		r->to = -1;
		return -1;
	}
	r->from = p[0];
	r->copy = r->to_socket;
	r->limit = limit;
	*program_fd = p[1];
	return 1;
}

void relay_poll(const struct relay *r, struct pollfd *p)
{
	p->revents = 0;
	if (r->from < 0) {
		p->fd = -1;
	} else if (r->blocked) {
		p->fd = r->to;
		p->events = POLLOUT;
	} else {
		p->fd = r->from;
		p->events = POLLIN;
	}
}

/* Past the limit: nothing more is moved, and the writers' end of the pipe is closed. */
static void stop_over(struct relay *r)
{
	r->over = true;
	close(r->from);
	r->from = -1;
	r->buf_len = r->buf_off = 0;
}

static void done(struct relay *r)
{
	close(r->from);
	r->from = -1;
}

/* Writes what buf holds; false when the destination is full (or gone). */
static bool flush_buf(struct relay *r)
{
	while (r->buf_off < r->buf_len) {
		ssize_t n = r->to_socket ? send(r->to, r->buf + r->buf_off, r->buf_len - r->buf_off,
						MSG_DONTWAIT | MSG_NOSIGNAL)
					 : write(r->to, r->buf + r->buf_off, r->buf_len - r->buf_off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			r->blocked = true;
			return false;
		}
		if (n <= 0) {
			/* The reader went away: what is left has nowhere to go. */
			r->buf_len = r->buf_off = 0;
			return true;
		}
		r->buf_off += (size_t)n;
	}
	r->buf_len = r->buf_off = 0;
	r->blocked = false;
	return true;
}

/* One step of read and write; false when nothing more can be moved now. */
static bool copy_step(struct relay *r)
{
	ssize_t n;

	if (!flush_buf(r))
		return false;
	n = read(r->from, r->buf, sizeof(r->buf));
	if (n < 0)
		return false; /* EAGAIN: nothing waiting */
	if (n == 0) {
		done(r);
		return false;
	}
	if (r->moved + (uint64_t)n > r->limit) {
		r->buf_len = (size_t)(r->limit - r->moved);
		r->moved = r->limit;
		flush_buf(r);
		stop_over(r);
		return false;
	}
	r->moved += (uint64_t)n;
	r->buf_len = (size_t)n;
	flush_buf(r);
	return true;
}

/* One splice; false when nothing more can be moved now. */
static bool splice_step(struct relay *r)
{
	uint64_t room = r->limit - r->moved;
	ssize_t n;

	/* At the limit, one more byte waiting is one too many. */
	if (room == 0) {
		char byte;
		n = read(r->from, &byte, 1);
		if (n == 1)
			stop_over(r);
		else if (n == 0)
			done(r);
		return false;
	}
	n = splice(r->from, NULL, r->to, NULL, room < RELAY_CHUNK ? (size_t)room : RELAY_CHUNK,
		   SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
	if (n > 0) {
		r->moved += (uint64_t)n;
		r->blocked = false;
		return true;
	}
	if (n == 0) {
		done(r);
		return false;
	}
	if (errno == EAGAIN) {
		/* Nothing waiting, or no room where it goes: the latter is what poll said. */
		struct pollfd p = { .fd = r->from, .events = POLLIN };
		r->blocked = poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
		return false;
	}
	if (errno == EINVAL) {
		/* This destination takes no splice: copy instead. */
		r->copy = true;
		return true;
	}
	/* The reader went away: drain what comes, so that the program does not block on it. */
	r->copy = true;
	return true;
}

void relay_pump(struct relay *r)
{
	for (int i = 0; i < 64 && r->from >= 0; i++)
		if (!(r->copy ? copy_step(r) : splice_step(r)))
			break;
}

void relay_finish(struct relay *r, int ms)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (r->from >= 0) {
		struct pollfd p;
		long left;
		clock_gettime(CLOCK_MONOTONIC, &t);
		left = ms - ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
		relay_poll(r, &p);
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			break;
		relay_pump(r);
	}
	if (r->copy && r->buf_len > r->buf_off)
		flush_buf(r);
}

void relay_close(struct relay *r)
{
	if (r->from >= 0)
		close(r->from);
	if (r->to >= 0)
		close(r->to);
	r->from = r->to = -1;
}
