/* bench/native_grade.c - the work of `judge grade` done natively, with no
 * sandbox, for bench/grade.sh: for each student directory of a plain layout
 * (one source file each), compile it (C: gcc -O2 as the runtime image's
 * language definition does; Python: nothing), then run every test by
 * fork/exec with stdin from the .in file and stdout to a file, under
 * RLIMIT_CPU = the time limit, and compare the output to the .ans token by
 * token.  N worker processes share the students (-j N).
 *
 * Usage: native_grade STUDENTS_DIR DATA_DIR TIME_LIMIT_S JOBS
 * Prints one line per student ("id verdict passed/total") and a total.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 1000

static char *tests[MAX_TESTS];
static int ntests;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char **)a, *(char **)b); }

static void list_tests(const char *data)
{
	DIR *d = opendir(data);
	struct dirent *e;
	while (d && (e = readdir(d)) && ntests < MAX_TESTS) {
		size_t n = strlen(e->d_name);
		if (n > 3 && !strcmp(e->d_name + n - 3, ".in"))
			tests[ntests++] = strndup(e->d_name, n - 3);
	}
	if (d)
		closedir(d);
	qsort(tests, (size_t)ntests, sizeof(*tests), cmp_str);
}

static int run(char *const argv[], const char *in, const char *out, double tl, const char *cwd)
{
	pid_t p = fork();
	int st;
	if (p == 0) {
		struct rlimit r = { (rlim_t)(tl + 0.999), (rlim_t)(tl + 0.999) + 1 };
		if (cwd && chdir(cwd) < 0)
			_exit(126);
		if (tl > 0)
			setrlimit(RLIMIT_CPU, &r);
		int i = in ? open(in, O_RDONLY) : open("/dev/null", O_RDONLY);
		int o = out ? open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644) : open("/dev/null", O_WRONLY);
		dup2(i, 0);
		dup2(o, 1);
		if (!out)
			dup2(o, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (p < 0 || waitpid(p, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Token-wise equality of two files (the default validator's rule). */
static int same_tokens(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb = fopen(b, "r");
	char x[4096], y[4096];
	int ok = fa && fb, ra, rb;
	while (ok) {
		ra = fscanf(fa, "%4095s", x);
		rb = fscanf(fb, "%4095s", y);
		if (ra != rb || (ra == 1 && strcmp(x, y)))
			ok = 0;
		if (ra != 1 || rb != 1)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return ok;
}

static const char *ext_of(const char *f)
{
	const char *d = strrchr(f, '.');
	return d ? d + 1 : "";
}

static void grade_one(const char *dir, const char *id, const char *data, double tl)
{
	char sdir[4096], src[8192], exe[4096], in[8192], ans[8192], out[8192];
	DIR *d;
	struct dirent *e;
	const char *file = NULL;
	int passed = 0, ce = 0, py;

	snprintf(sdir, sizeof(sdir), "%s/%s", dir, id);
	if (!(d = opendir(sdir)))
		return;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			file = strdup(e->d_name);
	closedir(d);
	if (!file)
		return;
	snprintf(src, sizeof(src), "%s/%s", sdir, file);
	snprintf(exe, sizeof(exe), "/tmp/native-grade-%d-%s", getpid(), id);
	py = !strcmp(ext_of(file), "py");
	if (!py) {
		char *cc[] = { "gcc", "-std=gnu17", "-O2", "-pipe", "-o", exe, src, "-lm", NULL };
		ce = run(cc, NULL, NULL, 0, NULL) != 0;
	}
	for (int t = 0; !ce && t < ntests; t++) {
		char *pyv[] = { "python3", src, NULL }, *cv[] = { exe, NULL };
		snprintf(in, sizeof(in), "%s/%s.in", data, tests[t]);
		snprintf(ans, sizeof(ans), "%s/%s.ans", data, tests[t]);
		snprintf(out, sizeof(out), "%s.out", exe);
		if (run(py ? pyv : cv, in, out, tl, NULL) == 0 && same_tokens(out, ans))
			passed++;
	}
	printf("%s %s %d/%d\n", id, ce ? "CE" : passed == ntests ? "AC" : "NOT-AC", passed, ntests);
	fflush(stdout);
	snprintf(out, sizeof(out), "%s.out", exe);
	unlink(out);
	unlink(exe);
	free((void *)file);
}

int main(int argc, char **argv)
{
	struct dirent **ents;
	int n, jobs;
	double tl;

	if (argc != 5) {
		fprintf(stderr, "usage: native_grade STUDENTS DATA TL JOBS\n");
		return 2;
	}
	tl = atof(argv[3]);
	jobs = atoi(argv[4]);
	list_tests(argv[2]);
	n = scandir(argv[1], &ents, NULL, alphasort);
	/* the workers take students from a shared counter, as the judge does */
	int *next = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (next == MAP_FAILED)
		return 1;
	*next = 0;
	for (int w = 0; w < jobs; w++) {
		if (fork() == 0) {
			int i;
			while ((i = __atomic_fetch_add(next, 1, __ATOMIC_SEQ_CST)) < n)
				if (ents[i]->d_name[0] != '.')
					grade_one(argv[1], ents[i]->d_name, argv[2], tl);
			_exit(0);
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
