// EXPECT: AC
// ATTACK: creates files outside its scratch space (/etc, /, /judge, /box, /box/build, /tests, /usr, /var/tmp) with
// a unique marker name that the script also looks for on the host; prints the answer only if every create fails.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define MARKER "judge-adv-marker-7f3c9"
static const char *const targets[] = {
	"/etc/" MARKER, "/" MARKER, "/judge/" MARKER, "/judge/src/" MARKER, "/box/" MARKER,
	"/box/build/" MARKER, "/box/out/" MARKER, "/tests/" MARKER, "/usr/bin/" MARKER, "/var/tmp/" MARKER,
	"/root/" MARKER, "/proc/1/root/etc/" MARKER, NULL
};

int main(void)
{
	long long a, b;
	int bad = 0;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (int i = 0; targets[i]; i++) {
		int fd = open(targets[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd >= 0 || mkdir(targets[i], 0755) == 0) {
			fprintf(stderr, "created %s\n", targets[i]);
			bad++;
			if (fd >= 0)
				close(fd);
		}
	}
	/* its own sealed build directory must be read-only too */
	if (open("/box/build/main", O_WRONLY) >= 0 || unlink("/box/build/main") == 0 || chmod("/box/build", 0777) == 0)
		bad++, fprintf(stderr, "the build directory is writable\n");
	if (bad)
		printf("WRONG: %d writes outside the box\n", bad);
	else
		printf("%lld\n", a + b);
	return 0;
}
