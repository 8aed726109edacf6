// EXPECT: WA
// ATTACK: output that is not text: 64 KiB of binary bytes including NULs, after the right answer.
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	static unsigned char buf[65536];
	long long a, b;
	unsigned x = 12345;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)((x = x * 1103515245u + 12345u) >> 16), buf[i] = i % 7 ? buf[i] : 0;
	printf("%lld\n", a + b);
	fflush(stdout);
	return write(1, buf, sizeof(buf)) < 0;
}
