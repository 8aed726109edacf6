// EXPECT: AC
// EVERY-TEST: AC
// ATTACK: looks for host information through /proc: other processes than its own and the supervisor's (the host's, other containers'), and the host's hostname. Prints the answer only if none is visible.
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	long a, b;
	int pids = 0;
	struct dirent *e;
	DIR *d = opendir("/proc");
	char host[256] = "";

	if (scanf("%ld %ld", &a, &b) != 2)
		return 1;
	while (d && (e = readdir(d)))
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9')
			pids++;
	if (d)
		closedir(d);
	gethostname(host, sizeof(host) - 1);
	/* The supervisor (PID 1) and this process: a handful at most. */
	if (pids > 4)
		printf("WRONG: %d processes visible\n", pids);
	else
		printf("%ld\n", a + b);
	fprintf(stderr, "pids=%d hostname=%s\n", pids, host);
	return 0;
}
