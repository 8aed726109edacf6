/* bench/native.c - the native baseline: runs PROGRAM once per test by
 * fork/exec with the judge's redirections (stdin from the .in file, stdout to
 * a file, stderr to a drained pipe) and prints the mean milliseconds per test.
 * Usage: native PROGRAM TESTDIR N */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void run_one(const char *prog, const char *in_path)
{
	int in = open(in_path, O_RDONLY), out = open("/tmp/native-bench.out", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int ep[2];
	char buf[4096];
	pid_t pid;

	if (in < 0 || out < 0 || pipe(ep) < 0) {
		perror("setup");
		exit(1);
	}
	if ((pid = fork()) == 0) {
		dup2(in, 0), dup2(out, 1), dup2(ep[1], 2);
		execl(prog, prog, (char *)NULL);
		_exit(127);
	}
	close(ep[1]);
	while (read(ep[0], buf, sizeof(buf)) > 0)
		;
	waitpid(pid, NULL, 0);
	close(ep[0]), close(in), close(out);
}

int main(int argc, char **argv)
{
	char path[4096];
	int n;
	double t0;

	if (argc != 4)
		return fprintf(stderr, "usage: native PROGRAM TESTDIR N\n"), 2;
	n = atoi(argv[3]);
	t0 = now();
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%03d.in", argv[2], i);
		run_one(argv[1], path);
	}
	printf("%.4f\n", (now() - t0) * 1000.0 / n);
	return 0;
}
