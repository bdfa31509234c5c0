/* exec_any: runs /bin/sh (which leaves the marker argv[1]) with execve made by hand, its unused argument registers set to whatever it can think of (0, its own pointers, a value that looks random), trying each in turn; built static, under setarch -R (no address randomisation), no address of jailctl's is a secret. */
#include "attack.h"
#include <sys/syscall.h>

int main(int argc, char **argv, char **envp)
{
	char cmd[300];
	usage(argc, 1, "MARKER");
	snprintf(cmd, sizeof(cmd), "echo pwned > %s", argv[1]);
	char *args[] = { "sh", "-c", cmd, NULL };
	const unsigned long extra[] = { 0, (unsigned long)argv[0], (unsigned long)argv, 0x5a5a5a5a5a5a5a5aUL,
					(unsigned long)envp };
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		syscall(SYS_execve, "/bin/sh", args, envp, extra[i], extra[i], extra[i]);
	failed("execve /bin/sh");
}
