// EXPECT: TLE
// ATTACK: sleeps forever without using CPU: only the wall-clock limit can stop it.
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (;;)
		sleep(1000);
}
