/* Sums the numbers in a long long. Expected verdict: AC (fast). */
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
	printf("%lld\n", sum);
	return 0;
}
