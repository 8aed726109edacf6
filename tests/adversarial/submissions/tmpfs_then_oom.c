// EXPECT: MLE
// EVERY-TEST: MLE
// ATTACK: fills /tmp and /dev/shm (memory-backed tmpfs, charged to the container's cgroup and not freed when the
// process dies) until ENOSPC, then allocates until the OOM killer ends it: the cgroup stays nearly full while the
// supervisor cleans up, and the OOM killer must never pick the supervisor. Every test first checks that both were
// emptied after the previous one (prints WRONG, exit 0, otherwise).
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int emptied(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int ok = 1;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			printf("WRONG: %s not emptied (%s)\n", dir, e->d_name);
			ok = 0;
			break;
		}
	if (d)
		closedir(d);
	return ok;
}

static void fill(const char *dir)
{
	static char buf[1 << 20];
	memset(buf, 'f', sizeof(buf));
	for (int i = 0; i < 100000; i++) {
		char path[64];
		snprintf(path, sizeof(path), "%s/fill%d", dir, i);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0)
			return;
		ssize_t n = write(fd, buf, sizeof(buf));
		close(fd);
		if (n != (ssize_t)sizeof(buf))
			return;
	}
}

int main(void)
{
	if (!emptied("/tmp") || !emptied("/dev/shm"))
		return 0;
	fill("/tmp");
	fill("/dev/shm");
	for (;;) {
		char *p = malloc(1 << 20);
		if (!p)
			return 4;
		memset(p, 'm', 1 << 20);
	}
}
