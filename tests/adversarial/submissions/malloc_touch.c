// EXPECT: MLE
// ATTACK: memory bomb: malloc 16 MiB chunks and touch every byte, up to 4 GiB (limit 256 MiB).
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (int i = 0; i < 256; i++) {
		char *p = malloc(16 << 20);
		if (!p)
			return 2;
		memset(p, i + 1, 16 << 20);
	}
	printf("%lld\n", a + b);
	return 0;
}
