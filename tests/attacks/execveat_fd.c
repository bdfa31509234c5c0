/* execveat_fd: opens /bin/sh read-only (allowed) and runs it with execveat(fd, "", AT_EMPTY_PATH); it writes the marker argv[1]. */
#include "attack.h"
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	int fd = open("/bin/sh", O_RDONLY);
	if (fd < 0)
		failed("open /bin/sh");
	char *args[] = { "sh", "-c", "echo 'attack succeeded: execveat of an fd'; echo pwned >\"$0\"", argv[1], NULL };
	char *envp[] = { "PATH=/usr/bin:/bin", NULL };
	syscall(SYS_execveat, fd, "", args, envp, AT_EMPTY_PATH);
	failed("execveat fd");
}
