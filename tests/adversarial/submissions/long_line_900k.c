// EXPECT: WA
// ATTACK: one 900 KiB line (under the 1 MiB output limit): a single enormous number token that starts with the answer.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

int main(void)
{
	static char buf[900 * 1024];
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	memset(buf, '0', sizeof(buf) - 1);
	printf("%lld%s\n", a + b, buf);
	return 0;
}
