/* cheat_network.c: a cheat that opens a TCP socket and connects to 127.0.0.1:9 (discard). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(9) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0) {
		perror("socket");
		return 1;
	}
	printf("socket opened (fd %d)\n", fd);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
		printf("connected to 127.0.0.1:9\n");
	else
		printf("connect to 127.0.0.1:9: %s\n", strerror(errno));
	close(fd);
	return 0;
}
