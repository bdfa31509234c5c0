/* cheat_fork.c: a cheat that starts processes (three at most; each child exits at once). */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int children = 0;

	for (int i = 0; i < 3; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			break;
		}
		if (pid == 0)
			_exit(0);
		children++;
	}
	while (wait(NULL) > 0)
		;
	if (children > 0)
		printf("forked %d children\n", children);
	return 0;
}
