/* wrong.c: a wrong answer: the classic `while (!feof(stdin))` loop adds the last number twice. */
#include <math.h>
#include <stdio.h>

int main(void)
{
	long x = 0, sum = 0, n = 0;
	double squares = 0.0;

	/* feof() is true only after a read has failed, so the final, failed
	   scanf leaves x as it was and the last number is counted again. */
	while (!feof(stdin)) {
		scanf("%ld", &x);
		sum += x;
		squares += (double)x * (double)x;
		n++;
	}
	printf("sum %ld\n", sum);
	printf("rms %.4f\n", n > 0 ? sqrt(squares / (double)n) : 0.0);
	return 0;
}
