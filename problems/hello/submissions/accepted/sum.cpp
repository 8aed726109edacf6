// Reads a and b as long long with iostreams and prints a+b. Expected verdict: AC.
#include <iostream>

int main()
{
	long long a, b;
	if (!(std::cin >> a >> b))
		return 1;
	std::cout << a + b << '\n';
	return 0;
}
