// EXPECT: MLE
// EVERY-TEST: MLE
// ATTACK: memory hidden from the per-process peak: each test leaves two touched 140 MiB SysV shared memory segments
// (280 MiB, limit 256 MiB), attached one at a time; they stay charged to the container after the process exits.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

int main(void)
{
	long long a, b;
	size_t size = 140u << 20;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	for (int i = 0; i < 2; i++) {
		int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
		char *p = id >= 0 ? shmat(id, NULL, 0) : (void *)-1;
		if (p == (void *)-1)
			return 2;
		memset(p, i + 1, size);
		shmdt(p);
	}
	printf("%lld\n", a + b);
	return 0;
}
