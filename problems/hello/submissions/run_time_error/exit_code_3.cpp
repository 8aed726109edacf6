// Prints the right answer but returns 3 from main. Expected verdict: RTE (non-zero exit), not AC.
#include <iostream>

int main()
{
	long long a, b;
	if (!(std::cin >> a >> b))
		return 1;
	std::cout << a + b << '\n';
	return 3;
}
