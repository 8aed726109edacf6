// Sums the numbers in a long long. Expected verdict: AC, also stated by the tag:
// @EXPECTED_RESULTS@: CORRECT
#include <cstdio>

int main()
{
	int n;
	long long a, sum = 0;
	if (std::scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++) {
		if (std::scanf("%lld", &a) != 1)
			return 1;
		sum += a;
	}
	std::printf("%lld\n", sum);
	return 0;
}
