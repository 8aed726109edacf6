/* tests/unit/test_function.c - function-call problems: signatures, result
 * comparison, test conversion, and the C/C++ harnesses built and run with
 * the host's compilers (the container runs are tests/integration/function.sh). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adhoc.h"
#include "bundle.h"
#include "error.h"
#include "fncmp.h"
#include "fngen.h"
#include "fnsig.h"
#include "fntest.h"
#include "fs.h"
#include "lang.h"
#include "fixture_fs.h"

static char *tmpdir;

static int setup(void **state)
{
	return jg_fs_mkdtemp(&tmpdir, NULL, "test-function-");
}

static int teardown(void **state)
{
	jg_fs_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

/* Writes tmpdir/name; returns its path (caller frees). */
static char *put(const char *name, const char *text)
{
	jt_put(tmpdir, name, text);
	return jt_path(tmpdir, name);
}

static jg_fnsig *decl(const char *name, const char *text)
{
	jg_fnsig *s = NULL;
	if (jg_fnsig_parse_decl(&s, name, text, "--signature") < 0)
		fail_msg("%s: %s", text, jg_error_last());
	return s;
}

/* ---- types and signatures ---- */

static void test_types(void **state)
{
	static const char *const good[][2] = {
		{ "int", "int" }, { "long", "int" }, { "double", "double" }, { "float", "double" },
		{ "bool", "bool" }, { "boolean", "bool" }, { "string", "string" }, { "str", "string" },
		{ "int[]", "int[]" }, { "string[][]", "string[][]" },
	};
	static const char *const bad[] = { "", "integer", "int[][][]", "int[", "int[]x", "[]", "int []" };
	char buf[32];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		jg_type *t = jg_type_parse(good[i][0]);
		assert_non_null(t);
		assert_string_equal(jg_type_name(t, buf, sizeof(buf)), good[i][1]);
		jg_type_free(t);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_null(jg_type_parse(bad[i]));
}

static void test_decl(void **state)
{
	jg_fnsig *s = decl("median", "double median(int[] nums1, int [] nums2)");
	char buf[32];

	assert_int_equal(s->typed, 1);
	assert_int_equal(s->nparams, 2);
	assert_string_equal(s->params[1].name, "nums2");
	assert_string_equal(jg_type_name(s->params[1].type, buf, sizeof(buf)), "int[]");
	assert_string_equal(jg_type_name(s->returns, buf, sizeof(buf)), "double");
	jg_fnsig_free(s);

	s = decl("f", "string[][] (bool, int)");      /* no names at all */
	assert_string_equal(s->params[0].name, "arg1");
	assert_int_equal(s->params[1].type->kind, JG_T_INT);
	assert_int_equal(s->returns->kind, JG_T_ARRAY);
	jg_fnsig_free(s);

	s = decl("g", "int g()");
	assert_int_equal(s->nparams, 0);
	jg_fnsig_free(s);
}

static void test_decl_errors(void **state)
{
	static const char *const bad[][2] = {
		{ "double median(int[] a", "not a declaration" },
		{ "median(int[] a)", "unknown type 'median'" },
		{ "double other(int a)", "declares 'other', but the function is 'f'" },
		{ "int f(int a, int a)", "parameter 'a' appears twice" },
		{ "int f(matrix m)", "unknown type 'matrix'" },
		{ "int f(int 1a)", "'1a' is not an identifier" },
	};
	jg_fnsig *s = NULL;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(jg_fnsig_parse_decl(&s, "f", bad[i][0], "--signature"), JG_EINPUT);
		assert_null(s);
		if (!strstr(jg_error_last(), bad[i][1]))
			fail_msg("%s: got '%s'", bad[i][0], jg_error_last());
	}
	assert_int_equal(jg_fnsig_untyped(&s, "judge_x", "--function"), JG_EINPUT);
	assert_int_equal(jg_fnsig_untyped(&s, "has space", "--function"), JG_EINPUT);
}

static void test_yaml(void **state)
{
	jg_problem p;
	char **warnings = NULL;
	const char *ok = "function:\n  name: twoSum\n  params:\n    - {name: nums, type: \"int[]\"}\n"
			 "    - {name: target, type: int}\n  returns: \"int[]\"\n  unordered: true\n";

	assert_int_equal(jg_problem_parse_yaml(&p, ok, strlen(ok), "problem.yaml", &warnings), 0);
	assert_non_null(p.function);
	assert_string_equal(p.function->name, "twoSum");
	assert_int_equal(p.function->nparams, 2);
	assert_int_equal(p.function->unordered, 1);
	jg_problem_clear(&p);

	static const char *const bad[][2] = {
		{ "function: {name: f, params: [], returns: double, unordered: true}\n", "unordered needs an array" },
		{ "function: {name: f, params: [{name: a}], returns: int}\n", "params[0]: expected {name, type}" },
		{ "function: {name: f, params: [], returns: int, extra: 1}\n", "unknown key 'extra'" },
		{ "function: {name: f, returns: int}\n", "needs name, params and returns" },
		{ "function: [1, 2]\n", "expected a mapping" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(jg_problem_parse_yaml(&p, bad[i][0], strlen(bad[i][0]), "problem.yaml", &warnings),
				 JG_EINPUT);
		if (!strstr(jg_error_last(), bad[i][1]) || !strstr(jg_error_last(), "problem.yaml: function"))
			fail_msg("%s: got '%s'", bad[i][0], jg_error_last());
	}
	jg_strv_free(warnings);
}

static void test_check_args(void **state)
{
	jg_fnsig *s = decl("f", "int f(int[] a, double x, string[][] g)");
	char why[256];
	json_t *ok = json_loads("[[1,2], 3, [[\"a\"], []]]", 0, NULL);
	json_t *bad1 = json_loads("[[1,2.5], 3, []]", 0, NULL);
	json_t *bad2 = json_loads("[[1], 3]", 0, NULL);
	json_t *bad3 = json_loads("[[1], 3, [[\"a\", 2]]]", 0, NULL);

	assert_int_equal(jg_fnsig_check_args(s, ok, why, sizeof(why)), 0);
	assert_int_equal(jg_fnsig_check_args(s, bad1, why, sizeof(why)), -1);
	assert_string_equal(why, "argument 1 (a): element 2: expected int, got a fractional number");
	assert_int_equal(jg_fnsig_check_args(s, bad2, why, sizeof(why)), -1);
	assert_string_equal(why, "2 arguments, but f takes 3");
	assert_int_equal(jg_fnsig_check_args(s, bad3, why, sizeof(why)), -1);
	assert_string_equal(why, "argument 3 (g): element 1: element 2: expected string, got an integer");
	json_decref(ok);
	json_decref(bad1);
	json_decref(bad2);
	json_decref(bad3);
	jg_fnsig_free(s);
}

static void test_expected(void **state)
{
	jg_fnsig *d = decl("f", "double f()"), *t = decl("f", "string f()");
	json_t *str = json_string("2.5"), *v;
	char why[256];

	v = jg_fnsig_expected(d, str, why, sizeof(why));   /* a string holding JSON */
	assert_true(json_is_real(v) && json_real_value(v) == 2.5);
	json_decref(v);
	v = jg_fnsig_expected(t, str, why, sizeof(why));   /* a string is a string */
	assert_true(json_is_string(v));
	json_decref(v);
	json_decref(str);
	str = json_string("[1,2]");
	assert_null(jg_fnsig_expected(d, str, why, sizeof(why)));
	assert_string_equal(why, "expected_output: expected double, got an array");
	json_decref(str);
	jg_fnsig_free(d);
	jg_fnsig_free(t);
}

/* ---- comparison ---- */

static int cmp(const char *e, const char *g, int untyped, int unordered, char *msg)
{
	jg_fncmp_opts o = { JG_FNCMP_TOL, JG_FNCMP_TOL, unordered, untyped };
	json_t *je = json_loads(e, JSON_DECODE_ANY, NULL), *jgv = json_loads(g, JSON_DECODE_ANY, NULL);
	int r;
	char buf[512];

	assert_non_null(je);
	assert_non_null(jgv);
	r = jg_fncmp(je, jgv, &o, msg ? msg : buf, 512);
	json_decref(je);
	json_decref(jgv);
	return r;
}

static void test_compare(void **state)
{
	char msg[512];

	assert_int_equal(cmp("5", "5", 0, 0, NULL), 1);
	assert_int_equal(cmp("2", "2.0", 0, 0, NULL), 1);
	assert_int_equal(cmp("2.5", "2.5000001", 0, 0, NULL), 1);
	assert_int_equal(cmp("2.5", "2.501", 0, 0, msg), 0);
	assert_string_equal(msg, "expected 2.5, got 2.5009999999999999");
	assert_int_equal(cmp("1e12", "1000000000001", 0, 0, NULL), 1);   /* relative */
	/* 64-bit integers compare exactly, beyond double precision */
	assert_int_equal(cmp("9007199254740993", "9007199254740992", 0, 0, NULL), 0);
	assert_int_equal(cmp("true", "1", 0, 0, NULL), 0);
	assert_int_equal(cmp("null", "[]", 0, 0, NULL), 0);
	assert_int_equal(cmp("[[1,2],[3]]", "[[1,2],[4]]", 0, 0, msg), 0);
	assert_string_equal(msg, "expected [[1,2],[3]], got [[1,2],[4]] (at [1][0]: 3 vs 4)");
	assert_int_equal(cmp("[1,2,3]", "[1,2]", 0, 0, NULL), 0);
	assert_int_equal(cmp("{\"a\":1,\"b\":[2]}", "{\"b\":[2],\"a\":1}", 0, 0, NULL), 1);
	assert_int_equal(cmp("{\"a\":1}", "{\"b\":1}", 0, 0, NULL), 0);
}

static void test_compare_untyped(void **state)
{
	/* the seeds' strings holding JSON */
	assert_int_equal(cmp("\"5\"", "5", 1, 0, NULL), 1);
	assert_int_equal(cmp("\"2.5\"", "2.5", 1, 0, NULL), 1);
	assert_int_equal(cmp("\"2\"", "2.0", 1, 0, NULL), 1);
	assert_int_equal(cmp("\"[1, 2]\"", "[1,2]", 1, 0, NULL), 1);
	assert_int_equal(cmp("\"abc\"", "\"abc\"", 1, 0, NULL), 1);
	assert_int_equal(cmp("\"\\\"abc\\\"\"", "\"abc\"", 1, 0, NULL), 1);
	assert_int_equal(cmp("\"5\"", "6", 1, 0, NULL), 0);
	assert_int_equal(cmp("\"abc\"", "\"abd\"", 1, 0, NULL), 0);
	/* typed: a string is only a string */
	assert_int_equal(cmp("\"5\"", "5", 0, 0, NULL), 0);
}

static void test_compare_unordered(void **state)
{
	assert_int_equal(cmp("[3,1,2]", "[1,2,3]", 0, 1, NULL), 1);
	assert_int_equal(cmp("[3,1,2]", "[1,2,3]", 0, 0, NULL), 0);
	assert_int_equal(cmp("[1,1,2]", "[1,2,2]", 0, 1, NULL), 0);                 /* multisets */
	assert_int_equal(cmp("[[\"b\",\"a\"],[\"c\"]]", "[[\"c\"],[\"b\",\"a\"]]", 0, 1, NULL), 1);
	assert_int_equal(cmp("[[\"b\",\"a\"],[\"c\"]]", "[[\"c\"],[\"a\",\"b\"]]", 0, 1, NULL), 0); /* top level only */
	assert_int_equal(cmp("[0.1,0.30000001,0.2]", "[0.2,0.1,0.3]", 0, 1, NULL), 1);
}

/* ---- test conversion ---- */

static void test_fntest(void **state)
{
	jg_fnsig *s = decl("f", "double f(int[] a, int[] b)");
	char *json = put("t.json", "{\"input\": [[1, 3], [2]], \"expected_output\": \"2\"}");
	char *in = jg_path_join(tmpdir, "0.in"), *ans = jg_path_join(tmpdir, "0.ans"), *text;
	char *bad = put("bad.json", "{\"input\": [[1, \"x\"], [2]], \"expected_output\": 2}");
	char *nojson = put("no.json", "{\"input\": [1,");
	char *in2 = jg_path_join(tmpdir, "1.in"), *ans2 = jg_path_join(tmpdir, "1.ans");

	assert_int_equal(jg_fntest_convert(s, json, NULL, NULL, "data/t.json", "data/t.ans", in, ans), 0);
	assert_string_equal(text = jt_slurp(in, NULL), "[[1,3],[2]]\n");
	free(text);
	assert_string_equal(text = jt_slurp(ans, NULL), "2\n");
	free(text);
	assert_int_equal(jg_fntest_convert(s, bad, NULL, NULL, "data/bad.json", "-", in2, ans2), JG_EINPUT);
	assert_string_equal(jg_error_last(), "data/bad.json: argument 1 (a): element 2: expected int, got a string");
	assert_int_equal(jg_fntest_convert(s, nojson, NULL, NULL, "data/no.json", "-", in2, ans2), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "data/no.json: line 1: not JSON"));
	/* the .in/.ans form, the answer not fitting the return type */
	char *pin = put("p.in", "[[1], [2]]"), *pans = put("p.ans", "\"two\"");
	assert_int_equal(jg_fntest_convert(s, NULL, pin, pans, "data/p.in", "data/p.ans", in2, ans2), JG_EINPUT);
	assert_string_equal(jg_error_last(), "data/p.ans: expected_output: expected double, got a string");
	/* a test file over the cap is refused before it is read */
	char *huge = put("huge.json", "");
	assert_int_equal(truncate(huge, (off_t)JG_FNTEST_MAX + 1), 0);
	assert_int_equal(jg_fntest_convert(s, huge, NULL, NULL, "data/huge.json", "-", in2, ans2), JG_ELIMIT);
	assert_string_equal(jg_error_last(), "data/huge.json: larger than 64 MiB");
	free(huge);
	free(pin);
	free(pans);
	free(json);
	free(bad);
	free(nojson);
	free(in);
	free(ans);
	free(in2);
	free(ans2);
	jg_fnsig_free(s);
}

/* ---- a bundle: .json tests and .in/.ans pairs, rewritten ---- */

static void test_bundle(void **state)
{
	jg_bundle *b = NULL;
	char *text;

	if (jg_bundle_open(&b, "problems/median", NULL) < 0)
		fail_msg("%s", jg_error_last());
	assert_non_null(b->problem.function);
	assert_non_null(b->gen_dir);
	assert_int_equal(b->ntests, 8);
	assert_string_equal(b->tests[1].name, "sample/2");
	assert_string_equal(b->tests[7].name, "secret/06-odd");
	assert_string_equal(text = jt_slurp(b->tests[1].in_path, NULL), "[[1,2],[3,4]]\n");
	free(text);
	assert_string_equal(text = jt_slurp(b->tests[1].ans_path, NULL), "2.5\n");   /* was the string "2.5" */
	free(text);
	assert_string_equal(text = jt_slurp(b->tests[7].ans_path, NULL), "4.5\n");
	free(text);
	assert_true(b->tests[1].in_size == 14);
	char *gen = strdup(b->gen_dir);
	jg_bundle_free(b);
	assert_int_equal(access(gen, F_OK), -1);     /* removed with the bundle */
	free(gen);
}

/* ---- bundles of inline tests (judge run --function, judge serve) ---- */

static void test_adhoc(void **state)
{
	json_t *io = json_loads("[{\"input\": \"1 2\\n\", \"expected_output\": \"3\\n\"}]", 0, NULL);
	json_t *fn = json_loads("[{\"input\": [1, 2], \"expected_output\": \"3\"}, "
				"{\"input\": [2, 2], \"expected_output\": 4}]", 0, NULL);
	json_t *bad = json_loads("[{\"input\": [1], \"expected_output\": \"3\"}]", 0, NULL);
	jg_bundle *b = NULL;
	char *text, *gen;

	/* stdin/stdout tests: strings, written as they are */
	assert_int_equal(jg_adhoc_bundle(&b, io, NULL, "sum", 2.5, "request"), 0);
	assert_int_equal(b->ntests, 1);
	assert_string_equal(b->tests[0].name, "secret/001");
	assert_string_equal(b->problem.name, "sum");
	assert_true(b->problem.time_limit == 2.5);
	assert_null(b->problem.function);
	assert_string_equal(text = jt_slurp(b->tests[0].ans_path, NULL), "3\n");
	free(text);
	gen = strdup(b->gen_dir);
	jg_bundle_free(b);
	assert_int_equal(access(gen, F_OK), -1);
	free(gen);
	/* function tests: the bundle takes the signature */
	assert_int_equal(jg_adhoc_bundle(&b, fn, decl("add", "int add(int a, int b)"), "add", 0, "request"), 0);
	assert_int_equal(b->ntests, 2);
	assert_non_null(b->problem.function);
	assert_string_equal(text = jt_slurp(b->tests[0].ans_path, NULL), "3\n");
	free(text);
	jg_bundle_free(b);
	/* errors name the test; the signature is freed (valgrind/ASan check) */
	assert_int_equal(jg_adhoc_bundle(&b, bad, decl("add", "int add(int a, int b)"), "add", 0, "request"),
			 JG_EINPUT);
	assert_string_equal(jg_error_last(), "request: test 1: 1 arguments, but add takes 2");
	assert_int_equal(jg_adhoc_bundle(&b, fn, NULL, "x", 0, "request"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "request: test 1: expected {\"input\": \"stdin text\""));
	json_t *empty = json_array();
	assert_int_equal(jg_adhoc_bundle(&b, empty, NULL, "x", 0, "request"), JG_EINPUT);
	assert_null(b);
	json_decref(empty);
	json_decref(io);
	json_decref(fn);
	json_decref(bad);
}

/* ---- the C and C++ harnesses, built with the host's compilers ---- */

static int have(const char *tool)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Builds the harness of `harness` for sig and student file `src`, runs it on
 * `input`, returns what it wrote to fd 3 (and the exit status). */
static char *build_and_run(const char *harness, const char *sig_text, const char *src_name, const char *src,
			   const char *input, int *status)
{
	jg_lang l = { .name = (char *)harness, .fn_harness = (char *)harness };
	char *files[] = { (char *)src_name, NULL }, *cmd = NULL, *out, *srcpath = put(src_name, src);
	jg_fnsig *s = decl("kitchen", sig_text);
	jg_fngen *g = NULL;
	char *run[] = { "./main", NULL };

	l.fn_run = run;
	if (jg_fngen_build(&g, &l, s, tmpdir, files, NULL) < 0)
		fail_msg("%s", jg_error_last());
	free(put("input.json", input));
	assert_true(asprintf(&cmd, "cd %s && cp %s/* . && %s -O0 -o main %s %s >build.log 2>&1 && "
			     "./main < input.json 3> result.json >run.log 2>&1", tmpdir, g->dir,
			     !strcmp(harness, "c") ? "gcc -std=c17 -Wall -Werror -Wno-unused-function"
						   : "g++ -std=c++17", g->build[0], !strcmp(harness, "c") ? "-lm" : "") > 0);
	*status = system(cmd);
	out = jg_path_join(tmpdir, "result.json");
	char *text = NULL;
	size_t len;
	if (jg_fs_read_file(&text, &len, out, 1 << 20) < 0)
		text = strdup("");
	unlink(out);
	free(out);
	free(cmd);
	free(srcpath);
	jg_fngen_free(g);
	jg_fnsig_free(s);
	return text;
}

static const char kitchen_sig[] =
	"double[][] kitchen(int n, double x, bool flag, string s, int[] a, string[] words, "
	"bool[][] grid)";
static const char kitchen_input[] =
	"[-9000000000, 0.5, true, \"h\\u00e9\\\"llo\\n\", [1,2,3], [\"x\",\"\\ud83d\\ude00\"], "
	"[[true,false],[],[true]]]";
/* n, x, flag, strlen(s), sum(a), number of words, length of words[1], the
 * grid's size and its true cells */
static const char kitchen_want[] =
	"[[-9000000000,0.5,1],[8,6],[2,4],[3,2]]\n";

static void test_c_harness(void **state)
{
	static const char src[] =
		"#include <string.h>\n#include <stdlib.h>\n#include <stdio.h>\n"
		"double **kitchen(long long n, double x, bool flag, char *s, long long *a, int an,\n"
		"                 char **w, int wn, bool **g, int gn, int *gc, int *rn, int **rc)\n"
		"{\n"
		"\tdouble **r = malloc(4 * sizeof(*r));\n\tlong long sum = 0;\n\tint t = 0;\n"
		"\tprintf(\"student output\\n\");\n"
		"\tfor (int i = 0; i < an; i++) sum += a[i];\n"
		"\tfor (int i = 0; i < gn; i++) for (int j = 0; j < gc[i]; j++) t += g[i][j];\n"
		"\t*rc = malloc(4 * sizeof(int));\n"
		"\tr[0] = malloc(3 * sizeof(double)); r[0][0] = n; r[0][1] = x; r[0][2] = flag; (*rc)[0] = 3;\n"
		"\tr[1] = malloc(2 * sizeof(double)); r[1][0] = strlen(s); r[1][1] = sum; (*rc)[1] = 2;\n"
		"\tr[2] = malloc(2 * sizeof(double)); r[2][0] = wn; r[2][1] = strlen(w[1]); (*rc)[2] = 2;\n"
		"\tr[3] = malloc(2 * sizeof(double)); r[3][0] = gn; r[3][1] = t; (*rc)[3] = 2;\n"
		"\t*rn = 4;\n\treturn r;\n}\n";
	int status;
	char *got;

	if (!have("gcc"))
		skip();
	got = build_and_run("c", kitchen_sig, "sol.c", src, kitchen_input, &status);
	assert_int_equal(status, 0);
	assert_string_equal(got, kitchen_want);
	free(got);
	/* a wrong signature does not compile (the declaration conflicts) */
	got = build_and_run("c", "int kitchen(int a)", "sol.c", "int kitchen(int a) { return a; }\n", "[1]",
			    &status);
	assert_int_not_equal(status, 0);
	free(got);
	/* strings come back escaped */
	got = build_and_run("c", "string kitchen(string s)", "sol.c",
			    "char *kitchen(char *s) { s[0] = '\"'; return s; }\n", "[\"a\\u0001\\\\\"]", &status);
	assert_int_equal(status, 0);
	assert_string_equal(got, "\"\\\"\\u0001\\\\\"\n");
	free(got);
}

static void test_cpp_harness(void **state)
{
	static const char src[] =
		"class Solution {\npublic:\n"
		"  vector<vector<double>> kitchen(long long n, float x, bool flag, const string &s,\n"
		"                                 vector<int> &a, vector<string> w, vector<vector<bool>> g) {\n"
		"    long long sum = 0; int t = 0;\n    cout << \"student output\" << endl;\n"
		"    for (int v : a) sum += v;\n    for (auto &row : g) for (bool b : row) t += b;\n"
		"    return {{(double)n, x, (double)flag}, {(double)s.size(), (double)sum},\n"
		"            {(double)w.size(), (double)w[1].size()}, {(double)g.size(), (double)t}};\n"
		"  }\n};\n";
	int status;
	char *got;

	if (!have("g++"))
		skip();
	got = build_and_run("cpp", kitchen_sig, "sol.cpp", src, kitchen_input, &status);
	assert_int_equal(status, 0);
	assert_string_equal(got, kitchen_want);
	free(got);
	/* an int parameter given a value beyond its range: exit 1, nothing written */
	got = build_and_run("cpp", "int kitchen(int a)", "sol.cpp", "int kitchen(int a) { return a; }\n",
			    "[3000000000]", &status);
	assert_int_not_equal(status, 0);
	assert_string_equal(got, "");
	free(got);
	/* a parameter type that does not fit the signature does not compile */
	got = build_and_run("cpp", "int kitchen(int[] a)", "sol.cpp",
			    "int kitchen(vector<string> a) { return 0; }\n", "[[1]]", &status);
	assert_int_not_equal(status, 0);
	free(got);
}

static void test_generator_errors(void **state)
{
	jg_lang l = { .name = "c", .fn_harness = "c" }, none = { .name = "cobol" };
	char *run[] = { "./main", NULL }, *files[] = { "x.c", NULL };
	jg_fnsig *s = NULL;
	jg_fngen *g = NULL;

	l.fn_run = run;
	assert_int_equal(jg_fnsig_untyped(&s, "f", "--function"), 0);
	assert_int_equal(jg_fngen_build(&g, &l, s, tmpdir, files, NULL), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "needs the function's types"));
	assert_int_equal(jg_fngen_build(&g, &none, s, tmpdir, files, NULL), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "cannot run function-call problems"));
	assert_null(g);
	jg_fnsig_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_decl),
		cmocka_unit_test(test_decl_errors),
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_check_args),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_compare_untyped),
		cmocka_unit_test(test_compare_unordered),
		cmocka_unit_test(test_fntest),
		cmocka_unit_test(test_bundle),
		cmocka_unit_test(test_adhoc),
		cmocka_unit_test(test_c_harness),
		cmocka_unit_test(test_cpp_harness),
		cmocka_unit_test(test_generator_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
