// Binary search: at most 30 queries for 10^9 candidates.
#include <iostream>
#include <string>

int main()
{
	long long lo = 1, hi = 1000000000;
	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;
		std::cout << "? " << mid << std::endl;
		std::string r;
		if (!(std::cin >> r))
			return 1;
		if (r == "=") {
			lo = hi = mid;
		} else if (r == "<") {
			hi = mid - 1;
		} else {
			lo = mid + 1;
		}
	}
	std::cout << "! " << lo << std::endl;
	return 0;
}
