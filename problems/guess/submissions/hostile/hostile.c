/* A hostile submission for the interactive sandbox.  Before playing it
 * tries to reach the output validator: it lists the processes it can see,
 * sends SIGKILL to every process it may signal (kill(-1)), probes PIDs, and
 * tries to open the pipes (and their directory) by path.  It reports what
 * it saw on stderr, one "hostile: ..." line each, then plays the game but
 * gives a wrong final answer on purpose: a WA verdict (the validator's own
 * message) shows the validator survived, and the report keeps the stderr. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void list_processes(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d))) {
		char path[300], line[256], name[64] = "?";
		long uid = -1;
		FILE *f;
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/status", e->d_name);
		if (!(f = fopen(path, "r")))
			continue;
		while (fgets(line, sizeof(line), f)) {
			if (!strncmp(line, "Name:", 5))
				sscanf(line + 5, "%63s", name);
			else if (!strncmp(line, "Uid:", 4))
				sscanf(line + 4, "%ld", &uid);
		}
		fclose(f);
		fprintf(stderr, "hostile: proc %s uid=%ld name=%s\n", e->d_name, uid, name);
		n++;
	}
	if (d)
		closedir(d);
	fprintf(stderr, "hostile: %d processes visible\n", n);
}

static void try_open(const char *path, int flags)
{
	int fd = open(path, flags | O_NONBLOCK);
	fprintf(stderr, "hostile: open %s: %s\n", path, fd >= 0 ? "opened" : strerror(errno));
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	int alive = 0;
	DIR *d;

	list_processes();
	fprintf(stderr, "hostile: kill(-1, SIGKILL): %s\n", kill(-1, SIGKILL) == 0 ? "sent" : strerror(errno));
	for (pid_t p = 1; p < 65536; p++)
		if (kill(p, 0) == 0 || errno == EPERM)
			alive++;
	fprintf(stderr, "hostile: %d pids answer kill(pid, 0)\n", alive);
	d = opendir("/ipc");
	fprintf(stderr, "hostile: opendir /ipc: %s\n", d ? "opened" : strerror(errno));
	if (d)
		closedir(d);
	try_open("/ipc/to_val", O_WRONLY);
	try_open("/ipc/to_sub", O_RDONLY);
	try_open("/proc/1/root/ipc/to_val", O_WRONLY);
	fflush(stderr);

	long lo = 1, hi = 1000000000;
	char r[8];
	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;
		printf("? %ld\n", mid);
		fflush(stdout);
		if (scanf("%7s", r) != 1)
			return 0;
		if (r[0] == '=')
			lo = hi = mid;
		else if (r[0] == '<')
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	printf("! %ld\n", lo == 1000000000 ? lo - 1 : lo + 1);
	return 0;
}
