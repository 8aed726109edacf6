/* Missing semicolon after the declaration. Expected verdict: CE. */
#include <stdio.h>

int main(void)
{
	long long a, sum = 0
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++) {
		scanf("%lld", &a);
		sum += a;
	}
	printf("%lld\n", sum);
	return 0;
}
