/* cheat_shell.c: a cheat that runs a shell (system), leaving pwned.txt behind. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	int status = system("echo pwned > pwned.txt");

	printf("ran a shell: system() returned %d, pwned.txt written\n", status);
	return 0;
}
