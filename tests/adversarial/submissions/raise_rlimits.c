// EXPECT: AC
// ATTACK: raises RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_NOFILE, RLIMIT_STACK and RLIMIT_CORE above their hard limits; prints the answer
// only if every attempt fails.
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>

static int raise_above(int res)
{
	struct rlimit rl;
	if (getrlimit(res, &rl) < 0 || rl.rlim_max == RLIM_INFINITY)
		return rl.rlim_max == RLIM_INFINITY;   /* no hard limit at all is a failure of the sandbox */
	rl.rlim_cur = rl.rlim_max = RLIM_INFINITY;
	return setrlimit(res, &rl) == 0;
}

int main(void)
{
	long long a, b;
	int res[] = { RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_NOFILE, RLIMIT_CORE, RLIMIT_STACK }, bad = 0;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (int i = 0; i < 5; i++)
		if (raise_above(res[i]))
			bad |= 1 << i;
	if (bad)
		printf("WRONG: limits raised (mask %d)\n", bad);
	else
		printf("%lld\n", a + b);
	return 0;
}
