// Allocates 1 GiB in 16 MiB blocks and writes to every byte (limit: 256 MiB). Expected verdict: MLE.
#include <cstring>
#include <iostream>
#include <vector>

int main()
{
	long long a, b;
	if (!(std::cin >> a >> b))
		return 1;
	const size_t block = 16u << 20;
	std::vector<char *> blocks;
	for (int i = 0; i < 64; i++) {
		char *p = new char[block];
		std::memset(p, 1 + i, block);
		blocks.push_back(p);
	}
	long long check = 0;
	for (char *p : blocks)
		check += p[block - 1];
	std::cout << a + b + check - check << '\n';
	return 0;
}
