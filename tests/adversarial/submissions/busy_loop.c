// EXPECT: TLE
// ATTACK: spins forever on the CPU (CPU-time limit).
#define _GNU_SOURCE
#include <stdio.h>

int main(void)
{
	long long a, b;
	volatile unsigned long spin = 0;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (;;)
		spin++;
}
