// EXPECT: CE|AC
// ATTACK: compile-time: a 1 GiB initialized global array makes a 1 GiB object file and binary (compile memory,
// /tmp and the file-size limit must stop it without exhausting the host).
#include <stdio.h>

char big[1 << 30] = { 1 };   /* external linkage: the compiler must emit it */

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b + big[1 + (a & 1023)]);
	return 0;
}
