// EXPECT: AC
// ATTACK: plants symlinks (and a hard link attempt) in /tmp pointing at /tests, /box/out and the answers, for a
// root-run cleanup to follow; reads through them must fail, and the next test must find /tmp empty again.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	int bad = 0;
	char c;
	DIR *d = opendir("/tmp");
	struct dirent *e;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			bad++, fprintf(stderr, "left over in /tmp: %s\n", e->d_name);
	if (d)
		closedir(d);
	symlink("/tests", "/tmp/tests");
	symlink("/tests/0.ans", "/tmp/ans");
	symlink("/box/out", "/tmp/out");
	symlink("/box/out/stdout", "/tmp/stdout");
	symlink("/judge/config", "/tmp/config");
	if (link("/judge/config", "/tmp/config-hard") == 0 || link("/tests/0.ans", "/tmp/ans-hard") == 0)
		bad++, fprintf(stderr, "hard link made\n");
	const char *const reads[] = { "/tmp/ans", "/tmp/tests/1.ans", "/tmp/stdout", "/tmp/config", NULL };
	for (int i = 0; reads[i]; i++) {
		int fd = open(reads[i], O_RDONLY);
		if (fd >= 0 && read(fd, &c, 1) >= 0)
			bad++, fprintf(stderr, "read through %s\n", reads[i]);
		if (fd >= 0)
			close(fd);
	}
	if (bad)
		printf("WRONG: %d\n", bad);
	else
		printf("%lld\n", a + b);
	return 0;
}
