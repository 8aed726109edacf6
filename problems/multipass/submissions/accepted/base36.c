/* Pass 1 writes each number in base 36 (a leading '~' for negatives),
 * separated by '.'; pass 2 reads them back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char word[20000];

static void put36(long long v)
{
	char buf[32];
	int n = 0;
	if (v < 0) {
		putchar('~');
		v = -v;
	}
	do {
		buf[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
		v /= 36;
	} while (v);
	while (n)
		putchar(buf[--n]);
}

int main(void)
{
	char mode[16];
	long n;
	long long v;
	if (scanf("%15s", mode) != 1)
		return 1;
	if (!strcmp(mode, "encode")) {
		if (scanf("%ld", &n) != 1)
			return 1;
		for (long i = 0; i < n && scanf("%lld", &v) == 1; i++) {
			if (i)
				putchar('.');
			put36(v);
		}
		putchar('\n');
		return 0;
	}
	if (scanf("%19999s", word) != 1)
		return 1;
	for (char *p = strtok(word, "."); p; p = strtok(NULL, ".")) {
		int neg = *p == '~';
		long long x = strtoll(p + neg, NULL, 36);
		printf("%lld\n", neg ? -x : x);
	}
	return 0;
}
