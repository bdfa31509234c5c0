/* exec_sh: execve of /bin/sh, which then writes the marker argv[1] (running another program). */
#include "attack.h"

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	char *args[] = { "sh", "-c", "echo 'attack succeeded: execve /bin/sh'; echo pwned >\"$0\"", argv[1], NULL };
	char *envp[] = { "PATH=/usr/bin:/bin", NULL };
	execve("/bin/sh", args, envp);
	failed("execve /bin/sh");
}
