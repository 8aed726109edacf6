/* bench/native_verify.c - the native baseline of `judge verify`: the same
 * work with no sandbox and no containers, for bench/verify.sh.
 *
 *   native_verify PROBLEM [-j N] [-k]      (-k keeps the work directory)
 *
 * What it does, in three phases, each one running up to N jobs at once (one
 * forked process per job; results go through a shared mapping):
 *   1. validate + compile: every input validator (input_validators/NAME.py) on
 *      every .in (one job per run, exit 42 = valid), the default output
 *      validator on every .ans (against itself), and every submission
 *      (each entry of submissions/DIR/: a file, or a directory holding a
 *      multi-file program) copied into a work directory of its own and
 *      compiled with the compilers and flags of harness/languages.yaml;
 *   2. accepted submissions on every test at the provisional time limit (10 s;
 *      or the package's own limit when it fixes one), then
 *      TL = max(1, ceil(slowest accepted CPU time x mult / res)) x res
 *      (mult = ac_to_time_limit, default 5; res = time_resolution, default 1);
 *   3. every other submission at TL, then again at 2 x TL (time_limit_to_tle
 *      or time_safety_margin when the package sets it).
 * A test: fork/exec in the work directory, stdin from the .in, stdout to a
 * file, stderr drained through a pipe, RLIMIT_CPU (soft ceil(TL), hard + 1),
 * RLIMIT_FSIZE at the output limit, a wall-clock limit of 2 x TL + 1 s
 * enforced by the parent (pidfd + poll, then SIGKILL to the process group);
 * CPU time is user + system from wait4().  The output is compared with the
 * .ans like the Kattis default validator with no flags: whitespace-separated
 * tokens, case-insensitive, no float tolerance.  A pass stops at the first
 * test that is not AC.  Tests are data/sample then data/secret, each walked
 * recursively and sorted by path.
 *
 * Go: GOCACHE (and HOME, GOPATH) live in each submission's own work
 * directory, so every Go build is cold, as in the judge, where each
 * container starts with an empty /tmp.  Tools are found on PATH (put
 * /usr/bin first to avoid slow shims such as pyenv's).  No memory limit is
 * applied (java still gets -Xmx from limits.memory, default 2048 MiB).
 *
 * Output: phase timings, the derived time limit, one row per submission
 * (relative path first, so scripts can pick rows whose first field holds a
 * '/'; COMPILE is the wall time of copy + compile, MAX_CPU the largest CPU
 * time of a test, RUN_WALL and RUN_CPU the sums over the tests of the first
 * pass), and "total wall S s".
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROVISIONAL_TL 10.0
#define COMPILE_CPU_S  60
#define MAX_SUBS       512
#define MAX_ARGV       600

enum lang { L_C, L_CPP, L_PY, L_JAVA, L_JS, L_GO, L_NLANG };
static const char *const lang_name[] = { "c", "cpp", "python", "java", "javascript", "go" };

struct sub {
	char  rel[PATH_MAX];      /* accepted/sum.c */
	char  src[PATH_MAX];      /* absolute source path */
	char  work[PATH_MAX];     /* work directory */
	char  expect[8];
	int   isdir, lang, accepted;
	char  entry[PATH_MAX];    /* main file (python, js) or main class (java) */
	char *files[256];         /* sources, relative to work */
	int   nfiles;
};

/* Written by the job processes, read by the parent: lives in a shared mapping. */
struct res {
	int    compiled;          /* 1 ok, 0 failed (CE) */
	double compile_wall;
	char   verdict[2][8];     /* pass 0: at TL (or provisional), pass 1: at 2 x TL */
	int    passed[2];         /* tests passed in the pass */
	double max_cpu[2];
	double wall[2];
	int    ran[2];            /* tests run in the pass, their wall and CPU summed */
	double sum_wall[2], sum_cpu[2];
	char   failed[2][256];    /* name of the first non-AC test */
};

struct test { char in[PATH_MAX], ans[PATH_MAX], name[256]; };

static struct sub  subs[MAX_SUBS];
static int         nsubs;
static struct res *res;
static struct test *tests;
static int         ntests, cap_tests;
static char      **validators;
static int         nvalidators;
static int        *val_ok;      /* shared: per (validator, test), 1 = exit 42 */
static char        root[PATH_MAX], workroot[PATH_MAX];
static long        mem_mib = 2048;
static unsigned long long out_bytes = 8ull << 20;
static double      fixed_tl, mult = 5, resol = 1, margin = 2;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("native_verify: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		die("out of memory");
	return p;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of DIR (no . and ..), NULL-terminated; NULL if DIR can't be read. */
static char **list_dir(const char *dir, int *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	int len = 0, cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (len + 2 > cap) {
			cap = cap ? cap * 2 : 16;
			if (!(v = realloc(v, cap * sizeof(*v))))
				die("out of memory");
		}
		v[len++] = strdup(e->d_name);
	}
	closedir(d);
	if (!v)
		v = xmalloc(sizeof(*v));
	v[len] = NULL;
	qsort(v, len, sizeof(*v), cmp_str);
	*n = len;
	return v;
}

static void free_list(char **v)
{
	for (int i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static unsigned long long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (unsigned long long)st.st_size : 0;
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* ---------------------------------------------------------------------------
 * problem.yaml (just the few keys needed, read line by line) and tests
 */

static double yaml_num(const char *text, const char *key, double dflt)
{
	const char *p = text;
	size_t k = strlen(key);

	while ((p = strstr(p, key))) {
		int bol = p == text || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t';
		if (bol && p[k] == ':') {
			char *end;
			double v = strtod(p + k + 1, &end);
			if (end != p + k + 1)
				return v;
		}
		p += k;
	}
	return dflt;
}

static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	char *buf;
	size_t got = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0)
		return close(fd), NULL;
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = 0;
	if (len)
		*len = got;
	return buf;
}

static void read_problem(void)
{
	char path[PATH_MAX + 32];
	char *y;

	snprintf(path, sizeof(path), "%s/problem.yaml", root);
	if ((y = slurp(path, NULL))) {
		char *lim = strstr(y, "limits:");
		if (lim) {
			fixed_tl = yaml_num(lim, "time_limit", 0);
			mult = yaml_num(lim, "ac_to_time_limit", yaml_num(lim, "time_multiplier", 5));
			resol = yaml_num(lim, "time_resolution", 1);
			margin = yaml_num(lim, "time_limit_to_tle", yaml_num(lim, "time_safety_margin", 2));
			mem_mib = (long)yaml_num(lim, "memory", 2048);
			out_bytes = (unsigned long long)(yaml_num(lim, "output", 8) * 1048576);
		}
		free(y);
	}
	snprintf(path, sizeof(path), "%s/.timelimit", root);
	if (!fixed_tl && (y = slurp(path, NULL))) {
		fixed_tl = atof(y);
		free(y);
	}
}

static void walk_tests(const char *rel)
{
	char path[PATH_MAX], child[PATH_MAX];
	char **names;
	int n;

	snprintf(path, sizeof(path), "%s/data/%s", root, rel);
	if (!(names = list_dir(path, &n)))
		return;
	for (int i = 0; i < n; i++) {
		snprintf(child, sizeof(child), "%s/%s", rel, names[i]);
		snprintf(path, sizeof(path), "%s/data/%s", root, child);
		if (is_dir(path)) {
			walk_tests(child);
		} else if (ends_with(child, ".in") && is_file(path)) {
			struct test *t;
			if (ntests == cap_tests) {
				cap_tests = cap_tests ? cap_tests * 2 : 64;
				if (!(tests = realloc(tests, cap_tests * sizeof(*tests))))
					die("out of memory");
			}
			t = &tests[ntests];
			snprintf(t->in, sizeof(t->in), "%s", path);
			snprintf(t->ans, sizeof(t->ans), "%.*s.ans", (int)strlen(path) - 3, path);
			snprintf(t->name, sizeof(t->name), "%.*s", (int)strlen(child) - 3, child);
			if (is_file(t->ans))
				ntests++;
		}
	}
	free_list(names);
}

static int cmp_test(const void *a, const void *b)
{
	return strcmp(((const struct test *)a)->in, ((const struct test *)b)->in);
}

static void list_tests(void)
{
	static const char *const groups[] = { "sample", "secret" };
	for (int g = 0; g < 2; g++) {
		int start = ntests;
		walk_tests(groups[g]);
		qsort(tests + start, ntests - start, sizeof(*tests), cmp_test);
	}
	if (!ntests)
		die("%s: no tests under data/sample or data/secret", root);
}

static void list_validators(void)
{
	char dir[PATH_MAX + 32];
	char **names;
	int n;

	snprintf(dir, sizeof(dir), "%s/input_validators", root);
	if (!(names = list_dir(dir, &n)))
		return;
	validators = xmalloc((n + 1) * sizeof(*validators));
	for (int i = 0; i < n; i++) {
		char p[2 * PATH_MAX];
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		if (ends_with(names[i], ".py") && is_file(p))
			validators[nvalidators++] = strdup(p);
	}
	free_list(names);
}

/* ---------------------------------------------------------------------------
 * Submissions
 */

static int lang_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return -1;
	dot++;
	if (!strcasecmp(dot, "c"))
		return L_C;
	if (!strcasecmp(dot, "cpp") || !strcasecmp(dot, "cc") || !strcasecmp(dot, "cxx") || !strcasecmp(dot, "c++"))
		return L_CPP;
	if (!strcasecmp(dot, "py"))
		return L_PY;
	if (!strcasecmp(dot, "java"))
		return L_JAVA;
	if (!strcasecmp(dot, "js"))
		return L_JS;
	if (!strcasecmp(dot, "go"))
		return L_GO;
	return -1;
}

static const char *expect_of(const char *dir)
{
	static const char *const map[][2] = {
		{ "accepted", "AC" }, { "wrong_answer", "WA" }, { "time_limit_exceeded", "TLE" },
		{ "run_time_error", "RTE" }, { "compile_error", "CE" },
		{ "memory_limit_exceeded", "MLE" }, { "output_limit_exceeded", "OLE" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(dir, map[i][0]))
			return map[i][1];
	return "?";
}

static void scan_sources(struct sub *s, const char *src, const char *rel);
static void find_entry(struct sub *s);

static void discover(void)
{
	char sdir[PATH_MAX + 32], ddir[2 * PATH_MAX];
	char **dirs, **names;
	int nd, nn;

	snprintf(sdir, sizeof(sdir), "%s/submissions", root);
	if (!(dirs = list_dir(sdir, &nd)))
		die("%s: no submissions/ directory", root);
	for (int i = 0; i < nd; i++) {
		snprintf(ddir, sizeof(ddir), "%s/%s", sdir, dirs[i]);
		if (!is_dir(ddir) || !(names = list_dir(ddir, &nn)))
			continue;
		for (int j = 0; j < nn && nsubs < MAX_SUBS; j++) {
			struct sub *s = &subs[nsubs];
			memset(s, 0, sizeof(*s));
			snprintf(s->rel, sizeof(s->rel), "%s/%s", dirs[i], names[j]);
			snprintf(s->src, sizeof(s->src), "%s/%s", ddir, names[j]);
			snprintf(s->expect, sizeof(s->expect), "%s", expect_of(dirs[i]));
			s->accepted = !strcmp(dirs[i], "accepted");
			s->isdir = is_dir(s->src);
			s->lang = s->isdir ? -1 : lang_of(names[j]);
			if (!s->isdir && s->lang < 0)
				continue;   /* README, .gitkeep ... */
			scan_sources(s, s->src, s->isdir ? "" : names[j]);
			find_entry(s);
			snprintf(s->work, sizeof(s->work), "%s/s%03d", workroot, nsubs);
			nsubs++;
		}
		free_list(names);
	}
	free_list(dirs);
}

/* Records the source files of S (relative to its work directory) and its
 * language (a directory: the first recognised extension, in sorted order). */
static void scan_sources(struct sub *s, const char *src, const char *rel)
{
	if (is_dir(src)) {
		char **names;
		int n;
		if (!(names = list_dir(src, &n)))
			return;
		for (int i = 0; i < n; i++) {
			char a[PATH_MAX], r[PATH_MAX];
			snprintf(a, sizeof(a), "%s/%s", src, names[i]);
			snprintf(r, sizeof(r), "%s%s%s", rel, *rel ? "/" : "", names[i]);
			scan_sources(s, a, r);
		}
		free_list(names);
		return;
	}
	int l = lang_of(rel);
	if (s->lang < 0 && l >= 0)
		s->lang = l;
	if (l >= 0 && l == s->lang && s->nfiles < 255)
		s->files[s->nfiles++] = strdup(rel);
}

/* Copies SRC (a file or a tree) to DST. */
static void copy_tree(const char *src, const char *dst)
{
	if (is_dir(src)) {
		char **names;
		int n;
		mkdir(dst, 0755);
		if (!(names = list_dir(src, &n)))
			return;
		for (int i = 0; i < n; i++) {
			char a[PATH_MAX], b[PATH_MAX];
			snprintf(a, sizeof(a), "%s/%s", src, names[i]);
			snprintf(b, sizeof(b), "%s/%s", dst, names[i]);
			copy_tree(a, b);
		}
		free_list(names);
		return;
	}
	size_t len;
	char *data = slurp(src, &len);
	int fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (!data || fd < 0 || write(fd, data, len) != (ssize_t)len)
		die("copy %s: %s", src, strerror(errno));
	close(fd);
	free(data);
}

/* Entry point: main file (python, js) or "pkg.Class" (java). */
static void find_entry(struct sub *s)
{
	static const char *const py[] = { "__main__.py", "main.py", NULL };
	static const char *const js[] = { "main.js", "index.js", NULL };
	const char *const *cands = s->lang == L_PY ? py : s->lang == L_JS ? js : NULL;

	if (s->nfiles)
		snprintf(s->entry, sizeof(s->entry), "%s", s->files[0]);
	if (cands && s->isdir)
		for (int i = 0; cands[i]; i++)
			for (int f = 0; f < s->nfiles; f++)
				if (!strcmp(s->files[f], cands[i])) {
					snprintf(s->entry, sizeof(s->entry), "%s", cands[i]);
					return;
				}
	if (s->lang != L_JAVA)
		return;
	for (int f = 0; f < s->nfiles; f++) {
		char p[2 * PATH_MAX], *text, *pkg, *base;
		if (s->isdir)
			snprintf(p, sizeof(p), "%s/%s", s->src, s->files[f]);
		else
			snprintf(p, sizeof(p), "%s", s->src);
		if (!(text = slurp(p, NULL)))
			continue;
		if (strstr(text, "static void main")) {
			char pk[256] = "";
			if ((pkg = strstr(text, "package ")) && (pkg == text || pkg[-1] == '\n'))
				sscanf(pkg + 8, "%255[A-Za-z0-9_.]", pk);
			base = strrchr(s->files[f], '/');
			base = base ? base + 1 : s->files[f];
			snprintf(s->entry, sizeof(s->entry), "%s%s%.*s", pk, *pk ? "." : "",
				 (int)strlen(base) - 5, base);
			free(text);
			return;
		}
		free(text);
	}
}

/* ---------------------------------------------------------------------------
 * Running a process: the one primitive everything uses
 */

struct run {
	int    wall_hit, status;
	double cpu, wall;
};

/* Runs ARGV in DIR, stdin from IN (or /dev/null), stdout to OUT (or
 * /dev/null), stderr to a drained pipe (or to OUT when ERR2OUT), with ENV
 * added, under a CPU limit (s) and a wall limit (s). */
static void run_proc(char *const argv[], const char *dir, const char *in, const char *out,
		     int err2out, char *const env[], double cpu_s, double wall_s,
		     unsigned long long fsize, struct run *r)
{
	int ep[2], pfd;
	pid_t pid;
	double t0 = now(), deadline = t0 + wall_s;
	struct rusage ru;
	char buf[65536];

	memset(r, 0, sizeof(*r));
	if (pipe2(ep, O_CLOEXEC) < 0)
		die("pipe: %s", strerror(errno));
	if ((pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		struct rlimit cpu = { (rlim_t)ceil(cpu_s), (rlim_t)ceil(cpu_s) + 1 };
		struct rlimit fs = { fsize, fsize }, core = { 0, 0 };
		int i = open(in ? in : "/dev/null", O_RDONLY);
		int o = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		setpgid(0, 0);
		if (i < 0 || o < 0 || chdir(dir) < 0)
			_exit(126);
		dup2(i, 0), dup2(o, 1), dup2(err2out ? o : ep[1], 2);
		setrlimit(RLIMIT_CPU, &cpu);
		if (fsize)
			setrlimit(RLIMIT_FSIZE, &fs);
		setrlimit(RLIMIT_CORE, &core);
		for (int k = 0; env && env[k]; k++)
			putenv(env[k]);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	setpgid(pid, pid);
	close(ep[1]);
	if ((pfd = (int)syscall(SYS_pidfd_open, pid, 0)) < 0)
		die("pidfd_open: %s", strerror(errno));
	for (int errfd = ep[0];;) {
		struct pollfd p[2] = { { pfd, POLLIN, 0 }, { errfd, POLLIN, 0 } };
		double left = deadline - now();
		int n;
		if (left <= 0) {
			r->wall_hit = 1;
			kill(-pid, SIGKILL), kill(pid, SIGKILL);
			break;
		}
		n = poll(p, errfd >= 0 ? 2 : 1, (int)(left * 1000) + 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0 && (p[0].revents & POLLIN))
			break;
		if (errfd >= 0 && p[1].revents) {
			if (read(errfd, buf, sizeof(buf)) <= 0) {
				close(errfd);
				errfd = ep[0] = -1;
			}
		}
	}
	wait4(pid, &r->status, 0, &ru);
	kill(-pid, SIGKILL);   /* whatever it left behind */
	if (ep[0] >= 0) {
		fcntl(ep[0], F_SETFL, O_NONBLOCK);
		while (read(ep[0], buf, sizeof(buf)) > 0)
			;
		close(ep[0]);
	}
	close(pfd);
	r->wall = now() - t0;
	r->cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* ---------------------------------------------------------------------------
 * Output comparison: Kattis default validator, no flags
 */

static int same_tokens(const char *out_path, const char *ans_path)
{
	size_t la, lb, i = 0, j = 0;
	char *a = slurp(out_path, &la), *b = slurp(ans_path, &lb);
	int ok = 0;

	if (!a || !b)
		goto done;
	for (;;) {
		while (i < la && isspace((unsigned char)a[i]))
			i++;
		while (j < lb && isspace((unsigned char)b[j]))
			j++;
		if (i == la || j == lb) {
			ok = i == la && j == lb;
			break;
		}
		size_t si = i, sj = j;
		while (i < la && !isspace((unsigned char)a[i]))
			i++;
		while (j < lb && !isspace((unsigned char)b[j]))
			j++;
		if (i - si != j - sj || strncasecmp(a + si, b + sj, i - si))
			break;
	}
done:
	free(a), free(b);
	return ok;
}

/* ---------------------------------------------------------------------------
 * Jobs
 */

static void build_run_argv(struct sub *s, char **argv, char *xmx)
{
	int n = 0;
	switch (s->lang) {
	case L_PY:
		argv[n++] = "python3", argv[n++] = s->entry;
		break;
	case L_JS:
		argv[n++] = "node", argv[n++] = s->entry;
		break;
	case L_JAVA:
		snprintf(xmx, 32, "-Xmx%ldm", mem_mib);
		argv[n++] = "java", argv[n++] = xmx, argv[n++] = "-Xss64m";
		argv[n++] = "-XX:+UseSerialGC", argv[n++] = "-XX:TieredStopAtLevel=1";
		argv[n++] = "-cp", argv[n++] = ".", argv[n++] = s->entry;
		break;
	default:
		argv[n++] = "./main";
	}
	argv[n] = NULL;
}

static void job_compile(int k)
{
	struct sub *s = &subs[k];
	struct res *r = &res[k];
	char *argv[MAX_ARGV], log[PATH_MAX + 16];
	char gocache[PATH_MAX + 32], home[PATH_MAX + 8], gopath[PATH_MAX + 16];
	char *goenv[] = { gocache, home, gopath, "CGO_ENABLED=0", "GO111MODULE=off", "GOFLAGS=", NULL };
	int n = 0;
	struct run rr;
	double t0 = now();

	if (s->isdir) {
		copy_tree(s->src, s->work);
	} else {
		char dst[2 * PATH_MAX];
		mkdir(s->work, 0755);
		snprintf(dst, sizeof(dst), "%s/%s", s->work, s->files[0]);
		copy_tree(s->src, dst);
	}
	r->compiled = 0;
	if (s->lang < 0 || !s->nfiles)
		goto out;
	switch (s->lang) {
	case L_C:
		argv[n++] = "gcc", argv[n++] = "-std=c17", argv[n++] = "-O2", argv[n++] = "-pipe",
		argv[n++] = "-o", argv[n++] = "main";
		break;
	case L_CPP:
		argv[n++] = "g++", argv[n++] = "-std=c++17", argv[n++] = "-O2", argv[n++] = "-pipe",
		argv[n++] = "-o", argv[n++] = "main";
		break;
	case L_PY:
		argv[n++] = "python3", argv[n++] = "-m", argv[n++] = "py_compile";
		break;
	case L_JAVA:
		argv[n++] = "javac", argv[n++] = "-encoding", argv[n++] = "UTF-8", argv[n++] = "-d", argv[n++] = ".";
		break;
	case L_JS:
		argv[n++] = "node", argv[n++] = "--check", argv[n++] = s->entry;
		break;
	case L_GO:
		argv[n++] = "go", argv[n++] = "build", argv[n++] = "-o", argv[n++] = "main";
		break;
	}
	if (s->lang != L_JS)
		for (int f = 0; f < s->nfiles && n < MAX_ARGV - 2; f++)
			argv[n++] = s->files[f];
	if (s->lang == L_C)
		argv[n++] = "-lm";
	argv[n] = NULL;
	snprintf(gocache, sizeof(gocache), "GOCACHE=%s/.gocache", s->work);
	snprintf(home, sizeof(home), "HOME=%s", s->work);
	snprintf(gopath, sizeof(gopath), "GOPATH=%s/go", s->work);
	snprintf(log, sizeof(log), "%s/.compile.log", s->work);
	run_proc(argv, s->work, NULL, log, 1, s->lang == L_GO ? goenv : NULL,
		 COMPILE_CPU_S, 2 * COMPILE_CPU_S, 0, &rr);
	r->compiled = !rr.wall_hit && WIFEXITED(rr.status) && WEXITSTATUS(rr.status) == 0;
out:
	r->compile_wall = now() - t0;
}

/* One pass over the tests at time limit TL; stops at the first non-AC test. */
static void judge_pass(int k, int pass, double tl)
{
	struct sub *s = &subs[k];
	struct res *r = &res[k];
	char *argv[16], xmx[32], out[PATH_MAX + 16];
	double t0 = now();

	snprintf(r->verdict[pass], sizeof(r->verdict[pass]), "AC");
	r->passed[pass] = 0;
	r->max_cpu[pass] = 0;
	if (!r->compiled) {
		snprintf(r->verdict[pass], sizeof(r->verdict[pass]), "CE");
		return;
	}
	build_run_argv(s, argv, xmx);
	snprintf(out, sizeof(out), "%s/.stdout", s->work);
	for (int t = 0; t < ntests; t++) {
		struct run rr;
		const char *v;
		run_proc(argv, s->work, tests[t].in, out, 0, NULL, tl, 2 * tl + 1, out_bytes, &rr);
		if (rr.cpu > r->max_cpu[pass])
			r->max_cpu[pass] = rr.cpu;
		r->ran[pass]++, r->sum_wall[pass] += rr.wall, r->sum_cpu[pass] += rr.cpu;
		if (rr.wall_hit || rr.cpu > tl ||
		    (WIFSIGNALED(rr.status) && (WTERMSIG(rr.status) == SIGXCPU || WTERMSIG(rr.status) == SIGKILL)))
			v = "TLE";
		else if ((WIFSIGNALED(rr.status) && WTERMSIG(rr.status) == SIGXFSZ) || file_size(out) >= out_bytes)
			v = "OLE";   /* python ignores SIGXFSZ: the full file tells */
		else if (!WIFEXITED(rr.status) || WEXITSTATUS(rr.status) != 0)
			v = "RTE";
		else
			v = same_tokens(out, tests[t].ans) ? "AC" : "WA";
		if (strcmp(v, "AC")) {
			snprintf(r->verdict[pass], sizeof(r->verdict[pass]), "%s", v);
			snprintf(r->failed[pass], sizeof(r->failed[pass]), "%s", tests[t].name);
			break;
		}
		r->passed[pass]++;
	}
	r->wall[pass] = now() - t0;
}

static double cur_tl;

static void job_validate(int idx)
{
	int v = idx / ntests, t = idx % ntests;
	char *argv[] = { "python3", validators[v], NULL };
	struct run rr;
	run_proc(argv, root, tests[t].in, NULL, 0, NULL, 60, 120, 0, &rr);
	val_ok[idx] = WIFEXITED(rr.status) && WEXITSTATUS(rr.status) == 42;
}

enum { J_VALIDATE, J_COMPILE, J_AC, J_OTHER };
struct job { int kind, arg; };

static void do_job(struct job j)
{
	switch (j.kind) {
	case J_VALIDATE: job_validate(j.arg); break;
	case J_COMPILE:  job_compile(j.arg); break;
	case J_AC:       judge_pass(j.arg, 0, cur_tl); break;
	case J_OTHER:    judge_pass(j.arg, 0, cur_tl), judge_pass(j.arg, 1, margin * cur_tl); break;
	}
}

/* Runs JOBS with up to PAR of them at once, one forked process each. */
static void pool(struct job *jobs, int n, int par)
{
	int next = 0, running = 0;
	while (next < n || running) {
		while (running < par && next < n) {
			pid_t pid = fork();
			if (pid < 0)
				die("fork: %s", strerror(errno));
			if (pid == 0) {
				do_job(jobs[next]);
				_exit(0);
			}
			next++, running++;
		}
		int st;
		if (wait(&st) > 0)
			running--;
		else if (errno != EINTR)
			die("wait: %s", strerror(errno));
	}
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st, (void)flag, (void)f;
	remove(p);
	return 0;
}

int main(int argc, char **argv)
{
	int par = 1, keep = 0;
	const char *prob = NULL;
	double t_start = now(), t0, t_vc, t_ac, t_other, slowest = 0, tl;
	struct job *jobs;
	int nj = 0, ans_bad = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-j") && i + 1 < argc)
			par = atoi(argv[++i]);
		else if (!strncmp(argv[i], "-j", 2) && argv[i][2])
			par = atoi(argv[i] + 2);
		else if (!strcmp(argv[i], "-k"))
			keep = 1;
		else if (argv[i][0] != '-' && !prob)
			prob = argv[i];
		else
			die("usage: native_verify PROBLEM [-j N] [-k]");
	}
	if (!prob)
		die("usage: native_verify PROBLEM [-j N] [-k]");
	if (par < 1)
		par = 1;
	if (!realpath(prob, root))
		die("%s: %s", prob, strerror(errno));
	snprintf(workroot, sizeof(workroot), "/tmp/native-verify.XXXXXX");
	if (!mkdtemp(workroot))
		die("mkdtemp: %s", strerror(errno));
	signal(SIGPIPE, SIG_IGN);

	read_problem();
	list_tests();
	list_validators();
	discover();
	res = mmap(NULL, sizeof(*res) * (nsubs + 1), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	val_ok = mmap(NULL, sizeof(int) * (nvalidators * ntests + 1), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (res == MAP_FAILED || val_ok == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	jobs = xmalloc(sizeof(*jobs) * (nsubs + nvalidators * ntests + 1));
	printf("native_verify %s: %d tests, %d submissions, %d input validator(s), -j %d\n",
	       prob, ntests, nsubs, nvalidators, par);

	/* 1. input validators and compilation */
	t0 = now();
	for (int k = 0; k < nsubs; k++)
		jobs[nj++] = (struct job){ J_COMPILE, k };
	for (int i = 0; i < nvalidators * ntests; i++)
		jobs[nj++] = (struct job){ J_VALIDATE, i };
	pool(jobs, nj, par);
	for (int t = 0; t < ntests; t++)   /* the output validator on every .ans (default: itself) */
		ans_bad += !same_tokens(tests[t].ans, tests[t].ans);
	t_vc = now() - t0;
	int vfail = 0, ce = 0;
	for (int i = 0; i < nvalidators * ntests; i++)
		vfail += !val_ok[i];
	for (int k = 0; k < nsubs; k++)
		ce += !res[k].compiled;
	printf("phase validate+compile   %8.3f s  (%d input validator runs, %d rejected; %d .ans checked, %d bad;"
	       " %d compiles, %d failed)\n", t_vc, nvalidators * ntests, vfail, ntests, ans_bad, nsubs, ce);

	/* 2. accepted submissions at the provisional (or fixed) limit */
	t0 = now();
	nj = 0;
	cur_tl = fixed_tl > 0 ? fixed_tl : PROVISIONAL_TL;
	for (int k = 0; k < nsubs; k++)
		if (subs[k].accepted)
			jobs[nj++] = (struct job){ J_AC, k };
	pool(jobs, nj, par);
	t_ac = now() - t0;
	for (int k = 0; k < nsubs; k++)
		if (subs[k].accepted && res[k].max_cpu[0] > slowest)
			slowest = res[k].max_cpu[0];
	if (fixed_tl > 0) {
		tl = fixed_tl;
		printf("phase accepted           %8.3f s  (at the package's TL %g s; slowest AC %.3f s CPU)\n",
		       t_ac, tl, slowest);
	} else {
		double units = ceil(slowest * mult / resol);
		tl = (units < 1 ? 1 : units) * resol;
		printf("phase accepted           %8.3f s  (provisional TL %g s; slowest AC %.3f s CPU)\n",
		       t_ac, PROVISIONAL_TL, slowest);
		printf("time limit               %g s = max(1, ceil(%.3f x %g / %g)) x %g s\n",
		       tl, slowest, mult, resol, resol);
	}

	/* 3. the others at TL and at 2 x TL */
	t0 = now();
	nj = 0;
	cur_tl = tl;
	for (int k = 0; k < nsubs; k++)
		if (!subs[k].accepted)
			jobs[nj++] = (struct job){ J_OTHER, k };
	pool(jobs, nj, par);
	t_other = now() - t0;
	printf("phase non-accepted       %8.3f s  (TL %g s, then %g s)\n", t_other, tl, margin * tl);
	{
		int ran = 0, ran2 = 0;
		double w = 0, c = 0, w2 = 0, c2 = 0;
		for (int k = 0; k < nsubs; k++) {
			ran += res[k].ran[0], w += res[k].sum_wall[0], c += res[k].sum_cpu[0];
			ran2 += res[k].ran[1], w2 += res[k].sum_wall[1], c2 += res[k].sum_cpu[1];
		}
		printf("tests run                first pass %d, wall %.3f s, CPU %.3f s; second pass %d, wall %.3f s, CPU %.3f s\n",
		       ran, w, c, ran2, w2, c2);
	}

	printf("\n%-40s %-10s %-4s %-6s %-6s %-6s %8s %8s %8s %8s  %s\n", "SUBMISSION", "LANGUAGE", "EXP",
	       "AT_TL", "AT_2TL", "TESTS", "COMPILE", "MAX_CPU", "RUN_WALL", "RUN_CPU", "FIRST_FAIL");
	int bad = 0;
	for (int k = 0; k < nsubs; k++) {
		struct sub *s = &subs[k];
		struct res *r = &res[k];
		int two = !s->accepted;
		const char *v1 = r->verdict[0], *v2 = two ? r->verdict[1] : "-";
		int ok = s->accepted ? !strcmp(v1, "AC") && r->max_cpu[0] <= tl
				     : strcmp(v1, "AC") && (!strcmp(s->expect, "TLE") ? !strcmp(v1, "TLE")
							     : !strcmp(v2, s->expect));
		char tests_s[32];
		snprintf(tests_s, sizeof(tests_s), "%d/%d", r->passed[0], ntests);
		printf("%-40s %-10s %-4s %-6s %-6s %-6s %7.3fs %7.3fs %7.3fs %7.3fs  %s%s\n", s->rel,
		       s->lang >= 0 ? lang_name[s->lang] : "?", s->expect, v1, v2, tests_s,
		       r->compile_wall, r->max_cpu[0], r->sum_wall[0], r->sum_cpu[0], r->failed[0][0] ? r->failed[0] : "-", ok ? "" : "  (unexpected)");
		bad += !ok;
	}
	if (!keep) {
		nftw(workroot, rm_one, 32, FTW_DEPTH | FTW_PHYS);
	} else {
		printf("work directory kept: %s\n", workroot);
	}
	printf("\n%d submission(s) not as expected\ntotal wall %.3f s\n", bad, now() - t_start);
	return 0;
}
