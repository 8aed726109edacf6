/* tests/unit/test_report_json.c - the JSON report, re-parsed with jansson. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "report.h"
#include "report_util.h"
#include "report_fixture.h"

struct state {
	jg_report *report;
	char *text;          /* the report as written */
	json_t *root;        /* and re-parsed */
};

static char *write_to_string(const jg_report *r)
{
	FILE *f = tmpfile();
	long size;
	char *text;

	assert_non_null(f);
	assert_int_equal(jg_report_write_json(r, f), 0);
	size = ftell(f);
	assert_true(size > 0);
	rewind(f);
	text = malloc((size_t)size + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
	text[size] = '\0';
	fclose(f);
	return text;
}

static int setup(void **state)
{
	static struct state st;
	json_error_t err;

	st.report = fx_report();
	st.text = write_to_string(st.report);
	st.root = json_loads(st.text, 0, &err);
	if (!st.root)
		fail_msg("report does not parse: %s (line %d)", err.text, err.line);
	*state = &st;
	return 0;
}

static int teardown(void **state)
{
	struct state *st = *state;
	json_decref(st->root);
	free(st->text);
	jg_report_free(st->report);
	return 0;
}

static json_t *sub(void **state, size_t i)
{
	struct state *st = *state;
	json_t *s = json_array_get(json_object_get(st->root, "submissions"), i);
	assert_non_null(s);
	return s;
}

static json_t *test(void **state, size_t si, size_t ti)
{
	json_t *t = json_array_get(json_object_get(sub(state, si), "tests"), ti);
	assert_non_null(t);
	return t;
}

static void want_str(json_t *o, const char *key, const char *want)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_string(v))
		fail_msg("'%s' is not a string", key);
	assert_string_equal(json_string_value(v), want);
}

static void want_null(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_null(v))
		fail_msg("'%s' is missing or not null", key);
}

static void want_int(json_t *o, const char *key, json_int_t want)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_integer(v))
		fail_msg("'%s' is not an integer", key);
	assert_int_equal(json_integer_value(v), want);
}

static void want_real(json_t *o, const char *key, double want)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_number(v))
		fail_msg("'%s' is not a number", key);
	if (json_number_value(v) != want)
		fail_msg("'%s' is %.17g, want %.17g", key, json_number_value(v), want);
}

/* The object's keys, in order, are exactly `keys` (NULL-terminated). */
static void assert_keys(json_t *o, const char *const *keys)
{
	void *it = json_object_iter(o);
	size_t i = 0;

	for (; it; it = json_object_iter_next(o, it), i++) {
		assert_non_null(keys[i]);
		assert_string_equal(json_object_iter_key(it), keys[i]);
	}
	if (keys[i])
		fail_msg("key '%s' is missing", keys[i]);
}

static void test_top_level(void **state)
{
	struct state *st = *state;
	static const char *const top[] = { "version", "incomplete", "problem", "submissions", NULL };
	static const char *const prob[] = { "name", "time_limit", "memory_limit", NULL };
	json_t *p = json_object_get(st->root, "problem");

	assert_keys(st->root, top);
	assert_keys(p, prob);
	want_int(st->root, "version", JG_REPORT_SCHEMA_VERSION);
	assert_int_equal(JG_REPORT_SCHEMA_VERSION, 1);
	assert_true(json_is_false(json_object_get(st->root, "incomplete")));
	want_str(p, "name", "sum \"pairs\" & <more>");
	want_real(p, "time_limit", 2.5);
	want_int(p, "memory_limit", (json_int_t)256 << 20);
	assert_int_equal(json_array_size(json_object_get(st->root, "submissions")), FX_NSUBS);
	/* Two-space indentation, non-ASCII written raw, trailing newline. */
	assert_non_null(strstr(st->text, "{\n  \"version\": 1,\n  \"incomplete\": false,\n  \"problem\": {\n    \"name\""));
	assert_non_null(strstr(st->text, "caf\xc3\xa9"));
	assert_int_equal(st->text[strlen(st->text) - 1], '\n');
}

static void test_key_order(void **state)
{
	static const char *const s_keys[] = { "path", "language", "verdict", "expected",
		"expected_any", "compile", "time_max", "memory_max", "message", "second_pass",
		"score", "max_score", "tests", NULL };
	static const char *const c_keys[] = { "status", "output", "output_truncated", NULL };
	static const char *const t_keys[] = { "name", "verdict", "time", "wall", "memory",
		"exit_code", "signal", "limit", "message", "stdout", "stdout_truncated",
		"stderr", "stderr_truncated", "score", NULL };

	for (size_t i = 0; i < FX_NSUBS; i++) {
		json_t *s = sub(state, i), *tests = json_object_get(s, "tests");
		assert_keys(s, s_keys);
		assert_keys(json_object_get(s, "compile"), c_keys);
		for (size_t j = 0; j < json_array_size(tests); j++)
			assert_keys(json_array_get(tests, j), t_keys);
	}
}

static void test_accepted(void **state)
{
	json_t *s = sub(state, 0), *c = json_object_get(s, "compile"), *t = test(state, 0, 0);

	want_str(s, "path", "accepted/sol.cpp");
	want_str(s, "language", "cpp");
	want_str(s, "verdict", "AC");
	want_str(s, "expected", "AC");
	want_null(s, "expected_any");
	want_null(s, "second_pass");
	want_null(s, "score");
	want_null(t, "score");
	want_str(c, "status", "ok");
	want_null(c, "output");
	want_int(c, "output_truncated", 0);
	want_real(s, "time_max", 0.25);
	want_int(s, "memory_max", 5 << 20);
	want_null(s, "message");
	assert_int_equal(json_array_size(json_object_get(s, "tests")), 2);
	want_str(t, "name", "sample/1");
	want_str(t, "verdict", "AC");
	want_real(t, "time", 0.015);
	want_int(t, "exit_code", 0);
	want_null(t, "signal");
	want_null(t, "limit");
	want_null(t, "message");
	want_null(t, "stdout");
	want_null(t, "stderr");
	want_int(t, "stdout_truncated", 0);
}

static void test_every_verdict(void **state)
{
	static const char *const want[] = { "AC", "WA", "TLE", "MLE", "RTE", "OLE", "SKIPPED" };
	json_t *s = sub(state, 1);

	want_str(s, "path", FX_PATH1_JSON);
	want_str(s, "verdict", "WA");
	want_str(s, "expected", "TLE");
	assert_int_equal(json_array_size(json_object_get(s, "expected_any")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(s, "expected_any"), 0)), "WA");
	assert_string_equal(json_string_value(json_array_get(json_object_get(s, "expected_any"), 1)), "TLE");
	want_str(json_object_get(s, "second_pass"), "verdict", "TLE");
	want_real(json_object_get(s, "second_pass"), "time_max", 3.5);
	want_real(s, "score", 30);
	want_real(s, "max_score", 100);
	want_real(test(state, 1, 0), "score", 12.5);
	want_null(test(state, 1, 1), "score");
	want_str(json_object_get(s, "compile"), "status", "none");
	want_real(s, "time_max", 2.0);
	want_int(s, "memory_max", (json_int_t)300 << 20);
	for (size_t i = 0; i < 7; i++)
		want_str(test(state, 1, i), "verdict", want[i]);
	want_str(test(state, 1, 1), "message", FX_HOSTILE_JSON);
	want_str(test(state, 1, 1), "stderr", FX_HOSTILE_JSON);
	want_str(test(state, 1, 1), "stdout", "4\n");
}

static void test_numbers_and_nulls(void **state)
{
	struct state *st = *state;
	json_t *wa = test(state, 1, 1), *tle = test(state, 1, 2), *mle = test(state, 1, 3);
	json_t *rte = test(state, 1, 4), *ole = test(state, 1, 5), *sk = test(state, 1, 6);

	want_real(wa, "time", 0.123);          /* rounded to ms */
	want_real(wa, "wall", 0.185);
	assert_non_null(strstr(st->text, "\"time\": 0.123,"));
	assert_null(strstr(st->text, "0.12299999"));
	want_int(wa, "memory", 2 << 20);
	want_real(tle, "time", 2.0);
	want_real(tle, "wall", 3.001);
	want_null(tle, "exit_code");
	want_int(tle, "signal", 9);
	want_str(tle, "limit", "cpu");
	want_str(mle, "limit", "memory");
	want_int(mle, "memory", (json_int_t)300 << 20);
	want_int(rte, "exit_code", 1);
	want_null(rte, "signal");
	want_null(rte, "limit");
	assert_int_equal(strlen(json_string_value(json_object_get(rte, "message"))),
			 FX_LONG_MESSAGE_LEN);
	want_str(ole, "limit", "output");
	want_int(ole, "stdout_truncated", FX_BIG_TRUNCATED);
	want_null(ole, "stderr");
	want_null(sk, "exit_code");
	want_real(sk, "time", 0);
}

static void test_big_output_sanitised(void **state)
{
	const char *out = json_string_value(json_object_get(test(state, 1, 5), "stdout"));

	assert_non_null(out);
	/* One invalid byte became three bytes of U+FFFD; \x02 is kept (escaped). */
	assert_int_equal(strlen(out), FX_BIG + 2);
	assert_memory_equal(out + 100, "\xef\xbf\xbd", 3);
	assert_int_equal(out[202], '\x02');
}

static void test_compile_error_and_judge_error(void **state)
{
	json_t *ce = sub(state, 2), *c = json_object_get(ce, "compile");
	json_t *je = sub(state, 3), *je2 = sub(state, 4);

	want_str(ce, "verdict", "CE");
	want_null(ce, "expected");
	want_str(c, "status", "failed");
	want_str(c, "output", FX_CE_OUTPUT);
	want_int(c, "output_truncated", 10);
	want_str(test(state, 2, 0), "verdict", "SKIPPED");
	want_str(je, "verdict", "JE");
	want_null(je, "language");
	want_str(je, "message", "validator crashed \xef\xbf\xbd(");
	want_str(test(state, 3, 0), "verdict", "JE");
	want_str(test(state, 3, 0), "message", "output validator exited with code 3");
	want_str(je2, "message", "container died\nunexpectedly");
	assert_int_equal(json_array_size(json_object_get(je2, "tests")), 0);
}

static void test_empty_report(void **state)
{
	jg_report r = { 0 };
	char *text = write_to_string(&r);
	json_t *root = json_loads(text, 0, NULL);

	assert_non_null(root);
	want_str(json_object_get(root, "problem"), "name", "");
	assert_true(json_is_array(json_object_get(root, "submissions")));
	assert_int_equal(json_array_size(json_object_get(root, "submissions")), 0);
	json_decref(root);
	free(text);
}

static void test_save_atomic(void **state)
{
	struct state *st = *state;
	char dir[] = "/tmp/jg-report-json-XXXXXX", path[64], bad[96];
	json_t *root;
	DIR *d;
	struct dirent *e;
	int files = 0;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/report.json", dir);
	assert_int_equal(jg_report_save_json(st->report, path), 0);
	assert_int_equal(jg_report_save_json(st->report, path), 0);   /* replaces */
	root = json_load_file(path, 0, NULL);
	assert_non_null(root);
	assert_true(json_equal(root, st->root));
	json_decref(root);
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)))
		files += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(files, 1);                                    /* no temp left */
	snprintf(bad, sizeof(bad), "%s/missing/report.json", dir);
	assert_int_equal(jg_report_save_json(st->report, bad), JG_EIO);
	assert_non_null(strstr(jg_error_last(), "missing/report.json"));
	assert_int_equal(jg_report_save_json(st->report, ""), JG_EINPUT);
	unlink(path);
	rmdir(dir);
}

static void test_write_error(void **state)
{
	struct state *st = *state;
	FILE *f = fopen("/dev/full", "w");

	if (!f)
		skip();
	assert_int_equal(jg_report_write_json(st->report, f), JG_EIO);
	fclose(f);
}

static void test_utf8_sanitize(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" },
		{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e" },
		{ "\xff", "\xef\xbf\xbd" },
		{ "a\xc0\xaf" "b", "a\xef\xbf\xbd\xef\xbf\xbd" "b" },          /* overlong */
		{ "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },    /* surrogate */
		{ "\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xe2\x82", "\xef\xbf\xbd\xef\xbf\xbd" },                   /* truncated */
		{ "\x80x", "\xef\xbf\xbdx" },                                 /* stray */
		{ "\xef\xbf\xbf", "\xef\xbf\xbf" },                           /* valid U+FFFF */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = jg_utf8_sanitize(cases[i].in, strlen(cases[i].in));
		assert_non_null(s);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
	{
		/* NUL bytes (a program's binary output) would end the C string:
		 * they become U+FFFD and what follows them is kept. */
		char *s = jg_utf8_sanitize("a\0b\0", 4);
		assert_non_null(s);
		assert_string_equal(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
		free(s);
	}
	assert_int_equal(jg_utf8_cut("a\xc3\xa9", 3, 2), 1);
	assert_int_equal(jg_utf8_cut("a\xc3\xa9", 3, 3), 3);
	assert_int_equal(jg_utf8_cut("ab", 2, 1), 1);
	assert_int_equal(jg_report_ms(0.0005), 1);
	assert_int_equal(jg_report_ms(-1), 0);
	assert_int_equal(jg_report_ms(NAN), 0);
}

/* A report parsed back from its JSON (judge serve's JUnit route) writes
 * the same JSON again, and the same JUnit. */
static void test_parse_round_trip(void **state)
{
	struct state *st = *state;
	jg_report *back = NULL;
	char *again;

	assert_int_equal(jg_report_parse(&back, st->root), 0);
	assert_int_equal(back->nsubs, st->report->nsubs);
	again = write_to_string(back);
	assert_string_equal(again, st->text);
	free(again);
	jg_report_free(back);
	/* junk parses to an empty report, never a crash */
	json_t *junk = json_pack("{s:i, s:[i]}", "problem", 3, "submissions", 4);
	assert_int_equal(jg_report_parse(&back, junk), 0);
	assert_int_equal(back->nsubs, 1);
	jg_report_free(back);
	json_decref(junk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_parse_round_trip),
		cmocka_unit_test(test_key_order),
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_every_verdict),
		cmocka_unit_test(test_numbers_and_nulls),
		cmocka_unit_test(test_big_output_sanitised),
		cmocka_unit_test(test_compile_error_and_judge_error),
		cmocka_unit_test(test_empty_report),
		cmocka_unit_test(test_save_atomic),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_utf8_sanitize),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
