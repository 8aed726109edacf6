// EXPECT: MLE
// ATTACK: memory bomb: mmap 8 GiB of anonymous memory (MAP_NORESERVE) and touch every page.
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	long long a, b;
	size_t size = 8ull << 30;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return 2;
	for (size_t i = 0; i < size; i += 4096)
		p[i] = 1;
	printf("%lld\n", a + b);
	return 0;
}
