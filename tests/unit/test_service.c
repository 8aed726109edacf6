/* tests/unit/test_service.c - judge serve's requests: what is checked when
 * one arrives (the judging itself runs in the Docker suite). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fs.h"
#include "lang.h"
#include "service.h"

static jg_langs *langs;
static jg_service_env env;
static char *tmpdir;

static int setup(void **state)
{
	if (jg_fs_mkdtemp(&tmpdir, NULL, "test-service-") < 0)
		return -1;
	env.problems_dir = tmpdir;
	if (jg_langs_load(&langs, jg_langs_default_path()) < 0)
		return -1;
	env.langs = langs;
	return 0;
}

static int teardown(void **state)
{
	jg_langs_free(langs);
	jg_fs_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

static int check(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);
	int rc;

	if (!j)
		fail_msg("bad test JSON: %s: %s", text, err.text);
	rc = jg_service_check(&env, j);
	json_decref(j);
	return rc;
}

#define TESTS "\"tests\": [{\"input\": \"1 2\\n\", \"expected_output\": \"3\\n\"}]"
#define FTESTS "\"tests\": [{\"input\": [1, 2], \"expected_output\": 3}]"

static void test_good(void **state)
{
	assert_int_equal(check("{\"language\": \"py\", \"code\": \"print(3)\", " TESTS "}"), 0);
	/* "print(3)" in base64 */
	assert_int_equal(check("{\"language\": \"python\", \"code_base64\": \"cHJpbnQoMyk=\", " TESTS "}"), 0);
	assert_int_equal(check("{\"language\": \"c\", \"files\": [{\"name\": \"a.c\", \"content\": \"\"},"
			       " {\"name\": \"a.h\", \"content\": \"\"}], " TESTS ", \"time_limit\": 2.5,"
			       " \"memory_limit\": 64}"), 0);
	assert_int_equal(check("{\"language\": \"js\", \"code\": \"function add(a, b) { return a + b; }\", "
			       "\"function\": {\"name\": \"add\"}, " FTESTS "}"), 0);
	assert_int_equal(check("{\"language\": \"go\", \"code\": \"\", \"function\": {\"name\": \"f\", "
			       "\"signature\": \"int[] f(int a, int b)\", \"unordered\": true}, " FTESTS "}"), 0);
	/* execute mode: no expected_output anywhere */
	assert_int_equal(check("{\"language\": \"py\", \"code\": \"x\", \"tests\": [{\"input\": \"\"}, "
			       "{\"input\": \"2\"}], \"callback_url\": \"http://127.0.0.1:9/cb\", \"all_tests\": false}"), 0);
}

static void expect_bad(const char *text, const char *msg)
{
	assert_int_equal(check(text), JG_EINPUT);
	if (!strstr(jg_error_last(), msg))
		fail_msg("%s\n  got: %s\n  want: %s", text, jg_error_last(), msg);
}

static void test_bad(void **state)
{
	expect_bad("[1]", "the request must be a JSON object");
	expect_bad("{\"code\": \"x\", " TESTS "}", "language: required");
	expect_bad("{\"language\": \"cobol\", \"code\": \"x\", " TESTS "}", "language: unknown language 'cobol'");
	expect_bad("{\"language\": \"c\", " TESTS "}", "code: give exactly one of code, code_base64 and files");
	expect_bad("{\"language\": \"c\", \"code\": \"x\", \"code_base64\": \"eA==\", " TESTS "}", "exactly one");
	expect_bad("{\"language\": \"c\", \"code\": 5, " TESTS "}", "code: expected a string");
	expect_bad("{\"language\": \"c\", \"code_base64\": \"not base64!\", " TESTS "}", "code_base64: not base64");
	expect_bad("{\"language\": \"c\", \"files\": [{\"name\": \"../x.c\", \"content\": \"\"}], " TESTS "}",
		   "files: each needs a plain file name");
	expect_bad("{\"language\": \"c\", \"files\": [], " TESTS "}", "files: expected 1 to 64");
	expect_bad("{\"language\": \"c\", \"code\": \"x\"}", "tests: expected 1 to 1000");
	expect_bad("{\"language\": \"c\", \"code\": \"x\", \"tests\": []}", "tests: expected 1 to 1000");
	expect_bad("{\"language\": \"c\", \"code\": \"x\", " TESTS ", \"time_limit\": 0}", "time_limit: expected");
	expect_bad("{\"language\": \"c\", \"code\": \"x\", " TESTS ", \"time_limit\": 61}", "time_limit: expected");
	expect_bad("{\"language\": \"c\", \"code\": \"x\", " TESTS ", \"memory_limit\": 2.5}", "memory_limit: expected");
	expect_bad("{\"language\": \"c\", \"code\": \"x\", \"function\": {\"name\": \"f\"}, " FTESTS "}",
		   "function.signature: required for c");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"function\": {\"name\": \"f\", \"signature\": "
		   "\"int f(int a)\", \"unordered\": true}, " FTESTS "}", "function.unordered: needs an array");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"function\": {\"signature\": \"int f()\"}, " FTESTS "}",
		   "function: expected {\"name\"");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"function\": {\"name\": \"a b\"}, " FTESTS "}",
		   "function.name: function name 'a b' is not an identifier");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", " FTESTS "}", "tests[0]: expected {\"input\": \"stdin\"");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"tests\": [{\"input\": \"1\"}, {\"input\": \"2\", "
		   "\"expected_output\": \"2\"}]}", "tests: give expected_output in every test, or");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"problem\": \"0123456789abcdef\"}",
		   "problem: no such problem '0123456789abcdef'");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"problem\": \"../../etc\"}", "problem: no such problem");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"problem\": 5}", "problem: expected the id");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", \"problem\": \"0123456789abcdef\", " TESTS "}",
		   "problem: give either problem or tests");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", " TESTS ", \"callback_url\": \"file:///etc/passwd\"}",
		   "callback_url: expected an http:// or https:// URL");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", " TESTS ", \"callback_url\": 7}", "callback_url: expected");
	expect_bad("{\"language\": \"py\", \"code\": \"x\", " TESTS ", \"all_tests\": \"yes\"}",
		   "all_tests: expected true or false");
}

/* A source over 1 MiB is refused, whatever the field. */
static void test_caps(void **state)
{
	size_t n = (1u << 20) / 3 * 4 + 8;   /* base64 of more than 1 MiB */
	char *big = malloc(n + 1);
	json_t *req;

	memset(big, 'a', n);
	big[n] = '\0';
	req = json_pack("{s:s, s:s, s:[{s:s, s:s}]}", "language", "c", "code_base64", big, "tests", "input", "",
			"expected_output", "");
	assert_int_equal(jg_service_check(&env, req), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "code_base64: larger than 1 MiB"));
	json_decref(req);
	req = json_pack("{s:s, s:[{s:s, s:s}], s:[{s:s, s:s}]}", "language", "c", "files", "name", "a.c",
			"content", big, "tests", "input", "", "expected_output", "");
	assert_int_equal(jg_service_check(&env, req), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "files: larger than 1 MiB in all"));
	json_decref(req);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_caps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
