/* mallocs 1 GiB in 16 MiB blocks and memsets each (limit: 256 MiB). Expected verdict: MLE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	long long a, b, check = 0;
	char *blocks[64];
	size_t block = (size_t)16 << 20;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (int i = 0; i < 64; i++) {
		blocks[i] = malloc(block);
		if (!blocks[i])
			return 1;
		memset(blocks[i], 1 + i, block);
	}
	for (int i = 0; i < 64; i++)
		check += blocks[i][block - 1];
	printf("%lld\n", a + b + check - check);
	return 0;
}
