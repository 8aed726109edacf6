/* tests/unit/test_grade.c - assignment.yaml (points, groups, hidden tests,
 * rules), scoring, and the escaping of the grade outputs (CSV, GitHub
 * workflow commands), the content hash and the shard function.
 *
 * Bundles are built at runtime in "<tmp>/jg-grade-XXXXXX/p".
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assignment.h"
#include "bundle.h"
#include "error.h"
#include "fs.h"
#include "grade.h"
#include "grade_out.h"
#include "hash.h"
#include "fixture_fs.h"

struct box {
	char          *root, *dir;
	jg_bundle     *b;
	jg_assignment *a;
};

/* sample/1, sample/2, secret/a, secret/big/1, secret/big/2, secret/z */
static int box_setup(void **state)
{
	static const char *const tests[] = { "sample/1", "sample/2", "secret/a", "secret/big/1",
					     "secret/big/2", "secret/z" };
	struct box *x = calloc(1, sizeof(*x));
	char buf[64];

	assert_non_null(x);
	assert_int_equal(jg_fs_mkdtemp(&x->root, NULL, "jg-grade-"), 0);
	assert_non_null(x->dir = jg_path_join(x->root, "p"));
	assert_int_equal(mkdir(x->dir, 0755), 0);
	jt_put(x->dir, "problem.yaml", "name: t\n");
	for (size_t i = 0; i < sizeof(tests) / sizeof(*tests); i++) {
		snprintf(buf, sizeof(buf), "data/%s.in", tests[i]);
		jt_put(x->dir, buf, "1\n");
		snprintf(buf, sizeof(buf), "data/%s.ans", tests[i]);
		jt_put(x->dir, buf, "1\n");
	}
	*state = x;
	return 0;
}

static int box_teardown(void **state)
{
	struct box *x = *state;
	jg_assignment_free(x->a);
	jg_bundle_free(x->b);
	jg_fs_rmtree(x->root);
	free(x->root);
	free(x->dir);
	free(x);
	return 0;
}

/* (Re)opens the bundle with this assignment.yaml (NULL: none). */
static int load(struct box *x, const char *yaml)
{
	jg_assignment_free(x->a);
	jg_bundle_free(x->b);
	x->a = NULL;
	x->b = NULL;
	if (yaml)
		jt_put(x->dir, "assignment.yaml", yaml);
	assert_int_equal(jg_bundle_open(&x->b, x->dir, NULL), 0);
	return jg_assignment_load(&x->a, x->b);
}

/* A result where tests with a 1 in `ac` are AC and the others WA. */
static void result(jg_submission_result *s, const char *ac)
{
	memset(s, 0, sizeof(*s));
	s->ntests = strlen(ac);
	assert_non_null(s->tests = calloc(s->ntests, sizeof(*s->tests)));
	for (size_t i = 0; i < s->ntests; i++)
		s->tests[i].verdict = ac[i] == '1' ? JG_AC : JG_WA;
}

static void test_defaults(void **state)
{
	struct box *x = *state;
	jg_submission_result s;

	assert_int_equal(load(x, NULL), 0);
	assert_null(x->a->file);
	assert_int_equal(x->a->nitems, 6);
	assert_true(x->a->max == 6);
	/* samples visible, secret hidden */
	assert_int_equal(x->a->hidden[0], 0);
	assert_int_equal(x->a->hidden[1], 0);
	for (size_t i = 2; i < 6; i++)
		assert_int_equal(x->a->hidden[i], 1);
	result(&s, "110101");
	assert_true(jg_assignment_score(x->a, &s) == 4);
	jg_submission_result_clear(&s);
}

static void test_points_and_groups(void **state)
{
	struct box *x = *state;
	jg_submission_result s;

	assert_int_equal(load(x, "points:\n  default: 2\n  tests: {secret/z: 5}\n"
			      "  groups: {secret/big: 10}\nhidden: [secret/z]\n"), 0);
	/* sample/1 sample/2 secret/a [secret/big] secret/z, in test order */
	assert_int_equal(x->a->nitems, 5);
	assert_string_equal(x->a->items[3].name, "secret/big");
	assert_int_equal(x->a->items[3].count, 2);
	assert_true(x->a->items[3].points == 10);
	assert_true(x->a->items[4].points == 5);
	assert_true(x->a->max == 2 + 2 + 2 + 10 + 5);
	assert_int_equal(x->a->hidden[5], 1);
	assert_int_equal(x->a->hidden[2], 0);
	/* a group is all or nothing */
	result(&s, "111101");
	assert_int_equal(jg_assignment_item_passed(x->a, 3, &s), 0);
	assert_true(jg_assignment_score(x->a, &s) == 2 + 2 + 2 + 5);
	jg_submission_result_clear(&s);
	result(&s, "001110");
	assert_true(jg_assignment_score(x->a, &s) == 2 + 10);
	jg_submission_result_clear(&s);
}

static void test_bad_yaml(void **state)
{
	struct box *x = *state;

	assert_int_equal(load(x, "points:\n  tests: {secret/nope: 1}\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "assignment.yaml:2"));
	assert_non_null(strstr(jg_error_last(), "secret/nope"));
	assert_int_equal(load(x, "points: {groups: {secret/none: 3}}\n"), JG_EINPUT);
	assert_int_equal(load(x, "points: -1\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "points"));
	assert_int_equal(load(x, "forbidden:\n  - pattern: 'a[b'\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "forbidden.pattern"));
	assert_int_equal(load(x, "colour: red\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "unknown key 'colour'"));
	assert_int_equal(load(x, "a: &x 1\nb: *x\n"), JG_EINPUT);
	assert_int_equal(load(x, "languages: []\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "languages: an empty list"));
	assert_int_equal(load(x, "points: [\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "assignment.yaml"));
}

static void test_rules(void **state)
{
	struct box *x = *state;
	char *why = NULL, *src = jg_path_join(x->root, "main.cpp"), *ok = jg_path_join(x->root, "ok.c");
	const char *names[] = { "main.cpp" }, *paths[] = { src }, *onames[] = { "ok.c" }, *opaths[] = { ok };

	jt_put(x->root, "main.cpp", "#include <vector>\n#include   <algorithm>\nint main() {}\n");
	jt_put(x->root, "ok.c", "#include <algorithm>\n");   /* files: *.cpp only */
	assert_int_equal(load(x, "languages: [c, cpp]\nrequired_files: [main.cpp]\nforbidden:\n"
			      "  - pattern: '#include\\s*<algorithm>'\n    message: no algorithm\n"
			      "    files: '*.cpp'\n"), 0);
	assert_int_equal(jg_assignment_check(&why, x->a, "python", names, paths, 1), 0);
	assert_non_null(why);
	assert_non_null(strstr(why, "python is not allowed"));
	free(why);
	assert_int_equal(jg_assignment_check(&why, x->a, "c", onames, opaths, 1), 0);
	assert_string_equal(why, "required file main.cpp is missing");
	free(why);
	assert_int_equal(jg_assignment_check(&why, x->a, "cpp", names, paths, 1), 0);
	assert_string_equal(why, "main.cpp: no algorithm");
	free(why);
	jt_put(x->root, "main.cpp", "#include <vector>\nint main() {}\n");
	assert_int_equal(jg_assignment_check(&why, x->a, "cpp", names, paths, 1), 0);
	assert_null(why);
	free(src);
	free(ok);
}

static void test_escaping(void **state)
{
	char *s;
	(void)state;

	s = jg_github_escape("50%\r\n::set-output a,b:c", 0);
	assert_string_equal(s, "50%25%0D%0A::set-output a,b:c");
	free(s);
	s = jg_github_escape("a,b:c%", 1);
	assert_string_equal(s, "a%2Cb%3Ac%25");
	free(s);
	s = jg_csv_field("Doe, \"JD\"", 1);
	assert_string_equal(s, "\"Doe, \"\"JD\"\"\"");
	free(s);
	s = jg_csv_field("=HYPERLINK(\"x\")", 1);
	assert_string_equal(s, "\"'=HYPERLINK(\"\"x\"\")\"");
	free(s);
	s = jg_csv_field("-1", 0);       /* numbers stay numbers */
	assert_string_equal(s, "-1");
	free(s);
	s = jg_csv_field("line\nbreak", 1);
	assert_string_equal(s, "\"line\nbreak\"");
	free(s);
}

static void test_hash_and_shards(void **state)
{
	struct box *x = *state;
	uint64_t a = JG_HASH_INIT, b = JG_HASH_INIT, c = JG_HASH_INIT;
	unsigned count[3] = { 0 };
	char id[16], hex[17];

	assert_int_equal(jg_hash_tree(&a, x->dir), 0);
	assert_int_equal(jg_hash_tree(&b, x->dir), 0);
	assert_true(a == b);
	jt_put(x->dir, "data/secret/a.ans", "2\n");
	assert_int_equal(jg_hash_tree(&c, x->dir), 0);
	assert_true(a != c);
	assert_true(jg_hash_str(JG_HASH_INIT, "") == UINT64_C(0xaf63bd4c8601b7df));  /* FNV-1a of "\0" */
	jg_hash_hex(hex, UINT64_C(0xab));
	assert_string_equal(hex, "00000000000000ab");
	for (int i = 0; i < 300; i++) {
		snprintf(id, sizeof(id), "s%d", i);
		unsigned k = jg_grade_shard_of(id, 3);
		assert_true(k < 3);
		assert_int_equal(k, jg_grade_shard_of(id, 3));
		count[k]++;
	}
	for (int k = 0; k < 3; k++)
		assert_true(count[k] > 60);     /* roughly even */
}


/* ---- outputs from a results.jsonl written here ---- */

static const char *rec_fmt =
	"{\"student\":{\"id\":\"%s\",\"name\":\"%s\"},\"late\":%s,\"hash\":\"01\","
	"\"problem\":{\"name\":\"P\",\"time_limit\":1,\"memory_limit\":1},\"max\":2,\"reason\":null,"
	"\"items\":[{\"name\":\"sample/1\",\"points\":%d,\"max\":1,\"passed\":%s},"
	"{\"name\":\"secret/1\",\"points\":0,\"max\":1,\"passed\":false}],"
	"\"path\":\"x\",\"language\":\"c\",\"verdict\":\"%s\",\"compile\":{\"status\":\"ok\"},"
	"\"time_max\":0.1,\"memory_max\":1,\"message\":null,\"score\":%d,\"max_score\":2,\"tests\":["
	"{\"name\":\"sample/1\",\"verdict\":\"%s\",\"time\":0.1,\"wall\":0.2,\"memory\":1,"
	"\"message\":\"expected 3, got 4\",\"stdout\":\"4\\n\",\"hidden\":false,\"expected_output\":\"3\\n\"},"
	"{\"name\":\"secret/1\",\"verdict\":\"WA\",\"time\":0.1,\"wall\":0.2,\"memory\":1,"
	"\"message\":\"SECRET-ANSWER 42\",\"stdout\":\"SECRET-OUT\",\"hidden\":true,\"expected_output\":null}]}\n";

static void add_rec(FILE *f, const char *id, const char *name, int ac, int late)
{
	fprintf(f, rec_fmt, id, name, late ? "true" : "false", ac, ac ? "true" : "false", ac ? "AC" : "WA",
		ac, ac ? "AC" : "WA");
}

/* jg_grade_write as a GitHub job runs it: the step summary at `summary`,
 * stdout (annotations) into the file `out`. */
static int write_on_github(const char *res, const jg_grade_outputs *o, jg_grade_totals *t,
			   const char *summary, const char *out)
{
	int saved, fd, rc;

	setenv("GITHUB_STEP_SUMMARY", summary, 1);
	fflush(stdout);
	saved = dup(1);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 1);
	close(fd);
	rc = jg_grade_write(res, o, t);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	unsetenv("GITHUB_STEP_SUMMARY");
	return rc;
}

static void test_outputs(void **state)
{
	struct box *x = *state;
	char *res = jg_path_join(x->root, "results.jsonl"), *csv = jg_path_join(x->root, "g.csv");
	char *js = jg_path_join(x->root, "g.json"), *xml = jg_path_join(x->root, "g.xml");
	char *fb = jg_path_join(x->root, "fb"), *gs = jg_path_join(x->root, "gs");
	char *ghout = jg_path_join(x->root, "gh.out"), *sum = jg_path_join(x->root, "summary.md");
	jg_grade_outputs o = { .csv = csv, .json = js, .junit = xml, .feedback = fb, .gradescope = gs, .github = 1 };
	jg_grade_totals t;
	FILE *f = fopen(res, "w");
	char *text;

	assert_non_null(f);
	add_rec(f, "b2", "=cmd|' /C calc'!A0", 0, 1);   /* formula injection in a name */
	add_rec(f, "a1", "Ann, \\\"A\\\"", 0, 0);
	fputs("{\"student\": {\"id\": \"cut\n", f);        /* a record cut short by a kill */
	add_rec(f, "a1", "Ann, \\\"A\\\"", 1, 0);     /* the later record of a1 wins */
	fclose(f);
	assert_int_equal(write_on_github(res, &o, &t, sum, ghout), 0);
	assert_int_equal(t.students, 2);
	assert_true(t.score == 1 && t.max == 4);

	text = jt_slurp(csv, NULL);
	assert_string_equal(text, "name,id,score,max,verdict,late,reason,sample/1,secret/1\r\n"
				  "\"Ann, \"\"A\"\"\",a1,1,2,AC,no,,1,0\r\n"
				  "'=cmd|' /C calc'!A0,b2,0,2,WA,yes,,0,0\r\n");
	free(text);
	text = jt_slurp(js, NULL);         /* instructors see everything */
	assert_non_null(strstr(text, "SECRET-ANSWER"));
	assert_null(strstr(text, "\"hash\""));
	free(text);
	text = jt_slurp(xml, NULL);        /* students do not */
	assert_null(strstr(text, "SECRET"));
	assert_non_null(strstr(text, "expected 3, got 4"));
	free(text);
	free(fb), fb = jg_path_join(x->root, "fb/b2.txt");
	text = jt_slurp(fb, NULL);
	assert_null(strstr(text, "SECRET"));
	assert_non_null(strstr(text, "secret/1: WA (hidden test)"));
	assert_non_null(strstr(text, "    -3\n    +4\n"));
	free(text);
	free(gs), gs = jg_path_join(x->root, "gs/a1/results.json");
	text = jt_slurp(gs, NULL);
	assert_null(strstr(text, "SECRET"));
	assert_non_null(strstr(text, "\"status\": \"passed\""));
	free(text);
	text = jt_slurp(ghout, NULL);
	assert_null(strstr(text, "SECRET"));
	assert_non_null(strstr(text, "::error title=b2 (=cmd|' /C calc'!A0)::WA: 0/2 points\n") ||
			strstr(text, "::error title==cmd|' /C calc'!A0 (b2)::WA: 0/2 points\n"));
	assert_non_null(strstr(text, "::notice title=Autograding complete::Points 1/4\n"));
	free(text);
	text = jt_slurp(sum, NULL);
	assert_non_null(strstr(text, "| Student | Id | Score | Verdict | Late |"));
	assert_null(strstr(text, "|' /C"));            /* a pipe in a name cannot break the table */
	free(text);

	/* only the ids of this run */
	o = (jg_grade_outputs){ .csv = csv, .only = (char *[]){ "b2", NULL } };
	assert_int_equal(jg_grade_write(res, &o, &t), 0);
	assert_int_equal(t.students, 1);
	free(res), free(csv), free(js), free(xml), free(fb), free(gs), free(ghout), free(sum);
}

static void test_summary_cap_and_merge(void **state)
{
	struct box *x = *state;
	char *res = jg_path_join(x->root, "results.jsonl"), *sum = jg_path_join(x->root, "s.md");
	char *js = jg_path_join(x->root, "r.json"), *merged = jg_path_join(x->root, "m.jsonl");
	char *junk = jg_path_join(x->root, "junk.txt"), id[32], name[300];
	jg_grade_outputs o = { .github = 1, .json = js };
	jg_grade_totals t;
	struct stat st;
	FILE *f = fopen(res, "w");

	assert_non_null(f);
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	for (int i = 0; i < 4000; i++) {
		snprintf(id, sizeof(id), "s%05d", i);
		add_rec(f, id, name, i % 2, 0);
	}
	fclose(f);
	assert_int_equal(write_on_github(res, &o, &t, sum, "/dev/null"), 0);
	assert_int_equal(stat(sum, &st), 0);
	assert_true(st.st_size < (1 << 20));             /* GitHub's limit */
	assert_true(st.st_size > (800 << 10));
	char *text = jt_slurp(sum, NULL);
	assert_non_null(strstr(text, "more students not listed"));
	free(text);

	/* merging: a JSON report, a results.jsonl, and something else */
	assert_int_equal(jg_grade_merge_into(merged, js), 0);
	assert_int_equal(jg_grade_merge_into(merged, res), 0);
	o = (jg_grade_outputs){ 0 };
	assert_int_equal(jg_grade_write(merged, &o, &t), 0);
	assert_int_equal(t.students, 4000);                /* same ids: the last record wins */
	f = fopen(junk, "w");
	fputs("name,id\nx,1\n", f);
	fclose(f);
	assert_int_equal(jg_grade_merge_into(merged, junk), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "junk.txt"));
	free(res), free(sum), free(js), free(merged), free(junk);
}

#define T(f) cmocka_unit_test_setup_teardown(f, box_setup, box_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_defaults),
		T(test_points_and_groups),
		T(test_bad_yaml),
		T(test_rules),
		cmocka_unit_test(test_escaping),
		T(test_hash_and_shards),
		T(test_outputs),
		T(test_summary_cap_and_merge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
