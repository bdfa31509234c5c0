/* sum.c: a well-behaved C submission (stdio and libm): sum and root mean square of stdin. */
#include <math.h>
#include <stdio.h>

int main(void)
{
	long x, sum = 0, n = 0;
	double squares = 0.0;

	while (scanf("%ld", &x) == 1) {
		sum += x;
		squares += (double)x * (double)x;
		n++;
	}
	printf("sum %ld\n", sum);
	printf("rms %.4f\n", n > 0 ? sqrt(squares / (double)n) : 0.0);
	return 0;
}
