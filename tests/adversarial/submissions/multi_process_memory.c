// EXPECT: MLE
// ATTACK: memory limit split over processes: three children hold 100 MiB each at the same time (300 MiB in all,
// limit 256 MiB) while no single process exceeds the limit; the parent waits for them and prints the answer.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	int go[2], ready[2];
	char c;
	if (scanf("%lld %lld", &a, &b) != 2 || pipe(go) < 0 || pipe(ready) < 0)
		return 1;
	for (int i = 0; i < 3; i++)
		if (fork() == 0) {
			char *p = malloc(100 << 20);
			if (!p)
				_exit(2);
			memset(p, i + 1, 100 << 20);
			if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 1)
				_exit(3);
			_exit(p[12345] == i + 1 ? 0 : 4);
		}
	for (int i = 0; i < 3; i++)
		if (read(ready[0], &c, 1) != 1)
			return 5;
	if (write(go[1], "ggg", 3) != 3)
		return 6;
	for (int i = 0; i < 3; i++) {
		int st;
		if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return 7;
	}
	printf("%lld\n", a + b);
	return 0;
}
