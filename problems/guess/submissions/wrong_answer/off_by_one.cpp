// Finds the number, then answers one more.
#include <iostream>
#include <string>

int main()
{
	long long lo = 1, hi = 1000000000;
	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;
		std::cout << "? " << mid << std::endl;
		std::string r;
		std::cin >> r;
		if (r == "=")
			lo = hi = mid;
		else if (r == "<")
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	std::cout << "! " << lo + 1 << std::endl;
}
