// EXPECT: AC
// ATTACK: busy child that outlives its parent (setsid + double fork); the parent prints the answer and exits 0.
// The orphan must be killed at the end of each test: every test first checks that no process of its uid
// survives from the previous test (prints WRONG otherwise); the script checks that no test's time is inflated.
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Another live process of our uid in this PID namespace (a survivor of an earlier test)? */
static int strangers(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int found = 0;
	char path[64], line[256];
	while (d && (e = readdir(d))) {
		int pid = atoi(e->d_name);
		FILE *f;
		if (pid <= 0 || pid == getpid())
			continue;
		snprintf(path, sizeof(path), "/proc/%d/status", pid);
		if (!(f = fopen(path, "r")))
			continue;
		while (fgets(line, sizeof(line), f)) {
			unsigned uid;
			if (sscanf(line, "Uid: %u", &uid) == 1 && uid == getuid())
				found = 1;
			if (!strncmp(line, "State:", 6) && strchr(line, 'Z'))
				break;   /* a zombie waiting for its reaper is not alive */
		}
		fclose(f);
	}
	if (d)
		closedir(d);
	return found;
}

int main(void)
{
	long long a, b;
	pid_t p;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	if (strangers()) {
		printf("WRONG: a process of an earlier test is still alive\n");
		return 0;
	}
	printf("%lld\n", a + b);
	fflush(stdout);
	if ((p = fork()) == 0) {
		setsid();
		if (fork() == 0) {
			volatile unsigned long spin = 0;
			for (;;)
				spin++;
		}
		_exit(0);
	}
	waitpid(p, NULL, 0);
	return 0;
}
