/* Reads the input, then writes through a NULL pointer. Expected verdict: RTE (SIGSEGV). */
#include <stdio.h>

int main(void)
{
	long long a, b;
	volatile long long *volatile p = NULL;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	*p = a + b;
	printf("%lld\n", a + b);
	return 0;
}
