// EXPECT: AC
// ATTACK: tries to read the answers and the judge's files (/tests/*.ans, other tests' .in, /judge/config,
// /judge/tests.tar, /box/out, the supervisor's fds and environment); prints the answer only if every open fails.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static const char *const targets[] = {
	"/tests/0.ans", "/tests/1.ans", "/tests/2.ans", "/tests/0.in", "/tests/1.in", "/tests/2.in",
	"/judge/config", "/judge/tests.tar", "/box/out/stdout", "/proc/1/environ", "/proc/1/fd/0",
	"/proc/1/fd/1", "/proc/1/mem", "/proc/1/root/tests/0.ans", "/proc/self/fd/1", NULL
};
static const char *const dirs[] = { "/tests", "/box/out", "/proc/1/fd", "/proc/1/root/tests", NULL };

int main(void)
{
	long long a, b;
	int leaks = 0;
	char c;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (int i = 0; targets[i]; i++) {
		int fd = open(targets[i], O_RDONLY);
		if (fd >= 0 && read(fd, &c, 1) >= 0) {
			fprintf(stderr, "readable: %s\n", targets[i]);
			leaks++;
		}
		if (fd >= 0)
			close(fd);
	}
	for (int i = 0; dirs[i]; i++) {
		DIR *d = opendir(dirs[i]);
		if (d) {
			fprintf(stderr, "listable: %s\n", dirs[i]);
			leaks++;
			closedir(d);
		}
	}
	if (leaks)
		printf("WRONG: %d secrets readable\n", leaks);
	else
		printf("%lld\n", a + b);
	return 0;
}
