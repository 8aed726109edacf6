// Assigns a string literal to an int. Expected verdict: CE.
#include <iostream>

int main()
{
	long long a, b;
	std::cin >> a >> b;
	int sum = "a + b";
	std::cout << sum << '\n';
	return 0;
}
