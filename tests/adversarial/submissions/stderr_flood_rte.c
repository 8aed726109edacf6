// EXPECT: RTE
// ATTACK: floods stderr for 0.4 s then exits 1: RTE, and the report must keep only a capped prefix of stderr.
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
	double t0 = now();
	memset(buf, 'e', sizeof(buf));
	while (now() - t0 < 0.4)
		if (write(2, buf, sizeof(buf)) < 0 && errno != EAGAIN)
			break;
	return 1;
}
