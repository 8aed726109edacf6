// Prints the right sum but returns 1 from main. Expected verdict: RTE (non-zero exit), not AC.
#include <iostream>

int main()
{
	int n;
	long long a, sum = 0;
	if (!(std::cin >> n))
		return 2;
	for (int i = 0; i < n; i++) {
		if (!(std::cin >> a))
			return 2;
		sum += a;
	}
	std::cout << sum << '\n';
	return 1;
}
