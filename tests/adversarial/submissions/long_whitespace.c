// EXPECT: AC
// ATTACK: 900 KiB of spaces and tabs on one line around the right answer (the default validator ignores whitespace).
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

int main(void)
{
	static char buf[450 * 1024];
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (size_t i = 0; i < sizeof(buf) - 1; i++)
		buf[i] = i % 3 ? ' ' : '\t';
	printf("%s%lld%s\n", buf, a + b, buf);
	return 0;
}
