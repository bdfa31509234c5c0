/* sum_threads.c: a well-behaved threaded submission: four pthreads each sum a quarter of stdin. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NTHREADS 4

struct part {
	const long *nums;
	size_t begin, end;
	long sum;
};

static void *sum_part(void *arg)
{
	struct part *p = arg;

	for (size_t i = p->begin; i < p->end; i++)
		p->sum += p->nums[i];
	return NULL;
}

int main(void)
{
	long *nums = NULL, x, sum = 0;
	size_t n = 0, cap = 0;
	pthread_t tid[NTHREADS];
	struct part parts[NTHREADS];

	while (scanf("%ld", &x) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			long *grown = realloc(nums, cap * sizeof(*nums));
			if (grown == NULL) {
				perror("realloc");
				return 1;
			}
			nums = grown;
		}
		nums[n++] = x;
	}
	for (int t = 0; t < NTHREADS; t++) {
		parts[t] = (struct part){ nums, n * t / NTHREADS, n * (t + 1) / NTHREADS, 0 };
		if (pthread_create(&tid[t], NULL, sum_part, &parts[t]) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 1;
		}
	}
	for (int t = 0; t < NTHREADS; t++) {
		pthread_join(tid[t], NULL);
		sum += parts[t].sum;
	}
	printf("sum %ld (%d threads)\n", sum, NTHREADS);
	free(nums);
	return 0;
}
