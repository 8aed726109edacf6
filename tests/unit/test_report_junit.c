/* tests/unit/test_report_junit.c - the JUnit XML report, checked with
 * xmllint against shared/schemas/junit-10.xsd, loaded with junitparser and
 * scanned byte by byte. */
#define _GNU_SOURCE   /* memmem */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "report.h"
#include "report_fixture.h"
#include "fixture_fs.h"

#define PYTHON "/usr/bin/python3"

/* Prints: testcases failures errors skipped problems max-message-bytes types
 * where problems counts suites whose attributes disagree with their
 * testcases, classnames shared across suites, multi-line messages and
 * testsuites totals that disagree. */
static const char counter_py[] =
	"import sys\n"
	"from junitparser import JUnitXml, Failure, Error, Skipped\n"
	"x = JUnitXml.fromfile(sys.argv[1])\n"
	"n = f = e = s = bad = mlen = 0\n"
	"types = []\n"
	"seen = set()\n"
	"for suite in x:\n"
	"    c = [0, 0, 0, 0]\n"
	"    names = set()\n"
	"    for case in suite:\n"
	"        c[0] += 1\n"
	"        names.add(case.classname)\n"
	"        for r in case.result:\n"
	"            m = r.message or ''\n"
	"            mlen = max(mlen, len(m.encode()))\n"
	"            bad += '\\n' in m\n"
	"            if isinstance(r, Failure):\n"
	"                c[1] += 1; types.append('F' + r.type)\n"
	"            elif isinstance(r, Error):\n"
	"                c[2] += 1; types.append('E' + r.type)\n"
	"            elif isinstance(r, Skipped):\n"
	"                c[3] += 1\n"
	"    bad += [suite.tests, suite.failures, suite.errors, suite.skipped] != c\n"
	"    bad += len(names) != 1 or bool(names & seen)\n"
	"    seen |= names\n"
	"    n += c[0]; f += c[1]; e += c[2]; s += c[3]\n"
	"bad += [x.tests, x.failures, x.errors] != [n, f, e]\n"
	"print(n, f, e, s, bad, mlen, ','.join(types) or '-')\n";

struct state {
	char dir[64];
	char xml[96];        /* the fixture report, written */
	char *text;          /* and read back */
	size_t len;
	char schema[4096];   /* "" when the schema file is absent */
};

static void write_report(const jg_report *r, const char *path)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(jg_report_write_junit(r, f), 0);
	assert_int_equal(fclose(f), 0);
}

static void find_schema(struct state *st)
{
	const char *src = getenv("JG_SOURCE_DIR");
	struct stat sb;

	snprintf(st->schema, sizeof(st->schema), "%s/../shared/schemas/junit-10.xsd",
		 src && *src ? src : JG_SOURCE_DIR);
	if (stat(st->schema, &sb) != 0)
		st->schema[0] = '\0';
}

static int setup(void **state)
{
	static struct state st;
	jg_report *r = fx_report();

	strcpy(st.dir, "/tmp/jg-report-junit-XXXXXX");
	assert_non_null(mkdtemp(st.dir));
	snprintf(st.xml, sizeof(st.xml), "%s/report.xml", st.dir);
	write_report(r, st.xml);
	jg_report_free(r);
	st.text = jt_slurp(st.xml, &st.len);
	find_schema(&st);
	*state = &st;
	return 0;
}

static int teardown(void **state)
{
	struct state *st = *state;
	char path[128];

	static const char *const files[] = { "report.xml", "count.py", "bad.xml",
		"empty.xml", "saved.xml" };

	free(st->text);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", st->dir, files[i]);
		unlink(path);     /* also after a failed test */
	}
	rmdir(st->dir);
	return 0;
}

/* Runs a shell command; returns its exit status, its output in out. */
static int run(const char *cmd, char *out, size_t size)
{
	FILE *p = popen(cmd, "r");
	size_t n;
	int status;

	assert_non_null(p);
	n = fread(out, 1, size - 1, p);
	out[n] = '\0';
	status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* 0 when xmllint accepts `file` against the schema. */
static int xmllint(const struct state *st, const char *file, char *out, size_t size)
{
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), "xmllint --noout --schema '%s' '%s' 2>&1", st->schema, file);
	return run(cmd, out, size);
}

static void test_schema_valid(void **state)
{
	struct state *st = *state;
	char out[4096];

	if (!st->schema[0]) {
		print_message("junit-10.xsd not found next to JG_SOURCE_DIR: schema check skipped\n");
		skip();
	}
	if (xmllint(st, st->xml, out, sizeof(out)) != 0)
		fail_msg("xmllint rejects the report:\n%s", out);
}

/* The schema check itself can fail: a testsuite without its required
 * attributes and with an unknown element is rejected. */
static void test_schema_check_rejects(void **state)
{
	struct state *st = *state;
	char path[128], out[4096];
	FILE *f;

	if (!st->schema[0])
		skip();
	snprintf(path, sizeof(path), "%s/bad.xml", st->dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("<testsuites><testsuite name=\"x\"><testcase name=\"a\"><bogus/></testcase>"
	      "</testsuite></testsuites>\n", f);
	fclose(f);
	assert_int_not_equal(xmllint(st, path, out, sizeof(out)), 0);
	unlink(path);
}

static void test_empty_report_valid(void **state)
{
	struct state *st = *state;
	jg_report r = { 0 };
	char path[128], out[4096], *text;
	size_t len;

	snprintf(path, sizeof(path), "%s/empty.xml", st->dir);
	write_report(&r, path);
	text = jt_slurp(path, &len);
	assert_non_null(strstr(text, "<testsuites name=\"\" tests=\"0\" failures=\"0\" errors=\"0\""));
	free(text);
	if (st->schema[0] && xmllint(st, path, out, sizeof(out)) != 0)
		fail_msg("xmllint rejects the empty report:\n%s", out);
	unlink(path);
}

static void test_junitparser_counts(void **state)
{
	struct state *st = *state;
	char script[128], cmd[512], out[4096], types[1024];
	int n, f, e, s, bad, mlen;
	FILE *py;

	snprintf(script, sizeof(script), "%s/count.py", st->dir);
	assert_non_null(py = fopen(script, "w"));
	fputs(counter_py, py);
	fclose(py);
	snprintf(cmd, sizeof(cmd), PYTHON " '%s' '%s' 2>&1", script, st->xml);
	if (run(cmd, out, sizeof(out)) != 0)
		fail_msg("junitparser failed:\n%s", out);
	if (sscanf(out, "%d %d %d %d %d %d %1023s", &n, &f, &e, &s, &bad, &mlen, types) != 7)
		fail_msg("unexpected junitparser output: %s", out);
	assert_int_equal(n, FX_TESTCASES);
	assert_int_equal(f, FX_FAILURES);
	assert_int_equal(e, FX_ERRORS);
	assert_int_equal(s, FX_SKIPPED);
	assert_int_equal(bad, 0);
	assert_true(mlen <= 256 + 3);
	assert_string_equal(types, "FWA,FTLE,FMLE,FRTE,FOLE,ECE,EJE,EJE");
}

/* No C0 control other than \t \n \r, no DEL, no C1, no U+FFFE/U+FFFF, no
 * invalid UTF-8 in the raw output. */
static void test_no_raw_controls(void **state)
{
	struct state *st = *state;
	const unsigned char *p = (const unsigned char *)st->text;

	for (size_t i = 0; i < st->len; i++) {
		unsigned char c = p[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			fail_msg("raw control 0x%02x at byte %zu", c, i);
		if (c == 0xc2 && i + 1 < st->len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
			fail_msg("raw C1 control at byte %zu", i);
		if (c == 0xff || c == 0xfe)
			fail_msg("invalid UTF-8 byte 0x%02x at byte %zu", c, i);
	}
	assert_null(memmem(st->text, st->len, "\xef\xbf\xbe", 3));
	assert_null(memmem(st->text, st->len, "\xef\xbf\xbf", 3));
	assert_null(strstr(st->text, "]]>"));
	assert_non_null(strstr(st->text, "caf\xc3\xa9 \xf0\x9d\x84\x9e"));   /* valid text kept */
}

/* Every time="..." is digits, optionally '.' and at most 3 digits. */
static void test_time_decimals(void **state)
{
	struct state *st = *state;
	int seen = 0;

	for (const char *p = st->text; (p = strstr(p, " time=\"")); seen++) {
		size_t ip, fp = 0;
		p += 7;
		ip = strspn(p, "0123456789");
		if (p[ip] == '.')
			fp = strspn(p + ip + 1, "0123456789");
		if (ip == 0 || fp > 3 || p[ip + (p[ip] == '.' ? fp + 1 : 0)] != '"')
			fail_msg("bad time attribute: %.20s", p);
	}
	assert_int_equal(seen, 1 + FX_NSUBS + FX_TESTCASES);
	assert_non_null(strstr(st->text, "name=\"sample/2\" classname="));
	assert_non_null(strstr(st->text, "time=\"0.123\">"));             /* CPU, rounded */
}

/* Attribute values stay on one line. */
static void test_attributes_one_line(void **state)
{
	struct state *st = *state;

	for (const char *p = st->text; (p = strstr(p, "=\"")); ) {
		const char *end = strchr(p + 2, '"');
		assert_non_null(end);
		if (memchr(p, '\n', (size_t)(end - p)))
			fail_msg("multi-line attribute: %.40s", p);
		p = end + 1;
	}
}

static void test_escaping_and_truncation(void **state)
{
	struct state *st = *state;
	const char *t = st->text;

	assert_non_null(strstr(t, "<testsuite name=\"wrong_answer/b\xef\xbf\xbd" "ad &amp; &lt;&quot;x&quot;&gt;.py\""));
	assert_non_null(strstr(t, "]]&gt; &quot;quoted&quot; &apos;single&apos; &amp; &lt;tag&gt;"));
	/* In the attribute the newline became a space; in the text it stays. */
	assert_non_null(strstr(t, "message=\"bad \xef\xbf\xbd\xef\xbf\xbd bytes \xef\xbf\xbd\xef\xbf\xbd[31m"));
	assert_non_null(strstr(t, "caf\xc3\xa9 \xf0\x9d\x84\x9e second line \xef\xbf\xbd end\">"));
	assert_non_null(strstr(t, "caf\xc3\xa9 \xf0\x9d\x84\x9e\nsecond line&#13;\xef\xbf\xbd end\n"));
	/* 1 MiB stdout capped at 32 KiB: the rest plus the runner's 5000 bytes. */
	assert_non_null(strstr(t, "[truncated 1020808 bytes]"));
	assert_non_null(strstr(t, "[truncated 10 bytes]"));             /* compiler output */
	assert_true(st->len < 200 * 1024);
	/* Long messages are cut in attributes, kept (up to 4 KiB) in the text. */
	assert_non_null(strstr(t, "message=\"mmmm"));
	assert_non_null(strstr(t, "mmm...\""));
	assert_non_null(strstr(t, "exit code: 1\n"));
	assert_non_null(strstr(t, "signal: 9\nlimit: cpu\n"));
}

static void test_structure(void **state)
{
	struct state *st = *state;
	const char *t = st->text;

	assert_true(strncmp(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 50) == 0);
	assert_non_null(strstr(t, "tests=\"16\" failures=\"5\" errors=\"3\""));
	assert_non_null(strstr(t, "<testcase name=\"compile\" classname=\"judge.sum__pairs_____more_.compile_error_ce_c\" time=\"0.000\">\n"
			       "      <error type=\"CE\" message=\"compile error\">ce.c:1:1: error"));
	assert_non_null(strstr(t, "<testcase name=\"judge\""));
	assert_non_null(strstr(t, "<skipped message=\"not run: compile error\"/>"));
	assert_non_null(strstr(t, "classname=\"judge.sum__pairs_____more_.accepted_sol_cpp\""));
	assert_non_null(strstr(t, "classname=\"judge.sum__pairs_____more_.accepted_sol_cpp~5\""));
	assert_non_null(strstr(t, "<property name=\"expected\" value=\"TLE\"/>"));
	assert_non_null(strstr(t, "</testsuite>\n</testsuites>\n"));
}

static void test_save_and_write_error(void **state)
{
	struct state *st = *state;
	jg_report *r = fx_report();
	char path[128], *text;
	size_t len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/saved.xml", st->dir);
	assert_int_equal(jg_report_save_junit(r, path), 0);
	text = jt_slurp(path, &len);
	assert_int_equal(len, st->len);
	assert_memory_equal(text, st->text, len);
	free(text);
	unlink(path);
	if ((f = fopen("/dev/full", "w"))) {
		assert_int_equal(jg_report_write_junit(r, f), JG_EIO);
		fclose(f);
	}
	jg_report_free(r);
}

/* The free-form cases of judge verify: counts, element kinds, escaping,
 * schema. */
static void test_cases(void **state)
{
	struct state *st = *state;
	const char *props[] = { "time_limit", "derived 1 s", "none", NULL, NULL };
	jg_junit_case c[] = {
		{ "accepted/a.c", "verify.submissions", 0.5, "AC", NULL, NULL, 0, 0 },
		{ "wrong_answer/b.py", "verify.submissions", 0.25, "AC", "expected WA, got AC", NULL, 0, 0 },
		{ "odd/c.x", "verify.submissions", 0, "SKIPPED", "skipped: unknown language", NULL, 0, 1 },
		{ "tle/d.c", "verify.submissions", 1, "JE", "judge error", "detail <&>\x01", 1, 0 },
		{ "data/1.in", "verify.errors", 0, "error", "bad \"<input>\"\x02", NULL, 0, 0 },
	};
	char path[128], out[4096], *text;
	size_t len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/empty.xml", st->dir);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(jg_junit_write_cases(f, "p<1>", props, c, 5), 0);
	fclose(f);
	text = jt_slurp(path, &len);
	assert_non_null(strstr(text, "<testsuite name=\"p&lt;1&gt;\" tests=\"5\" failures=\"2\" errors=\"1\" skipped=\"1\""));
	assert_non_null(strstr(text, "<property name=\"time_limit\" value=\"derived 1 s\"/>"));
	assert_null(strstr(text, "name=\"none\""));
	assert_non_null(strstr(text, "<testcase name=\"accepted/a.c\" classname=\"verify.submissions\" time=\"0.500\"/>"));
	assert_non_null(strstr(text, "<skipped message=\"skipped: unknown language\"/>"));
	assert_non_null(strstr(text, "<error type=\"JE\" message=\"judge error\">detail &lt;&amp;&gt;"));
	assert_non_null(strstr(text, "message=\"bad &quot;&lt;input&gt;&quot;\xef\xbf\xbd\""));
	free(text);
	if (st->schema[0] && xmllint(st, path, out, sizeof(out)) != 0)
		fail_msg("xmllint rejects the cases report:\n%s", out);
	unlink(path);
	if ((f = fopen("/dev/full", "w"))) {
		assert_int_equal(jg_junit_write_cases(f, "p", NULL, c, 5), JG_EIO);
		fclose(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_valid),
		cmocka_unit_test(test_schema_check_rejects),
		cmocka_unit_test(test_empty_report_valid),
		cmocka_unit_test(test_junitparser_counts),
		cmocka_unit_test(test_no_raw_controls),
		cmocka_unit_test(test_time_decimals),
		cmocka_unit_test(test_attributes_one_line),
		cmocka_unit_test(test_escaping_and_truncation),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_save_and_write_error),
		cmocka_unit_test(test_cases),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
