/*
 * plainwrap: the least a wrapper can do, for a floor row in make bench:
 * fork, execv the program, wait, and exit with its status. Built twice:
 * dynamically linked (plainwrap, as the 2.0× floor was measured) and
 * static (plainwrap_static, as jailctl is by default). Whatever jailctl
 * run costs beyond the static one is its own.
 *
 *   plainwrap PROGRAM [ARG...]
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: plainwrap PROGRAM [ARG...]\n");
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("plainwrap: fork");
		return 125;
	}
	if (pid == 0) {
		execv(argv[1], argv + 1);
		perror("plainwrap: execv");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid) {
		perror("plainwrap: waitpid");
		return 125;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
