/* libjail's side of the handoff with jailctl that needs neither libseccomp nor libconfuse. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "supervisor.h"

int supervisor_fd_from_env(struct jail_err *err)
{
	const char *text = getenv(JAIL_SUPERVISOR_ENV);
	char *end;
	long fd;

	if (text == NULL)
		return -1;
	errno = 0;
	fd = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || fd < 3 || fd > 65535 ||
	    fcntl((int)fd, F_GETFD) < 0) {
		jail_err_set(err, JAIL_SUPERVISOR_ENV, "\"%s\" is not an open descriptor", text);
		return -2;
	}
	/* Not for the programs this one may run: they are covered by its filter. */
	unsetenv(JAIL_SUPERVISOR_ENV);
	return (int)fd;
}

int supervisor_send(int sock, const char *text, int fd, struct jail_err *err)
{
	char control[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = (void *)text, .iov_len = strlen(text) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (fd >= 0) {
		msg.msg_control = control;
		msg.msg_controllen = sizeof(control);
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	if (sendmsg(sock, &msg, MSG_NOSIGNAL) != (ssize_t)iov.iov_len) {
		jail_err_set(err, JAIL_SUPERVISOR_ENV, "sendmsg: %s", strerror(errno));
		return -1;
	}
	return 0;
}
