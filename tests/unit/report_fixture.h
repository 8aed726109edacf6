/* tests/unit/report_fixture.h - a sample jg_report for the report tests.
 *
 * Include after <cmocka.h>.  fx_report() builds six submissions covering
 * every verdict, a compile error, judge errors with and without tests,
 * skipped tests, hostile strings and a 1 MiB captured stdout:
 *
 *   0 accepted/sol.cpp     AC   2 tests AC
 *   1 wrong_answer/b\xffad & <"x">.py  WA: AC WA TLE MLE RTE OLE SKIPPED
 *   2 compile_error/ce.c   CE   2 tests SKIPPED (not run)
 *   3 run_error/je.java    JE   JE SKIPPED
 *   4 x/y.rs               JE   no tests (submission-level message only)
 *   5 accepted/sol_cpp     AC   1 test (same identifier as submission 0)
 */
#ifndef REPORT_FIXTURE_H
#define REPORT_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "result.h"

/* Invalid UTF-8, C0 controls, DEL, U+FFFE, "]]>", quotes, markup, newlines,
 * and valid non-ASCII text that must survive. */
#define FX_HOSTILE "bad \xff\xfe bytes \x01\x1b[31m ]]> \"quoted\" 'single' & <tag> " \
	"\xef\xbf\xbe caf\xc3\xa9 \xf0\x9d\x84\x9e\nsecond line\r\x7f end"
/* FX_HOSTILE after UTF-8 sanitising (what the JSON report holds). */
#define FX_HOSTILE_JSON "bad \xef\xbf\xbd\xef\xbf\xbd bytes \x01\x1b[31m ]]> \"quoted\" 'single' & <tag> " \
	"\xef\xbf\xbe caf\xc3\xa9 \xf0\x9d\x84\x9e\nsecond line\r\x7f end"

#define FX_PATH1 "wrong_answer/b\xff" "ad & <\"x\">.py"
#define FX_PATH1_JSON "wrong_answer/b\xef\xbf\xbd" "ad & <\"x\">.py"
#define FX_BIG (1024 * 1024)         /* bytes of the OLE test's stdout */
#define FX_BIG_TRUNCATED 5000        /* bytes the runner already dropped */
#define FX_CE_OUTPUT "ce.c:1:1: error: expected ';' before '}' token \x1b[0m <&>"
#define FX_LONG_MESSAGE_LEN 1000

/* JUnit totals the fixture must produce. */
#define FX_NSUBS 6
#define FX_TESTCASES 16
#define FX_FAILURES 5
#define FX_ERRORS 3
#define FX_SKIPPED 4

static inline char *fx_dup(const char *s)
{
	char *p = s ? strdup(s) : NULL;
	if (s)
		assert_non_null(p);
	return p;
}

static inline jg_test_result fx_test(const char *name, jg_verdict v, double time, uint64_t mem)
{
	jg_test_result t;
	memset(&t, 0, sizeof(t));
	t.name = fx_dup(name);
	t.verdict = v;
	t.time = time;
	t.wall = time * 1.5;
	t.memory = mem;
	t.exit_code = v == JG_SKIPPED ? -1 : 0;
	return t;
}

static inline void fx_sub(jg_submission_result *s, const char *path, const char *lang,
			  const char *compile, size_t ntests)
{
	memset(s, 0, sizeof(*s));
	s->path = fx_dup(path);
	s->language = fx_dup(lang);
	s->compile_status = fx_dup(compile);
	s->ntests = ntests;
	s->tests = calloc(ntests ? ntests : 1, sizeof(*s->tests));
	assert_non_null(s->tests);
}

static inline char *fx_big_output(void)
{
	char *p = malloc(FX_BIG + 1);
	assert_non_null(p);
	for (size_t i = 0; i < FX_BIG; i++)
		p[i] = (i % 64 == 63) ? '\n' : (char)('a' + i % 26);
	p[100] = '\xff';
	p[200] = '\x02';
	p[FX_BIG] = '\0';
	return p;
}

static inline void fx_wrong_answer(jg_submission_result *s)
{
	jg_test_result *t = s->tests;
	char *long_msg = malloc(FX_LONG_MESSAGE_LEN + 1);

	assert_non_null(long_msg);
	memset(long_msg, 'm', FX_LONG_MESSAGE_LEN);
	long_msg[FX_LONG_MESSAGE_LEN] = '\0';
	t[0] = fx_test("sample/1", JG_AC, 0.01, 1 << 20);
	t[1] = fx_test("sample/2", JG_WA, 0.1234567, 2 << 20);
	t[1].message = fx_dup(FX_HOSTILE);
	t[1].stdout_head = fx_dup("4\n");
	t[1].stderr_head = fx_dup(FX_HOSTILE);
	t[2] = fx_test("secret/group1/03", JG_TLE, 2.0004, 3 << 20);
	t[2].exit_code = -1;
	t[2].signal = 9;
	t[2].limit = JG_LIMIT_CPU;
	t[3] = fx_test("secret/mle", JG_MLE, 0.5, (uint64_t)300 << 20);
	t[3].limit = JG_LIMIT_MEMORY;
	t[3].exit_code = -1;
	t[3].signal = 9;
	t[4] = fx_test("secret/rte", JG_RTE, 0.02, 1 << 20);
	t[4].exit_code = 1;
	t[4].message = long_msg;
	t[4].stderr_head = fx_dup("Traceback (most recent call last):\n  ZeroDivisionError\n");
	t[5] = fx_test("secret/ole", JG_OLE, 0.75, 1 << 20);
	t[5].limit = JG_LIMIT_OUTPUT;
	t[5].stdout_head = fx_big_output();
	t[5].stdout_truncated = FX_BIG_TRUNCATED;
	t[6] = fx_test("secret/skipped", JG_SKIPPED, 0, 0);
	s->has_expected = 1;
	s->expected = JG_TLE;
	s->expected_set = (1u << JG_TLE) | (1u << JG_WA);
	s->has_high = 1;
	s->verdict_high = JG_TLE;
	s->time_max_high = 3.5;
	s->has_score = 1;
	s->score = 30;
	s->max_score = 100;
	t[0].has_score = 1;
	t[0].score = 12.5;
	jg_submission_result_summarize(s);
}

static inline void fx_errors(jg_report *r)
{
	jg_submission_result *s = &r->subs[2];

	fx_sub(s, "compile_error/ce.c", "c", "failed", 2);
	s->verdict = JG_CE;
	s->compile_output = fx_dup(FX_CE_OUTPUT);
	s->compile_truncated = 10;
	s->tests[0] = fx_test("sample/1", JG_SKIPPED, 0, 0);
	s->tests[1] = fx_test("sample/2", JG_SKIPPED, 0, 0);
	s = &r->subs[3];
	fx_sub(s, "run_error/je.java", NULL, "ok", 2);
	s->verdict = JG_JE;
	s->message = fx_dup("validator crashed \xc3\x28");
	s->tests[0] = fx_test("sample/1", JG_JE, 0.3, 1 << 20);
	s->tests[0].message = fx_dup("output validator exited with code 3");
	s->tests[1] = fx_test("sample/2", JG_SKIPPED, 0, 0);
	s = &r->subs[4];
	fx_sub(s, "x/y.rs", "rust", "none", 0);
	s->verdict = JG_JE;
	s->message = fx_dup("container died\nunexpectedly");
}

static inline jg_report *fx_report(void)
{
	jg_report *r = calloc(1, sizeof(*r));

	assert_non_null(r);
	r->problem_name = fx_dup("sum \"pairs\" & <more>");
	r->time_limit = 2.5;
	r->memory_limit = (uint64_t)256 << 20;
	r->nsubs = FX_NSUBS;
	r->subs = calloc(FX_NSUBS, sizeof(*r->subs));
	assert_non_null(r->subs);
	fx_sub(&r->subs[0], "accepted/sol.cpp", "cpp", "ok", 2);
	r->subs[0].tests[0] = fx_test("sample/1", JG_AC, 0.015, 1 << 20);
	r->subs[0].tests[1] = fx_test("secret/1", JG_AC, 0.25, 5 << 20);
	r->subs[0].has_expected = 1;
	r->subs[0].expected = JG_AC;
	jg_submission_result_summarize(&r->subs[0]);
	fx_sub(&r->subs[1], FX_PATH1, "python3", "none", 7);
	fx_wrong_answer(&r->subs[1]);
	fx_errors(r);
	fx_sub(&r->subs[5], "accepted/sol_cpp", "cpp", "ok", 1);
	r->subs[5].tests[0] = fx_test("sample/1", JG_AC, 1.0, 1 << 20);
	jg_submission_result_summarize(&r->subs[5]);
	return r;
}

#endif
