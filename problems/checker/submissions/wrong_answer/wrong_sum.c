/* Prints "n 1", which sums to n+1. Expected verdict: WA. */
#include <stdio.h>

int main(void)
{
	long long n;
	if (scanf("%lld", &n) != 1)
		return 1;
	printf("%lld 1\n", n);
	return 0;
}
