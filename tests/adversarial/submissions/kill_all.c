// EXPECT: AC|RTE
// ATTACK: kill(-1, SIGKILL) with a child alive: must reach only processes of the submission's uid (on Linux not
// the caller itself), never the supervisor; the answer is printed afterwards, and the next tests must still run.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	pid_t c;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	if ((c = fork()) == 0) {
		pause();
		_exit(0);
	}
	kill(-1, SIGSTOP);
	kill(-1, SIGKILL);
	waitpid(c, NULL, 0);
	printf("%lld\n", a + b);
	return 0;
}
