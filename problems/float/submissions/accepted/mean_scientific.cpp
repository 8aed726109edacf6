// Prints the mean in exponent notation, e.g. 2.3333333333e+00. Expected verdict: AC.
#include <iomanip>
#include <iostream>

int main()
{
	int n;
	if (!(std::cin >> n) || n < 1)
		return 1;
	long double sum = 0;
	for (int i = 0; i < n; i++) {
		long double x;
		std::cin >> x;
		sum += x;
	}
	std::cout << std::scientific << std::setprecision(10) << sum / n << '\n';
	return 0;
}
