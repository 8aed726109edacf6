/* Prints the answer, then writes a 64 KiB buffer forever (limit: 1 MiB). Expected verdict: OLE. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	static char buf[1 << 16];
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	memset(buf, '7', sizeof buf);
	for (;;)
		fwrite(buf, 1, sizeof buf, stdout);
}
