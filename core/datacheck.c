/* core/datacheck.c - host-side checks of a bundle's test data.
 *
 * Each test file is read once through one JG_DATACHECK_CHUNK-byte buffer;
 * a scan state carries across chunks what the checks need: the first
 * carriage return (and whether a newline follows it), the newlines before
 * it, the first byte that is not UTF-8 (a sequence cut by the chunk's end
 * is carried over to the next chunk) and the last byte.
 */
#define _GNU_SOURCE
#include "datacheck.h"
#include "error.h"
#include "fs.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEPTH_MAX 64   /* directory levels walked looking for empty groups */

#define WARN JG_FINDING_WARNING
#define ERR  JG_FINDING_ERROR

static int oom(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, hidden ones left out, sorted; *out NULL when none.
 * JG_EIO keeps errno. */
static int list_names(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	int rc = 0, err;

	*out = NULL;
	if (!d) {
		err = errno;
		rc = jg_error_errno(JG_EIO, "%s", dir);
		errno = err;
		return rc;
	}
	while (rc == 0 && (e = readdir(d)))
		if (e->d_name[0] != '.')
			rc = jg_strv_push(&v, e->d_name);
	closedir(d);
	if (rc < 0)
		jg_strv_free(v);
	else if (v)
		qsort(v, jg_strv_len(v), sizeof(*v), cmp_str);
	if (rc == 0)
		*out = v;
	return rc;
}

/* ---------------------------------------------------------------------------
 * One file, streamed
 */

typedef struct {
	uint64_t size;      /* bytes read */
	uint64_t lines;     /* newlines before the first carriage return */
	int      cr;        /* first CR: 0 none, 1 seen (next byte unknown), 2 CRLF, 3 lone */
	int      bad_utf8;  /* 1: bad_at holds the offset of the first invalid byte */
	uint64_t bad_at;
	size_t   carry;     /* bytes of an unfinished UTF-8 sequence at buf[0] */
	char     last;      /* the last byte read */
} scan;

static uint64_t count_newlines(const char *p, size_t n)
{
	const char *end = p + n;
	uint64_t k = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		k++;
		p++;
	}
	return k;
}

/* Follows carriage returns in the n new bytes at p (n == 0: end of file). */
static void scan_cr(scan *s, const char *p, size_t n)
{
	const char *cr;

	if (s->cr == 1)
		s->cr = n > 0 && p[0] == '\n' ? 2 : 3;
	if (s->cr || n == 0)
		return;
	cr = memchr(p, '\r', n);
	s->lines += count_newlines(p, cr ? (size_t)(cr - p) : n);
	if (cr)
		s->cr = cr + 1 == p + n ? 1 : cr[1] == '\n' ? 2 : 3;
}

/* Checks buf[0..len): the carried bytes, then the new ones (s->size counts
 * them already).  An invalid tail shorter than a UTF-8 sequence may be a
 * sequence the chunk cut: it is carried to the next chunk, unless at eof. */
static void scan_utf8(scan *s, char *buf, size_t len, int eof)
{
	size_t ok;

	s->carry = 0;
	if (s->bad_utf8 || (ok = jg_utf8_check(buf, len)) == len)
		return;
	if (!eof && len - ok < 4) {
		memmove(buf, buf + ok, len - ok);
		s->carry = len - ok;
		return;
	}
	s->bad_utf8 = 1;
	s->bad_at = s->size - len + ok;
}

/* Reads fd to its end through buf. Returns 0, or -1 with errno. */
static int scan_fd(scan *s, int fd, char *buf)
{
	ssize_t r;

	for (;;) {
		r = read(fd, buf + s->carry, JG_DATACHECK_CHUNK - s->carry);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		scan_cr(s, buf + s->carry, (size_t)r);
		if (r > 0)
			s->last = buf[s->carry + (size_t)r - 1];
		s->size += (uint64_t)r;
		scan_utf8(s, buf, s->carry + (size_t)r, r == 0);
		if (r == 0)
			return 0;
	}
}

/* The findings a finished scan of file holds. */
static int scan_findings(jg_findings *out, const scan *s, const char *file)
{
	int rc = 0;

	if (s->cr == 2)
		rc = jg_findings_add(out, WARN, file, "CRLF line endings (first on line %" PRIu64 ")",
				     s->lines + 1);
	else if (s->cr == 3)
		rc = jg_findings_add(out, WARN, file, "carriage return without a newline "
				     "(line %" PRIu64 ")", s->lines + 1);
	if (rc == 0 && s->bad_utf8)
		rc = jg_findings_add(out, WARN, file, "not valid UTF-8 (first bad byte at "
				     "offset %" PRIu64 ")", s->bad_at);
	if (rc == 0 && s->size > 0 && s->last != '\n')
		rc = jg_findings_add(out, WARN, file, "no newline at the end of the file");
	return rc;
}

/* Streams the file at path (file: its name in findings) through buf. */
static int check_file(jg_findings *out, const char *path, const char *file, char *buf)
{
	scan s;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), rc;

	memset(&s, 0, sizeof(s));
	if (fd < 0)
		return jg_findings_add(out, ERR, file, "cannot read: %s", strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		rc = jg_findings_add(out, ERR, file, "cannot read: not a regular file");
	else if (scan_fd(&s, fd, buf) < 0)
		rc = jg_findings_add(out, ERR, file, "cannot read: %s", strerror(errno));
	else
		rc = scan_findings(out, &s, file);
	close(fd);
	return rc;
}

/* ---------------------------------------------------------------------------
 * The bundle
 */

typedef struct {
	const jg_bundle *b;
	jg_findings     *out;
	const char     **names;   /* the tests' names, sorted */
	char            *buf;     /* JG_DATACHECK_CHUNK bytes */
} dctx;

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* 1 when a test's name starts with dir + "/" (dir: "secret/g1"). */
static int has_tests(const dctx *d, const char *dir)
{
	size_t lo = 0, hi = d->b->ntests, n = strlen(dir), mid;
	int c;

	while (lo < hi) {   /* the first name >= "dir/" (strcmp order) */
		mid = lo + (hi - lo) / 2;
		if ((c = strncmp(d->names[mid], dir, n)) == 0)
			c = (unsigned char)d->names[mid][n] - '/';
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->b->ntests && !strncmp(d->names[lo], dir, n) && d->names[lo][n] == '/';
}

/* b->errors lines, "FILE: MESSAGE", become errors. */
static int fold_errors(dctx *d)
{
	char *sep, *file;
	int rc = 0;

	for (char **e = d->b->errors; rc == 0 && e && *e; e++) {
		if (!(sep = strrchr(*e, ':')) || sep[1] != ' ')
			rc = jg_findings_add(d->out, ERR, NULL, "%s", *e);
		else if (!(file = strndup(*e, (size_t)(sep - *e))))
			rc = oom();
		else {
			rc = jg_findings_add(d->out, ERR, file, "%s", sep + 2);
			free(file);
		}
	}
	return rc;
}

/* A finding about data/rel. */
static int data_finding(dctx *d, jg_severity s, const char *rel, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int data_finding(dctx *d, jg_severity s, const char *rel, const char *fmt, ...)
{
	va_list ap;
	char *file;
	int rc;

	if (asprintf(&file, "data/%s", rel) < 0)
		return oom();
	va_start(ap, fmt);
	rc = jg_findings_vadd(d->out, s, file, fmt, ap);
	va_end(ap);
	free(file);
	return rc;
}

static int check_groups(dctx *d)
{
	int rc = 0;

	if (!has_tests(d, "secret"))
		rc = data_finding(d, ERR, "secret", "no secret test cases");
	if (rc == 0 && !has_tests(d, "sample"))
		rc = data_finding(d, WARN, "sample", "no sample test cases");
	return rc;
}

static int walk_groups(dctx *d, const char *rel, unsigned depth);

/* data/rel, an entry of a group: a directory without tests is reported,
 * one with tests walked (symlinks are not entered). */
static int check_entry(dctx *d, const char *rel, unsigned depth)
{
	char *path;
	struct stat st;
	int rc = 0;

	if (asprintf(&path, "%s/data/%s", d->b->root, rel) < 0)
		return oom();
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!has_tests(d, rel))
			rc = data_finding(d, WARN, rel, "empty test group (no test case below it)");
		else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < DEPTH_MAX)
			rc = walk_groups(d, rel, depth + 1);
	}
	free(path);
	return rc;
}

/* The entries of the directory data/rel. */
static int walk_groups(dctx *d, const char *rel, unsigned depth)
{
	char *path, **names = NULL, *child;
	int rc;

	if (asprintf(&path, "%s/data/%s", d->b->root, rel) < 0)
		return oom();
	if ((rc = list_names(path, &names)) == JG_EIO)   /* absent is fine */
		rc = errno == ENOENT ? 0 : data_finding(d, ERR, rel, "cannot read the "
							"directory: %s", strerror(errno));
	for (size_t i = 0; rc == 0 && names && names[i]; i++) {
		if (asprintf(&child, "%s/%s", rel, names[i]) < 0) {
			rc = oom();
			break;
		}
		rc = check_entry(d, child, depth);
		free(child);
	}
	jg_strv_free(names);
	free(path);
	return rc;
}

/* "data/NAME.EXT", heap-allocated; NULL on no memory. */
static char *data_file(const char *name, const char *ext)
{
	char *s;
	return asprintf(&s, "data/%s.%s", name, ext) < 0 ? NULL : s;
}

/* data/NAME.in and data/NAME.ans of test t. */
static int check_test(dctx *d, const jg_testcase *t)
{
	const jg_problem *p = &d->b->problem;
	uint64_t limit = p->output_mib << 20;
	char *in = data_file(t->name, "in"), *ans = data_file(t->name, "ans");
	int rc = 0;

	if (!in || !ans)
		rc = oom();
	else if (t->ans_size > limit)
		rc = jg_findings_add(d->out, ERR, ans, "answer of %" PRIu64 " bytes, larger than "
				     "the output limit (limits.output: %" PRIu64 " MiB)",
				     t->ans_size, p->output_mib);
	else if (t->ans_size > limit / 2)
		rc = jg_findings_add(d->out, WARN, ans, "answer of %" PRIu64 " bytes, larger than "
				     "half the output limit (limits.output: %" PRIu64 " MiB)",
				     t->ans_size, p->output_mib);
	else if (t->ans_size == 0 && p->validation != JG_VALIDATION_INTERACTIVE)
		rc = jg_findings_add(d->out, WARN, ans, "empty answer file");
	if (rc == 0)
		rc = check_file(d->out, t->in_path, in, d->buf);
	if (rc == 0)
		rc = check_file(d->out, t->ans_path, ans, d->buf);
	free(in);
	free(ans);
	return rc;
}

int jg_datacheck_run(jg_findings *out, const jg_bundle *b)
{
	dctx d = { b, out, NULL, NULL };
	int rc = 0;

	if ((b->ntests && !(d.names = malloc(b->ntests * sizeof(*d.names)))) ||
	    !(d.buf = malloc(JG_DATACHECK_CHUNK))) {
		rc = oom();
		goto done;
	}
	for (size_t i = 0; i < b->ntests; i++)
		d.names[i] = b->tests[i].name;
	if (b->ntests)
		qsort(d.names, b->ntests, sizeof(*d.names), cmp_cstr);
	if ((rc = fold_errors(&d)) < 0 || (rc = check_groups(&d)) < 0 ||
	    (rc = walk_groups(&d, "sample", 0)) < 0 || (rc = walk_groups(&d, "secret", 0)) < 0)
		goto done;
	for (size_t i = 0; rc == 0 && i < b->ntests; i++)
		rc = check_test(&d, &b->tests[i]);
done:
	free(d.names);
	free(d.buf);
	return rc;
}

/* ---------------------------------------------------------------------------
 * Input validators
 */

/* 1 when path resolves inside real_root, 0 outside, -1 unresolvable. */
static int inside(const char *real_root, const char *path)
{
	size_t n = strlen(real_root);
	char *real = realpath(path, NULL);
	int in;

	if (!real)
		return -1;
	in = !strncmp(real, real_root, n) &&
	     (real[n] == '/' || real[n] == '\0' || real_root[n - 1] == '/');
	free(real);
	return in;
}

/* Adds the entries of dir (root/name) to *v; a missing dir adds none. */
static int add_validators(char ***v, const char *real_root, const char *dir)
{
	char **names = NULL, *path = NULL;
	struct stat st;
	int rc = 0;

	if (lstat(dir, &st) < 0)
		return errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s", dir);
	if (inside(real_root, dir) != 1 || stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return jg_error_set(JG_EINPUT, "%s: not a directory inside the bundle", dir);
	rc = list_names(dir, &names);
	for (size_t i = 0; rc == 0 && names && names[i]; i++) {
		free(path);
		if (!(path = jg_path_join(dir, names[i])))
			rc = oom();
		else if (inside(real_root, path) != 1)
			rc = jg_error_set(JG_EINPUT, "%s: leads outside the bundle", path);
		else if (stat(path, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
			rc = jg_strv_push(v, path);
	}
	free(path);
	jg_strv_free(names);
	return rc;
}

int jg_datacheck_input_validators(char ***out_paths, const char *root)
{
	static const char *const dirs[] = { "input_format_validators", "input_validators" };
	char **v = NULL, *real = NULL, *dir = NULL;
	int rc = 0;

	*out_paths = NULL;
	if (!(real = realpath(root, NULL))) {
		rc = jg_error_errno(JG_EIO, "%s", root);
		goto done;
	}
	for (size_t i = 0; rc == 0 && i < 2; i++) {
		free(dir);
		if (!(dir = jg_path_join(root, dirs[i])))
			rc = oom();
		else
			rc = add_validators(&v, real, dir);
	}
	if (rc == 0 && v)
		qsort(v, jg_strv_len(v), sizeof(*v), cmp_str);
	if (rc == 0) {
		*out_paths = v;
		v = NULL;
	}
done:
	jg_strv_free(v);
	free(dir);
	free(real);
	return rc;
}

/* 1 when dir/name is a regular file (links followed). */
static int has_file(const char *dir, const char *name)
{
	char *path = jg_path_join(dir, name);
	struct stat st;
	int yes = path && stat(path, &st) == 0 && S_ISREG(st.st_mode);

	free(path);
	return yes;
}

int jg_datacheck_is_build_run_dir(const char *path)
{
	return jg_fs_is_dir(path) && (has_file(path, "build") || has_file(path, "run"));
}
