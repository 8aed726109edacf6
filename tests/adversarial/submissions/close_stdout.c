// EXPECT: AC
// ATTACK: prints the answer, closes stdout (and stderr) early, then keeps computing for 0.3 s and exits 0.
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	volatile unsigned long spin = 0;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	fflush(stdout);
	close(1);
	close(2);
	clock_t t0 = clock();
	while (clock() - t0 < CLOCKS_PER_SEC * 3 / 10)
		spin++;
	return 0;
}
