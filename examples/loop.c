/* loop.c: an infinite loop: scanf returns EOF (-1), not 0, at the end, so `!= 0` never stops it. */
#include <math.h>
#include <stdio.h>

int main(void)
{
	long x = 0, sum = 0, n = 0;
	double squares = 0.0;

	while (scanf("%ld", &x) != 0) {
		sum += x;
		squares += (double)x * (double)x;
		n++;
	}
	printf("sum %ld\n", sum);
	printf("rms %.4f\n", n > 0 ? sqrt(squares / (double)n) : 0.0);
	return 0;
}
