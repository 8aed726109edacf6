// EXPECT: AC|WA
// ATTACK: prints the answer, then the contents of every judge file it manages to read (a leak shows in stdout).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static const char *const targets[] = {
	"/tests/0.ans", "/tests/1.ans", "/tests/2.ans", "/tests/0.in", "/tests/1.in", "/tests/2.in",
	"/judge/config", "/judge/tests.tar", "/proc/1/environ", "/box/out/stdout", NULL
};

int main(void)
{
	long long a, b;
	char buf[4096];
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	fflush(stdout);
	for (int i = 0; targets[i]; i++) {
		int fd = open(targets[i], O_RDONLY);
		ssize_t n;
		if (fd < 0)
			continue;
		printf("== %s\n", targets[i]);
		fflush(stdout);
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			if (write(1, buf, (size_t)n) < 0)
				break;
		close(fd);
	}
	return 0;
}
