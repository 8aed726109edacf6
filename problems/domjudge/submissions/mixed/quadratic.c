/* Correct, but "quadratic": on big inputs (N >= 500) it re-adds the numbers
 * pass after pass until it has used 20 s of CPU time (clock()); small inputs
 * take one pass, so the samples pass. It is TLE on secret/03-big at the 2 s
 * limit, which its tag allows (DOMjudge: either result is fine):
 * @EXPECTED_RESULTS@: CORRECT, TIMELIMIT
 */
#include <stdio.h>
#include <time.h>

static long long a[100000];

int main(void)
{
	int n;
	volatile long long total = 0;
	if (scanf("%d", &n) != 1 || n < 1 || n > 100000)
		return 1;
	for (int i = 0; i < n; i++)
		if (scanf("%lld", &a[i]) != 1)
			return 1;
	for (;;) {
		total = 0;
		for (int i = 0; i < n; i++)
			total = total + a[i];
		if (n < 500 || clock() >= 20 * (clock_t)CLOCKS_PER_SEC)
			break;
	}
	printf("%lld\n", (long long)total);
	return 0;
}
