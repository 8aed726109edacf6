// EXPECT: AC
// ATTACK: state kept between tests outside /tmp: a file in /dev/shm (tmpfs) and a SysV shared memory segment.
// Each test first checks that nothing of the previous test survived (prints WRONG otherwise), then leaves both.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	DIR *d = opendir("/dev/shm");
	struct dirent *e;
	int left = 0, id;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			left |= 1, fprintf(stderr, "left over in /dev/shm: %s\n", e->d_name);
	if (d)
		closedir(d);
	if (shmget(0x7f3c9, 1 << 20, 0600) >= 0)
		left |= 2, fprintf(stderr, "SysV segment 0x7f3c9 survived\n");
	int fd = open("/dev/shm/judge-adv-state", O_WRONLY | O_CREAT, 0600);
	if (fd >= 0)
		close(fd);
	if ((id = shmget(0x7f3c9, 1 << 20, IPC_CREAT | 0600)) >= 0) {
		char *p = shmat(id, NULL, 0);
		if (p != (void *)-1)
			memset(p, 1, 1 << 20), shmdt(p);
	}
	if (left)
		printf("WRONG: state of an earlier test survived (mask %d)\n", left);
	else
		printf("%lld\n", a + b);
	return 0;
}
