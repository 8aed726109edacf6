// EXPECT: AC
// ATTACK: kill(1, SIGKILL) and kill(1, SIGTERM) on the supervisor (PID 1); prints the answer only if both fail.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	int k1 = kill(1, SIGKILL), k2 = kill(1, SIGTERM), k3 = kill(1, SIGSTOP);
	usleep(100000);
	if (k1 == 0 || k2 == 0 || k3 == 0)
		printf("WRONG: signalled PID 1 (%d %d %d)\n", k1, k2, k3);
	else
		printf("%lld\n", a + b);
	return 0;
}
