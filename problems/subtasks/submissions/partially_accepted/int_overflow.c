/* Sums in an int: overflows once the sum leaves 32 bits. Expected verdict: WA
 * (samples pass, secret/02-overflow fails). */
#include <stdio.h>

int main(void)
{
	int n, a;
	unsigned sum = 0;   /* unsigned: wraps like an int would, without UB */
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++) {
		if (scanf("%d", &a) != 1)
			return 1;
		sum += (unsigned)a;
	}
	printf("%d\n", (int)sum);
	return 0;
}
