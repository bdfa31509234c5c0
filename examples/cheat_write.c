/* cheat_write.c: a cheat that creates a file (answers.txt) and writes into it. */
#include <stdio.h>

int main(void)
{
	FILE *f = fopen("answers.txt", "w");

	if (f == NULL) {
		perror("answers.txt");
		return 1;
	}
	fprintf(f, "42\n");
	if (fclose(f) != 0) {
		perror("answers.txt");
		return 1;
	}
	printf("wrote answers.txt\n");
	return 0;
}
