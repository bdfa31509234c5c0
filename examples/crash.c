/* crash.c: a crash: scanf writes through a pointer that was never allocated (NULL), so SIGSEGV. */
#include <math.h>
#include <stdio.h>

int main(void)
{
	long *x = NULL; /* meant to point at the number just read */
	long sum = 0, n = 0;
	double squares = 0.0;

	while (scanf("%ld", x) == 1) {
		sum += *x;
		squares += (double)*x * (double)*x;
		n++;
	}
	printf("sum %ld\n", sum);
	printf("rms %.4f\n", n > 0 ? sqrt(squares / (double)n) : 0.0);
	return 0;
}
