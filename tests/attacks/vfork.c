/* vfork: vfork then execve of /bin/sh in the child, which writes the marker argv[1]. */
#include "attack.h"
#include <sys/wait.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	char *args[] = { "sh", "-c", "echo 'attack succeeded: vfork and execve'; echo pwned >\"$0\"", argv[1], NULL };
	char *envp[] = { "PATH=/usr/bin:/bin", NULL };
	pid_t pid = vfork();
	if (pid < 0)
		failed("vfork");
	if (pid == 0) {
		execve("/bin/sh", args, envp);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) < 0)
		failed("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
