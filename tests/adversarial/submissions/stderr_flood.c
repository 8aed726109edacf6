// EXPECT: AC
// ATTACK: prints the right answer, then floods stderr for 0.4 s and exits 0: the judge must survive and stay AC.
// stderr must behave like a normal blocking pipe: a failed write (e.g. EAGAIN) makes it exit 4.
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	static char buf[65536];
	long long a, b;
	double t0 = now();
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	fflush(stdout);
	memset(buf, 'e', sizeof(buf));
	while (now() - t0 < 0.4)
		if (write(2, buf, sizeof(buf)) < 0)
			return errno == EAGAIN ? 4 : 5;
	return 0;
}
