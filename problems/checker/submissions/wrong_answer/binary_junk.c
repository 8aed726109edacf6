/* Writes NUL, 0xff and control bytes around a valid pair. Expected verdict: WA (the checker must not crash). */
#include <stdio.h>

int main(void)
{
	static const char junk[] = {'\0', '\xff', '\x01', '\x1b', '[', '0', 'm'};
	long long n;
	if (scanf("%lld", &n) != 1)
		return 1;
	fwrite(junk, 1, sizeof junk, stdout);
	printf(" %lld 0\n", n);
	return 0;
}
