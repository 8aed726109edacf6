// EXPECT: MLE|RTE
// ATTACK: stack bomb: unbounded recursion with 1 KiB frames (RLIMIT_STACK is the memory limit).
#define _GNU_SOURCE
#include <stdio.h>

__attribute__((noinline)) static long rec(long n, volatile char *up)
{
	volatile char frame[1024];
	frame[0] = (char)n;
	frame[1023] = up ? up[0] : 0;
	if (n == 0)
		return frame[0];
	return rec(n - 1, frame) + frame[1023];
}

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%ld\n", rec(100000000L, NULL));
	printf("%lld\n", a + b);
	return 0;
}
