// Allocates 1 GiB in 16 MiB blocks and writes every byte (limit: 256 MiB).
// Expected verdict: MLE (already on sample 1).
#include <cstring>
#include <iostream>
#include <vector>

int main()
{
	int n;
	if (!(std::cin >> n))
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
	std::cout << n + check - check << '\n';
	return 0;
}
