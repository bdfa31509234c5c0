/* preinit_memfd: in a .preinit_array function, holds 800 MiB in memfds (memfd_create and write, calls that the loader's list once allowed), where an address-space limit does not count them; main says so ("survived"). */
#include "attack.h"
#include <sys/mman.h>

static int held_mib;

static void hold_memory(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	/* 15 MiB each: under the default profile's file size (16M) and open files (64) limits. */
	while (held_mib < 800) {
		int fd = memfd_create("hold", 0);
		if (fd < 0)
			return;
		/* Written through the descriptor, not mapped: no address space is used. */
		static char page[1 << 16];
		memset(page, 'x', sizeof(page));
		for (int at = 0; at < (15 << 20); at += (int)sizeof(page))
			if (write(fd, page, sizeof(page)) != (ssize_t)sizeof(page))
				return;
		held_mib += 15;
	}
}

__attribute__((section(".preinit_array"), used)) static void (*const preinit)(int, char **, char **) = hold_memory;

int main(void)
{
	char line[64];

	if (held_mib < 800) {
		snprintf(line, sizeof(line), "held only %d MiB", held_mib);
		errno = ENOMEM;
		failed(line);
	}
	fputs("survived\n", stderr);
	return 0;
}
