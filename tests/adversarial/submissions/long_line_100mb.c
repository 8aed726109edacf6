// EXPECT: OLE
// ATTACK: one extremely long line: 100 MB of digits without a newline (output limit 1 MiB).
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	static char buf[1 << 20];
	memset(buf, '7', sizeof(buf));
	for (int i = 0; i < 100; i++)
		if (write(1, buf, sizeof(buf)) < 0)
			return 3;
	return 0;
}
