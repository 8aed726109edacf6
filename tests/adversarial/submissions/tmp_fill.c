// EXPECT: RTE|OLE|MLE
// EVERY-TEST: RTE|OLE|MLE
// ATTACK: fills the 256 MiB /tmp tmpfs (memory-backed: MLE is right too) with 1 MiB files until ENOSPC, then exits 3. Every test first checks that
// /tmp was emptied after the previous one (prints WRONG, exit 0, otherwise).
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	static char buf[1 << 20];
	DIR *d = opendir("/tmp");
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			printf("WRONG: /tmp not emptied (%s)\n", e->d_name);
			return 0;
		}
	memset(buf, 'f', sizeof(buf));
	for (int i = 0; i < 100000; i++) {
		char path[64];
		snprintf(path, sizeof(path), "/tmp/fill%d", i);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0)
			return 3;
		if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
			return 3;
		close(fd);
	}
	return 0;
}
