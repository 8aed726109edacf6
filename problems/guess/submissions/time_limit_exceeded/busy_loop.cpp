// One query, then spins forever.
#include <iostream>
#include <string>

int main()
{
	std::cout << "? 1" << std::endl;
	std::string r;
	std::cin >> r;
	volatile unsigned long n = 0;
	for (;;)
		n++;
}
