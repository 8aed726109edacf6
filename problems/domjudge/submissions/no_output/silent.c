/* Reads the input, computes the sum and prints nothing. Expected verdict: WA
 * (DOMjudge: NO-OUTPUT), already on sample 1. */
#include <stdio.h>

int main(void)
{
	int n;
	long long a, sum = 0;
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++) {
		if (scanf("%lld", &a) != 1)
			return 1;
		sum += a;
	}
	(void)sum;
	return 0;
}
