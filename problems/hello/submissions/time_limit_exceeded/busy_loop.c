/* Reads the input, then spins forever. Expected verdict: TLE (CPU limit). */
#include <stdio.h>

int main(void)
{
	long long a, b;
	volatile unsigned long spin = 0;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (;;)
		spin = spin + 1;
	printf("%lld\n", a + b);
	return 0;
}
