// EXPECT: AC
// ATTACK: ptrace(PTRACE_ATTACH) and PTRACE_SEIZE on PID 1 (the supervisor); prints the answer only if both fail.
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/ptrace.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	long r1 = ptrace(PTRACE_ATTACH, 1, NULL, NULL);
	long r2 = ptrace(PTRACE_SEIZE, 1, NULL, NULL);
	if (r1 == 0 || r2 == 0)
		printf("WRONG: traced PID 1 (%ld %ld)\n", r1, r2);
	else
		printf("%lld\n", a + b);
	return 0;
}
