// Three queries, then a null pointer write.
#include <iostream>
#include <string>

int main()
{
	for (int i = 1; i <= 3; i++) {
		std::cout << "? " << i * 1000 << std::endl;
		std::string r;
		std::cin >> r;
	}
	volatile int *p = nullptr;
	*p = 1;
	std::cout << "! 1" << std::endl;
}
