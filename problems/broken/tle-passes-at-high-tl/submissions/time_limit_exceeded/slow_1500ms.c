/* Correct but too slow: on big inputs (N >= 500) it re-adds the numbers pass after
 * pass until the process has used 1.5 s of CPU time (clock(), the CPU time the
 * judge measures); small inputs take one pass. Expected verdict: TLE at the
 * derived 1 s limit (on secret/03-big), but AC at 2 s (1 s x time_safety_margin):
 * `judge verify` must report it as sensitive to the time limit. */
#include <stdio.h>
#include <time.h>

#define BUDGET_SECONDS 1.5

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
		if (n < 500 || clock() >= (clock_t)(BUDGET_SECONDS * CLOCKS_PER_SEC))
			break;
	}
	printf("%lld\n", (long long)total);
	return 0;
}
