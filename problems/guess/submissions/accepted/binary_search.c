/* Binary search with plain stdio (explicit flushes). */
#include <stdio.h>

int main(void)
{
	long lo = 1, hi = 1000000000;
	char r[8];
	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;
		printf("? %ld\n", mid);
		fflush(stdout);
		if (scanf("%7s", r) != 1)
			return 1;
		if (r[0] == '=')
			lo = hi = mid;
		else if (r[0] == '<')
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	printf("! %ld\n", lo);
	return 0;
}
