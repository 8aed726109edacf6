// EXPECT: AC
// ATTACK: leaves a 300-level deep directory chain in /tmp, deeper than a recursive cleanup may go; every test first
// checks that /tmp was emptied after the previous one (prints WRONG otherwise).
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	DIR *d = opendir("/tmp");
	struct dirent *e;
	int left = 0;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			left++, fprintf(stderr, "left over in /tmp: %s\n", e->d_name);
	if (d)
		closedir(d);
	if (chdir("/tmp") == 0)
		for (int i = 0; i < 300; i++)
			if (mkdir("d", 0700) < 0 || chdir("d") < 0)
				break;
	if (left)
		printf("WRONG: /tmp was not emptied\n");
	else
		printf("%lld\n", a + b);
	return 0;
}
