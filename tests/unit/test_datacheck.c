/* tests/unit/test_datacheck.c - findings lists, lenient bundles, the host-side
 * checks of test data and input validator discovery.
 *
 * Every package is built at runtime in a sandbox "<tmp>/jg-datacheck-XXXXXX"
 * as <sandbox>/p and opened with jg_bundle_open() lenient.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "datacheck.h"
#include "error.h"
#include "findings.h"
#include "fs.h"
#include "utf8.h"
#include "fixture_fs.h"

#define MIB (1u << 20)

struct box {
	char       *root;
	char       *dir;    /* root/p: the package */
	jg_bundle  *b;
	jg_findings f;
};

static int box_setup(void **state)
{
	struct box *x = calloc(1, sizeof(*x));
	assert_non_null(x);
	assert_int_equal(jg_fs_mkdtemp(&x->root, NULL, "jg-datacheck-"), 0);
	x->dir = jt_path(x->root, "p");
	assert_int_equal(mkdir(x->dir, 0755), 0);
	*state = x;
	return 0;
}

static int box_teardown(void **state)
{
	struct box *x = *state;
	jg_findings_clear(&x->f);
	jg_bundle_free(x->b);
	jg_fs_rmtree(x->root);
	free(x->root);
	free(x->dir);
	free(x);
	return 0;
}

/* Writes data/NAME.in and data/NAME.ans, given texts (NULL: a default). */
static void put_test(const char *dir, const char *name, const char *in, const char *ans)
{
	char rel[256];
	snprintf(rel, sizeof(rel), "data/%s.in", name);
	jt_put(dir, rel, in ? in : "1 2\n");
	snprintf(rel, sizeof(rel), "data/%s.ans", name);
	jt_put(dir, rel, ans ? ans : "3\n");
}

/* n bytes of ASCII lines "123456789\n", then text at the end. */
static char *lines_then(size_t n, const char *text)
{
	size_t len = strlen(text);
	char *s = malloc(n + len + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 10 == 9 ? '\n' : (char)('1' + i % 10);
	memcpy(s + n, text, len + 1);
	return s;
}

static void dump(const jg_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		print_message("  %s %s: %s\n", jg_severity_name(f->items[i].severity),
			      f->items[i].file ? f->items[i].file : "(package)", f->items[i].message);
}

/* Opens x->dir leniently and runs the data checks into x->f. */
static void check(struct box *x)
{
	jg_bundle_opts opts = { .lenient = 1 };
	int rc = jg_bundle_open(&x->b, x->dir, &opts);
	if (rc)
		print_error("jg_bundle_open: %s\n", jg_error_last());
	assert_int_equal(rc, 0);
	assert_int_equal(jg_datacheck_run(&x->f, x->b), 0);
}

static const jg_finding *find(const jg_findings *f, const char *file, const char *msg)
{
	for (size_t i = 0; i < f->n; i++) {
		const jg_finding *g = &f->items[i];
		if ((file ? g->file && !strcmp(g->file, file) : !g->file) && strstr(g->message, msg))
			return g;
	}
	return NULL;
}

/* f holds a finding of severity s about file whose message holds msg. */
static void expect(const jg_findings *f, jg_severity s, const char *file, const char *msg)
{
	const jg_finding *g = find(f, file, msg);
	if (!g || g->severity != s) {
		print_error("no %s %s: %s among:\n", jg_severity_name(s), file, msg);
		dump(f);
	}
	assert_non_null(g);
	assert_int_equal(g->severity, s);
}

/* The number of findings about file. */
static size_t about(const jg_findings *f, const char *file)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += f->items[i].file && !strcmp(f->items[i].file, file);
	return n;
}

static void expect_none(const jg_findings *f)
{
	if (f->n)
		dump(f);
	assert_int_equal(f->n, 0);
}

/* --- findings ------------------------------------------------------------ */

static void test_findings_list(void **state)
{
	jg_findings f = { 0 };
	(void)state;

	assert_int_equal(jg_findings_add(&f, JG_FINDING_ERROR, "data/a.in", "bad %d", 7), 0);
	assert_int_equal(jg_findings_add(&f, JG_FINDING_WARNING, NULL, "whole package"), 0);
	assert_int_equal(jg_findings_add(&f, JG_FINDING_WARNING, "x\ty\xff.in", "l1\nl2\r\x7f"), 0);
	assert_int_equal(f.n, 3);
	assert_int_equal(f.items[0].severity, JG_FINDING_ERROR);
	assert_string_equal(f.items[0].file, "data/a.in");
	assert_string_equal(f.items[0].message, "bad 7");
	assert_null(f.items[1].file);
	assert_string_equal(f.items[2].file, "x?y" JG_UTF8_REPLACEMENT ".in");
	assert_string_equal(f.items[2].message, "l1?l2??");
	assert_int_equal(jg_findings_count(&f, JG_FINDING_ERROR), 1);
	assert_int_equal(jg_findings_count(&f, JG_FINDING_WARNING), 2);
	assert_int_equal(jg_findings_count(NULL, JG_FINDING_ERROR), 0);
	assert_string_equal(jg_severity_name(JG_FINDING_ERROR), "error");
	assert_string_equal(jg_severity_name(JG_FINDING_WARNING), "warning");
	for (int i = 0; i < 100; i++)
		assert_int_equal(jg_findings_add(&f, JG_FINDING_WARNING, "f", "n%d", i), 0);
	assert_int_equal(f.n, 103);
	assert_string_equal(f.items[102].message, "n99");
	assert_string_equal(f.items[0].message, "bad 7");
	jg_findings_clear(&f);
	assert_int_equal(f.n, 0);
	assert_null(f.items);
	jg_findings_clear(&f);
	jg_findings_clear(NULL);
	assert_int_equal(jg_findings_add(&f, JG_FINDING_ERROR, NULL, "again"), 0);
	assert_int_equal(f.n, 1);
	jg_findings_clear(&f);
}

/* --- lenient bundles ---------------------------------------------------- */

static void test_pairing(void **state)
{
	struct box *x = *state;

	put_test(x->dir, "sample/1", NULL, NULL);
	jt_put(x->dir, "data/secret/3.in", "1\n");
	jt_put(x->dir, "data/secret/4.ans", "1\n");
	jt_put(x->dir, "data/secret/g/5.in", "1\n");
	jt_put_dir(x->dir, "data/secret/6.ans");   /* not a file: no .ans for 6.in */
	jt_put(x->dir, "data/secret/6.in", "1\n");
	put_test(x->dir, "secret/7", NULL, NULL);
	check(x);
	assert_int_equal(x->b->ntests, 2);
	assert_string_equal(x->b->tests[0].name, "sample/1");
	assert_string_equal(x->b->tests[1].name, "secret/7");
	assert_int_equal(jg_strv_len(x->b->errors), 4);
	assert_string_equal(x->b->errors[0], "data/secret/3.in: no matching .ans");
	assert_string_equal(x->b->errors[1], "data/secret/4.ans: no matching .in");
	assert_string_equal(x->b->errors[2], "data/secret/6.in: no matching .ans");
	assert_string_equal(x->b->errors[3], "data/secret/g/5.in: no matching .ans");
	/* folded in first, in order, file and message apart */
	assert_true(x->f.n >= 4);
	assert_string_equal(x->f.items[0].file, "data/secret/3.in");
	assert_string_equal(x->f.items[0].message, "no matching .ans");
	assert_int_equal(x->f.items[0].severity, JG_FINDING_ERROR);
	assert_string_equal(x->f.items[1].file, "data/secret/4.ans");
	assert_string_equal(x->f.items[1].message, "no matching .in");
	expect(&x->f, JG_FINDING_ERROR, "data/secret/g/5.in", "no matching .ans");
	/* secret/g holds no test now: an empty group too, like the directory 6.ans */
	expect(&x->f, JG_FINDING_WARNING, "data/secret/g", "empty test group");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/6.ans", "empty test group");
	assert_int_equal(x->f.n, 6);
}

/* Without lenient nothing changes: a lone .in fails, a lone .ans is ignored. */
static void test_strict_unchanged(void **state)
{
	struct box *x = *state;
	jg_bundle *b = NULL;
	char want[4200];

	put_test(x->dir, "sample/1", NULL, NULL);
	jt_put(x->dir, "data/secret/4.ans", "1\n");
	assert_int_equal(jg_bundle_open(&b, x->dir, NULL), 0);
	assert_int_equal(b->ntests, 1);
	assert_null(b->errors);
	jg_bundle_free(b);
	jt_put(x->dir, "data/secret/3.in", "1\n");
	assert_int_equal(jg_bundle_open(&b, x->dir, NULL), JG_EINPUT);
	assert_null(b);
	snprintf(want, sizeof(want), "%s/data/secret/3.in: no matching .ans", x->dir);
	assert_string_equal(jg_error_last(), want);
}

/* Past 1000 unpaired files, the rest are counted in one last line. */
static void test_pairing_cap(void **state)
{
	struct box *x = *state;
	char rel[64];

	put_test(x->dir, "secret/ok", NULL, NULL);
	for (int i = 0; i < 1003; i++) {
		snprintf(rel, sizeof(rel), "data/secret/%04d.in", i);
		jt_put(x->dir, rel, "1\n");
	}
	check(x);
	assert_int_equal(jg_strv_len(x->b->errors), 1001);
	assert_string_equal(x->b->errors[0], "data/secret/0000.in: no matching .ans");
	assert_string_equal(x->b->errors[999], "data/secret/0999.in: no matching .ans");
	assert_string_equal(x->b->errors[1000], "data: 3 more unpaired test files");
	expect(&x->f, JG_FINDING_ERROR, "data", "3 more unpaired test files");
	assert_int_equal(jg_findings_count(&x->f, JG_FINDING_ERROR), 1001);
}

/* Lenient, a package without tests opens: the checks say what is missing. */
static void test_no_tests(void **state)
{
	struct box *x = *state;

	jt_put(x->dir, "data/secret/1.ans", "1\n");
	check(x);
	assert_int_equal(x->b->ntests, 0);
	expect(&x->f, JG_FINDING_ERROR, "data/secret/1.ans", "no matching .in");
	expect(&x->f, JG_FINDING_ERROR, "data/secret", "no secret test cases");
	expect(&x->f, JG_FINDING_WARNING, "data/sample", "no sample test cases");
	assert_int_equal(x->f.n, 3);
}

/* --- test data ------------------------------------------------------------ */

static void test_clean(void **state)
{
	struct box *x = *state;

	put_test(x->dir, "sample/1", NULL, NULL);
	put_test(x->dir, "secret/g1/1", "", "42\n");      /* an empty .in is fine */
	put_test(x->dir, "secret/g1/2", "caf\xc3\xa9 \xf0\x9f\x98\x80\n", "\xe2\x82\xac\n");
	put_test(x->dir, "secret/g2/deep/1", NULL, NULL);
	jt_put(x->dir, "data/secret/readme.txt", "no newline, \r\n \xff never read");
	jt_put_dir(x->dir, "data/secret/.hidden");       /* hidden: not a group */
	check(x);
	expect_none(&x->f);
}

static void test_crlf(void **state)
{
	struct box *x = *state;
	char *edge = lines_then(JG_DATACHECK_CHUNK - 1, "\r\nmore\n");

	put_test(x->dir, "sample/1", "1 2\r\n3\r\n", NULL);
	put_test(x->dir, "secret/lone", NULL, "x\ny\rz\n");
	put_test(x->dir, "secret/end", "a\nb\n\r", NULL);
	jt_put(x->dir, "data/secret/edge.in", edge);        /* CR ends a chunk, LF starts the next */
	jt_put(x->dir, "data/secret/edge.ans", "1\n");
	check(x);
	expect(&x->f, JG_FINDING_WARNING, "data/sample/1.in", "CRLF line endings (first on line 1)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/lone.ans",
	       "carriage return without a newline (line 2)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/end.in",
	       "carriage return without a newline (line 3)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/end.in", "no newline at the end");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/edge.in", "CRLF line endings (first on line 6554)");
	assert_int_equal(about(&x->f, "data/secret/edge.in"), 1);
	assert_int_equal(about(&x->f, "data/sample/1.ans"), 0);
	assert_int_equal(x->f.n, 5);
	free(edge);
}

static void test_utf8(void **state)
{
	struct box *x = *state;
	char *split2 = lines_then(JG_DATACHECK_CHUNK - 1, "\xc3\xa9\n");
	char *split4 = lines_then(JG_DATACHECK_CHUNK - 2, "\xf0\x9f\x98\x80\n");
	char *bad = lines_then(JG_DATACHECK_CHUNK - 1, "\xc3\x28\n");

	put_test(x->dir, "sample/1", "caf\xc3\xa9 \xff\n", NULL);       /* 0xff at offset 6 */
	put_test(x->dir, "secret/latin1", NULL, "caf\xe9\n");
	put_test(x->dir, "secret/cut", "ab\xc3", NULL);                  /* cut at the end */
	put_test(x->dir, "secret/surrogate", "\xed\xa0\x80\n", NULL);
	put_test(x->dir, "secret/split", split2, split4);               /* valid across chunks */
	put_test(x->dir, "secret/splitbad", bad, NULL);
	check(x);
	expect(&x->f, JG_FINDING_WARNING, "data/sample/1.in", "not valid UTF-8 (first bad byte at offset 6)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/latin1.ans", "not valid UTF-8 (first bad byte at offset 3)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/cut.in", "not valid UTF-8 (first bad byte at offset 2)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/cut.in", "no newline at the end");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/surrogate.in", "offset 0)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/splitbad.in", "offset 65535)");
	assert_int_equal(about(&x->f, "data/secret/split.in"), 0);
	assert_int_equal(about(&x->f, "data/secret/split.ans"), 0);
	assert_int_equal(x->f.n, 6);
	free(split2);
	free(split4);
	free(bad);
}

static void test_final_newline_and_empty(void **state)
{
	struct box *x = *state;

	put_test(x->dir, "sample/1", "1 2", "3");
	put_test(x->dir, "secret/empty_in", "", NULL);
	put_test(x->dir, "secret/empty_ans", NULL, "");
	check(x);
	expect(&x->f, JG_FINDING_WARNING, "data/sample/1.in", "no newline at the end of the file");
	expect(&x->f, JG_FINDING_WARNING, "data/sample/1.ans", "no newline at the end of the file");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/empty_ans.ans", "empty answer file");
	assert_int_equal(about(&x->f, "data/secret/empty_in.in"), 0);
	assert_int_equal(x->f.n, 3);
}

/* Interactive problems often leave .ans empty: no warning there. */
static void test_empty_ans_interactive(void **state)
{
	struct box *x = *state;

	jt_put(x->dir, "problem.yaml", "validation: custom interactive\n");
	jt_put(x->dir, "output_validators/io/io.cpp", "int main() {}\n");
	put_test(x->dir, "sample/1", NULL, "");
	put_test(x->dir, "secret/1", NULL, "");
	check(x);
	expect_none(&x->f);
}

static void test_output_limit(void **state)
{
	struct box *x = *state;
	char *over = lines_then(MIB + 1, ""), *half = lines_then(MIB / 2 + 1, "");
	char *small = lines_then(MIB / 2 - 1, "\n");   /* half the limit exactly */

	jt_put(x->dir, "problem.yaml", "limits: {output: 1}\n");
	put_test(x->dir, "sample/1", NULL, NULL);
	put_test(x->dir, "secret/over", NULL, over);
	put_test(x->dir, "secret/half", NULL, half);
	jt_put_bytes(x->dir, "data/secret/exact.ans", over, MIB);
	jt_put(x->dir, "data/secret/exact.in", "1\n");
	jt_put(x->dir, "data/secret/small.ans", small);
	jt_put(x->dir, "data/secret/small.in", "1\n");
	check(x);
	assert_int_equal(x->b->problem.output_mib, 1);
	expect(&x->f, JG_FINDING_ERROR, "data/secret/over.ans",
	       "answer of 1048577 bytes, larger than the output limit (limits.output: 1 MiB)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/half.ans", "larger than half the output limit");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/exact.ans", "larger than half the output limit");
	assert_int_equal(about(&x->f, "data/secret/small.ans"), 0);
	/* over and half end mid-line: the missing newline is found too */
	expect(&x->f, JG_FINDING_WARNING, "data/secret/over.ans", "no newline");
	assert_int_equal(jg_findings_count(&x->f, JG_FINDING_ERROR), 1);
	free(over);
	free(half);
	free(small);
}

/* A file of several MiB, read in chunks: findings deep inside it carry the
 * exact offset and line. */
static void test_large_file(void **state)
{
	struct box *x = *state;
	size_t n = 6 * MIB + 7;
	char *big = lines_then(n, "\n"), *clean = lines_then(3000000, "");

	big[4 * MIB + 3] = '\xff';            /* offset 4194307 */
	memcpy(big + 5 * MIB, "\r\n", 2);     /* after 524288 newlines */
	put_test(x->dir, "sample/1", NULL, NULL);
	jt_put_bytes(x->dir, "data/secret/big.in", big, n + 1);
	jt_put(x->dir, "data/secret/big.ans", clean);
	check(x);
	assert_int_equal(x->b->tests[1].in_size, n + 1);
	expect(&x->f, JG_FINDING_WARNING, "data/secret/big.in",
	       "not valid UTF-8 (first bad byte at offset 4194307)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/big.in", "CRLF line endings (first on line 524289)");
	assert_int_equal(about(&x->f, "data/secret/big.in"), 2);
	assert_int_equal(about(&x->f, "data/secret/big.ans"), 0);
	assert_int_equal(x->f.n, 2);
	free(big);
	free(clean);
}

/* Files that vanish or change kind after the bundle was listed. */
static void test_unreadable(void **state)
{
	struct box *x = *state;
	jg_bundle_opts opts = { .lenient = 1 };
	char *gone = jt_path(x->dir, "data/secret/gone.in");
	char *fifo = jt_path(x->dir, "data/secret/fifo.ans");

	put_test(x->dir, "sample/1", NULL, NULL);
	put_test(x->dir, "secret/gone", NULL, NULL);
	put_test(x->dir, "secret/fifo", NULL, NULL);
	assert_int_equal(jg_bundle_open(&x->b, x->dir, &opts), 0);
	assert_int_equal(unlink(gone), 0);
	assert_int_equal(unlink(fifo), 0);
	assert_int_equal(mkfifo(fifo, 0644), 0);
	assert_int_equal(jg_datacheck_run(&x->f, x->b), 0);
	expect(&x->f, JG_FINDING_ERROR, "data/secret/gone.in", "cannot read: No such file");
	expect(&x->f, JG_FINDING_ERROR, "data/secret/fifo.ans", "cannot read: not a regular file");
	assert_int_equal(x->f.n, 2);
	free(gone);
	free(fifo);
}

static void test_empty_groups(void **state)
{
	struct box *x = *state;
	char *link = jt_path(x->dir, "data/secret/link");

	put_test(x->dir, "sample/1", NULL, NULL);
	jt_put_dir(x->dir, "data/sample/extra");
	put_test(x->dir, "secret/g1/1", NULL, NULL);
	jt_put_dir(x->dir, "data/secret/g2");
	jt_put(x->dir, "data/secret/g3/sub/readme.txt", "not a test\n");
	put_test(x->dir, "secret/g5/a/b/1", NULL, NULL);
	jt_put_dir(x->dir, "data/secret/g5/a/empty");
	jt_put_dir(x->dir, "data/secret/.git/objects");
	assert_int_equal(symlink("g2", link), 0);
	check(x);
	expect(&x->f, JG_FINDING_WARNING, "data/sample/extra", "empty test group (no test case below it)");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/g2", "empty test group");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/g3", "empty test group");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/g5/a/empty", "empty test group");
	expect(&x->f, JG_FINDING_WARNING, "data/secret/link", "empty test group");
	assert_int_equal(about(&x->f, "data/secret/g3/sub"), 0);   /* the top one only */
	assert_int_equal(about(&x->f, "data/secret/g1"), 0);
	assert_int_equal(about(&x->f, "data/secret/g5"), 0);
	assert_int_equal(about(&x->f, "data/secret/g5/a"), 0);
	assert_int_equal(x->f.n, 5);
	free(link);
}

/* Group names sharing a prefix: secret/g1 has tests, secret/g has none. */
static void test_group_prefixes(void **state)
{
	struct box *x = *state;

	put_test(x->dir, "sample/1", NULL, NULL);
	put_test(x->dir, "secret/g1/1", NULL, NULL);
	put_test(x->dir, "secret/g-1/1", NULL, NULL);
	put_test(x->dir, "secret/g\xc3\xa9/1", NULL, NULL);
	jt_put_dir(x->dir, "data/secret/g");
	/* bytes >= 0x80 sort after '/': a search that took them as signed would
	 * miss secret/a/1 behind the secret/aé/ tests and call secret/a empty */
	put_test(x->dir, "secret/a/1", NULL, NULL);
	for (int i = 0; i < 6; i++) {
		char name[64];
		snprintf(name, sizeof(name), "secret/a\xc3\xa9/%d", i);
		put_test(x->dir, name, NULL, NULL);
	}
	check(x);
	expect(&x->f, JG_FINDING_WARNING, "data/secret/g", "empty test group");
	assert_int_equal(x->f.n, 1);
}

/* --- input validators ----------------------------------------------------- */

static void test_input_validators(void **state)
{
	struct box *x = *state;
	char **v = (char **)1, want[4200];

	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), 0);
	assert_null(v);
	jt_put(x->dir, "input_validators/check.py", "print()\n");
	jt_put(x->dir, "input_validators/scripted/build", "#!/bin/sh\n");
	jt_put(x->dir, "input_validators/scripted/run", "#!/bin/sh\n");
	jt_put(x->dir, "input_validators/onlyrun/run", "#!/bin/sh\n");
	jt_put(x->dir, "input_validators/multi/main.cpp", "int main() {}\n");
	jt_put(x->dir, "input_validators/multi/util.h", "\n");
	jt_put(x->dir, "input_validators/.hidden.py", "\n");
	jt_put(x->dir, "input_format_validators/legacy.cpp", "int main() {}\n");
	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), 0);
	assert_int_equal(jg_strv_len(v), 5);
	snprintf(want, sizeof(want), "%s/input_format_validators/legacy.cpp", x->dir);
	assert_string_equal(v[0], want);
	snprintf(want, sizeof(want), "%s/input_validators/check.py", x->dir);
	assert_string_equal(v[1], want);
	snprintf(want, sizeof(want), "%s/input_validators/multi", x->dir);
	assert_string_equal(v[2], want);
	snprintf(want, sizeof(want), "%s/input_validators/onlyrun", x->dir);
	assert_string_equal(v[3], want);
	snprintf(want, sizeof(want), "%s/input_validators/scripted", x->dir);
	assert_string_equal(v[4], want);
	assert_int_equal(jg_datacheck_is_build_run_dir(v[0]), 0);
	assert_int_equal(jg_datacheck_is_build_run_dir(v[1]), 0);
	assert_int_equal(jg_datacheck_is_build_run_dir(v[2]), 0);
	assert_int_equal(jg_datacheck_is_build_run_dir(v[3]), 1);
	assert_int_equal(jg_datacheck_is_build_run_dir(v[4]), 1);
	assert_int_equal(jg_datacheck_is_build_run_dir("/nonexistent/x"), 0);
	jg_strv_free(v);
}

/* Only the legacy name; an empty directory holds none. */
static void test_input_validators_legacy(void **state)
{
	struct box *x = *state;
	char **v = NULL, want[4200];

	jt_put_dir(x->dir, "input_validators");
	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), 0);
	assert_null(v);
	jt_put(x->dir, "input_format_validators/fmt/run", "#!/bin/sh\n");
	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), 0);
	assert_int_equal(jg_strv_len(v), 1);
	snprintf(want, sizeof(want), "%s/input_format_validators/fmt", x->dir);
	assert_string_equal(v[0], want);
	assert_int_equal(jg_datacheck_is_build_run_dir(v[0]), 1);
	jg_strv_free(v);
}

static void test_input_validators_bad(void **state)
{
	struct box *x = *state;
	char **v = (char **)1, *dir = jt_path(x->dir, "input_validators");
	char *link = jt_path(dir, "escape.py"), *legacy = jt_path(x->dir, "input_format_validators");

	jt_put(x->dir, "input_validators", "a file\n");
	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), JG_EINPUT);
	assert_null(v);
	assert_non_null(strstr(jg_error_last(), "/input_validators: not a directory inside the bundle"));
	assert_int_equal(unlink(dir), 0);
	jt_put(x->dir, "input_validators/ok.py", "\n");
	assert_int_equal(symlink("/etc/passwd", link), 0);
	v = (char **)1;
	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), JG_EINPUT);
	assert_null(v);
	assert_non_null(strstr(jg_error_last(), "input_validators/escape.py: leads outside the bundle"));
	assert_int_equal(unlink(link), 0);
	assert_int_equal(symlink("/", legacy), 0);
	assert_int_equal(jg_datacheck_input_validators(&v, x->dir), JG_EINPUT);
	assert_null(v);
	assert_non_null(strstr(jg_error_last(), "input_format_validators: not a directory inside"));
	free(dir);
	free(link);
	free(legacy);
}

#define T(f) cmocka_unit_test_setup_teardown(f, box_setup, box_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_findings_list),
		T(test_pairing),
		T(test_strict_unchanged),
		T(test_pairing_cap),
		T(test_no_tests),
		T(test_clean),
		T(test_crlf),
		T(test_utf8),
		T(test_final_newline_and_empty),
		T(test_empty_ans_interactive),
		T(test_output_limit),
		T(test_large_file),
		T(test_unreadable),
		T(test_empty_groups),
		T(test_group_prefixes),
		T(test_input_validators),
		T(test_input_validators_legacy),
		T(test_input_validators_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
