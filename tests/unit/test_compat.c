/* tests/unit/test_compat.c - the other APIs' shapes (core/compat.h): each
 * request to its v1 request and back from real `judge run --json` reports
 * (the FX_* fixtures below were written by the judge; docs/compat.md), bad
 * fields, and every field of every body and report replaced by values of
 * the wrong type, which must give JG_EINPUT or a view, never a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "error.h"
#include "lang.h"
#include "service.h"

static jg_langs *langs;
static jg_service_env env;

static int setup(void **state)
{
	int rc = jg_langs_load(&langs, jg_langs_default_path());

	env.langs = langs;
	return rc;
}

static int teardown(void **state)
{
	jg_langs_free(langs);
	return 0;
}

/* ---- fixtures: reports of `judge run --json`, compacted ---- */

/* function calls: add.py (1+2 AC, 2+2 returns 4 for "5": WA), broken.py
 * (syntax error: CE), boom.py (prints, then 1 // 0 on the second test: RTE) */
#define FX_ADD_WA \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"add\",\"time_limit\":1.0,\"memory" \
	"_limit\":2147483648},\"submissions\":[{\"path\":\"add.py\",\"language\":\"python\",\"verdict" \
	"\":\"WA\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":nul" \
	"l,\"output_truncated\":0},\"time_max\":0.021,\"memory_max\":8622080,\"message\":null,\"se" \
	"cond_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"ver" \
	"dict\":\"AC\",\"time\":0.021,\"wall\":0.028,\"memory\":8622080,\"exit_code\":0,\"signal\":nul" \
	"l,\"limit\":null,\"message\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":null,\"" \
	"stderr_truncated\":0,\"score\":null},{\"name\":\"secret/002\",\"verdict\":\"WA\",\"time\":0.0" \
	"2,\"wall\":0.027,\"memory\":8564736,\"exit_code\":0,\"signal\":null,\"limit\":null,\"messag" \
	"e\":\"input [2,2]: expected \\\"5\\\", got 4\",\"stdout\":null,\"stdout_truncated\":0,\"stde" \
	"rr\":null,\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_BOOM_RTE \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"boom\",\"time_limit\":1.0,\"memor" \
	"y_limit\":2147483648},\"submissions\":[{\"path\":\"boom.py\",\"language\":\"python\",\"verdi" \
	"ct\":\"RTE\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":" \
	"null,\"output_truncated\":0},\"time_max\":0.057,\"memory_max\":10743808,\"message\":null" \
	",\"second_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\"," \
	"\"verdict\":\"AC\",\"time\":0.028,\"wall\":0.033,\"memory\":8822784,\"exit_code\":0,\"signal\"" \
	":null,\"limit\":null,\"message\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":nu" \
	"ll,\"stderr_truncated\":0,\"score\":null},{\"name\":\"secret/002\",\"verdict\":\"RTE\",\"time" \
	"\":0.057,\"wall\":0.061,\"memory\":10743808,\"exit_code\":1,\"signal\":null,\"limit\":null," \
	"\"message\":\"exited with code 1\",\"stdout\":\"hi\\n\",\"stdout_truncated\":0,\"stderr\":\"oo" \
	"ps\\nTraceback (most recent call last):\\n  File \\\"/box/build/boom.py\\\", line 4, i" \
	"n boom\\n    return 1 // x\\n           ~~^^~~\\nZeroDivisionError: integer divisio" \
	"n or modulo by zero\\n\",\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_BROKEN_CE \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"broken\",\"time_limit\":1.0,\"mem" \
	"ory_limit\":2147483648},\"submissions\":[{\"path\":\"broken.py\",\"language\":\"python\",\"v" \
	"erdict\":\"CE\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"failed\",\"o" \
	"utput\":\"  File \\\"/box/build/broken.py\\\", line 2\\n    return x +\\n              ^" \
	"\\nSyntaxError: invalid syntax\\n\",\"output_truncated\":0},\"time_max\":0.0,\"memory_ma" \
	"x\":0,\"message\":null,\"second_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"" \
	"name\":\"secret/001\",\"verdict\":\"SKIPPED\",\"time\":0.0,\"wall\":0.0,\"memory\":0,\"exit_co" \
	"de\":null,\"signal\":null,\"limit\":null,\"message\":null,\"stdout\":null,\"stdout_truncat" \
	"ed\":0,\"stderr\":null,\"stderr_truncated\":0,\"score\":null}]}]}"

/* stdin/stdout and execute mode (tests without expected_output): ce.c (CE),
 * ex.py (prints, exit 3), loop.c (TLE), ok.py (prints "hi"), seg.c (SIGSEGV),
 * sum.py (I/O tests, AC and WA), syn.py (a Python syntax error) */
#define FX_C_CE \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"ce.c\",\"language\":\"c\",\"verdict\":\"CE" \
	"\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"failed\",\"output\":\"ce." \
	"c: In function ‘main’:\\nce.c:1:19: error: ‘x’ undeclared (first use in this func" \
	"tion)\\n    1 | int main(){return x;}\\n      |                   ^\\nce.c:1:19: no" \
	"te: each undeclared identifier is reported only once for each function it appear" \
	"s in\\n\",\"output_truncated\":0},\"time_max\":0.0,\"memory_max\":0,\"message\":null,\"seco" \
	"nd_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"verdi" \
	"ct\":\"SKIPPED\",\"time\":0.0,\"wall\":0.0,\"memory\":0,\"exit_code\":null,\"signal\":null,\"l" \
	"imit\":null,\"message\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":null,\"stde" \
	"rr_truncated\":0,\"score\":null}]}]}"

#define FX_EXEC_RTE \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"ex.py\",\"language\":\"python\",\"verdic" \
	"t\":\"RTE\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":n" \
	"ull,\"output_truncated\":0},\"time_max\":0.02,\"memory_max\":8015872,\"message\":null,\"s" \
	"econd_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"ve" \
	"rdict\":\"RTE\",\"time\":0.02,\"wall\":0.021,\"memory\":8015872,\"exit_code\":3,\"signal\":nu" \
	"ll,\"limit\":null,\"message\":\"exited with code 3\",\"stdout\":\"got hello\\n\",\"stdout_tr" \
	"uncated\":0,\"stderr\":\"warn\\n\",\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_EXEC_TLE \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"loop.c\",\"language\":\"c\",\"verdict\":\"" \
	"TLE\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":null," \
	"\"output_truncated\":0},\"time_max\":1.04,\"memory_max\":991232,\"message\":null,\"second" \
	"_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"verdict" \
	"\":\"TLE\",\"time\":1.04,\"wall\":1.435,\"memory\":991232,\"exit_code\":null,\"signal\":9,\"li" \
	"mit\":\"cpu\",\"message\":\"CPU time 1.040 s exceeds the limit of 1.000 s\",\"stdout\":nu" \
	"ll,\"stdout_truncated\":0,\"stderr\":null,\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_EXEC_AC \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"ok.py\",\"language\":\"python\",\"verdic" \
	"t\":\"AC\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":nu" \
	"ll,\"output_truncated\":0},\"time_max\":0.016,\"memory_max\":8081408,\"message\":null,\"s" \
	"econd_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"ve" \
	"rdict\":\"AC\",\"time\":0.016,\"wall\":0.025,\"memory\":8081408,\"exit_code\":0,\"signal\":nu" \
	"ll,\"limit\":null,\"message\":null,\"stdout\":\"hi\\n\",\"stdout_truncated\":0,\"stderr\":nul" \
	"l,\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_EXEC_SEGV \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"seg.c\",\"language\":\"c\",\"verdict\":\"R" \
	"TE\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":null,\"" \
	"output_truncated\":0},\"time_max\":0.001,\"memory_max\":991232,\"message\":null,\"second" \
	"_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"verdict" \
	"\":\"RTE\",\"time\":0.001,\"wall\":0.001,\"memory\":991232,\"exit_code\":null,\"signal\":11,\"" \
	"limit\":null,\"message\":\"killed by signal 11 (Segmentation fault)\",\"stdout\":null,\"" \
	"stdout_truncated\":0,\"stderr\":null,\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_IO_AC \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"sumok.py\",\"language\":\"python\",\"ver" \
	"dict\":\"AC\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\"" \
	":null,\"output_truncated\":0},\"time_max\":0.023,\"memory_max\":8228864,\"message\":null" \
	",\"second_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\"," \
	"\"verdict\":\"AC\",\"time\":0.019,\"wall\":0.019,\"memory\":8224768,\"exit_code\":0,\"signal\"" \
	":null,\"limit\":null,\"message\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":nu" \
	"ll,\"stderr_truncated\":0,\"score\":null},{\"name\":\"secret/002\",\"verdict\":\"AC\",\"time\"" \
	":0.023,\"wall\":0.033,\"memory\":8228864,\"exit_code\":0,\"signal\":null,\"limit\":null,\"m" \
	"essage\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":null,\"stderr_truncated\"" \
	":0,\"score\":null}]}]}"

#define FX_IO_WA \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"sum.py\",\"language\":\"python\",\"verdi" \
	"ct\":\"WA\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"ok\",\"output\":n" \
	"ull,\"output_truncated\":0},\"time_max\":0.02,\"memory_max\":8200192,\"message\":null,\"s" \
	"econd_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\",\"ve" \
	"rdict\":\"AC\",\"time\":0.018,\"wall\":0.018,\"memory\":8146944,\"exit_code\":0,\"signal\":nu" \
	"ll,\"limit\":null,\"message\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":null," \
	"\"stderr_truncated\":0,\"score\":null},{\"name\":\"secret/002\",\"verdict\":\"WA\",\"time\":0." \
	"02,\"wall\":0.021,\"memory\":8200192,\"exit_code\":0,\"signal\":null,\"limit\":null,\"messa" \
	"ge\":\"token 1 on line 1: expected '4', got '5'\",\"stdout\":\"5\\n\",\"stdout_truncated\"" \
	":0,\"stderr\":null,\"stderr_truncated\":0,\"score\":null}]}]}"

#define FX_PY_CE \
	"{\"version\":1,\"incomplete\":false,\"problem\":{\"name\":\"tests\",\"time_limit\":1.0,\"memo" \
	"ry_limit\":2147483648},\"submissions\":[{\"path\":\"syn.py\",\"language\":\"python\",\"verdi" \
	"ct\":\"CE\",\"expected\":null,\"expected_any\":null,\"compile\":{\"status\":\"failed\",\"outpu" \
	"t\":\"  File \\\"syn.py\\\", line 1\\n    print(1 +)\\n             ^\\nSyntaxError: inva" \
	"lid syntax\\n\",\"output_truncated\":0},\"time_max\":0.0,\"memory_max\":0,\"message\":null" \
	",\"second_pass\":null,\"score\":null,\"max_score\":null,\"tests\":[{\"name\":\"secret/001\"," \
	"\"verdict\":\"SKIPPED\",\"time\":0.0,\"wall\":0.0,\"memory\":0,\"exit_code\":null,\"signal\":n" \
	"ull,\"limit\":null,\"message\":null,\"stdout\":null,\"stdout_truncated\":0,\"stderr\":null" \
	",\"stderr_truncated\":0,\"score\":null}]}]}"

/* ---- helpers ---- */

/* JSON text with ` for " (the expected shapes below read better so). */
static json_t *jx(const char *text)
{
	char *s = strdup(text);
	json_error_t err;
	json_t *j;

	for (char *p = s; *p; p++)
		if (*p == '`')
			*p = '"';
	j = json_loads(s, JSON_DECODE_ANY, &err);
	if (!j)
		fail_msg("bad test JSON: %s: %s", s, err.text);
	free(s);
	return j;
}

/* Replaces every string value equal to token by value. */
static void subst(json_t *j, const char *token, const char *value)
{
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_object(j)) {
		json_object_foreach(j, k, v) {
			if (json_is_string(v) && !strcmp(json_string_value(v), token))
				json_object_set_new(j, k, json_string(value));
			else
				subst(v, token, value);
		}
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v) {
			if (json_is_string(v) && !strcmp(json_string_value(v), token))
				json_array_set_new(j, i, json_string(value));
			else
				subst(v, token, value);
		}
	}
}

/* The compiler output of a fixture. */
static char *ce_output(const char *fixture)
{
	json_t *r = jx(fixture);
	char *s = strdup(json_string_value(json_object_get(json_object_get(json_array_get(json_object_get(r,
		     "submissions"), 0), "compile"), "output")));

	json_decref(r);
	return s;
}

/* Compares (and frees) got with the expected JSON text, where @CE@ stands
 * for ce (when given). */
static void expect_json(json_t *got, const char *want_text, const char *ce)
{
	json_t *want = jx(want_text);

	if (ce)
		subst(want, "@CE@", ce);
	if (!got || !json_equal(got, want)) {
		char *g = got ? json_dumps(got, JSON_INDENT(1) | JSON_SORT_KEYS) : NULL;
		char *w = json_dumps(want, JSON_INDENT(1) | JSON_SORT_KEYS);
		print_error("got:\n%s\nwant:\n%s\n", g ? g : "NULL", w);
		free(g);
		free(w);
		json_decref(want);
		json_decref(got);
		fail();
	}
	json_decref(want);
	json_decref(got);
}

static json_t *request(jg_api a, const char *body)
{
	json_t *b = jx(body), *v1 = NULL;

	if (jg_compat_request(&v1, a, langs, b) != 0)
		fail_msg("%s: %s", body, jg_error_last());
	json_decref(b);
	if (jg_service_check(&env, v1) != 0)
		fail_msg("the v1 checker refuses the translation of %s: %s", body, jg_error_last());
	return v1;
}

static void expect_request(jg_api a, const char *body, const char *want)
{
	expect_json(request(a, body), want, NULL);
}

static void expect_bad(jg_api a, const char *body, const char *msg)
{
	json_t *b = jx(body), *v1 = (json_t *)1;

	assert_int_equal(jg_compat_request(&v1, a, langs, b), JG_EINPUT);
	assert_null(v1);
	if (!strstr(jg_error_last(), msg))
		fail_msg("%s\n  got: %s\n  want: %s", body, jg_error_last(), msg);
	json_decref(b);
}

/* The view of a job whose v1 request is what `a` made of body. */
static json_t *view(jg_api a, const char *body, const char *state, const char *report, const char *error)
{
	json_t *v1 = request(a, body), *r = report ? jx(report) : NULL;
	json_t *v = jg_compat_view(a, "job-1", state, v1, r, error);

	json_decref(v1);
	json_decref(r);
	assert_non_null(v);
	return v;
}

/* ---- names, accepted, errors ---- */

static void test_api_names(void **state)
{
	jg_api a;

	for (int i = 0; i < JG_API_COUNT; i++) {
		assert_int_equal(jg_api_parse(&a, jg_api_name((jg_api)i)), 0);
		assert_int_equal(a, i);
	}
	assert_string_equal(jg_api_name(JG_API_V1), "v1");
	assert_string_equal(jg_api_name(JG_API_000), "000");
	assert_string_equal(jg_api_name(JG_API_004), "004");
	assert_string_equal(jg_api_name(JG_API_PISTON), "piston");
	assert_null(jg_api_name((jg_api)JG_API_COUNT));
	assert_int_equal(jg_api_parse(&a, "005"), JG_EINPUT);
	assert_string_equal(jg_error_last(), "unknown API '005' (v1, 000, 001, 002, 003, 004, piston)");
	assert_int_equal(jg_api_parse(&a, NULL), JG_EINPUT);
	assert_int_equal(jg_api_parse(&a, "Piston"), JG_EINPUT);
}

static void test_accepted_and_errors(void **state)
{
	expect_json(jg_compat_accepted(JG_API_000, "7"), "{`queued_task_id`: `7`}", NULL);
	expect_json(jg_compat_accepted(JG_API_001, "7"), "{`message`: `Code execution task accepted`, `id`: `7`}", NULL);
	expect_json(jg_compat_accepted(JG_API_002, "7"), "{`job_id`: `7`, `status`: `queued`}", NULL);
	expect_json(jg_compat_accepted(JG_API_003, "7"), "{`id`: `7`, `status`: `queued`}", NULL);
	expect_json(jg_compat_accepted(JG_API_V1, NULL), "{`id`: ``, `status`: `queued`}", NULL);
	expect_json(jg_compat_error(JG_API_PISTON, "bad"), "{`message`: `bad`}", NULL);
	expect_json(jg_compat_error(JG_API_001, "bad"), "{`detail`: `bad`}", NULL);
	expect_json(jg_compat_error(JG_API_003, "bad"), "{`detail`: `bad`}", NULL);
	expect_json(jg_compat_error(JG_API_000, "bad"), "{`error`: `bad`}", NULL);
	expect_json(jg_compat_error(JG_API_004, NULL), "{`error`: ``}", NULL);
}

static void test_v1(void **state)
{
	const char *body = "{`language`: `py`, `code`: `print(3)`, `tests`: [{`input`: ``, `expected_output`: `3`}]}";
	json_t *v1 = request(JG_API_V1, body), *r = jx(FX_IO_AC), *v;

	expect_json(json_deep_copy(v1), body, NULL);
	expect_json(jg_compat_view(JG_API_V1, "9", "queued", v1, NULL, NULL),
		    "{`id`: `9`, `status`: `queued`, `result`: null}", NULL);
	expect_json(jg_compat_view(JG_API_V1, "9", "error", v1, NULL, "Docker down"),
		    "{`id`: `9`, `status`: `error`, `error`: `Docker down`}", NULL);
	v = jg_compat_view(JG_API_V1, "9", "done", v1, r, NULL);
	assert_string_equal(json_string_value(json_object_get(v, "status")), "done");
	assert_true(json_equal(json_object_get(v, "result"), r));
	json_decref(v);
	json_decref(r);
	json_decref(v1);
}

/* ---- 000 ---- */

/* "a,b=map(int,input().split())\nprint(a+b)\n" */
#define B64_SUM "YSxiPW1hcChpbnQsaW5wdXQoKS5zcGxpdCgpKQpwcmludChhK2IpCg=="
#define REQ_000 "{`code`: `" B64_SUM "`, `attempt_id`: `att-1`, `tests`: [{`in`: `1 2\\n`, " \
	"`expected_out`: `3\\n`}, {`in`: `2 2\\n`, `expected_out`: `4\\n`}]}"

static void test_000_request(void **state)
{
	expect_request(JG_API_000, REQ_000,
		       "{`language`: `python`, `code`: `a,b=map(int,input().split())\\nprint(a+b)\\n`, `tests`: ["
		       "{`input`: `1 2\\n`, `expected_output`: `3\\n`}, {`input`: `2 2\\n`, `expected_output`: `4\\n`}],"
		       " `all_tests`: true, `compat`: {`api`: `000`, `attempt_id`: `att-1`}}");
	/* base64 with line breaks, no padding; our language extension; a number as attempt id; no `in` */
	expect_request(JG_API_000, "{`code`: `aW50IG1h\\naW4oKXt9`, `language`: `c`, `attempt_id`: 42, "
		       "`tests`: [{`expected_out`: ``}], `time_limit`: 2}",
		       "{`language`: `c`, `code`: `int main(){}`, `tests`: [{`input`: ``, `expected_output`: ``}],"
		       " `all_tests`: true, `time_limit`: 2, `compat`: {`api`: `000`, `attempt_id`: 42}}");
	/* bytes that are not UTF-8 stay base64 ("\xff\xfe") */
	expect_request(JG_API_000, "{`code`: `//4=`, `tests`: [{`in`: ``, `expected_out`: ``}]}",
		       "{`language`: `python`, `code_base64`: `//4=`, `tests`: [{`input`: ``, `expected_output`: ``}],"
		       " `all_tests`: true, `compat`: {`api`: `000`, `attempt_id`: null}}");
}

static void test_000_bad(void **state)
{
	expect_bad(JG_API_000, "[]", "the request must be a JSON object");
	expect_bad(JG_API_000, "{`tests`: []}", "code: required");
	expect_bad(JG_API_000, "{`code`: 5}", "code: expected a string");
	expect_bad(JG_API_000, "{`code`: `not base64!`}", "code: not base64");
	expect_bad(JG_API_000, "{`code`: `eA==`, `language`: `cobol`}",
		   "language: unknown language 'cobol' (supported: c, cpp, python, java, javascript, go)");
	expect_bad(JG_API_000, "{`code`: `eA==`}", "tests: required: an array of {\"in\", \"expected_out\"}");
	expect_bad(JG_API_000, "{`code`: `eA==`, `tests`: {}}", "tests: expected an array");
	expect_bad(JG_API_000, "{`code`: `eA==`, `tests`: []}", "tests: expected 1 to 1000 {\"in\", \"expected_out\"}, got 0");
	expect_bad(JG_API_000, "{`code`: `eA==`, `tests`: [{`in`: ``, `expected_out`: ``}, 3]}",
		   "tests[1]: expected {\"in\", \"expected_out\"}");
	expect_bad(JG_API_000, "{`code`: `eA==`, `tests`: [{`in`: ``}]}", "tests[0].expected_out: required");
	expect_bad(JG_API_000, "{`code`: `eA==`, `tests`: [{`in`: 1, `expected_out`: ``}]}",
		   "tests[0].in: expected a string");
	expect_bad(JG_API_000, "{`code`: `eA==`, `attempt_id`: {}, `tests`: [{`expected_out`: ``}]}",
		   "attempt_id: expected a string");
	expect_bad(JG_API_000, "{`code`: `eA==`, `tests`: [{`expected_out`: ``}], `memory_limit`: 1}",
		   "memory_limit: expected MiB from 4 to 4096");
}

static void test_000_view(void **state)
{
	char *ce = ce_output(FX_C_CE);

	expect_json(view(JG_API_000, REQ_000, "queued", NULL, NULL),
		    "{`attempt_id`: `att-1`, `status`: `pending`, `results`: [], `error`: null}", NULL);
	expect_json(view(JG_API_000, REQ_000, "running", NULL, NULL),
		    "{`attempt_id`: `att-1`, `status`: `pending`, `results`: [], `error`: null}", NULL);
	/* a passing test shows the expected output (the judge keeps no stdout of a passed test) */
	expect_json(view(JG_API_000, REQ_000, "done", FX_IO_WA, NULL),
		    "{`attempt_id`: `att-1`, `status`: `failure`, `error`: null, `results`: ["
		    "{`test`: {`in`: `1 2\\n`, `expected_out`: `3\\n`}, `result`: `passed`, `output`: `3\\n`,"
		    " `error`: ``, `execution_time`: `0.018`, `memory_usage`: `7.77`},"
		    "{`test`: {`in`: `2 2\\n`, `expected_out`: `4\\n`}, `result`: `failed`, `output`: `5\\n`,"
		    " `error`: `token 1 on line 1: expected '4', got '5'`, `execution_time`: `0.020`,"
		    " `memory_usage`: `7.82`}]}", NULL);
	expect_json(view(JG_API_000, REQ_000, "done", FX_IO_AC, NULL),
		    "{`attempt_id`: `att-1`, `status`: `success`, `error`: null, `results`: ["
		    "{`test`: {`in`: `1 2\\n`, `expected_out`: `3\\n`}, `result`: `passed`, `output`: `3\\n`,"
		    " `error`: ``, `execution_time`: `0.019`, `memory_usage`: `7.84`},"
		    "{`test`: {`in`: `2 2\\n`, `expected_out`: `4\\n`}, `result`: `passed`, `output`: `4\\n`,"
		    " `error`: ``, `execution_time`: `0.023`, `memory_usage`: `7.85`}]}", NULL);
	expect_json(view(JG_API_000, "{`code`: `eA==`, `language`: `c`, `attempt_id`: `a`, `tests`: [{`in`: ``, "
			 "`expected_out`: `x`}]}", "done", FX_C_CE, NULL),
		    "{`attempt_id`: `a`, `status`: `failure`, `error`: `@CE@`, `results`: ["
		    "{`test`: {`in`: ``, `expected_out`: `x`}, `result`: `failed`, `output`: ``,"
		    " `error`: `not run: compile error`, `execution_time`: `0.000`, `memory_usage`: `0.00`}]}", ce);
	expect_json(view(JG_API_000, REQ_000, "error", NULL, "Docker is down"),
		    "{`attempt_id`: `att-1`, `status`: `failure`, `results`: [], `error`: `Docker is down`}", NULL);
	free(ce);
}

/* ---- 001 ---- */

#define REQ_ADD "{`language`: `python`, `code`: `def add(a, b):\\n    return a + b`, `function_name`: `add`," \
	" `imports`: [], `test_cases`: [{`input`: [1, 2], `expected_output`: `3`}, {`input`: [2, 2]," \
	" `expected_output`: `5`}], `callback_url`: `http://localhost:5001/callback`}"
#define V1_ADD_TESTS "[{`input`: [1, 2], `expected_output`: `3`}, {`input`: [2, 2], `expected_output`: `5`}]"

static void test_001_request(void **state)
{
	expect_request(JG_API_001, REQ_ADD,
		       "{`language`: `python`, `code`: `def add(a, b):\\n    return a + b`, `function`: {`name`: `add`},"
		       " `tests`: " V1_ADD_TESTS ", `all_tests`: true, `memory_limit`: 256,"
		       " `callback_url`: `http://localhost:5001/callback`, `compat`: {`api`: `001`}}");
	/* imports: bare names become import lines, statements stay */
	expect_request(JG_API_001, "{`language`: `python`, `code`: `def f(x):\\n    return x`, `function_name`: `f`,"
		       " `imports`: [`math`, `numpy as np`, `from typing import List`],"
		       " `test_cases`: [{`input`: [1], `expected_output`: 1}]}",
		       "{`language`: `python`, `code`: `import math\\nimport numpy as np\\nfrom typing import List\\n"
		       "def f(x):\\n    return x`, `function`: {`name`: `f`}, `tests`: [{`input`: [1],"
		       " `expected_output`: 1}], `all_tests`: true, `memory_limit`: 256, `compat`: {`api`: `001`}}");
	/* Java: after the package clause; no callback_url; our limits */
	expect_request(JG_API_001, "{`language`: `java`, `code`: `// x\\npackage a.b;\\nclass Solution {}`,"
		       " `function_name`: `addNumbers`, `imports`: [`java.util.*`, `java.io.File;`, `import java.net.URI;`],"
		       " `test_cases`: [{`input`: [5, 7], `expected_output`: `12`}], `time_limit`: 5, `memory_limit`: 1024}",
		       "{`language`: `java`, `code`: `// x\\npackage a.b;\\nimport java.util.*;\\nimport java.io.File;\\n"
		       "import java.net.URI;\\nclass Solution {}`, `function`: {`name`: `addNumbers`},"
		       " `tests`: [{`input`: [5, 7], `expected_output`: `12`}], `all_tests`: true, `time_limit`: 5,"
		       " `memory_limit`: 1024, `compat`: {`api`: `001`}}");
	/* C++ and Go need our `signature` */
	expect_request(JG_API_001, "{`language`: `cpp`, `code`: `int add(int a, int b) { return a + b; }`,"
		       " `function_name`: `add`, `signature`: `int add(int a, int b)`,"
		       " `imports`: [`vector`, `<map>`, `\\`x.h\\``, `#include <set>`],"
		       " `test_cases`: [{`input`: [1, 2], `expected_output`: 3}]}",
		       "{`language`: `cpp`, `code`: `#include <vector>\\n#include <map>\\n#include \\`x.h\\`\\n"
		       "#include <set>\\nint add(int a, int b) { return a + b; }`,"
		       " `function`: {`name`: `add`, `signature`: `int add(int a, int b)`},"
		       " `tests`: [{`input`: [1, 2], `expected_output`: 3}], `all_tests`: true, `memory_limit`: 512,"
		       " `compat`: {`api`: `001`}}");
	expect_request(JG_API_001, "{`language`: `go`, `code`: `package main\\n\\nfunc Add(a, b int) int { return a + b }`,"
		       " `function_name`: `Add`, `signature`: `int Add(int a, int b)`, `imports`: [`fmt`, `\\`os\\``],"
		       " `test_cases`: [{`input`: [1, 2], `expected_output`: 3}]}",
		       "{`language`: `go`, `code`: `package main\\nimport \\`fmt\\`\\nimport \\`os\\`\\n\\n"
		       "func Add(a, b int) int { return a + b }`,"
		       " `function`: {`name`: `Add`, `signature`: `int Add(int a, int b)`},"
		       " `tests`: [{`input`: [1, 2], `expected_output`: 3}], `all_tests`: true, `memory_limit`: 512,"
		       " `compat`: {`api`: `001`}}");
	expect_request(JG_API_001, "{`language`: `js`, `code`: `function f() { return 1; }`, `function_name`: `f`,"
		       " `imports`: [`lodash`, `node:fs`, `@scope/pkg-name`, `const x = require('x');`],"
		       " `test_cases`: [{`input`: [], `expected_output`: 1}]}",
		       "{`language`: `javascript`, `code`: `const lodash = require('lodash');\\n"
		       "const fs = require('node:fs');\\nconst pkg_name = require('@scope/pkg-name');\\n"
		       "const x = require('x');\\nfunction f() { return 1; }`, `function`: {`name`: `f`},"
		       " `tests`: [{`input`: [], `expected_output`: 1}], `all_tests`: true, `memory_limit`: 256,"
		       " `compat`: {`api`: `001`}}");
}

#define CASE1 ", `test_cases`: [{`input`: [1], `expected_output`: 1}]"

static void test_001_bad(void **state)
{
	expect_bad(JG_API_001, "{`code`: ``, `function_name`: `f`" CASE1 "}", "language: required");
	expect_bad(JG_API_001, "{`language`: `rust`, `code`: ``, `function_name`: `f`" CASE1 "}",
		   "language: unknown language 'rust'");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``" CASE1 "}", "function_name: required");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `a b`" CASE1 "}",
		   "function_name: 'a b' is not an identifier");
	expect_bad(JG_API_001, "{`language`: `cpp`, `code`: ``, `function_name`: `f`" CASE1 "}",
		   "signature: required for cpp (our extension, e.g. \"int add(int a, int b)\")");
	expect_bad(JG_API_001, "{`language`: `go`, `code`: ``, `function_name`: `f`, `signature`: `int f(`" CASE1 "}",
		   "signature: ");
	expect_bad(JG_API_001, "{`language`: `py`, `function_name`: `f`" CASE1 "}", "code: required");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`, `imports`: `math`" CASE1 "}",
		   "imports: expected an array of module names or import statements");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`, `imports`: [`os`, 1]" CASE1 "}",
		   "imports[1]: expected a module name or an import statement");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`}",
		   "test_cases: required: an array of {\"input\", \"expected_output\"}");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`, `test_cases`: [{`input`: 1, "
		   "`expected_output`: 1}]}", "test_cases[0].input: expected an array of arguments");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`, `test_cases`: [{`input`: [1]}]}",
		   "test_cases[0].expected_output: required");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`, `callback_url`: `ftp://x`" CASE1 "}",
		   "callback_url: expected an http:// or https:// URL");
	expect_bad(JG_API_001, "{`language`: `py`, `code`: ``, `function_name`: `f`, `time_limit`: 61" CASE1 "}",
		   "time_limit: expected seconds in (0, 60]");
}

static void test_001_view(void **state)
{
	char *ce = ce_output(FX_BROKEN_CE);

	expect_json(view(JG_API_001, REQ_ADD, "queued", NULL, NULL),
		    "{`id`: `job-1`, `status`: `queued`, `results`: [], `all_passed`: false, `error`: null,"
		    " `error_details`: null}", NULL);
	/* actual_output: the expected output when passed, else what the message says was got */
	expect_json(view(JG_API_001, REQ_ADD, "done", FX_ADD_WA, NULL),
		    "{`id`: `job-1`, `status`: `done`, `all_passed`: false, `error`: null, `error_details`: null,"
		    " `results`: [{`input`: [1, 2], `expected_output`: `3`, `actual_output`: `3`, `passed`: true,"
		    " `time`: `21.0000 ms`, `memory`: `8.2 MB`}, {`input`: [2, 2], `expected_output`: `5`,"
		    " `actual_output`: `4`, `passed`: false, `time`: `20.0000 ms`, `memory`: `8.2 MB`}]}", NULL);
	expect_json(view(JG_API_001, "{`language`: `python`, `code`: ``, `function_name`: `broken`, `test_cases`: "
			 "[{`input`: [5], `expected_output`: `5`}]}", "done", FX_BROKEN_CE, NULL),
		    "{`id`: `job-1`, `status`: `done`, `all_passed`: false, `error`: `Compilation failed`,"
		    " `error_details`: `@CE@`, `results`: [{`input`: [5], `expected_output`: `5`,"
		    " `actual_output`: `Execution Failed`, `passed`: false, `time`: `0.0000 ms`, `memory`: `N/A`}]}", ce);
	free(ce);
	ce = strdup("oops\nTraceback (most recent call last):\n  File \"/box/build/boom.py\", line 4, in boom\n"
		    "    return 1 // x\n           ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n");
	expect_json(view(JG_API_001, "{`language`: `python`, `code`: ``, `function_name`: `boom`, `test_cases`: "
			 "[{`input`: [1], `expected_output`: 1}, {`input`: [0], `expected_output`: `0`}]}", "done",
			 FX_BOOM_RTE, NULL),
		    "{`id`: `job-1`, `status`: `done`, `all_passed`: false, `error`: `Execution environment error`,"
		    " `error_details`: `@CE@`, `results`: [{`input`: [1], `expected_output`: 1, `actual_output`: `1`,"
		    " `passed`: true, `time`: `28.0000 ms`, `memory`: `8.4 MB`}, {`input`: [0], `expected_output`: `0`,"
		    " `actual_output`: `exited with code 1`, `passed`: false, `time`: `57.0000 ms`,"
		    " `memory`: `10.2 MB`}]}", ce);
	free(ce);
	expect_json(view(JG_API_001, REQ_ADD, "error", NULL, "no image"),
		    "{`id`: `job-1`, `status`: `error`, `results`: [], `all_passed`: false, `error`: `no image`,"
		    " `error_details`: null}", NULL);
}

/* A got value that is a JSON string is shown unquoted; a message without
 * ", got " is shown whole. */
static void test_001_actual_output(void **state)
{
	const char *req = "{`language`: `python`, `code`: ``, `function_name`: `f`, `test_cases`: "
			  "[{`input`: [], `expected_output`: [1, 2]}, {`input`: [], `expected_output`: `a`},"
			  " {`input`: [], `expected_output`: 3}]}";
	const char *report = "{`submissions`: [{`verdict`: `WA`, `tests`: [{`verdict`: `AC`, `time`: 0.5,"
			     " `memory`: 0}, {`verdict`: `WA`, `message`: `input []: expected \\`a\\`, got \\`b, got c\\``},"
			     " {`verdict`: `TLE`, `message`: `CPU time 1.040 s exceeds the limit of 1.000 s`}]}]}";
	json_t *b = jx(req), *r = jx(report), *v1, *v;

	assert_int_equal(jg_compat_request(&v1, JG_API_001, langs, b), 0);
	v = jg_compat_view(JG_API_001, "x", "done", v1, r, NULL);
	expect_json(json_incref(json_object_get(v, "results")),
		    "[{`input`: [], `expected_output`: [1, 2], `actual_output`: `[1,2]`, `passed`: true,"
		    " `time`: `500.0000 ms`, `memory`: `N/A`}, {`input`: [], `expected_output`: `a`,"
		    " `actual_output`: `b, got c`, `passed`: false, `time`: `0.0000 ms`, `memory`: `N/A`},"
		    " {`input`: [], `expected_output`: 3, `actual_output`: `CPU time 1.040 s exceeds the limit of 1.000 s`,"
		    " `passed`: false, `time`: `0.0000 ms`, `memory`: `N/A`}]", NULL);
	/* the first failure (a wrong answer) decides: no error */
	assert_true(json_is_null(json_object_get(v, "error")));
	assert_true(json_is_null(json_object_get(v, "error_details")));
	json_decref(v);
	json_decref(v1);
	json_decref(r);
	json_decref(b);
}

/* ---- 002 ---- */

#define REQ_002_TESTS "{`language`: `python`, `code`: `x`, `tests`: [{`input`: `1 2\\n`, `expected_output`: `3\\n`}," \
	" {`input`: `2 2\\n`, `expected_output`: `4\\n`}]}"

static void test_002(void **state)
{
	char *ce = ce_output(FX_C_CE);

	expect_request(JG_API_002, "{`language`: `py`, `code`: `print(input())`, `input`: `hello\\n`}",
		       "{`language`: `python`, `code`: `print(input())`, `tests`: [{`input`: `hello\\n`}],"
		       " `compat`: {`api`: `002`, `mode`: `run`}}");
	expect_request(JG_API_002, "{`language`: `c`, `code`: `int main(){}`, `time_limit`: 0.5}",
		       "{`language`: `c`, `code`: `int main(){}`, `tests`: [{`input`: ``}], `time_limit`: 0.5,"
		       " `compat`: {`api`: `002`, `mode`: `run`}}");
	expect_request(JG_API_002, REQ_002_TESTS,
		       "{`language`: `python`, `code`: `x`, `tests`: [{`input`: `1 2\\n`, `expected_output`: `3\\n`},"
		       " {`input`: `2 2\\n`, `expected_output`: `4\\n`}], `all_tests`: true,"
		       " `compat`: {`api`: `002`, `mode`: `tests`}}");
	expect_request(JG_API_002, "{`language`: `java`, `code`: `x`, `tests`: [{`input`: `a`}, {}]}",
		       "{`language`: `java`, `code`: `x`, `tests`: [{`input`: `a`}, {`input`: ``}], `all_tests`: true,"
		       " `compat`: {`api`: `002`, `mode`: `tests`}}");
	expect_bad(JG_API_002, "{`language`: `py`, `code`: `x`, `input`: ``, `tests`: [{`input`: ``}]}",
		   "input: give input or tests, not both");
	expect_bad(JG_API_002, "{`language`: `py`, `code`: `x`, `tests`: [{`input`: ``}, {`expected_output`: ``}]}",
		   "tests[1].expected_output: give it for every test or for none");
	expect_bad(JG_API_002, "{`language`: `py`, `code`: `x`, `tests`: []}", "tests: expected 1 to 1000");
	expect_bad(JG_API_002, "{`language`: `py`, `code`: `x`, `input`: 5}", "input: expected a string");
	expect_bad(JG_API_002, "{`language`: `py`, `code`: `x`, `tests`: [{`input`: ``, `expected_output`: 3}]}",
		   "tests[0].expected_output: expected a string");

	expect_json(view(JG_API_002, "{`language`: `py`, `code`: `x`, `input`: `hello\\n`}", "done", FX_EXEC_RTE, NULL),
		    "{`job_id`: `job-1`, `status`: `completed`, `verdict`: `RTE`, `stdout`: `got hello\\n`,"
		    " `stderr`: `warn\\n`, `exit_code`: 3, `signal`: null, `time`: 0.02, `memory`: 8015872,"
		    " `error`: `exited with code 3`}", NULL);
	expect_json(view(JG_API_002, "{`language`: `c`, `code`: `x`}", "done", FX_C_CE, NULL),
		    "{`job_id`: `job-1`, `status`: `completed`, `verdict`: `CE`, `stdout`: ``, `stderr`: ``,"
		    " `exit_code`: null, `signal`: null, `time`: 0.0, `memory`: 0, `error`: `@CE@`}", ce);
	expect_json(view(JG_API_002, "{`language`: `c`, `code`: `x`}", "running", NULL, NULL),
		    "{`job_id`: `job-1`, `status`: `running`, `verdict`: null, `stdout`: null, `stderr`: null,"
		    " `exit_code`: null, `signal`: null, `time`: null, `memory`: null, `error`: null}", NULL);
	/* with tests: the run that decided the verdict at the top, every test in results */
	expect_json(view(JG_API_002, REQ_002_TESTS, "done", FX_IO_WA, NULL),
		    "{`job_id`: `job-1`, `status`: `completed`, `verdict`: `WA`, `stdout`: `5\\n`, `stderr`: ``,"
		    " `exit_code`: 0, `signal`: null, `time`: 0.02, `memory`: 8200192, `passed`: 1, `total`: 2,"
		    " `error`: `token 1 on line 1: expected '4', got '5'`, `results`: ["
		    "{`input`: `1 2\\n`, `expected_output`: `3\\n`, `verdict`: `AC`, `passed`: true, `message`: null,"
		    " `stdout`: null, `stderr`: null, `exit_code`: 0, `signal`: null, `time`: 0.018, `memory`: 8146944},"
		    "{`input`: `2 2\\n`, `expected_output`: `4\\n`, `verdict`: `WA`, `passed`: false,"
		    " `message`: `token 1 on line 1: expected '4', got '5'`, `stdout`: `5\\n`, `stderr`: null,"
		    " `exit_code`: 0, `signal`: null, `time`: 0.02, `memory`: 8200192}]}", NULL);
	expect_json(view(JG_API_002, REQ_002_TESTS, "queued", NULL, NULL),
		    "{`job_id`: `job-1`, `status`: `queued`, `verdict`: null, `stdout`: null, `stderr`: null,"
		    " `exit_code`: null, `signal`: null, `time`: null, `memory`: null, `passed`: null, `total`: 2,"
		    " `results`: [], `error`: null}", NULL);
	expect_json(view(JG_API_002, "{`language`: `c`, `code`: `x`}", "error", NULL, "disk full"),
		    "{`job_id`: `job-1`, `status`: `error`, `verdict`: `JE`, `stdout`: null, `stderr`: null,"
		    " `exit_code`: null, `signal`: null, `time`: null, `memory`: null, `error`: `disk full`}", NULL);
	free(ce);
}

/* ---- 003 ---- */

static void test_003(void **state)
{
	char *ce = ce_output(FX_C_CE);

	expect_request(JG_API_003, "{`code`: `console.log(1)`, `language`: `javascript`}",
		       "{`language`: `javascript`, `code`: `console.log(1)`, `tests`: [{`input`: ``}],"
		       " `compat`: {`api`: `003`}}");
	expect_request(JG_API_003, "{`code`: `print(input())`, `language`: `python`, `stdin`: `x`, `memory_limit`: 64}",
		       "{`language`: `python`, `code`: `print(input())`, `tests`: [{`input`: `x`}], `memory_limit`: 64,"
		       " `compat`: {`api`: `003`}}");
	expect_bad(JG_API_003, "{`code`: `x`}", "language: required");
	expect_bad(JG_API_003, "{`language`: `python`}", "code: required");
	expect_bad(JG_API_003, "{`language`: 3, `code`: `x`}", "language: expected a string");
	expect_bad(JG_API_003, "{`language`: `python`, `code`: `x`, `stdin`: []}", "stdin: expected a string");

	expect_json(view(JG_API_003, "{`code`: `x`, `language`: `python`}", "done", FX_EXEC_AC, NULL),
		    "{`id`: `job-1`, `status`: `completed`, `result`: {`status`: `success`, `verdict`: `AC`,"
		    " `output`: `hi\\n`, `error`: ``, `exit_code`: 0, `time`: 0.016, `memory`: 8081408}}", NULL);
	expect_json(view(JG_API_003, "{`code`: `x`, `language`: `python`}", "done", FX_EXEC_RTE, NULL),
		    "{`id`: `job-1`, `status`: `completed`, `result`: {`status`: `error`, `verdict`: `RTE`,"
		    " `output`: `got hello\\n`, `error`: `warn\\n`, `exit_code`: 3, `time`: 0.02, `memory`: 8015872}}", NULL);
	expect_json(view(JG_API_003, "{`code`: `x`, `language`: `c`}", "done", FX_EXEC_TLE, NULL),
		    "{`id`: `job-1`, `status`: `completed`, `result`: {`status`: `error`, `verdict`: `TLE`,"
		    " `output`: ``, `error`: `CPU time 1.040 s exceeds the limit of 1.000 s`, `exit_code`: null,"
		    " `time`: 1.04, `memory`: 991232}}", NULL);
	expect_json(view(JG_API_003, "{`code`: `x`, `language`: `c`}", "done", FX_C_CE, NULL),
		    "{`id`: `job-1`, `status`: `completed`, `result`: {`status`: `error`, `verdict`: `CE`,"
		    " `output`: ``, `error`: `@CE@`, `exit_code`: null, `time`: 0.0, `memory`: 0}}", ce);
	expect_json(view(JG_API_003, "{`code`: `x`, `language`: `c`}", "queued", NULL, NULL),
		    "{`id`: `job-1`, `status`: `queued`, `result`: null}", NULL);
	expect_json(view(JG_API_003, "{`code`: `x`, `language`: `c`}", "error", NULL, "Docker down"),
		    "{`id`: `job-1`, `status`: `error`, `result`: {`status`: `error`, `verdict`: `JE`, `output`: ``,"
		    " `error`: `Docker down`, `exit_code`: null, `time`: 0, `memory`: 0}}", NULL);
	free(ce);
}

/* ---- 004 ---- */

static void test_004(void **state)
{
	json_t *spec = jg_compat_languages(JG_API_004, langs);

	expect_request(JG_API_004, "{`language`: `python3`, `code`: `print(1)`, `stdin`: `x\\n`}",
		       "{`language`: `python`, `code`: `print(1)`, `tests`: [{`input`: `x\\n`}], `compat`: {`api`: `004`}}");
	expect_bad(JG_API_004, "{`language`: `python3`, `code`: null}", "code: required");
	expect_json(view(JG_API_004, "{`language`: `c`, `code`: `x`}", "done", FX_EXEC_SEGV, NULL),
		    "{`id`: `job-1`, `status`: `completed`, `language`: `c`, `verdict`: `RTE`, `stdout`: ``,"
		    " `stderr`: ``, `exit_code`: null, `signal`: 11, `time`: 0.001, `memory`: 991232,"
		    " `error`: `killed by signal 11 (Segmentation fault)`}", NULL);
	expect_json(view(JG_API_004, "{`language`: `py`, `code`: `x`}", "done", FX_EXEC_AC, NULL),
		    "{`id`: `job-1`, `status`: `completed`, `language`: `python`, `verdict`: `AC`, `stdout`: `hi\\n`,"
		    " `stderr`: ``, `exit_code`: 0, `signal`: null, `time`: 0.016, `memory`: 8081408, `error`: null}", NULL);
	expect_json(view(JG_API_004, "{`language`: `py`, `code`: `x`}", "running", NULL, NULL),
		    "{`id`: `job-1`, `status`: `running`, `language`: `python`, `verdict`: null, `stdout`: null,"
		    " `stderr`: null, `exit_code`: null, `signal`: null, `time`: null, `memory`: null, `error`: null}", NULL);

	assert_int_equal(json_object_size(spec), jg_langs_count(langs));
	expect_json(json_incref(json_object_get(spec, "python")),
		    "{`image`: `judge-runtime:1`, `cmd`: `python3 -m py_compile main.py && python3 main.py`,"
		    " `filename`: `main.py`, `language`: `python`, `aliases`: [`python3`, `py`]}", NULL);
	expect_json(json_incref(json_object_get(spec, "java")),
		    "{`image`: `judge-runtime:1`, `cmd`: `javac -encoding UTF-8 -d . main.java && java -Xmx256m -Xss64m"
		    " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp . Main`, `filename`: `main.java`,"
		    " `language`: `java`, `aliases`: []}", NULL);
	assert_string_equal(json_string_value(json_object_get(json_object_get(spec, "c"), "cmd")),
			    "gcc -std=c17 -O2 -pipe -o main main.c -lm && ./main");
	json_decref(spec);
}

/* ---- Piston ---- */

/* What piston-client's execute('python', code) sends (runtimes gave 0.1.0). */
#define REQ_PISTON_CLIENT "{`language`: `python`, `version`: `" JG_VERSION "`, `files`: [{`content`: `print(input())`}]," \
	" `stdin`: ``, `args`: [`1`, `2`, `3`], `compile_timeout`: 10000, `run_timeout`: 3000," \
	" `compile_memory_limit`: -1, `run_memory_limit`: -1}"

static void test_piston_request(void **state)
{
	expect_request(JG_API_PISTON, REQ_PISTON_CLIENT,
		       "{`language`: `python`, `code`: `print(input())`, `tests`: [{`input`: `\\n`}], `time_limit`: 3.0,"
		       " `compat`: {`api`: `piston`, `compiled`: false, `args`: [`1`, `2`, `3`]}}");
	/* execute('js', ...): no runtime is called "js", so no version is sent */
	expect_request(JG_API_PISTON, "{`language`: `js`, `files`: [{`content`: `1`}], `stdin`: `x`}",
		       "{`language`: `javascript`, `code`: `1`, `tests`: [{`input`: `x\\n`}], `time_limit`: 3.0,"
		       " `compat`: {`api`: `piston`, `compiled`: false}}");
	expect_request(JG_API_PISTON, "{`language`: `c++`, `version`: `*`, `files`: [{`name`: `a.cpp`, `content`: `x`}],"
		       " `run_timeout`: 1500, `run_cpu_time`: 500, `run_memory_limit`: 128000000}",
		       "{`language`: `cpp`, `code`: `x`, `tests`: [{`input`: `\\n`}], `time_limit`: 0.5,"
		       " `memory_limit`: 123, `compat`: {`api`: `piston`, `compiled`: true}}");
	/* several files: the first is the entry point; encodings */
	expect_request(JG_API_PISTON, "{`language`: `python`, `version`: `0.x`, `files`: ["
		       "{`name`: `solution.py`, `content`: `import helper`},"
		       " {`name`: `helper.py`, `content`: `eD0x`, `encoding`: `base64`},"
		       " {`content`: `6869`, `encoding`: `hex`}]}",
		       "{`language`: `python`, `files`: [{`name`: `main.py`, `content`: `import helper`},"
		       " {`name`: `helper.py`, `content`: `x=1`}, {`name`: `file2.py`, `content`: `hi`}],"
		       " `tests`: [{`input`: `\\n`}], `time_limit`: 3.0, `compat`: {`api`: `piston`, `compiled`: false}}");
	expect_request(JG_API_PISTON, "{`language`: `java`, `version`: `" JG_VERSION "`, `files`: ["
		       "{`name`: `Main.java`, `content`: `a`}, {`name`: `Util.java`, `content`: `b`}]}",
		       "{`language`: `java`, `files`: [{`name`: `Main.java`, `content`: `a`},"
		       " {`name`: `Util.java`, `content`: `b`}], `tests`: [{`input`: `\\n`}], `time_limit`: 3.0,"
		       " `compat`: {`api`: `piston`, `compiled`: true}}");
}

#define FILES ", `files`: [{`content`: `x`}]"

static void test_piston_bad(void **state)
{
	expect_bad(JG_API_PISTON, "{`files`: [{`content`: `x`}]}", "language: required");
	expect_bad(JG_API_PISTON, "{`language`: `cobol`" FILES "}",
		   "language: runtime 'cobol' is unknown (GET /api/v2/runtimes)");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `version`: `3.10.0`" FILES "}",
		   "version: python-3.10.0 runtime is unknown (this server has python-" JG_VERSION "; \"*\" takes it)");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `version`: 3" FILES "}", "version: expected a string");
	expect_bad(JG_API_PISTON, "{`language`: `python`}", "files: required: an array of {\"name\", \"content\"}");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `files`: [{`name`: `a.py`}]}",
		   "files[0].content: required as a string");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `files`: [{`name`: `d/a.py`, `content`: ``}]}",
		   "files[0].name: expected a plain file name (no directories)");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `files`: [{`name`: `a.py`, `content`: ``},"
		   " {`name`: `a.py`, `content`: ``}]}", "files[1].name: 'a.py' given twice");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `files`: [{`content`: `eA==`, `encoding`: `base64`}]}",
		   "files: must include at least one utf8 encoded file");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `files`: [{`content`: ``}, {`content`: `zz`, `encoding`: `hex`}]}",
		   "files[1].content: not hex");
	expect_bad(JG_API_PISTON, "{`language`: `python`, `files`: [{`content`: ``}, {`content`: `//4=`, "
		   "`encoding`: `base64`}]}", "files[1].content: binary base64 content is not supported");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `stdin`: 1}", "stdin: expected a string");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `args`: [1]}", "args[0]: expected a string");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `run_timeout`: `3000`}",
		   "run_timeout: if specified, must be a number");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `run_timeout`: 60001}",
		   "run_timeout: cannot exceed the configured limit of 60000");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `run_timeout`: -1}",
		   "run_timeout: must be non-negative");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `run_memory_limit`: 1000}",
		   "run_memory_limit: must be at least 4 MiB (4194304)");
	expect_bad(JG_API_PISTON, "{`language`: `python`" FILES ", `compile_memory_limit`: -2}",
		   "compile_memory_limit: must be non-negative");
}

#define PY "{`language`: `python`" FILES "}"
#define C "{`language`: `c`" FILES "}"

static void test_piston_view(void **state)
{
	char *ce = ce_output(FX_C_CE);

	expect_json(view(JG_API_PISTON, PY, "done", FX_EXEC_AC, NULL),
		    "{`language`: `python`, `version`: `" JG_VERSION "`, `run`: {`stdout`: `hi\\n`, `stderr`: ``,"
		    " `output`: `hi\\n`, `code`: 0, `signal`: null, `message`: null, `status`: null, `memory`: 8081408,"
		    " `cpu_time`: 16, `wall_time`: 25}}", NULL);
	expect_json(view(JG_API_PISTON, PY, "done", FX_EXEC_RTE, NULL),
		    "{`language`: `python`, `version`: `" JG_VERSION "`, `run`: {`stdout`: `got hello\\n`,"
		    " `stderr`: `warn\\n`, `output`: `got hello\\nwarn\\n`, `code`: 3, `signal`: null,"
		    " `message`: `exited with code 3`, `status`: `RE`, `memory`: 8015872, `cpu_time`: 20, `wall_time`: 21}}",
		    NULL);
	/* a compiled language has a compile stage */
	expect_json(view(JG_API_PISTON, C, "done", FX_EXEC_SEGV, NULL),
		    "{`language`: `c`, `version`: `" JG_VERSION "`, `compile`: {`stdout`: ``, `stderr`: ``, `output`: ``,"
		    " `code`: 0, `signal`: null, `message`: null, `status`: null}, `run`: {`stdout`: ``, `stderr`: ``,"
		    " `output`: ``, `code`: null, `signal`: `SIGSEGV`, `message`: `killed by signal 11 (Segmentation fault)`,"
		    " `status`: `SG`, `memory`: 991232, `cpu_time`: 1, `wall_time`: 1}}", NULL);
	expect_json(view(JG_API_PISTON, C, "done", FX_EXEC_TLE, NULL),
		    "{`language`: `c`, `version`: `" JG_VERSION "`, `compile`: {`stdout`: ``, `stderr`: ``, `output`: ``,"
		    " `code`: 0, `signal`: null, `message`: null, `status`: null}, `run`: {`stdout`: ``, `stderr`: ``,"
		    " `output`: ``, `code`: null, `signal`: `SIGKILL`,"
		    " `message`: `CPU time 1.040 s exceeds the limit of 1.000 s`, `status`: `TO`, `memory`: 991232,"
		    " `cpu_time`: 1040, `wall_time`: 1435}}", NULL);
	/* a failed compile stage is answered as the run stage too, as Piston does */
	expect_json(view(JG_API_PISTON, C, "done", FX_C_CE, NULL),
		    "{`language`: `c`, `version`: `" JG_VERSION "`, `compile`: {`stdout`: ``, `stderr`: `@CE@`,"
		    " `output`: `@CE@`, `code`: 1, `signal`: null, `message`: null, `status`: `RE`}, `run`: {`stdout`: ``,"
		    " `stderr`: `@CE@`, `output`: `@CE@`, `code`: 1, `signal`: null, `message`: null, `status`: `RE`}}", ce);
	free(ce);
	/* an interpreter's syntax error is the run's stderr */
	ce = ce_output(FX_PY_CE);
	expect_json(view(JG_API_PISTON, PY, "done", FX_PY_CE, NULL),
		    "{`language`: `python`, `version`: `" JG_VERSION "`, `run`: {`stdout`: ``, `stderr`: `@CE@`,"
		    " `output`: `@CE@`, `code`: 1, `signal`: null, `message`: null, `status`: `RE`}}", ce);
	free(ce);
	expect_json(view(JG_API_PISTON, C, "error", NULL, "Docker down"),
		    "{`language`: `c`, `version`: `" JG_VERSION "`, `message`: `Docker down`, `run`: {`stdout`: ``,"
		    " `stderr`: ``, `output`: ``, `code`: null, `signal`: null, `message`: `Docker down`, `status`: `XX`}}",
		    NULL);
	expect_json(view(JG_API_PISTON, C, "queued", NULL, NULL),
		    "{`id`: `job-1`, `status`: `queued`, `message`: `the job is still queued`}", NULL);
}

static void test_languages(void **state)
{
	json_t *rt = jg_compat_languages(JG_API_PISTON, langs), *names = jg_compat_languages(JG_API_002, langs);
	json_t *py = NULL, *e;
	size_t i;

	assert_int_equal(json_array_size(rt), jg_langs_count(langs));
	json_array_foreach(rt, i, e)
		if (!strcmp(json_string_value(json_object_get(e, "language")), "python"))
			py = e;
	expect_json(json_incref(py), "{`language`: `python`, `version`: `" JG_VERSION "`, `aliases`: [`python3`, `py`]}",
		    NULL);
	expect_json(names, "[`c`, `cpp`, `python`, `java`, `javascript`, `go`]", NULL);
	assert_null(jg_compat_languages(JG_API_000, langs));
	assert_null(jg_compat_languages(JG_API_001, langs));
	assert_null(jg_compat_languages(JG_API_003, langs));
	assert_null(jg_compat_languages(JG_API_V1, langs));
	json_decref(rt);
}

/* The version selectors Piston clients send. */
static void test_piston_versions(void **state)
{
	const char *good[] = { "*", "", "x", JG_VERSION, "0", "0.x", "0.1", "0.1.x", "^" JG_VERSION, "v" JG_VERSION };
	const char *badv[] = { "1", "0.2", "0.1.1", "0.1.0.1", "3.10.0", "latest", "0.1.0-beta" };
	char body[256];

	assert_string_equal(jg_compat_piston_version(), "0.1.0");
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(body, sizeof(body), "{`language`: `go`, `version`: `%s`" FILES "}", good[i]);
		json_decref(request(JG_API_PISTON, body));
	}
	for (size_t i = 0; i < sizeof(badv) / sizeof(badv[0]); i++) {
		snprintf(body, sizeof(body), "{`language`: `go`, `version`: `%s`" FILES "}", badv[i]);
		expect_bad(JG_API_PISTON, body, "runtime is unknown");
	}
}

/* ---- caps ---- */

static void test_caps(void **state)
{
	json_t *tests = json_array(), *files = json_array(), *b, *v1 = NULL;
	char *big = malloc((1u << 20) + 2);

	for (int i = 0; i < 1001; i++)
		json_array_append_new(tests, json_pack("{s:s, s:s}", "in", "", "expected_out", ""));
	b = json_pack("{s:s, s:O}", "code", "eA==", "tests", tests);
	assert_int_equal(jg_compat_request(&v1, JG_API_000, langs, b), JG_EINPUT);
	assert_string_equal(jg_error_last(), "tests: expected 1 to 1000 {\"in\", \"expected_out\"}, got 1001");
	json_decref(b);
	json_array_remove(tests, 0);
	b = json_pack("{s:s, s:O}", "code", "eA==", "tests", tests);
	assert_int_equal(jg_compat_request(&v1, JG_API_000, langs, b), 0);
	assert_int_equal(json_array_size(json_object_get(v1, "tests")), 1000);
	json_decref(v1);
	json_decref(b);

	memset(big, 'a', (1u << 20) + 1);
	big[(1u << 20) + 1] = '\0';
	b = json_pack("{s:s, s:s, s:[{s:s, s:s}]}", "language", "py", "code", big, "tests", "input", "",
		      "expected_output", "");
	assert_int_equal(jg_compat_request(&v1, JG_API_002, langs, b), JG_EINPUT);
	assert_string_equal(jg_error_last(), "code: larger than 1 MiB");
	json_decref(b);
	big[1u << 20] = '\0';   /* exactly 1 MiB, but with an import line */
	b = json_pack("{s:s, s:s, s:s, s:[s], s:[{s:[], s:i}]}", "language", "py", "code", big, "function_name", "f",
		      "imports", "os", "test_cases", "input", "expected_output", 1);
	assert_int_equal(jg_compat_request(&v1, JG_API_001, langs, b), JG_EINPUT);
	assert_string_equal(jg_error_last(), "code: larger than 1 MiB with the imports");
	json_decref(b);
	for (int i = 0; i < 65; i++)
		json_array_append_new(files, json_pack("{s:s}", "content", ""));
	b = json_pack("{s:s, s:O}", "language", "py", "files", files);
	assert_int_equal(jg_compat_request(&v1, JG_API_PISTON, langs, b), JG_EINPUT);
	assert_string_equal(jg_error_last(), "files: expected 1 to 64 {\"name\", \"content\"}, got 65");
	json_decref(b);
	json_decref(files);
	json_decref(tests);
	free(big);
}

/* ---- no crash on any shape ---- */

static const char *const garbage[] = {
	"null", "true", "0", "-1", "1e300", "0.5", "\"\"", "\"x\"", "[]", "[null]", "[1, \"a\"]", "[{}]", "[[]]",
	"{}", "{\"a\": 1}", "\"\\u00e9\\ud83d\\ude00\"",
};
#define NGARBAGE (sizeof(garbage) / sizeof(garbage[0]))

typedef void (*probe_fn)(json_t *root, void *ctx);

static void mutate(json_t *root, json_t *node, probe_fn probe, void *ctx, int depth);

/* Each garbage value, then nothing, in place of node[k]. */
static void mutate_key(json_t *root, json_t *node, const char *k, probe_fn probe, void *ctx, int depth)
{
	json_t *v = json_incref(json_object_get(node, k));

	for (size_t j = 0; j < NGARBAGE; j++) {
		json_object_set_new(node, k, json_loads(garbage[j], JSON_DECODE_ANY, NULL));
		probe(root, ctx);
	}
	json_object_del(node, k);
	probe(root, ctx);
	json_object_set_new(node, k, v);
	mutate(root, v, probe, ctx, depth + 1);
}

/* Calls probe with root after replacing each value under node in turn by
 * every garbage value (and, in objects, after deleting each key). */
static void mutate(json_t *root, json_t *node, probe_fn probe, void *ctx, int depth)
{
	json_t *keys = json_array(), *v;
	const char *k;
	size_t i;

	if (depth > 6)
		return;
	json_object_foreach(node, k, v)
		json_array_append_new(keys, json_string(k));
	json_array_foreach(keys, i, v)
		mutate_key(root, node, json_string_value(v), probe, ctx, depth);
	json_decref(keys);
	for (i = 0; i < json_array_size(node) && i < 3; i++) {
		v = json_incref(json_array_get(node, i));
		for (size_t j = 0; j < NGARBAGE; j++) {
			json_array_set_new(node, i, json_loads(garbage[j], JSON_DECODE_ANY, NULL));
			probe(root, ctx);
		}
		json_array_set_new(node, i, v);
		mutate(root, v, probe, ctx, depth + 1);
	}
}

typedef struct {
	jg_api  api;
	json_t *v1req;
	json_t *report;
	long    accepted, refused;
} fuzz_ctx;

/* A body: refused with a message, or translated into what the v1 checker
 * takes; either way every view of it exists. */
static void probe_body(json_t *body, void *p)
{
	fuzz_ctx *c = p;
	json_t *v1 = NULL, *v;
	int rc = jg_compat_request(&v1, c->api, langs, body);

	if (rc != 0) {
		if (rc != JG_EINPUT || !*jg_error_last() || strchr(jg_error_last(), '\n'))
			fail_msg("%s: rc %d: %s", jg_api_name(c->api), rc, jg_error_last());
		c->refused++;
		return;
	}
	c->accepted++;
	if (c->api != JG_API_V1 && jg_service_check(&env, v1) != 0) {
		char *s = json_dumps(body, JSON_COMPACT);
		fail_msg("%s: %s: accepted, but v1 says: %s", jg_api_name(c->api), s, jg_error_last());
	}
	assert_non_null(v = jg_compat_view(c->api, "i", "done", v1, c->report, NULL));
	json_decref(v);
	json_decref(v1);
}

/* A report (or v1 request) of any shape: every state gives a view. */
static void probe_view(json_t *root, void *p)
{
	static const char *const states[] = { "queued", "running", "done", "error", "bogus", NULL };
	fuzz_ctx *c = p;

	for (size_t s = 0; s < sizeof(states) / sizeof(states[0]); s++) {
		json_t *v = jg_compat_view(c->api, NULL, states[s], c->v1req, c->report, s % 2 ? "e" : NULL);
		assert_non_null(v);
		json_decref(v);
	}
	(void)root;
}

static const char *const good_bodies[JG_API_COUNT] = {
	"{`language`: `python`, `code`: `print(1)`, `tests`: [{`input`: `1`, `expected_output`: `1`}]}",
	REQ_000,
	"{`language`: `go`, `code`: `package main`, `function_name`: `f`, `signature`: `int f(int a)`, `imports`: [`os`],"
	" `test_cases`: [{`input`: [1], `expected_output`: 1}, {`input`: [2], `expected_output`: `2`}],"
	" `callback_url`: `https://x/cb`, `time_limit`: 2, `memory_limit`: 64}",
	REQ_002_TESTS,
	"{`code`: `x`, `language`: `python`, `stdin`: `s`}",
	"{`language`: `c`, `code`: `x`, `stdin`: `s`, `time_limit`: 1}",
	"{`language`: `python`, `version`: `*`, `files`: [{`name`: `a.py`, `content`: `x`}, {`content`: `eA==`,"
	" `encoding`: `base64`}], `stdin`: `x`, `args`: [`1`], `compile_timeout`: 10000, `run_timeout`: 3000,"
	" `run_cpu_time`: 100, `compile_memory_limit`: -1, `run_memory_limit`: 100000000}",
};

static void test_fuzz_requests(void **state)
{
	for (int a = 0; a < JG_API_COUNT; a++) {
		fuzz_ctx c = { .api = (jg_api)a, .report = jx(FX_IO_WA) };
		json_t *body = jx(good_bodies[a]);

		probe_body(body, &c);
		assert_int_equal(c.accepted, 1);
		mutate(body, body, probe_body, &c, 0);
		assert_true(a == JG_API_V1 || c.refused > 10);
		for (size_t j = 0; j < NGARBAGE; j++) {
			json_t *g = json_loads(garbage[j], JSON_DECODE_ANY, NULL);
			probe_body(g, &c);
			json_decref(g);
		}
		json_decref(body);
		json_decref(c.report);
	}
}

static void test_fuzz_views(void **state)
{
	const char *reports[] = { FX_IO_WA, FX_C_CE, FX_EXEC_TLE };

	for (int a = 0; a < JG_API_COUNT; a++)
		for (size_t r = 0; r < sizeof(reports) / sizeof(reports[0]); r++) {
			json_t *body = jx(good_bodies[a]);
			fuzz_ctx c = { .api = (jg_api)a, .report = jx(reports[r]) };
			assert_int_equal(jg_compat_request(&c.v1req, c.api, langs, body), 0);
			probe_view(NULL, &c);
			mutate(c.report, c.report, probe_view, &c, 0);
			mutate(c.v1req, c.v1req, probe_view, &c, 0);
			json_decref(c.v1req);
			c.v1req = NULL;
			probe_view(NULL, &c);
			json_decref(c.report);
			json_decref(body);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_names),
		cmocka_unit_test(test_accepted_and_errors),
		cmocka_unit_test(test_v1),
		cmocka_unit_test(test_000_request),
		cmocka_unit_test(test_000_bad),
		cmocka_unit_test(test_000_view),
		cmocka_unit_test(test_001_request),
		cmocka_unit_test(test_001_bad),
		cmocka_unit_test(test_001_view),
		cmocka_unit_test(test_001_actual_output),
		cmocka_unit_test(test_002),
		cmocka_unit_test(test_003),
		cmocka_unit_test(test_004),
		cmocka_unit_test(test_piston_request),
		cmocka_unit_test(test_piston_bad),
		cmocka_unit_test(test_piston_view),
		cmocka_unit_test(test_piston_versions),
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_fuzz_requests),
		cmocka_unit_test(test_fuzz_views),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
