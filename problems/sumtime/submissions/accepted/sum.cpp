// Sums the numbers in a long long with iostreams. Expected verdict: AC (fast).
#include <iostream>

int main()
{
	std::ios::sync_with_stdio(false);
	std::cin.tie(nullptr);
	int n;
	long long a, sum = 0;
	if (!(std::cin >> n))
		return 1;
	for (int i = 0; i < n; i++) {
		if (!(std::cin >> a))
			return 1;
		sum += a;
	}
	std::cout << sum << '\n';
	return 0;
}
