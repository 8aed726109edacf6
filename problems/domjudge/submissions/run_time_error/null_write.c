/* Reads the input, then writes through a NULL pointer. Expected verdict: RTE (SIGSEGV). */
#include <stdio.h>

int main(void)
{
	int n;
	volatile long long *volatile p = NULL;
	if (scanf("%d", &n) != 1)
		return 1;
	*p = n;
	printf("%d\n", n);
	return 0;
}
