/* abstract_connect: connects to the abstract UNIX socket argv[2] (no file: a name in the network namespace), one that a process outside the sandbox listens on. With sockets allowed, only a Landlock scope stops it. Marker argv[1]. */
#include "attack.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(int argc, char **argv)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	size_t n;
	int fd;

	usage(argc, 2, "MARKER NAME");
	n = strlen(argv[2]);
	if (n + 1 > sizeof(sa.sun_path))
		return 2;
	memcpy(sa.sun_path + 1, argv[2], n); /* sun_path[0] == '\0': abstract */
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		failed("socket");
	if (connect(fd, (struct sockaddr *)&sa, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n)) < 0)
		failed("connect to the abstract socket");
	return mark(argv[1], "reached an abstract socket outside");
}
