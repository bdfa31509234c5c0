/* socket_connect: a TCP socket that connects (to a listener of its own on 127.0.0.1, so nothing outside is touched); marker argv[1]. */
#include "attack.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(addr);
	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0)
		failed("socket");
	int l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0)
		failed("socket");
	if (bind(l, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(l, 1) < 0 ||
	    getsockname(l, (struct sockaddr *)&addr, &len) < 0)
		failed("listen on 127.0.0.1");
	if (connect(c, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		failed("connect");
	return mark(argv[1], "socket and connect");
}
