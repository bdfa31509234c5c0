/* execveat_memfd: copies /bin/sh into a memfd and runs it with execveat(AT_EMPTY_PATH), a program that is no file; it writes the marker argv[1]. */
#include "attack.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	int mfd = memfd_create("payload", 0);
	if (mfd < 0)
		failed("memfd_create");
	int in = open("/bin/sh", O_RDONLY);
	if (in < 0)
		failed("open /bin/sh");
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(mfd, buf, (size_t)n) != n)
			failed("write memfd");
	close(in);
	char *args[] = { "sh", "-c", "echo 'attack succeeded: execveat of a memfd'; echo pwned >\"$0\"", argv[1], NULL };
	char *envp[] = { "PATH=/usr/bin:/bin", NULL };
	syscall(SYS_execveat, mfd, "", args, envp, AT_EMPTY_PATH);
	failed("execveat memfd");
}
