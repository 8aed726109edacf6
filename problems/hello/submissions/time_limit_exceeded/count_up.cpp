// Computes a+b by adding 1 to a, |b| times. Expected verdict: TLE (samples pass, secret/03 has b = 10^18).
#include <iostream>

int main()
{
	long long a, b;
	if (!(std::cin >> a >> b))
		return 1;
	volatile long long sum = a;
	long long steps = b < 0 ? -b : b;
	for (long long i = 0; i < steps; i++)
		sum = sum + (b < 0 ? -1 : 1);
	std::cout << sum << '\n';
	return 0;
}
