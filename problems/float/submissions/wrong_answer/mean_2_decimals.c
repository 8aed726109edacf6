/* Prints the mean with only %.2f: an error of up to 0.005 exceeds 1e-6. Expected verdict: WA (already on sample 1). */
#include <stdio.h>

int main(void)
{
	int n;
	double x, sum = 0;
	if (scanf("%d", &n) != 1 || n < 1)
		return 1;
	for (int i = 0; i < n; i++) {
		if (scanf("%lf", &x) != 1)
			return 1;
		sum += x;
	}
	printf("%.2f\n", sum / n);
	return 0;
}
