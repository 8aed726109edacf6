/* Prints "n 0". Expected verdict: AC. */
#include <stdio.h>

int main(void)
{
	long long n;
	if (scanf("%lld", &n) != 1)
		return 1;
	printf("%lld 0\n", n);
	return 0;
}
