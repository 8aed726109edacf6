/* harness/supervisor/supervisor.c - runs inside every judge container (a
 * submission's; for interactive problems also the validator's).
 *
 * THEORY OF OPERATION
 *
 * Processes.  The judge creates one container per submission, with this
 * static binary as its command, so the supervisor is PID 1 of the container's
 * PID namespace: every orphan is re-parented to it and it reaps them all.
 * The judge drives it through the container's attached stdin (one command per
 * line) and reads replies on the attached stdout (a header line, then
 * payloads whose lengths the header gives).  Its stderr carries diagnostics.
 *
 *   judge --attach stdin-->  supervisor (uid 0, caps: CHOWN SETUID SETGID KILL)
 *         <--attach stdout--     |
 *                                +-- fork, drop to RUN_UID --> compiler / submission
 *                                +-- fork, drop to VAL_UID --> custom output validator
 *                                +-- fork, drop to RUN_UID --> /tmp, /dev/shm, IPC cleanup
 *
 * Interactive problems use two containers per submission, each with its own
 * supervisor, PID namespace, IPC namespace, tmpfs mounts and cgroup: the
 * submission's ("ipc sub" in the config: it runs only the submission) and
 * the validator's ("ipc val": it runs only the output validator, and holds
 * the tests but no submission files).  Neither can see or signal the other's
 * processes.  The only thing they share is a small tmpfs volume at /ipc
 * (root, 0700) holding two FIFOs (root, 0600) that the validator's
 * supervisor creates at start:
 *
 *   submission container           shared /ipc           validator container
 *   supervisor (root) --iopen-->  to_sub, to_val  <--iopen-- supervisor (root)
 *     submission (RUN_UID)                                 validator (VAL_UID)
 *       fd 0 <------------------------ to_sub <------------------ fd 1
 *       fd 1 ------------------------> to_val ------------------> fd 0
 *
 * The supervisors open the FIFOs and hand the ends to their child as stdin
 * and stdout; no sandboxed process can open them by path (RUN_UID and
 * VAL_UID cannot enter /ipc).  Opening follows a handshake the judge drives,
 * so that no side ever reads an end-of-file before its peer exists:
 *   1. "iopen" to both: each opens its read end (O_NONBLOCK: returns at
 *      once), then its write end, retried while it fails with ENXIO (the
 *      peer's read end is not open yet), up to IPC_OPEN_MS; then both ends
 *      are made blocking again, the pipe is grown to 1 MiB (F_SETPIPE_SZ,
 *      smaller when the kernel refuses) and the supervisor answers "O".
 *   2. Once both answered, "ival" to the validator's and "irun" to the
 *      submission's supervisor: each forks its child with the two ends.
 *      The validator runs with SIGPIPE ignored (a write to a submission
 *      that is gone fails with EPIPE instead of killing it); the submission
 *      with SIGPIPE default.
 * Who exited first.  Each R reply carries the CLOCK_MONOTONIC time (shared
 * by all containers of the host) at which the supervisor reaped its child;
 * the judge compares them.  A supervisor wakes up late under load, so each
 * keeps its own copies of both ends open until it has reaped its child and
 * taken that time, and closes them only then: the peer sees end-of-file (or
 * EPIPE) only after the time was taken, so a peer that exits *because* the
 * child exited always gets a later time, whatever the wake-up delays.
 * (Orphans the child left also hold the ends until end_run() kills them.)
 *
 * Multi-pass problems ("multipass N" in the config).  When the custom
 * validator accepts and leaves nextpass.in in its feedback directory, the
 * file is moved (renamed, then root:VAL_GID 0640) to /box/pass/next.in and
 * the submission is run again with it as stdin, and the validator with it
 * as its input file; the feedback directory is emptied before the first
 * pass only.  A rejection that leaves nextpass.in, or a request for more
 * than N passes, is a judge error.  "test N" runs all the passes itself;
 * for interactive problems the judge runs one "ival N PASS" per pass and
 * the R reply says whether another pass was requested.
 *
 * Uids.  The submission (and its compiler) run as RUN_UID, the problem's
 * validator as VAL_UID, both different from the supervisor's and with no
 * supplementary groups; the container has no-new-privileges and drops every
 * capability except the four the supervisor uses.  To end a test the
 * supervisor, PID 1 with CAP_KILL, calls kill(-1, SIGKILL): that reaches
 * every other process of the namespace (children that escaped with setsid or
 * a double fork included) without forking, so a fork bomb that holds every
 * slot of the pids limit cannot stop it.  Every child raises its
 * oom_score_adj to 1000 before dropping its uid, and the supervisor reads
 * the files it polls during a run (cgroup, /proc) through descriptors opened
 * beforehand, so that it charges no memory to the cgroup while a child may
 * be at the limit: the OOM killer takes a sandboxed process, never the
 * supervisor (which would turn an MLE into a judge error).
 *
 * Files.
 *   /judge          volume filled by the judge before start (root, 0711)
 *     config        limits, argv templates, env (read once at start)
 *     src/          submission sources        vsrc/  validator sources
 *     export/       a validator built once elsewhere (or its build, here)
 *     tests.tar     the tests as one ustar file, unpacked at start into:
 *   /tests          size-capped tmpfs (root:VAL_GID 0750): N.in, N.ans (0640);
 *                   tmpfs because creating thousands of files on a disk
 *                   volume costs milliseconds each
 *   /box            size-capped tmpfs (root, 0711)
 *     build/        sources copied here, compiled as RUN_UID, then sealed
 *                   (root-owned, read-only) and used as the run directory
 *     val/          the validator, built the same way as VAL_UID
 *     out/stdout    the test's stdout (root, 0600; the child gets the fd)
 *     out/result    function-call problems: the run's fd 3, where the
 *                   harness writes the returned value as JSON (RUN_UID
 *                   0600 during the run, root's again before it is read)
 *     fb/           the validator's feedback directory (VAL_UID:root 0770:
 *                   the supervisor reads judgemessage.txt and moves
 *                   nextpass.in; RUN_UID cannot enter it, also between the
 *                   passes of a multi-pass test)
 *     pass/         next.in, the input of the next pass (root:VAL_GID 0750)
 *   /ipc            interactive problems only: the shared volume (root,
 *                   0700) with the FIFOs to_val and to_sub (root, 0600)
 *   /tmp            size-capped tmpfs, the submission's scratch space,
 *                   emptied after every test, like /dev/shm and the SysV IPC
 *                   objects of RUN_UID (nothing carries state to the next test)
 *
 * Pipes and limits per run.  stdin is the test's .in file (an fd, never a
 * path the submission could open); stdout goes to /box/out/stdout, capped by
 * RLIMIT_FSIZE (which also caps every file the submission writes); for
 * function-call problems ("function" in the config) fd 3 is
 * /box/out/result, and the default validation compares it with the answer
 * as JSON (core/fncmp.h) instead of comparing stdout; in
 * interactive runs both are the FIFO ends instead (no output file, no
 * output limit on the pipe).  stderr is a pipe the supervisor drains,
 * keeping a capped prefix.  CPU time is capped by
 * RLIMIT_CPU and measured from wait4() rusage (main child plus reaped
 * orphans); wall time by a poll() deadline; memory by the container cgroup
 * (peak: the larger of ru_maxrss and the growth of the cgroup's anonymous +
 * shared memory sampled on every wake-up, at least every 10 ms; OOM kills
 * from the cgroup's oom_kill counter; v1 or v2).  A SIGCHLD self-pipe wakes the poll loop the moment the child exits.
 * A CLOEXEC pipe reports exec failures, which are judge errors, not RTE.
 *
 * Protocol (stdin, one command per line):
 *   compile | vcompile | export | quit
 *   test N [ARG...]     run test N (all its passes); ARGs are appended to the
 *                       run argv (input validators get their group's flags so)
 *   check N             run the output validator on N.ans as if it were the
 *                       submission's output (answer files are checked so)
 *   limits CPU_MS WALL_MS MEM OUT | vflags [FLAG...]   change settings
 *   iopen               (interactive) open this side's FIFO ends
 *   irun N [ARG...]     (ipc sub) run the submission on the opened ends;
 *                       VERDICT is AC for a clean exit (the validator judges)
 *   ival N PASS WALL_MS (ipc val) run the output validator on the opened
 *                       ends for pass PASS (1: test N's .in, the feedback
 *                       directory emptied; else the last nextpass.in)
 * Replies (stdout):
 *   C STATUS CPU_US WALL_US EXIT SIG OUTLEN OUTTRUNC\n<compiler output>
 *   R VERDICT CPU_US WALL_US MEM EXIT SIG LIMIT MSGLEN OUTLEN OUTTRUNC ERRLEN ERRTRUNC SCORE EXIT_AT NEXT\n
 *     <message><stdout head><stderr head>     (SCORE: score.txt, or "-";
 *     EXIT_AT: CLOCK_MONOTONIC microseconds when the child was reaped, 0 if
 *     not run; NEXT: 1 when ival's validator asked for another pass)
 *   O                   (iopen: both ends open)
 *   L                   (settings changed)
 *   E MSGLEN\n<message>        (the supervisor itself failed: judge error;
 *                       after iopen the supervisor stays up)
 */
#define _GNU_SOURCE
#include "validate.h"
#include "fncmp.h"
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define JUDGE_DIR  "/judge"
#define BUILD_DIR  "/box/build"
#define VAL_DIR    "/box/val"
#define OUT_DIR    "/box/out"
#define OUT_FILE   "/box/out/stdout"
#define RESULT_FILE "/box/out/result"
#define FB_DIR     "/box/fb"
#define SCRATCH    "/tmp"
#define TESTS_DIR  "/tests"
#define PASS_DIR   "/box/pass"
#define NEXT_IN    "/box/pass/next.in"
#define IPC_DIR    "/ipc"
#define TO_VAL     "/ipc/to_val"
#define TO_SUB     "/ipc/to_sub"
#define IPC_OPEN_MS 10000        /* how long iopen waits for the peer */
#define PIPE_SIZE  (1 << 20)     /* F_SETPIPE_SZ wanted (the default max) */
#define MAX_ARGS   256

enum { IPC_NONE = 0, IPC_SUB, IPC_VAL };

typedef struct {
	uid_t    run_uid, val_uid;
	long     compile_cpu_ms, compile_wall_ms;
	size_t   compile_out_cap;
	uint64_t compile_fsize;
	long     cpu_ms, wall_ms;
	uint64_t mem_bytes, out_bytes;
	size_t   stderr_cap, capture_cap;
	long     val_cpu_ms;
	int      custom_validator;
	int      ipc;          /* IPC_NONE, IPC_SUB, IPC_VAL */
	long     multipass;    /* 0: not multi-pass; else the most passes per test */
	int      function;     /* function-call problem: the result comes on fd 3 */
	int      execute;      /* no expected output: a clean exit is AC, output kept */
	int      fn_untyped, fn_unordered;
	char     vflags[1024];
	char    *compile[MAX_ARGS], *run[MAX_ARGS], *vcompile[MAX_ARGS], *vrun[MAX_ARGS];
	char    *env[MAX_ARGS];
} config;

static config cfg;
static int sigchld_pipe[2] = { -1, -1 };
static int ipc_in = -1, ipc_out = -1;   /* FIFO ends opened by iopen */

/* ---------- small utilities ---------- */

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void reply_error(const char *msg)
{
	char head[64];
	int n = snprintf(head, sizeof(head), "E %zu\n", strlen(msg));
	write_all(1, head, (size_t)n);
	write_all(1, msg, strlen(msg));
}

static void die(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "supervisor: %s\n", msg);
	reply_error(msg);
	exit(1);
}

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int64_t tv_us(struct timeval tv) { return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec; }

static void on_sigchld(int sig)
{
	int saved = errno;
	(void)sig;
	if (write(sigchld_pipe[1], "c", 1) < 0) {
		/* pipe full: a wake-up is already pending */
	}
	errno = saved;
}

/* ---------- configuration ---------- */

static char **argv_slot(const char *name)
{
	if (!strcmp(name, "compile"))
		return cfg.compile;
	if (!strcmp(name, "run"))
		return cfg.run;
	if (!strcmp(name, "vcompile"))
		return cfg.vcompile;
	if (!strcmp(name, "vrun"))
		return cfg.vrun;
	if (!strcmp(name, "env"))
		return cfg.env;
	return NULL;
}

static char *read_line(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, f);
	if (n < 0) {
		free(line);
		return NULL;
	}
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	return line;
}

static void read_argv_block(FILE *f, const char *name, long count)
{
	char **slot = argv_slot(name);
	if (!slot || count < 0 || count >= MAX_ARGS)
		die("config: bad argv block '%s' (%ld)", name, count);
	for (long i = 0; i < count; i++)
		if (!(slot[i] = read_line(f)))
			die("config: argv block '%s' ends early", name);
	slot[count] = NULL;
}

static void set_number(const char *key, const char *val)
{
	unsigned long long v = strtoull(val, NULL, 10);
	if (!strcmp(key, "run_uid")) cfg.run_uid = (uid_t)v;
	else if (!strcmp(key, "val_uid")) cfg.val_uid = (uid_t)v;
	else if (!strcmp(key, "compile_cpu_ms")) cfg.compile_cpu_ms = (long)v;
	else if (!strcmp(key, "compile_wall_ms")) cfg.compile_wall_ms = (long)v;
	else if (!strcmp(key, "compile_out_cap")) cfg.compile_out_cap = (size_t)v;
	else if (!strcmp(key, "compile_fsize")) cfg.compile_fsize = v;
	else if (!strcmp(key, "cpu_ms")) cfg.cpu_ms = (long)v;
	else if (!strcmp(key, "wall_ms")) cfg.wall_ms = (long)v;
	else if (!strcmp(key, "mem_bytes")) cfg.mem_bytes = v;
	else if (!strcmp(key, "out_bytes")) cfg.out_bytes = v;
	else if (!strcmp(key, "stderr_cap")) cfg.stderr_cap = (size_t)v;
	else if (!strcmp(key, "capture_cap")) cfg.capture_cap = (size_t)v;
	else if (!strcmp(key, "val_cpu_ms")) cfg.val_cpu_ms = (long)v;
	else if (!strcmp(key, "multipass")) cfg.multipass = (long)v;
	else if (!strcmp(key, "execute")) cfg.execute = v != 0;
	else die("config: unknown key '%s'", key);
}

static void load_config(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line;

	if (!f)
		die("cannot open %s: %s", path, strerror(errno));
	while ((line = read_line(f))) {
		char *sp = strchr(line, ' ');
		if (!*line || !sp) {
			free(line);
			continue;
		}
		*sp++ = '\0';
		if (!strcmp(line, "argv")) {
			char *name = sp, *cnt = strchr(sp, ' ');
			if (!cnt)
				die("config: argv line without a count");
			*cnt++ = '\0';
			read_argv_block(f, name, strtol(cnt, NULL, 10));
		} else if (!strcmp(line, "validator")) {
			cfg.custom_validator = !strcmp(sp, "custom");
		} else if (!strcmp(line, "ipc")) {
			cfg.ipc = !strcmp(sp, "sub") ? IPC_SUB : !strcmp(sp, "val") ? IPC_VAL : -1;
			if (cfg.ipc < 0)
				die("config: bad ipc role '%.20s'", sp);
		} else if (!strcmp(line, "vflags")) {
			snprintf(cfg.vflags, sizeof(cfg.vflags), "%s", sp);
		} else if (!strcmp(line, "function")) {
			cfg.function = 1;
			cfg.fn_untyped = strstr(sp, "untyped") != NULL;
			cfg.fn_unordered = strstr(sp, "unordered") != NULL;
		} else {
			set_number(line, sp);
		}
		free(line);
	}
	fclose(f);
	if (!cfg.run_uid || !cfg.val_uid || cfg.run_uid == cfg.val_uid)
		die("config: run_uid and val_uid must be distinct and non-zero");
}

/* ---------- file system preparation ---------- */

static int copy_file(const char *src, const char *dst, mode_t mode)
{
	char buf[65536];
	int in = open(src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0755);
	ssize_t n = 0;
	int rc = (in < 0 || out < 0) ? -1 : 0;

	while (rc == 0 && (n = read(in, buf, sizeof(buf))) > 0)
		rc = write_all(out, buf, (size_t)n);
	if (n < 0)
		rc = -1;
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return rc;
}

/* Copies regular files and directories from src to dst (which exists),
 * giving everything to `owner`. Anything else (links, devices) is skipped. */
static int copy_tree(const char *src, const char *dst, uid_t owner, int depth)
{
	DIR *d = opendir(src);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while (rc == 0 && (e = readdir(d))) {
		char s[PATH_MAX], t[PATH_MAX];
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(s, sizeof(s), "%s/%s", src, e->d_name);
		snprintf(t, sizeof(t), "%s/%s", dst, e->d_name);
		if (lstat(s, &st) < 0)
			rc = -1;
		else if (S_ISDIR(st.st_mode) && depth < 32)
			rc = (mkdir(t, 0755) < 0 || copy_tree(s, t, owner, depth + 1) < 0) ? -1 : 0;
		else if (S_ISREG(st.st_mode))
			rc = copy_file(s, t, st.st_mode);
		else
			continue;
		if (rc == 0 && lchown(t, owner, owner) < 0)
			rc = -1;
	}
	closedir(d);
	return rc;
}

/* Hands a tree to `owner` (root seals it: read-only for everyone else). */
static void chown_tree(const char *path, uid_t owner, int seal, int depth)
{
	DIR *d;
	struct dirent *e;
	struct stat st;

	if (lstat(path, &st) < 0 || S_ISLNK(st.st_mode))
		return;
	if (lchown(path, owner, owner) < 0)
		return;
	if (seal)
		chmod(path, S_ISDIR(st.st_mode) || (st.st_mode & 0111) ? 0755 : 0644);
	if (!S_ISDIR(st.st_mode) || depth > 32 || !(d = opendir(path)))
		return;
	while ((e = readdir(d))) {
		char p[PATH_MAX];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", path, e->d_name);
		chown_tree(p, owner, seal, depth + 1);
	}
	closedir(d);
}

static void make_dir(const char *path, mode_t mode, uid_t owner)
{
	if (mkdir(path, mode) < 0 && errno != EEXIST)
		die("mkdir %s: %s", path, strerror(errno));
	if (chmod(path, mode) < 0 || chown(path, owner, owner) < 0)
		die("chown/chmod %s: %s", path, strerror(errno));
}

static int read_full(int fd, char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return (int)got;
}

/* "tests/<digits>.in" or "tests/<digits>.ans" -> the base name, else NULL. */
static const char *test_name(const char *name)
{
	const char *b = name + 6, *p = b;
	if (strncmp(name, "tests/", 6) != 0)
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	return p > b && (!strcmp(p, ".in") || !strcmp(p, ".ans")) ? b : NULL;
}

static void copy_entry(int in, const char *path, uint64_t size)
{
	char buf[65536];
	int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	uint64_t left = size, pad = (512 - size % 512) % 512;

	if (out < 0 || fchown(out, 0, cfg.val_uid) < 0)
		die("cannot create %s: %s", path, strerror(errno));
	while (left > 0) {
		size_t want = left < sizeof(buf) ? (size_t)left : sizeof(buf);
		if (read_full(in, buf, want) != (int)want)
			die("tests.tar: truncated at %s", path);
		if (write_all(out, buf, want) < 0)
			die("writing %s: %s", path, strerror(errno));
		left -= want;
	}
	if (pad && read_full(in, buf, (size_t)pad) != (int)pad)
		die("tests.tar: truncated after %s", path);
	close(out);
}

/* The judge sends the tests as one ustar file (Docker extracts thousands of
 * small files slowly); unpack it into /judge/tests, root:VAL_GID 0640. */
static void unpack_tests(const char *tar, const char *dir)
{
	char h[512], name[101], path[PATH_MAX], size_text[13];
	int fd = open(tar, O_RDONLY | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT)
		return;            /* a container without tests (validator build) */
	if (fd < 0)
		die("cannot open %s: %s", tar, strerror(errno));
	while (read_full(fd, h, sizeof(h)) == (int)sizeof(h) && h[0]) {
		const char *base;
		memcpy(name, h, 100), name[100] = '\0';
		memcpy(size_text, h + 124, 12), size_text[12] = '\0';
		if (h[156] != '0' && h[156] != '\0')
			die("tests.tar: unexpected entry type for '%.100s'", name);
		if (!(base = test_name(name)))
			die("tests.tar: unexpected entry '%.100s'", name);
		snprintf(path, sizeof(path), "%s/%s", dir, base);
		copy_entry(fd, path, strtoull(size_text, NULL, 8));
	}
	close(fd);
	unlink(tar);
}

/* /ipc: root-only; the validator's supervisor (re)creates the FIFOs. */
static void prepare_ipc(void)
{
	if (chown(IPC_DIR, 0, 0) < 0 || chmod(IPC_DIR, 0700) < 0)
		die("chown/chmod %s: %s", IPC_DIR, strerror(errno));
	if (cfg.ipc != IPC_VAL)
		return;
	unlink(TO_VAL);
	unlink(TO_SUB);
	if (mkfifo(TO_VAL, 0600) < 0 || mkfifo(TO_SUB, 0600) < 0)
		die("mkfifo in %s: %s", IPC_DIR, strerror(errno));
}

static void prepare_fs(void)
{
	if (chmod(JUDGE_DIR, 0711) < 0 || chmod("/box", 0711) < 0)
		die("chmod /judge or /box: %s", strerror(errno));
	if (chmod(TESTS_DIR, 0750) < 0 || chown(TESTS_DIR, 0, cfg.val_uid) < 0)
		die("chown %s: %s", TESTS_DIR, strerror(errno));
	unpack_tests(JUDGE_DIR "/tests.tar", TESTS_DIR);
	chmod(JUDGE_DIR "/config", 0600);
	/* Without DAC_OVERRIDE root cannot write into another uid's directory:
	 * copy as root first, then hand each tree to its uid. */
	make_dir(BUILD_DIR, 0755, 0);
	make_dir(VAL_DIR, 0755, 0);
	make_dir(OUT_DIR, 0700, 0);
	make_dir(FB_DIR, 0770, cfg.val_uid);
	make_dir(PASS_DIR, 0750, 0);
	if (chown(FB_DIR, cfg.val_uid, 0) < 0 || chown(PASS_DIR, 0, cfg.val_uid) < 0)
		die("chown %s or %s: %s", FB_DIR, PASS_DIR, strerror(errno));
	if (cfg.ipc != IPC_NONE)
		prepare_ipc();
	if (copy_tree(JUDGE_DIR "/src", BUILD_DIR, 0, 0) < 0)
		die("cannot copy the submission into %s: %s", BUILD_DIR, strerror(errno));
	if (copy_tree(JUDGE_DIR "/vsrc", VAL_DIR, 0, 0) < 0 ||
	    copy_tree(JUDGE_DIR "/export", VAL_DIR, 0, 0) < 0)
		die("cannot copy the validator into %s: %s", VAL_DIR, strerror(errno));
	chown_tree(BUILD_DIR, cfg.run_uid, 0, 0);
	chown_tree(VAL_DIR, cfg.val_uid, 0, 0);
	chmod(SCRATCH, 01777);
}

/* ---------- processes ---------- */

/* Every child raises its oom_score_adj to the maximum (raising needs no
 * privilege): when the cgroup runs out of memory the OOM killer takes a
 * sandboxed process, however small, before the supervisor.  (Lowering the
 * supervisor's own needs CAP_SYS_RESOURCE, which the container lacks.)
 * Best effort: a failed write leaves 0, as before. */
static void become_oom_victim(void)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (write(fd, "1000", 4) < 0) { /* best effort */ }
		close(fd);
	}
}

static void drop_to(uid_t uid)
{
	gid_t g = (gid_t)uid;
	become_oom_victim();
	if (setgroups(0, NULL) < 0 || setresgid(g, g, g) < 0 || setresuid(uid, uid, uid) < 0)
		_exit(125);
}

/* Empties `dir` (as the calling uid: with the sticky bit, only its own entries go). */
static void empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char p[PATH_MAX];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		jg_fs_rmtree(p);
	}
	if (d)
		closedir(d);
}

/* The ids listed in /proc/sysvipc/<kind> (second column), -1 terminated. */
static int ipc_ids(const char *kind, int *ids, int max)
{
	char path[64], line[512];
	FILE *f;
	int n = 0, id;

	snprintf(path, sizeof(path), "/proc/sysvipc/%s", kind);
	if (!(f = fopen(path, "r")))
		return 0;
	if (fgets(line, sizeof(line), f))          /* header */
		while (n < max && fgets(line, sizeof(line), f))
			if (sscanf(line, "%*d %d", &id) == 1)
				ids[n++] = id;
	fclose(f);
	return n;
}

/* Removes the SysV shared memory, queues and semaphores this uid may remove:
 * they would outlive the run and carry state into the next test. */
static void remove_ipc(void)
{
	int ids[1024], n;
	n = ipc_ids("shm", ids, 1024);
	for (int i = 0; i < n; i++)
		shmctl(ids[i], IPC_RMID, NULL);
	n = ipc_ids("msg", ids, 1024);
	for (int i = 0; i < n; i++)
		msgctl(ids[i], IPC_RMID, NULL);
	n = ipc_ids("sem", ids, 1024);
	for (int i = 0; i < n; i++)
		semctl(ids[i], 0, IPC_RMID);
}

/* Kills every other process in this PID namespace: as PID 1 holding
 * CAP_KILL, kill(-1) reaches them all and never the caller.  No fork, so it
 * works when a fork or thread bomb holds every slot of the pids limit.  At
 * the moments it is called only one uid's processes exist. */
static void kill_all(void)
{
	kill(-1, SIGKILL);
}

/* fork(), retried briefly: right after a bomb the pids cgroup may still
 * count processes that are dying. */
static pid_t fork_retry(void)
{
	for (int i = 0; i < 200; i++) {
		pid_t p = fork();
		if (p >= 0 || errno != EAGAIN)
			return p;
		kill_all();
		usleep(5000);
	}
	return -1;
}

/* Removes, as `uid`, what it left that could carry state into the next run:
 * `dir`, /dev/shm and SysV IPC objects (kills everything first). */
static void kill_uid_and_empty(uid_t uid, const char *dir)
{
	pid_t h;

	kill_all();
	if (!dir || (h = fork_retry()) < 0)
		return;
	if (h == 0) {
		drop_to(uid);
		empty_dir(dir);
		empty_dir("/dev/shm");
		remove_ipc();
		_exit(0);
	}
	waitpid(h, NULL, 0);
}

/* As PID 1 every process left after the main child's exit is our child
 * (orphans are re-parented to us before the parent's exit is reported). */
static int have_children(void)
{
	siginfo_t info;
	memset(&info, 0, sizeof(info));
	return waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

static int dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int empty = 1;
	while (d && empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return d ? empty : 0;
}

static int ipc_left(void)
{
	int ids[1];
	return ipc_ids("shm", ids, 1) || ipc_ids("msg", ids, 1) || ipc_ids("sem", ids, 1);
}

/* After a run: kill what is left of `uid` and empty `dir`, /dev/shm and IPC,
 * forking the helper only when there is something to do (usually nothing). */
static void end_run(uid_t uid, const char *dir)
{
	if (have_children() || !dir_is_empty(dir) || !dir_is_empty("/dev/shm") || ipc_left())
		kill_uid_and_empty(uid, dir);
}

/* Reaps every remaining child (orphans of the last run), adding their CPU
 * time; kills again while any survive. */
static void reap_all(int64_t *cpu_us)
{
	for (int spins = 0; spins < 2000; spins++) {
		if (spins % 20 == 19)
			kill_all();
		struct rusage ru;
		int st;
		pid_t p = wait4(-1, &st, WNOHANG, &ru);
		if (p > 0) {
			if (cpu_us)
				*cpu_us += tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
			continue;
		}
		if (p < 0)
			break;          /* ECHILD: everything reaped */
		usleep(1000);
	}
}

typedef struct {
	char *const *argv;
	uid_t        uid;
	const char  *cwd;
	int          in_fd, out_fd, err_fd;  /* err_fd may equal out_fd's pipe */
	long         cpu_ms, wall_ms;
	uint64_t     fsize;
	int          close_in_parent;  /* fd to close once forked, or -1 */
	int          give_io;          /* 1: in_fd and out_fd (FIFO ends) are closed by
					* supervise() once the child is reaped */
	int          ignore_sigpipe;   /* 1: the child starts with SIGPIPE ignored */
	int          result_fd;        /* function-call runs: the child's fd 3, else -1 */
} spawn_spec;

typedef struct {
	int      started;      /* 0: exec failed (judge error) */
	int      exit_code;    /* -1 when signalled */
	int      signal;
	int      wall_hit;
	int      cpu_hit;      /* killed for CPU time by the poll loop */
	uint64_t cg_peak;      /* largest cgroup memory growth sampled */
	int64_t  cpu_us, wall_us;
	int64_t  exit_at;      /* CLOCK_MONOTONIC us when the child was reaped */
	uint64_t maxrss;       /* bytes */
	char     exec_error[256];
} spawn_result;

static void set_limit(int res, rlim_t v)
{
	struct rlimit rl = { v, v };
	setrlimit(res, &rl);
}

static void child_exec(const spawn_spec *s, int errpipe)
{
	char msg[256];
	rlim_t cpu = (rlim_t)((s->cpu_ms + 999) / 1000 + 1);
	struct rlimit rl_cpu = { cpu, cpu + 1 };

	if (dup2(s->in_fd, 0) < 0 || dup2(s->out_fd, 1) < 0 || dup2(s->err_fd, 2) < 0)
		_exit(126);
	/* fd 3 is the result channel of function-call runs (or nothing); the
	 * exec-error pipe goes to 4 (close-on-exec); everything else goes (all
	 * our fds are CLOEXEC too; this covers any that are not).  Both are
	 * moved out of the way first, so that neither overwrites the other. */
	int rf = s->result_fd >= 0 ? fcntl(s->result_fd, F_DUPFD_CLOEXEC, 100) : -1;
	errpipe = fcntl(errpipe, F_DUPFD_CLOEXEC, 100);
	if (errpipe < 0 || (s->result_fd >= 0 && rf < 0) || dup2(errpipe, 4) < 0 ||
	    (rf >= 0 ? dup2(rf, 3) : close(3) * 0) < 0)
		_exit(126);
	errpipe = 4;
	fcntl(errpipe, F_SETFD, FD_CLOEXEC);
	if (close_range(5, ~0U, 0) < 0)
		for (int fd = 5; fd < 1024; fd++)
			close(fd);
	signal(SIGPIPE, s->ignore_sigpipe ? SIG_IGN : SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	setrlimit(RLIMIT_CPU, &rl_cpu);
	set_limit(RLIMIT_FSIZE, (rlim_t)s->fsize);
	set_limit(RLIMIT_CORE, 0);
	set_limit(RLIMIT_NOFILE, 512);
	set_limit(RLIMIT_STACK, cfg.mem_bytes ? (rlim_t)cfg.mem_bytes : RLIM_INFINITY);
	setsid();
	drop_to(s->uid);
	if (chdir(s->cwd) < 0) {
		snprintf(msg, sizeof(msg), "chdir %s: %s", s->cwd, strerror(errno));
	} else {
		execvpe(s->argv[0], s->argv, cfg.env);
		snprintf(msg, sizeof(msg), "cannot execute '%s': %s", s->argv[0], strerror(errno));
	}
	write_all(errpipe, msg, strlen(msg));
	_exit(127);
}

/* Drains `fd` into buf (keeping at most cap bytes, counting the rest). */
static int drain(int fd, char *buf, size_t cap, size_t *len, size_t *trunc)
{
	char tmp[65536];
	ssize_t n = read(fd, tmp, sizeof(tmp));
	if (n <= 0)
		return n == 0 || (errno != EAGAIN && errno != EINTR) ? -1 : 0;
	size_t take = *len + (size_t)n > cap ? cap - *len : (size_t)n;
	memcpy(buf + *len, tmp, take);
	*len += take;
	*trunc += (size_t)n - take;
	return 0;
}

/* Files read while a child may be at the memory limit are opened once and
 * read with pread() from then on.  open() charges the container's cgroup
 * (struct file, seq_file buffer); a charge made in the window where the OOM
 * killer's victim no longer counts as a task but its memory is not yet
 * uncharged makes the kernel pick the only process left, the supervisor
 * (seen under load with a Go program touching 1 GiB).  pread() of an open
 * seq_file reuses its buffer. */
static ssize_t pread_text(int fd, char *buf, size_t size)
{
	ssize_t n = pread(fd, buf, size - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return n;
}

/* CPU time of one process (user+sys) from its /proc/PID/stat, open as
 * `fd`, or -1. */
static int64_t proc_cpu_us(int fd)
{
	char buf[1024], *p;
	unsigned long long ut = 0, st = 0;
	long tick = sysconf(_SC_CLK_TCK);

	if (fd < 0 || pread_text(fd, buf, sizeof(buf)) < 0)
		return -1;
	if (!(p = strrchr(buf, ')')) ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
		return -1;
	return (int64_t)((ut + st) * 1000000ull / (unsigned long long)(tick > 0 ? tick : 100));
}

static int open_proc_stat(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	return open(path, O_RDONLY | O_CLOEXEC);
}

/* A cgroup file: files[0] (v2) or files[1] (v1), whichever exists, opened
 * at the first call and kept open (fd -2: neither exists). */
typedef struct {
	const char *files[2];
	int         fd;
	int         which;
} cgroup_file;

static ssize_t read_cgroup(cgroup_file *f, char *buf, size_t size)
{
	for (int i = 0; f->fd == -1 && i < 2; i++)
		if ((f->fd = open(f->files[i], O_RDONLY | O_CLOEXEC)) >= 0)
			f->which = i;
	if (f->fd == -1)
		f->fd = -2;
	return f->fd < 0 ? -1 : pread_text(f->fd, buf, size);
}

/* Sums the values of `key1` and `key2` ("key value" lines); -1 when none. */
static int64_t sum_keys(char *text, const char *key1, const char *key2)
{
	char *line, *save;
	int64_t total = 0;
	int found = 0;

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		long long v;
		char key[32];
		if (sscanf(line, "%31s %lld", key, &v) == 2 &&
		    (!strcmp(key, key1) || (key2 && !strcmp(key, key2)))) {
			total += v;
			found++;
		}
	}
	return found ? total : -1;
}

/* Anonymous plus shared memory charged to the container's cgroup, in bytes
 * (v2 memory.stat anon + shmem, v1 rss + shmem), or -1 when unknown.
 * Unlike one process's ru_maxrss this sees memory spread over processes, in
 * /dev/shm, SysV segments and tmpfs files; unlike usage_in_bytes it leaves
 * out the page cache of files merely read (a JVM reads 100+ MiB of them). */
static int64_t cgroup_mem(void)
{
	static cgroup_file f = { { "/sys/fs/cgroup/memory.stat", "/sys/fs/cgroup/memory/memory.stat" }, -1, -1 };
	char buf[8192];

	if (read_cgroup(&f, buf, sizeof(buf)) < 0)
		return -1;
	return sum_keys(buf, f.which == 0 ? "anon" : "rss", "shmem");
}

/* Memory the run added over `base`, its stdout file (tmpfs) left out. */
static void sample_memory(const spawn_spec *s, int64_t base, spawn_result *r)
{
	struct stat st;
	int64_t now = cgroup_mem(), out = 0;
	if (now < 0 || base < 0)
		return;
	if (fstat(s->out_fd, &st) == 0 && S_ISREG(st.st_mode))
		out = st.st_size;
	now -= base + out;
	if (now > 0 && (uint64_t)now > r->cg_peak)
		r->cg_peak = (uint64_t)now;
}

/* How often a run is looked at: its CPU time and the cgroup's memory.
 * Memory split over processes is only seen by these samples (ru_maxrss is
 * one process's), so the interval bounds how short a multi-process peak
 * can be and still be caught: at 50 ms, three children holding 100 MiB
 * each for ~15 ms escaped MLE now and then (tests/adversarial's
 * multi_process_memory.c); a sample costs a few microseconds. */
#define POLL_MS 10

/* Waits for the child, draining `errfd` (-1 for none), enforcing the wall
 * limit, and the CPU limit of the main process every POLL_MS (RLIMIT_CPU
 * has one-second granularity and is the backstop). */
static void supervise(pid_t pid, int errfd, const spawn_spec *s, spawn_result *r,
		      char *ebuf, size_t ecap, size_t *elen, size_t *etrunc)
{
	int64_t start = now_us(), deadline = start + (int64_t)s->wall_ms * 1000;
	int64_t mem_base = cgroup_mem();
	int done = 0, status = 0, statfd = open_proc_stat(pid);
	struct rusage ru;

	while (!done) {
		struct pollfd p[2] = { { sigchld_pipe[0], POLLIN, 0 }, { errfd, POLLIN, 0 } };
		int64_t left = deadline - now_us();
		if (left <= 0) {
			r->wall_hit = 1;
			kill_all();
			deadline = now_us() + 1000000000;  /* now just wait for it */
			continue;
		}
		poll(p, errfd >= 0 ? 2 : 1, left / 1000 + 1 < POLL_MS ? (int)(left / 1000) + 1 : POLL_MS);
		/* Reaped first thing after a wake-up: the exit time is compared
		 * with the peer's in interactive runs. */
		if (wait4(pid, &status, WNOHANG, &ru) == pid) {
			r->exit_at = now_us();
			done = 1;
			if (s->give_io) {
				/* Only now can the peer see end-of-file or EPIPE:
				 * whatever it does because of this exit comes after
				 * exit_at (THEORY OF OPERATION). */
				close(s->in_fd);
				close(s->out_fd);
			}
		}
		if (!done && !r->wall_hit && !r->cpu_hit && proc_cpu_us(statfd) > (int64_t)s->cpu_ms * 1000 + 20000) {
			r->cpu_hit = 1;
			kill_all();
		}
		if (errfd >= 0 && (p[1].revents & (POLLIN | POLLHUP))) {
			if (drain(errfd, ebuf, ecap, elen, etrunc) < 0) {
				close(errfd);
				errfd = -1;
			}
		}
		if (p[0].revents & POLLIN) {
			char junk[64];
			if (read(sigchld_pipe[0], junk, sizeof(junk)) < 0) {
				/* nothing: non-blocking */
			}
		}
		sample_memory(s, mem_base, r);
	}
	if (statfd >= 0)
		close(statfd);
	r->wall_us = r->exit_at - start;
	r->cpu_us = tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
	r->maxrss = (uint64_t)ru.ru_maxrss * 1024;
	if (r->cg_peak > r->maxrss)
		r->maxrss = r->cg_peak;   /* memory spread over processes or shm */
	r->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	r->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	/* Whatever is still buffered in the pipe after the exit (non-blocking). */
	while (errfd >= 0) {
		struct pollfd p = { errfd, POLLIN, 0 };
		if (poll(&p, 1, 0) <= 0 || drain(errfd, ebuf, ecap, elen, etrunc) < 0)
			break;
	}
}

static int spawn(const spawn_spec *s, spawn_result *r, char *ebuf, size_t ecap,
		 size_t *elen, size_t *etrunc, int errfd)
{
	int ep[2];
	pid_t pid;
	ssize_t n;

	memset(r, 0, sizeof(*r));
	if (pipe2(ep, O_CLOEXEC) < 0)
		return -1;
	if ((pid = fork()) < 0) {
		close(ep[0]);
		close(ep[1]);
		return -1;
	}
	if (pid == 0)
		child_exec(s, ep[1]);
	close(ep[1]);
	if (s->close_in_parent >= 0)
		close(s->close_in_parent);   /* our copy of the child's write end */
	supervise(pid, errfd, s, r, ebuf, ecap, elen, etrunc);
	n = read(ep[0], r->exec_error, sizeof(r->exec_error) - 1);
	r->exec_error[n > 0 ? n : 0] = '\0';
	r->started = n <= 0;
	close(ep[0]);
	return 0;
}

/* ---------- cgroup OOM counter (v1 memory.oom_control, v2 memory.events) ---------- */

static long oom_kills(void)
{
	static cgroup_file f = { { "/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control" }, -1, -1 };
	char buf[1024];

	if (read_cgroup(&f, buf, sizeof(buf)) < 0)
		return -1;
	return (long)sum_keys(buf, "oom_kill", NULL);
}

/* ---------- commands ---------- */

static void reply(const char *head, const char *a, size_t alen, const char *b, size_t blen,
		  const char *c, size_t clen)
{
	if (write_all(1, head, strlen(head)) < 0 || write_all(1, a, alen) < 0 ||
	    write_all(1, b, blen) < 0 || write_all(1, c, clen) < 0)
		exit(1);   /* the judge went away */
}

/* Compiles what `dir` holds with `argv` as `uid`, then seals it. */
static void do_compile(char *const *argv, const char *dir, uid_t uid)
{
	char *out = malloc(cfg.compile_out_cap + 1), head[160];
	size_t len = 0, trunc = 0;
	int p[2], nul = open("/dev/null", O_RDONLY | O_CLOEXEC);
	spawn_spec s = { argv, uid, dir, nul, -1, -1, cfg.compile_cpu_ms, cfg.compile_wall_ms,
			 cfg.compile_fsize, -1, 0, 0, -1 };
	spawn_result r = { 0 };
	const char *status = "none";

	if (!out || nul < 0 || pipe2(p, O_CLOEXEC) < 0 || fcntl(p[0], F_SETFL, O_NONBLOCK) < 0)
		die("compile: out of resources");
	if (argv[0]) {
		s.out_fd = s.err_fd = s.close_in_parent = p[1];
		if (spawn(&s, &r, out, cfg.compile_out_cap, &len, &trunc, p[0]) < 0)
			die("compile: fork failed: %s", strerror(errno));
		kill_all();
		reap_all(&r.cpu_us);
		if (!r.started)
			status = "je";
		else if (r.wall_hit || r.cpu_us > s.cpu_ms * 1000)
			status = "timeout";
		else
			status = r.exit_code == 0 ? "ok" : "failed";
		if (!r.started)
			len = (size_t)snprintf(out, cfg.compile_out_cap, "%s", r.exec_error);
	}
	close(p[0]);
	if (!argv[0])
		close(p[1]);
	close(nul);
	chown_tree(dir, 0, 1, 0);
	kill_uid_and_empty(cfg.run_uid, SCRATCH);
	snprintf(head, sizeof(head), "C %s %" PRId64 " %" PRId64 " %d %d %zu %zu\n", status,
		 r.cpu_us, r.wall_us, r.exit_code, r.signal, len, trunc);
	reply(head, out, len, "", 0, "", 0);
	free(out);
}

typedef struct {
	const char *verdict;
	char        msg[1024];
	int         limit;     /* 0 none, 1 cpu, 2 wall, 3 memory, 4 output */
	char        score[32]; /* the validator's score.txt, "-" when none */
} outcome;

static uint64_t file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* Classifies a finished run; returns 1 when the output still needs validating. */
static int classify(const spawn_result *r, long oom_delta, outcome *o)
{
	uint64_t out = file_size(OUT_FILE);
	double mib = (double)cfg.mem_bytes / 1048576.0;

	if (!r->started) {
		o->verdict = "JE";
		snprintf(o->msg, sizeof(o->msg), "%s", r->exec_error);
	} else if (oom_delta > 0 || r->maxrss > cfg.mem_bytes) {
		o->verdict = "MLE", o->limit = 3;
		snprintf(o->msg, sizeof(o->msg), "memory limit %.0f MiB exceeded (peak %.1f MiB%s)", mib,
			 (double)r->maxrss / 1048576.0, oom_delta > 0 ? ", killed by the OOM killer" : "");
	} else if (r->wall_hit || r->cpu_hit || r->cpu_us > cfg.cpu_ms * 1000 || r->signal == SIGXCPU) {
		o->verdict = "TLE", o->limit = r->wall_hit && !r->cpu_hit ? 2 : 1;
		if (r->wall_hit && !r->cpu_hit)
			snprintf(o->msg, sizeof(o->msg), "wall-clock limit %.3f s exceeded", cfg.wall_ms / 1000.0);
		else
			snprintf(o->msg, sizeof(o->msg), "CPU time %.3f s exceeds the limit of %.3f s",
				 r->cpu_us / 1e6, cfg.cpu_ms / 1000.0);
	} else if (r->signal == SIGXFSZ || out > cfg.out_bytes) {
		o->verdict = "OLE", o->limit = 4;
		snprintf(o->msg, sizeof(o->msg), "output limit of %" PRIu64 " bytes exceeded", cfg.out_bytes);
	} else if (r->signal) {
		o->verdict = "RTE";
		snprintf(o->msg, sizeof(o->msg), "killed by signal %d (%s)", r->signal, strsignal(r->signal));
	} else if (r->exit_code != 0) {
		o->verdict = "RTE";
		snprintf(o->msg, sizeof(o->msg), "exited with code %d", r->exit_code);
	} else {
		return 1;
	}
	return 0;
}

static void validate_default(const char *ans_path, outcome *o)
{
	jg_vflags fl;
	FILE *ans = fopen(ans_path, "r"), *team = fopen(OUT_FILE, "r");
	int v;

	if (jg_vflags_parse(&fl, cfg.vflags, o->msg, sizeof(o->msg)) < 0) {
		o->verdict = "JE";
	} else if (!ans || !team) {
		o->verdict = "JE";
		snprintf(o->msg, sizeof(o->msg), "cannot open the answer or the output: %s", strerror(errno));
	} else {
		v = jg_validate_streams(ans, team, &fl, o->msg, sizeof(o->msg));
		o->verdict = v == JG_VALIDATE_AC ? "AC" : v == JG_VALIDATE_WA ? "WA" : "JE";
	}
	if (ans)
		fclose(ans);
	if (team)
		fclose(team);
}

static void read_feedback(char *msg, size_t cap)
{
	int fd = open(FB_DIR "/judgemessage.txt", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, msg, cap - 1) : -1;
	msg[n > 0 ? n : 0] = '\0';
	for (char *p = msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = *(p + 1) ? ' ' : '\0';
	if (fd >= 0)
		close(fd);
}

/* score.txt of a scoring validator: one number, else "-". */
static void read_score(char *out, size_t cap)
{
	char buf[64], *end;
	int fd = open(FB_DIR "/score.txt", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

	if (fd >= 0)
		close(fd);
	snprintf(out, cap, "-");
	if (n <= 0)
		return;
	buf[n] = '\0';
	double v = strtod(buf, &end);
	while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
		end++;
	if (end != buf && !*end && v == v)
		snprintf(out, cap, "%.9g", v);
}

/* argv of the output validator: its run argv, the input, the answer, the
 * feedback directory, then the flags (copied into `flags`, which it uses). */
static void validator_argv(char **argv, const char *in_path, const char *ans_path, char *flags,
			   size_t flags_size)
{
	char *save = NULL;
	size_t n = 0;

	while (cfg.vrun[n] && n < MAX_ARGS)
		argv[n] = cfg.vrun[n], n++;
	argv[n++] = (char *)in_path;
	argv[n++] = (char *)ans_path;
	argv[n++] = FB_DIR "/";
	snprintf(flags, flags_size, "%s", cfg.vflags);
	for (char *t = strtok_r(flags, " ", &save); t && n < MAX_ARGS + 6; t = strtok_r(NULL, " ", &save))
		argv[n++] = t;
	argv[n] = NULL;
}

/* The verdict of a finished validator run: 42 AC, 43 WA, anything else JE;
 * the message from judgemessage.txt, the score from score.txt. */
static void validator_verdict(const spawn_result *r, outcome *o)
{
	read_feedback(o->msg, sizeof(o->msg));
	read_score(o->score, sizeof(o->score));
	if (r->started && r->exit_code == 42) {
		o->verdict = "AC";
	} else if (r->started && r->exit_code == 43) {
		o->verdict = "WA";
	} else {
		o->verdict = "JE";
		if (!r->started)
			snprintf(o->msg, sizeof(o->msg), "output validator failed: %s", r->exec_error);
		else if (r->wall_hit || r->cpu_hit)
			snprintf(o->msg, sizeof(o->msg), "output validator failed: timed out");
		else if (r->signal)
			snprintf(o->msg, sizeof(o->msg), "output validator failed: %s", strsignal(r->signal));
		else
			snprintf(o->msg, sizeof(o->msg), "output validator failed: exit code %d, not 42 or 43",
				 r->exit_code);
	}
}

/* keep_feedback: a later pass of a multi-pass test (the feedback directory
 * persists). */
static void validate_custom(const char *in_path, const char *ans_path, const char *team_path,
			    outcome *o, int keep_feedback)
{
	char *argv[MAX_ARGS + 8], errbuf[1024];
	char flags[sizeof(cfg.vflags)];
	size_t elen = 0, etrunc = 0;
	int team = open(team_path, O_RDONLY | O_CLOEXEC), nul = open("/dev/null", O_WRONLY | O_CLOEXEC);
	spawn_spec s = { argv, cfg.val_uid, VAL_DIR, team, nul, nul, cfg.val_cpu_ms,
			 cfg.val_cpu_ms * 2 + 1000, 64u << 20, -1, 0, 0, -1 };
	spawn_result r;

	if (keep_feedback)
		kill_all();
	else
		kill_uid_and_empty(cfg.val_uid, FB_DIR);
	validator_argv(argv, in_path, ans_path, flags, sizeof(flags));
	if (team < 0 || nul < 0 || spawn(&s, &r, errbuf, sizeof(errbuf), &elen, &etrunc, -1) < 0) {
		o->verdict = "JE";
		snprintf(o->msg, sizeof(o->msg), "cannot start the output validator");
	} else {
		kill_all();
		reap_all(NULL);
		validator_verdict(&r, o);
	}
	if (team >= 0)
		close(team);
	if (nul >= 0)
		close(nul);
}

/* After a validation of a multi-pass problem: moves nextpass.in out of the
 * feedback directory to NEXT_IN.  Returns 1 when another pass follows (o
 * stays AC); 0 when not, o turned JE when the request breaks the rules. */
static int take_nextpass(outcome *o, long pass)
{
	struct stat st;
	char why[256];

	if (!cfg.multipass || !strcmp(o->verdict, "JE") || lstat(FB_DIR "/nextpass.in", &st) < 0)
		return 0;
	if (strcmp(o->verdict, "AC") != 0)
		snprintf(why, sizeof(why), "the output validator rejected the output (exit 43) "
			 "and wrote nextpass.in");
	else if (!S_ISREG(st.st_mode))
		snprintf(why, sizeof(why), "the output validator's nextpass.in is not a regular file");
	else if (pass >= cfg.multipass)
		snprintf(why, sizeof(why), "the output validator asked for pass %ld, but "
			 "limits.validation_passes is %ld", pass + 1, cfg.multipass);
	else if (rename(FB_DIR "/nextpass.in", NEXT_IN) < 0 || chown(NEXT_IN, 0, cfg.val_uid) < 0 ||
		 chmod(NEXT_IN, 0640) < 0)
		snprintf(why, sizeof(why), "cannot move nextpass.in to %s: %s", NEXT_IN, strerror(errno));
	else
		return 1;
	o->verdict = "JE";
	snprintf(o->msg, sizeof(o->msg), "%s", why);
	return 0;
}

/* Reads up to cap bytes of a file for the report. */
static size_t head_of(const char *path, char *buf, size_t cap, size_t *trunc)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, cap) : 0;
	uint64_t size = file_size(path);
	if (fd >= 0)
		close(fd);
	n = n < 0 ? 0 : n;
	*trunc = size > (uint64_t)n ? (size_t)(size - (uint64_t)n) : 0;
	return (size_t)n;
}

static void reply_result(const outcome *o, const spawn_result *r, const char *obuf, size_t olen,
			 size_t otrunc, const char *ebuf, size_t elen, size_t etrunc, int next)
{
	char head[320];
	snprintf(head, sizeof(head), "R %s %" PRId64 " %" PRId64 " %" PRIu64 " %d %d %d %zu %zu %zu %zu %zu %s %"
		 PRId64 " %d\n", o->verdict, r->cpu_us, r->wall_us, r->maxrss, r->exit_code, r->signal,
		 o->limit, strlen(o->msg), olen, otrunc, elen, etrunc, o->score, r->exit_at, next);
	reply(head, o->msg, strlen(o->msg), obuf, olen, ebuf, elen);
}

/* The run argv with `extra` (space-separated words, modified) appended. */
static void run_argv(char **argv, char *extra)
{
	char *save = NULL;
	size_t n = 0;
	while (cfg.run[n] && n < MAX_ARGS)
		argv[n] = cfg.run[n], n++;
	for (char *t = extra ? strtok_r(extra, " ", &save) : NULL; t && n < 2 * MAX_ARGS;
	     t = strtok_r(NULL, " ", &save))
		argv[n++] = t;
	argv[n] = NULL;
}

/* Function-call problems: RESULT_FILE, emptied, the run's fd 3.  It belongs
 * to RUN_UID (0600) because a harness may reopen it through /proc/self/fd/3
 * (Java has no other way to an inherited descriptor); OUT_DIR keeps anyone
 * else from it.  The supervisor has no CAP_DAC_OVERRIDE: run_once() gives
 * the file back to root once the run is over, before it is read. */
static int open_result(void)
{
	unlink(RESULT_FILE);   /* the last run's: its owner was RUN_UID */
	int fd = open(RESULT_FILE, O_RDWR | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0 && fchown(fd, cfg.run_uid, cfg.run_uid) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Loads a JSON file whole (the answer, the input or the result). */
static json_t *load_json(const char *path)
{
	return json_load_file(path, JSON_DECODE_ANY, NULL);
}

/* A function's result against the answer: "input I: expected E, got G". */
static void validate_function(const char *in_path, const char *ans_path, outcome *o)
{
	jg_fncmp_opts fo = { JG_FNCMP_TOL, JG_FNCMP_TOL, cfg.fn_unordered, cfg.fn_untyped };
	json_t *ans = load_json(ans_path), *in = NULL, *got = NULL;
	jg_vflags fl;
	char diff[600], input[200];

	o->verdict = "JE";
	if (jg_vflags_parse(&fl, cfg.vflags, o->msg, sizeof(o->msg)) < 0)
		goto done;
	if (fl.has_abs || fl.has_rel) {
		fo.abs_tol = fl.has_abs ? fl.float_abs : 0;
		fo.rel_tol = fl.has_rel ? fl.float_rel : 0;
	}
	if (!ans) {
		snprintf(o->msg, sizeof(o->msg), "the answer is not JSON");
		goto done;
	}
	if (file_size(RESULT_FILE) == 0) {
		o->verdict = "RTE";
		snprintf(o->msg, sizeof(o->msg), "the function did not return: the program ended before "
			 "the result was written");
		goto done;
	}
	o->verdict = "WA";
	if (!(got = load_json(RESULT_FILE)))
		snprintf(diff, sizeof(diff), "the result on fd 3 is not JSON");
	else if (jg_fncmp(ans, got, &fo, diff, sizeof(diff)))
		o->verdict = "AC";
	if (strcmp(o->verdict, "AC")) {
		in = load_json(in_path);
		jg_fncmp_show(in, input, sizeof(input));
		snprintf(o->msg, sizeof(o->msg), "input %s: %s", input, diff);
	}
done:
	json_decref(ans);
	json_decref(in);
	json_decref(got);
}

/* One run of the submission with `input` as stdin and OUT_FILE as stdout
 * (stderr into ebuf); returns classify()'s answer: 1 when the output still
 * needs validating. */
static int run_once(char **argv, const char *input, spawn_result *r, outcome *o, char *ebuf,
		    size_t *elen, size_t *etrunc)
{
	spawn_spec s = { argv, cfg.run_uid, BUILD_DIR, -1, -1, -1, cfg.cpu_ms, cfg.wall_ms,
			 cfg.out_bytes + 1, -1, 0, 0, -1 };
	long oom0 = oom_kills();
	int ep[2], in = open(input, O_RDONLY | O_CLOEXEC);
	int out = open(OUT_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int res = cfg.function ? open_result() : -1;

	if (in < 0 || out < 0 || (cfg.function && res < 0) || pipe2(ep, O_CLOEXEC) < 0 ||
	    fcntl(ep[0], F_SETFL, O_NONBLOCK) < 0)   /* our end only: the child's blocks */
		die("cannot set up a run on %s: %s", input, strerror(errno));
	s.in_fd = in, s.out_fd = out, s.err_fd = s.close_in_parent = ep[1];
	s.result_fd = res;
	*elen = *etrunc = 0;
	if (spawn(&s, r, ebuf, cfg.stderr_cap, elen, etrunc, ep[0]) < 0)
		die("run on %s: fork failed: %s", input, strerror(errno));
	end_run(cfg.run_uid, SCRATCH);
	reap_all(&r->cpu_us);
	close(ep[0]);
	close(in);
	close(out);
	if (res >= 0 && (fchown(res, 0, 0) < 0 || close(res) < 0))
		die("cannot take back %s: %s", RESULT_FILE, strerror(errno));
	return classify(r, oom0 >= 0 ? oom_kills() - oom0 : 0, o);
}

/* Runs test idx: one pass, or for multi-pass problems as many as the
 * validator asks for (each with the problem's limits; the largest time and
 * memory of any pass are reported, the outputs of the last). */
static void do_test(long idx, char *extra)
{
	char in_path[PATH_MAX], ans_path[PATH_MAX], *argv[2 * MAX_ARGS + 1], msg[sizeof(((outcome *)0)->msg) + 32];
	size_t cap = cfg.capture_cap, olen = 0, otrunc = 0, elen = 0, etrunc = 0;
	char *obuf = malloc(cap + 1), *ebuf = malloc(cfg.stderr_cap + 1);
	spawn_result r, all;
	outcome o;
	long pass;

	if (!obuf || !ebuf)
		die("test %ld: out of memory", idx);
	run_argv(argv, extra);
	snprintf(in_path, sizeof(in_path), TESTS_DIR "/%ld.in", idx);
	snprintf(ans_path, sizeof(ans_path), TESTS_DIR "/%ld.ans", idx);
	for (pass = 1;; pass++) {
		const char *input = pass == 1 ? in_path : NEXT_IN;
		o = (outcome){ "JE", "", 0, "-" };
		int validate = run_once(argv, input, &r, &o, ebuf, &elen, &etrunc);
		if (pass > 1) {
			r.cpu_us = r.cpu_us > all.cpu_us ? r.cpu_us : all.cpu_us;
			r.wall_us = r.wall_us > all.wall_us ? r.wall_us : all.wall_us;
			r.maxrss = r.maxrss > all.maxrss ? r.maxrss : all.maxrss;
		}
		all = r;
		if (!validate)
			break;
		if (cfg.execute) {
			o.verdict = "AC";   /* ran to a clean exit: nothing to compare */
			break;
		}
		if (!cfg.custom_validator) {
			if (cfg.function)
				validate_function(in_path, ans_path, &o);
			else
				validate_default(ans_path, &o);
			break;
		}
		validate_custom(input, ans_path, cfg.function ? RESULT_FILE : OUT_FILE, &o, pass > 1);
		if (!take_nextpass(&o, pass))
			break;
	}
	if (pass > 1 && strcmp(o.verdict, "AC") != 0) {
		snprintf(msg, sizeof(msg), "pass %ld: %s", pass, o.msg);
		memcpy(o.msg, msg, sizeof(o.msg) - 1);
		o.msg[sizeof(o.msg) - 1] = '\0';
	}
	if (cfg.execute || strcmp(o.verdict, "AC") != 0)
		olen = head_of(OUT_FILE, obuf, cap, &otrunc);
	else
		elen = etrunc = 0;
	reply_result(&o, &all, obuf, olen, otrunc, ebuf, elen, etrunc, 0);
	free(obuf);
	free(ebuf);
}

/* ---------- interactive problems ---------- */

static void ipc_close(void)
{
	if (ipc_in >= 0)
		close(ipc_in);
	if (ipc_out >= 0)
		close(ipc_out);
	ipc_in = ipc_out = -1;
}

/* Opens this side's FIFO ends (THEORY OF OPERATION, step 1) and answers
 * "O"; a peer that does not show up within IPC_OPEN_MS is a non-fatal "E". */
static void do_iopen(void)
{
	const char *rd = cfg.ipc == IPC_SUB ? TO_SUB : TO_VAL, *wr = cfg.ipc == IPC_SUB ? TO_VAL : TO_SUB;
	int64_t deadline = now_us() + (int64_t)IPC_OPEN_MS * 1000;
	struct stat si, so;
	char msg[256];
	int err = 0;

	if (cfg.ipc == IPC_NONE)
		die("iopen: this container is not part of an interactive pair");
	ipc_close();
	/* The validator's supervisor may still be creating the FIFOs. */
	while ((ipc_in = open(rd, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0 && (err = errno) == ENOENT &&
	       now_us() < deadline)
		usleep(1000);
	/* ENXIO: no reader on the other end yet. */
	while (ipc_in >= 0 && (ipc_out = open(wr, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0 &&
	       ((err = errno) == ENXIO || err == ENOENT) && now_us() < deadline)
		usleep(200);
	if (ipc_in < 0 || ipc_out < 0) {
		snprintf(msg, sizeof(msg), "iopen: %s: %s", ipc_in < 0 ? rd : wr,
			 err == ENXIO ? "the other side did not open its end in time" : strerror(err));
	} else if (fstat(ipc_in, &si) < 0 || fstat(ipc_out, &so) < 0 || !S_ISFIFO(si.st_mode) ||
		   !S_ISFIFO(so.st_mode)) {
		snprintf(msg, sizeof(msg), "iopen: %s or %s is not a FIFO", rd, wr);
	} else if (fcntl(ipc_in, F_SETFL, 0) < 0 || fcntl(ipc_out, F_SETFL, 0) < 0) {
		snprintf(msg, sizeof(msg), "iopen: fcntl: %s", strerror(errno));
	} else {
		/* The largest buffer the kernel grants, up to PIPE_SIZE. */
		for (int sz = PIPE_SIZE; sz >= 65536 && fcntl(ipc_out, F_SETPIPE_SZ, sz) < 0; sz /= 2)
			;
		write_all(1, "O\n", 2);
		return;
	}
	ipc_close();
	reply_error(msg);
}

/* Runs the submission on the FIFO ends (step 2).  Verdict AC means a clean
 * exit: the validator's run decides the rest. */
static void do_irun(char *extra)
{
	char *argv[2 * MAX_ARGS + 1], *ebuf = malloc(cfg.stderr_cap + 1);
	size_t elen = 0, etrunc = 0;
	int ep[2], out;
	spawn_spec s = { argv, cfg.run_uid, BUILD_DIR, ipc_in, ipc_out, -1, cfg.cpu_ms, cfg.wall_ms,
			 cfg.out_bytes + 1, -1, 1, 0, -1 };
	spawn_result r;
	outcome o = { "JE", "", 0, "-" };
	long oom0 = oom_kills();

	if (cfg.ipc != IPC_SUB || ipc_in < 0 || ipc_out < 0)
		die("irun: no FIFO ends open (iopen first, in the submission's container)");
	run_argv(argv, extra);
	/* classify() checks the size of OUT_FILE: empty, stdout is the FIFO. */
	out = open(OUT_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (!ebuf || out < 0 || pipe2(ep, O_CLOEXEC) < 0 || fcntl(ep[0], F_SETFL, O_NONBLOCK) < 0)
		die("irun: cannot set up the run: %s", strerror(errno));
	close(out);
	s.err_fd = s.close_in_parent = ep[1];
	if (spawn(&s, &r, ebuf, cfg.stderr_cap, &elen, &etrunc, ep[0]) < 0)
		die("irun: fork failed: %s", strerror(errno));
	ipc_in = ipc_out = -1;              /* spawn() closed them once forked */
	end_run(cfg.run_uid, SCRATCH);
	reap_all(&r.cpu_us);
	close(ep[0]);
	if (classify(&r, oom0 >= 0 ? oom_kills() - oom0 : 0, &o))
		o.verdict = "AC";
	reply_result(&o, &r, "", 0, 0, ebuf, elen, etrunc, 0);
	free(ebuf);
}

/* Runs the output validator on the FIFO ends for pass `pass` of test idx
 * (step 2), with SIGPIPE ignored and a wall limit of wall_ms. */
static void do_ival(long idx, long pass, long wall_ms)
{
	char in_path[PATH_MAX], ans_path[PATH_MAX], *argv[MAX_ARGS + 8], flags[sizeof(cfg.vflags)];
	char ebuf[512];
	size_t elen = 0, etrunc = 0, mlen;
	int ep[2], next;
	spawn_spec s = { argv, cfg.val_uid, VAL_DIR, ipc_in, ipc_out, -1, cfg.val_cpu_ms, wall_ms,
			 64u << 20, -1, 1, 1, -1 };
	spawn_result r;
	outcome o = { "JE", "", 0, "-" };

	if (cfg.ipc != IPC_VAL || ipc_in < 0 || ipc_out < 0)
		die("ival: no FIFO ends open (iopen first, in the validator's container)");
	if (pass <= 1) {
		snprintf(in_path, sizeof(in_path), TESTS_DIR "/%ld.in", idx);
		kill_uid_and_empty(cfg.val_uid, FB_DIR);
		unlink(NEXT_IN);
	} else {
		snprintf(in_path, sizeof(in_path), "%s", NEXT_IN);
	}
	snprintf(ans_path, sizeof(ans_path), TESTS_DIR "/%ld.ans", idx);
	validator_argv(argv, in_path, ans_path, flags, sizeof(flags));
	if (pipe2(ep, O_CLOEXEC) < 0 || fcntl(ep[0], F_SETFL, O_NONBLOCK) < 0)
		die("ival: pipe: %s", strerror(errno));
	s.err_fd = s.close_in_parent = ep[1];
	if (spawn(&s, &r, ebuf, sizeof(ebuf) - 1, &elen, &etrunc, ep[0]) < 0)
		die("ival: fork failed: %s", strerror(errno));
	ipc_in = ipc_out = -1;
	end_run(cfg.val_uid, SCRATCH);
	reap_all(NULL);
	close(ep[0]);
	validator_verdict(&r, &o);
	next = take_nextpass(&o, pass);
	if (!strcmp(o.verdict, "JE") && elen > 0 && (mlen = strlen(o.msg)) + 32 < sizeof(o.msg)) {
		/* What a failing validator said helps whoever fixes it. */
		ebuf[elen] = '\0';
		for (char *c = ebuf; *c; c++)
			*c = *c == '\n' || *c == '\r' ? ' ' : *c;
		snprintf(o.msg + mlen, sizeof(o.msg) - mlen, "; validator stderr: %s", ebuf);
	}
	reply_result(&o, &r, "", 0, 0, "", 0, 0, next);
}

/* Runs the output validator on test idx's answer file as the team output:
 * a sound package's answers are accepted by its own validator. */
static void do_check(long idx)
{
	char in_path[PATH_MAX], ans_path[PATH_MAX];
	spawn_result r = { .exit_code = -1 };
	outcome o = { "AC", "", 0, "-" };

	snprintf(in_path, sizeof(in_path), TESTS_DIR "/%ld.in", idx);
	snprintf(ans_path, sizeof(ans_path), TESTS_DIR "/%ld.ans", idx);
	if (cfg.custom_validator)
		validate_custom(in_path, ans_path, ans_path, &o, 0);
	reply_result(&o, &r, "", 0, 0, "", 0, 0, 0);
}

/* Copies the built validator to /judge/export, for the judge to fetch once
 * and ship to every submission's container. */
static void do_export(void)
{
	make_dir(JUDGE_DIR "/export", 0700, 0);
	if (copy_tree(VAL_DIR, JUDGE_DIR "/export", 0, 0) < 0)
		die("cannot export the validator: %s", strerror(errno));
	write_all(1, "X\n", 2);
}

static void command_loop(void)
{
	char *line;
	while ((line = read_line(stdin))) {
		long a, b;
		unsigned long long c, d;
		if (!strcmp(line, "compile"))
			do_compile(cfg.compile, BUILD_DIR, cfg.run_uid);
		else if (!strcmp(line, "vcompile"))
			do_compile(cfg.vcompile, VAL_DIR, cfg.val_uid);
		else if (!strcmp(line, "export"))
			do_export();
		else if (sscanf(line, "test %ld", &a) == 1)
			do_test(a, strchr(line + 5, ' '));
		else if (sscanf(line, "check %ld", &a) == 1)
			do_check(a);
		else if (!strcmp(line, "iopen"))
			do_iopen();
		else if (sscanf(line, "irun %ld", &a) == 1)
			do_irun(strchr(line + 5, ' '));
		else if (sscanf(line, "ival %ld %ld %llu", &a, &b, &c) == 3)
			do_ival(a, b, (long)c);
		else if (!strncmp(line, "vflags", 6) && (!line[6] || line[6] == ' ')) {
			snprintf(cfg.vflags, sizeof(cfg.vflags), "%s", line[6] ? line + 7 : "");
			write_all(1, "L\n", 2);
		}
		else if (sscanf(line, "limits %ld %ld %llu %llu", &a, &b, &c, &d) == 4) {
			cfg.cpu_ms = a, cfg.wall_ms = b, cfg.mem_bytes = c, cfg.out_bytes = d;
			write_all(1, "L\n", 2);
		} else if (!strcmp(line, "quit")) {
			free(line);
			return;
		} else
			die("unknown command '%.60s'", line);
		free(line);
	}
}

int main(int argc, char **argv)
{
	struct sigaction sa;

	if (argc != 2)
		die("usage: judge-supervisor CONFIG");
	setvbuf(stdin, NULL, _IOLBF, 0);
	if (pipe2(sigchld_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		die("pipe: %s", strerror(errno));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigchld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	umask(022);
	load_config(argv[1]);
	prepare_fs();
	(void)cgroup_mem();   /* opens the cgroup files while memory is plentiful */
	(void)oom_kills();
	write_all(1, "READY\n", 6);
	command_loop();
	return 0;
}
