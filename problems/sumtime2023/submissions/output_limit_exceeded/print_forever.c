/* Prints the first number, then writes a 64 KiB buffer forever (limit: 1 MiB).
 * Expected verdict: OLE (already on sample 1). */
#include <stdio.h>
#include <string.h>

int main(void)
{
	static char buf[1 << 16];
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	printf("%d\n", n);
	memset(buf, '7', sizeof buf);
	for (;;)
		fwrite(buf, 1, sizeof buf, stdout);
}
