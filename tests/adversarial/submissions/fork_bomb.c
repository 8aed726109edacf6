// EXPECT: TLE|RTE|MLE
// ATTACK: classic fork bomb: every process forks forever and fills the container's pids limit (256).
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (;;)
		fork();
}
