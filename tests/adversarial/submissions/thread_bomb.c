// EXPECT: TLE|RTE|MLE
// ATTACK: thread bomb: creates sleeping threads until the pids limit refuses more, then sleeps (no CPU used).
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(void)
{
	long long a, b;
	pthread_attr_t at;
	pthread_t t;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 64 * 1024);
	for (int fails = 0; fails < 1000;)
		if (pthread_create(&t, &at, sleeper, NULL) != 0)
			fails++, usleep(1000);
	for (;;)
		pause();
}
