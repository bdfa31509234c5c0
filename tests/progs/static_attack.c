/* static_attack: a static binary ignores LD_PRELOAD, so libjail.so never loads and nothing confines it. */
/*
 * Build with -static. When the attack works, the file named by argv[1] is
 * created and holds "pwned\n". main then prints "main reached" and exits 0
 * (2 for a usage error).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s MARKER\n", argv[0]);
		return 2;
	}
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		if (write(fd, "pwned\n", 6) != 6)
			return 3;
		close(fd);
	}
	puts("main reached");
	return 0;
}
