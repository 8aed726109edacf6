// EXPECT: AC
// ATTACK: sends SIGSTOP (then SIGKILL) to its parent and to its process group leader's parent; prints the answer
// only if every signal is refused.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	pid_t pp = getppid();
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	int k1 = kill(pp, SIGSTOP), k2 = kill(pp, SIGKILL), k3 = kill(-pp, SIGSTOP);
	usleep(100000);
	if (k1 == 0 || k2 == 0 || k3 == 0)
		printf("WRONG: signalled the parent %d (%d %d %d)\n", (int)pp, k1, k2, k3);
	else
		printf("%lld\n", a + b);
	return 0;
}
