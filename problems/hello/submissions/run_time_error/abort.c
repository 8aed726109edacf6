/* Prints the right answer, then calls abort(). Expected verdict: RTE (SIGABRT), not AC. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	fflush(stdout);
	abort();
}
