// Prints a valid pair followed by an extra 0. Expected verdict: WA (extra output).
#include <iostream>

int main()
{
	long long n;
	if (!(std::cin >> n))
		return 1;
	std::cout << n << " 0 0\n";
	return 0;
}
