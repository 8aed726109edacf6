// EXPECT: AC
// ATTACK: namespaces: unshare(CLONE_NEWUSER) (full capabilities in a new user namespace) and a new PID namespace,
// from which kill(-1) or the supervisor's accounting could be dodged; prints the answer only if both are refused.
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	int u = unshare(CLONE_NEWUSER), p = unshare(CLONE_NEWPID | CLONE_NEWNS);
	if (u == 0 || p == 0)
		printf("WRONG: unshare succeeded (user %d, pid+mount %d)\n", u, p);
	else
		printf("%lld\n", a + b);
	return 0;
}
