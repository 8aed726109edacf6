// EXPECT: OLE
// ATTACK: writes a 64 MiB file to /tmp, more than the output limit (1 MiB) that RLIMIT_FSIZE enforces on every file.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	static char buf[65536];
	long long a, b;
	int fd = open("/tmp/big", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (scanf("%lld %lld", &a, &b) != 2 || fd < 0)
		return 1;
	memset(buf, 'b', sizeof(buf));
	for (int i = 0; i < 1024; i++)
		if (write(fd, buf, sizeof(buf)) < 0)
			return 3;
	printf("%lld\n", a + b);
	return 0;
}
