/* tests/unit/test_score.c - test data groups, testdata.yaml, aggregation.
 *
 * Every bundle is built at runtime in a sandbox "<tmp>/jg-score-XXXXXX" as
 * <sandbox>/p, opened with jg_bundle_open(), and given synthetic results.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "error.h"
#include "fs.h"
#include "score.h"
#include "fixture_fs.h"

struct box {
	char *root;
	char *dir;    /* root/p: the bundle */
	jg_bundle *b;
	jg_groups *g;
	char **warnings;
	jg_test_result *res;   /* one per test, all AC to start with */
	jg_group_result *out;  /* one per group */
	jg_group_result total;
};

static int box_setup(void **state)
{
	struct box *x = calloc(1, sizeof(*x));
	assert_non_null(x);
	assert_int_equal(jg_fs_mkdtemp(&x->root, NULL, "jg-score-"), 0);
	x->dir = jt_path(x->root, "p");
	assert_int_equal(mkdir(x->dir, 0755), 0);
	*state = x;
	return 0;
}

static int box_teardown(void **state)
{
	struct box *x = *state;
	jg_groups_free(x->g);
	jg_bundle_free(x->b);
	jg_strv_free(x->warnings);
	free(x->res);
	free(x->out);
	jg_fs_rmtree(x->root);
	free(x->root);
	free(x->dir);
	free(x);
	return 0;
}

/* Tests data/NAME.in/.ans for every name given, NULL-terminated. */
static void put_tests(struct box *x, ...)
{
	char rel[256];
	const char *name;
	va_list ap;

	va_start(ap, x);
	while ((name = va_arg(ap, const char *))) {
		snprintf(rel, sizeof(rel), "data/%s.in", name);
		jt_put(x->dir, rel, "1\n");
		snprintf(rel, sizeof(rel), "data/%s.ans", name);
		jt_put(x->dir, rel, "1\n");
	}
	va_end(ap);
}

static void open_bundle_opts(struct box *x, const jg_bundle_opts *opts)
{
	int rc = jg_bundle_open(&x->b, x->dir, opts);
	if (rc)
		print_error("jg_bundle_open: %s\n", jg_error_last());
	assert_int_equal(rc, 0);
}

static void open_bundle(struct box *x)
{
	jg_bundle_opts opts = { .time_limit = 0 };
	open_bundle_opts(x, &opts);
}

/* Loads the groups of the open bundle; every result AC. */
static void load_groups(struct box *x)
{
	int rc = jg_groups_load(&x->g, x->b, &x->warnings);

	if (rc)
		print_error("jg_groups_load: %s\n", jg_error_last());
	assert_int_equal(rc, 0);
	assert_non_null(x->g);
	assert_non_null(x->res = calloc(x->b->ntests + 1, sizeof(*x->res)));
	assert_non_null(x->out = calloc(jg_groups_count(x->g), sizeof(*x->out)));
}

/* Opens the bundle and loads its groups. */
static void load(struct box *x)
{
	open_bundle(x);
	load_groups(x);
}

/* Loading fails with code and a message holding s1 and s2 (if not NULL). */
static void load_fails(struct box *x, int code, const char *s1, const char *s2)
{
	jg_groups *g = (jg_groups *)1;
	const char *msg;
	int rc;

	open_bundle(x);
	rc = jg_groups_load(&g, x->b, &x->warnings);
	msg = jg_error_last();
	if (rc != code || !strstr(msg, s1) || (s2 && !strstr(msg, s2)))
		print_error("rc %d, message: %s\n", rc, msg);
	assert_int_equal(rc, code);
	assert_null(g);
	assert_non_null(strstr(msg, s1));
	if (s2)
		assert_non_null(strstr(msg, s2));
	assert_null(strchr(msg, '\n'));
}

static size_t test_index(struct box *x, const char *name)
{
	for (size_t i = 0; i < x->b->ntests; i++)
		if (!strcmp(x->b->tests[i].name, name))
			return i;
	fail_msg("no test %s", name);
	return 0;
}

static size_t group_index(struct box *x, const char *name)
{
	for (size_t i = 0; i < jg_groups_count(x->g); i++)
		if (!strcmp(jg_groups_name(x->g, i), name))
			return i;
	fail_msg("no group '%s'", name);
	return 0;
}

static void set(struct box *x, const char *name, jg_verdict v)
{
	x->res[test_index(x, name)].verdict = v;
}

static void set_score(struct box *x, const char *name, jg_verdict v, double score)
{
	jg_test_result *t = &x->res[test_index(x, name)];
	t->verdict = v;
	t->has_score = 1;
	t->score = score;
}

static void all(struct box *x, jg_verdict v)
{
	for (size_t i = 0; i < x->b->ntests; i++)
		x->res[i] = (jg_test_result){ .verdict = v };
}

static void aggregate(struct box *x, int scoring)
{
	assert_int_equal(jg_groups_aggregate(x->g, x->res, x->b->ntests, scoring, x->out,
					     &x->total), 0);
}

static const jg_group_result *result(struct box *x, const char *group)
{
	return &x->out[group_index(x, group)];
}

static void expect(struct box *x, const char *group, jg_verdict v, double score)
{
	const jg_group_result *r = result(x, group);
	if (r->verdict != v || fabs(r->score - score) > 1e-9)
		print_error("group '%s': %s %g, expected %s %g\n", group,
			    jg_verdict_name(r->verdict), r->score, jg_verdict_name(v), score);
	assert_int_equal(r->verdict, v);
	assert_true(fabs(r->score - score) <= 1e-9);
}

static void expect_max(struct box *x, const char *group, double max)
{
	const jg_group_result *r = result(x, group);
	if (fabs(r->max_score - max) > 1e-9)
		print_error("group '%s': max %g, expected %g\n", group, r->max_score, max);
	assert_true(fabs(r->max_score - max) <= 1e-9);
}

static int has_warning(struct box *x, const char *s1, const char *s2)
{
	for (char **w = x->warnings; w && *w; w++)
		if (strstr(*w, s1) && (!s2 || strstr(*w, s2)))
			return 1;
	return 0;
}

/* --- the tree ------------------------------------------------------------ */

static void test_no_config(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "secret/1", "secret/2", NULL);
	load(x);
	assert_int_equal(jg_groups_count(x->g), 3);
	assert_string_equal(jg_groups_name(x->g, 0), "");
	assert_string_equal(jg_groups_name(x->g, 1), "sample");
	assert_string_equal(jg_groups_name(x->g, 2), "secret");
	assert_int_equal(jg_groups_parent(x->g, 0), SIZE_MAX);
	assert_int_equal(jg_groups_parent(x->g, 2), 0);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(jg_groups_input_flags(x->g, i), "");
		assert_string_equal(jg_groups_output_flags(x->g, i), "");
		assert_int_equal(jg_groups_continue_on_reject(x->g, i), 0);
		assert_int_equal(jg_groups_empty(x->g, i), 0);
	}
	assert_null(x->warnings);

	aggregate(x, 0);
	expect(x, "", JG_AC, 0);
	assert_int_equal(x->total.verdict, JG_AC);
	assert_int_equal(x->total.ntests, 3);
	assert_int_equal(x->total.nac, 3);
	assert_true(x->total.max_score == 0);

	set(x, "secret/1", JG_WA);
	set(x, "secret/2", JG_SKIPPED);
	aggregate(x, 0);
	expect(x, "sample", JG_AC, 0);
	expect(x, "secret", JG_WA, 0);
	assert_int_equal(x->total.verdict, JG_WA);
	assert_int_equal(x->total.nac, 1);
	assert_int_equal(result(x, "secret")->ntests, 2);

	/* scoring without any configuration: 1 per accepted test, sample included */
	all(x, JG_AC);
	aggregate(x, 1);
	expect(x, "", JG_AC, 3);
	expect_max(x, "", 3);
	expect_max(x, "secret", 2);
}

static void test_nested_and_empty(void **state)
{
	struct box *x = *state;
	size_t g1;

	put_tests(x, "sample/1", "secret/a", "secret/g1/1", "secret/g1/2", "secret/g2/deep/1",
		  "secret/z", NULL);
	jt_put_dir(x->dir, "data/secret/empty");
	jt_put_dir(x->dir, "data/secret/g3/sub");
	jt_put_dir(x->dir, "data/secret/z.files");     /* a test's files, not a group */
	jt_put(x->dir, "data/secret/g3/notes.txt", "not a test\n");
	load(x);
	assert_int_equal(jg_groups_count(x->g), 9);
	assert_string_equal(jg_groups_name(x->g, 3), "secret/empty");
	assert_string_equal(jg_groups_name(x->g, 8), "secret/g3/sub");
	assert_int_equal(jg_groups_empty(x->g, group_index(x, "secret/empty")), 1);
	assert_int_equal(jg_groups_empty(x->g, group_index(x, "secret/g3")), 1);
	assert_int_equal(jg_groups_empty(x->g, group_index(x, "secret/g3/sub")), 1);
	assert_int_equal(jg_groups_empty(x->g, group_index(x, "secret/g2")), 0);
	assert_int_equal(jg_groups_empty(x->g, group_index(x, "secret")), 0);
	assert_int_equal(jg_groups_empty(x->g, SIZE_MAX), 0);
	g1 = group_index(x, "secret/g1");
	assert_int_equal(jg_groups_parent(x->g, g1), group_index(x, "secret"));
	assert_int_equal(jg_groups_parent(x->g, group_index(x, "secret/g2/deep")),
			 group_index(x, "secret/g2"));
	assert_int_equal(jg_groups_of_test(x->g, test_index(x, "secret/g1/2")), g1);
	assert_int_equal(jg_groups_of_test(x->g, test_index(x, "secret/z")),
			 group_index(x, "secret"));
	assert_int_equal(jg_groups_of_test(x->g, 99), SIZE_MAX);
	assert_string_equal(jg_groups_name(x->g, 99), "");

	set(x, "secret/g2/deep/1", JG_TLE);
	aggregate(x, 0);
	expect(x, "secret/g2/deep", JG_TLE, 0);
	expect(x, "secret/g2", JG_TLE, 0);
	expect(x, "secret/g1", JG_AC, 0);
	expect(x, "secret/empty", JG_SKIPPED, 0);
	assert_int_equal(result(x, "secret/empty")->ntests, 0);
	assert_int_equal(result(x, "secret")->ntests, 5);
	assert_int_equal(result(x, "secret")->nac, 4);
	assert_int_equal(x->total.verdict, JG_TLE);
}

static void test_inheritance(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "secret/g1/1", "secret/g1/x/1", "secret/g2/1", NULL);
	jt_put(x->dir, "data/testdata.yaml",
	       "output_validator_flags: float_tolerance 1e-6\n"
	       "input_validator_flags: n_max=100\n");
	jt_put(x->dir, "data/secret/testdata.yaml", "on_reject: continue\n");
	jt_put(x->dir, "data/secret/g1/testdata.yaml",
	       "input_validator_flags: n_max=10\n"
	       "on_reject: break\n");
	jt_put(x->dir, "data/secret/g2/testdata.yaml", "# nothing here\n");
	load(x);
	assert_string_equal(jg_groups_output_flags(x->g, test_index(x, "sample/1")),
			    "float_tolerance 1e-6");
	assert_string_equal(jg_groups_input_flags(x->g, test_index(x, "sample/1")), "n_max=100");
	assert_string_equal(jg_groups_input_flags(x->g, test_index(x, "secret/g1/1")), "n_max=10");
	assert_string_equal(jg_groups_input_flags(x->g, test_index(x, "secret/g1/x/1")),
			    "n_max=10");
	assert_string_equal(jg_groups_output_flags(x->g, test_index(x, "secret/g1/x/1")),
			    "float_tolerance 1e-6");
	assert_string_equal(jg_groups_input_flags(x->g, test_index(x, "secret/g2/1")), "n_max=100");
	assert_int_equal(jg_groups_continue_on_reject(x->g, test_index(x, "sample/1")), 0);
	assert_int_equal(jg_groups_continue_on_reject(x->g, test_index(x, "secret/g1/x/1")), 0);
	assert_int_equal(jg_groups_continue_on_reject(x->g, test_index(x, "secret/g2/1")), 1);
	assert_string_equal(jg_groups_input_flags(x->g, 99), "");
	assert_null(x->warnings);
}

/* --- verdicts ------------------------------------------------------------- */

static void test_verdict_modes(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/a/1", "secret/a/2", "secret/a/3",
		  "secret/b/1", "secret/b/2", "secret/b/3",
		  "secret/c/1", "secret/c/2",
		  "secret/d/1", "secret/d/2",
		  "secret/e/1", "secret/e/2", NULL);
	jt_put(x->dir, "data/secret/testdata.yaml", "on_reject: continue\n");
	jt_put(x->dir, "data/secret/b/testdata.yaml", "grader_flags: first_error\n");
	jt_put(x->dir, "data/secret/c/testdata.yaml", "grader_flags: always_accept\n");
	jt_put(x->dir, "data/secret/d/testdata.yaml",
	       "grader_flags: accept_if_any_accepted first_error\n");
	jt_put(x->dir, "data/secret/e/testdata.yaml", "grader_flags: always_accept worst_error\n");
	load(x);
	set(x, "secret/a/1", JG_WA);
	set(x, "secret/a/2", JG_RTE);
	set(x, "secret/a/3", JG_TLE);
	set(x, "secret/b/1", JG_AC);
	set(x, "secret/b/2", JG_WA);
	set(x, "secret/b/3", JG_RTE);
	set(x, "secret/c/1", JG_WA);
	set(x, "secret/d/1", JG_TLE);
	set(x, "secret/e/1", JG_OLE);
	aggregate(x, 0);
	expect(x, "secret/a", JG_RTE, 0);   /* worst_error, the default */
	expect(x, "secret/b", JG_WA, 0);    /* first_error */
	expect(x, "secret/c", JG_AC, 0);
	expect(x, "secret/d", JG_AC, 0);
	expect(x, "secret/e", JG_OLE, 0);   /* the last mode wins */
	expect(x, "secret", JG_RTE, 0);
	assert_int_equal(result(x, "secret")->nac, 4);

	set(x, "secret/d/2", JG_WA);         /* nothing accepted: first_error */
	set(x, "secret/c/2", JG_JE);         /* a judge error beats always_accept */
	aggregate(x, 0);
	expect(x, "secret/d", JG_TLE, 0);
	expect(x, "secret/c", JG_JE, 0);
	expect(x, "secret", JG_JE, 0);
	assert_int_equal(x->total.verdict, JG_JE);
}

static void test_worst_order(void **state)
{
	static const jg_verdict order[] = { JG_WA, JG_OLE, JG_TLE, JG_MLE, JG_RTE, JG_CE, JG_JE };
	struct box *x = *state;

	put_tests(x, "secret/1", "secret/2", NULL);
	load(x);
	for (size_t i = 0; i + 1 < sizeof(order) / sizeof(*order); i++) {
		set(x, "secret/1", order[i + 1]);
		set(x, "secret/2", order[i]);
		aggregate(x, 0);
		expect(x, "secret", order[i + 1], 0);
		set(x, "secret/1", order[i]);
		set(x, "secret/2", order[i + 1]);
		aggregate(x, 0);
		expect(x, "secret", order[i + 1], 0);
	}
}

static void test_skipped(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "secret/a/1", "secret/a/2", "secret/b/1", "secret/b/2", NULL);
	jt_put(x->dir, "data/secret/b/testdata.yaml", "grader_flags: always_accept\n");
	load(x);
	all(x, JG_SKIPPED);
	set(x, "sample/1", JG_AC);
	set(x, "secret/a/1", JG_AC);        /* interrupted: nothing failed, not all ran */
	set(x, "secret/b/1", JG_WA);        /* always_accept, then on_reject: break */
	aggregate(x, 1);
	expect(x, "secret/a", JG_SKIPPED, 0);
	expect(x, "secret/b", JG_AC, 0);
	expect(x, "secret", JG_SKIPPED, 0);
	assert_int_equal(x->total.verdict, JG_SKIPPED);

	all(x, JG_SKIPPED);
	set(x, "sample/1", JG_WA);
	aggregate(x, 0);
	expect(x, "secret/a", JG_SKIPPED, 0);
	expect(x, "secret", JG_SKIPPED, 0);
	assert_int_equal(x->total.verdict, JG_WA);
	assert_int_equal(x->total.nac, 0);
}

/* --- scores --------------------------------------------------------------- */

static void test_score_modes(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/sum/1", "secret/sum/2", "secret/sum/3",
		  "secret/min/1", "secret/min/2",
		  "secret/max/1", "secret/max/2",
		  "secret/avg/1", "secret/avg/2", "secret/avg/3", NULL);
	jt_put(x->dir, "data/testdata.yaml", "on_reject: continue\n");
	jt_put(x->dir, "data/secret/testdata.yaml", "grader_flags: always_accept\n");
	jt_put(x->dir, "data/secret/sum/testdata.yaml", "accept_score: 2\nreject_score: -1\n"
	       "grader_flags: always_accept\n");
	jt_put(x->dir, "data/secret/min/testdata.yaml", "grader_flags: min always_accept\n");
	jt_put(x->dir, "data/secret/max/testdata.yaml", "grader_flags: max always_accept\n");
	jt_put(x->dir, "data/secret/avg/testdata.yaml", "grader_flags: avg always_accept\n");
	load(x);
	set(x, "secret/sum/2", JG_WA);
	set_score(x, "secret/sum/3", JG_AC, 5);      /* score.txt wins over accept_score */
	set_score(x, "secret/min/1", JG_AC, 0.25);
	set_score(x, "secret/min/2", JG_AC, 0.75);
	set_score(x, "secret/max/1", JG_AC, 0.25);
	set_score(x, "secret/max/2", JG_AC, 0.75);
	set_score(x, "secret/avg/1", JG_AC, 1);
	set_score(x, "secret/avg/2", JG_AC, 2);
	set(x, "secret/avg/3", JG_TLE);              /* reject_score 0 */
	aggregate(x, 1);
	expect(x, "secret/sum", JG_AC, 2 - 1 + 5);
	expect(x, "secret/min", JG_AC, 0.25);
	expect(x, "secret/max", JG_AC, 0.75);
	expect(x, "secret/avg", JG_AC, 1);
	expect(x, "secret", JG_AC, 6 + 0.25 + 0.75 + 1);
	expect_max(x, "secret/sum", 6);
	expect_max(x, "secret/min", 1);
	expect_max(x, "secret/avg", 1);
	expect_max(x, "secret", 9);
	assert_false(x->total.out_of_range);

	/* a pass-fail problem: the same verdicts, no scores */
	aggregate(x, 0);
	expect(x, "secret/sum", JG_AC, 0);
	expect_max(x, "secret", 0);
}

/* Tests not run are left out of a legacy group's score. */
static void test_skipped_scores(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/1", "secret/2", "secret/3", NULL);
	jt_put(x->dir, "data/secret/testdata.yaml", "grader_flags: always_accept avg\n"
	       "reject_score: 0.2\n");
	load(x);
	set_score(x, "secret/1", JG_AC, 0.5);
	set(x, "secret/2", JG_WA);
	set(x, "secret/3", JG_SKIPPED);
	aggregate(x, 1);
	expect(x, "secret", JG_AC, 0.35);
	expect_max(x, "secret", 1);
}

static void test_range_and_reject(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/a/1", "secret/a/2", "secret/b/1", "secret/b/2", NULL);
	jt_put(x->dir, "data/secret/testdata.yaml", "on_reject: continue\ngrader_flags: "
	       "accept_if_any_accepted\nrange: 0 30\n");
	jt_put(x->dir, "data/secret/a/testdata.yaml", "accept_score: 10\nrange: 0 +inf\n"
	       "reject_score: 0.5\ngrader_flags: worst_error\n");  /* not any-accepted */
	jt_put(x->dir, "data/secret/b/testdata.yaml", "accept_score: 20\nrange: -inf 25\n");
	load(x);
	aggregate(x, 1);
	expect(x, "secret/a", JG_AC, 20);
	expect(x, "secret/b", JG_AC, 25);           /* 40 clamped */
	expect(x, "secret", JG_AC, 30);             /* 45 clamped */
	expect_max(x, "secret/b", 25);
	expect_max(x, "secret", 30);
	assert_true(result(x, "secret/b")->out_of_range);
	assert_true(x->total.out_of_range);

	set(x, "secret/a/2", JG_WA);                /* a rejected group: its reject_score */
	aggregate(x, 1);
	expect(x, "secret/a", JG_WA, 0.5);
	expect(x, "secret", JG_AC, 25.5);
	assert_false(result(x, "secret/a")->out_of_range);

	set_score(x, "secret/a/2", JG_AC, 1e6);     /* score.txt beyond the range */
	aggregate(x, 1);
	expect(x, "secret/a", JG_AC, 1e6 + 10);
	expect(x, "secret", JG_AC, 30);
}

/* The usual legacy scoring package: subtasks worth 30 and 70. */
static void test_subtasks_legacy(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "secret/g1/1", "secret/g1/2", "secret/g2/1", "secret/g2/2", NULL);
	jt_put(x->dir, "data/testdata.yaml", "on_reject: continue\ngrader_flags: ignore_sample\n"
	       "range: 0 100\n");
	jt_put(x->dir, "data/sample/testdata.yaml", "grader_flags: first_error\n");
	jt_put(x->dir, "data/secret/testdata.yaml", "grader_flags: accept_if_any_accepted\n");
	jt_put(x->dir, "data/secret/g1/testdata.yaml", "on_reject: break\naccept_score: 30\n"
	       "grader_flags: min\n");
	jt_put(x->dir, "data/secret/g2/testdata.yaml", "on_reject: break\naccept_score: 70\n"
	       "grader_flags: min\n");
	load(x);
	assert_null(x->warnings);
	aggregate(x, 1);
	assert_int_equal(x->total.verdict, JG_AC);
	assert_true(x->total.score == 100);
	assert_true(x->total.max_score == 100);

	set(x, "sample/1", JG_WA);                   /* ignored */
	set(x, "secret/g2/1", JG_TLE);
	set(x, "secret/g2/2", JG_SKIPPED);
	aggregate(x, 1);
	expect(x, "sample", JG_WA, 0);
	expect(x, "secret/g2", JG_TLE, 0);
	expect(x, "secret", JG_AC, 30);
	assert_int_equal(x->total.verdict, JG_AC);
	assert_true(x->total.score == 30);
	assert_int_equal(x->total.nac, 2);
	assert_int_equal(x->total.ntests, 5);

	set(x, "secret/g1/2", JG_WA);
	aggregate(x, 1);
	expect(x, "secret", JG_TLE, 0);              /* worst of WA, TLE */
	assert_int_equal(x->total.verdict, JG_TLE);
	assert_true(x->total.score == 0);
}

static void test_ignore_sample_scores(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "sample/2", "secret/1", NULL);
	jt_put(x->dir, "data/testdata.yaml", "grader_flags: ignore_sample\n");
	load(x);
	assert_true(has_warning(x, "ignore_sample", "on_reject: break"));
	aggregate(x, 1);
	assert_true(x->total.score == 1);
	assert_true(x->total.max_score == 1);
	expect(x, "sample", JG_AC, 2);               /* inherited, meaningless below the root */
}

/* --- 2023-07 ------------------------------------------------------------ */

static void test_scoring_2023(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "secret/g1/1", "secret/g1/2", "secret/g2/1", "secret/g2/2",
		  "secret/g3/1", "secret/g3/2", "secret/g4/1", "secret/g4/2", NULL);
	jt_put(x->dir, "data/secret/testdata.yaml", "scoring:\n  score: 100\n");
	jt_put(x->dir, "data/secret/g1/testdata.yaml", "scoring: {score: 40}\n");
	jt_put(x->dir, "data/secret/g3/testdata.yaml", "scoring: {aggregation: sum}\n");
	jt_put(x->dir, "data/secret/g4/testdata.yaml", "scoring:\n  aggregation: min\n"
	       "  require_pass: sample\n");
	load(x);
	assert_true(has_warning(x, "require_pass", NULL));
	aggregate(x, 1);
	expect(x, "secret/g1", JG_AC, 40);
	expect(x, "secret/g2", JG_AC, 20);           /* (100 - 40) / 3 */
	expect(x, "secret/g3", JG_AC, 20);
	expect(x, "secret/g4", JG_AC, 20);
	expect(x, "secret", JG_AC, 100);
	expect(x, "sample", JG_AC, 0);
	assert_true(x->total.score == 100);
	assert_true(x->total.max_score == 100);

	set(x, "secret/g1/2", JG_WA);                /* pass-fail: all or nothing */
	set(x, "secret/g3/1", JG_WA);                /* sum: 10 per test */
	set_score(x, "secret/g4/1", JG_AC, 5);       /* min */
	set(x, "sample/1", JG_WA);                   /* verdict only */
	aggregate(x, 1);
	expect(x, "secret/g1", JG_WA, 0);
	expect(x, "secret/g3", JG_WA, 10);
	expect(x, "secret/g4", JG_AC, 5);
	expect(x, "secret", JG_WA, 35);
	assert_int_equal(x->total.verdict, JG_WA);
	assert_true(x->total.score == 35);
	assert_false(x->total.out_of_range);

	set_score(x, "secret/g4/2", JG_AC, 50);      /* above the test's 20 */
	aggregate(x, 1);
	expect(x, "secret/g4", JG_AC, 5);
	assert_true(result(x, "secret/g4")->out_of_range);
	assert_true(x->total.out_of_range);

	set(x, "secret/g4/2", JG_SKIPPED);           /* not run: scores 0 */
	aggregate(x, 1);
	expect(x, "secret/g4", JG_SKIPPED, 0);
	expect(x, "secret", JG_WA, 30);
}

static void test_scoring_2023_defaults(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/1", "secret/2", "secret/3", "secret/4", NULL);
	jt_put(x->dir, "data/secret/test_group.yaml", "scoring: {}\noutput_validator_args: [a, b]\n"
	       "input_validator_args: x\nhint: h\n");
	load(x);
	assert_string_equal(jg_groups_output_flags(x->g, 0), "a b");
	assert_string_equal(jg_groups_input_flags(x->g, 3), "x");
	set(x, "secret/2", JG_RTE);
	aggregate(x, 1);
	expect(x, "secret", JG_RTE, 75);
	expect_max(x, "secret", 100);
	assert_true(x->total.score == 75);
}

static void test_scoring_2023_errors(void **state)
{
	struct box *x = *state;

	put_tests(x, "sample/1", "secret/g1/1", "secret/g2/1", NULL);
	jt_put(x->dir, "data/secret/testdata.yaml", "scoring: {score: 10}\n");
	jt_put(x->dir, "data/secret/g1/testdata.yaml", "scoring: {score: 8}\n");
	jt_put(x->dir, "data/secret/g2/testdata.yaml", "max_score: 5\n");
	load_fails(x, JG_EINPUT, "data/secret/testdata.yaml", "add up to 13");

	jg_bundle_free(x->b);
	x->b = NULL;
	jt_put(x->dir, "data/secret/g2/testdata.yaml", "scoring: {aggregation: sum}\n");
	jt_put(x->dir, "data/secret/g1/testdata.yaml", "scoring: {score: 5}\n");
	jt_put(x->dir, "data/secret/testdata.yaml", "scoring: {score: 10, aggregation: pass-fail}\n");
	load_fails(x, JG_EINPUT, "data/secret/g2/testdata.yaml", "must be pass-fail");

	jg_bundle_free(x->b);
	x->b = NULL;
	jt_put(x->dir, "data/secret/testdata.yaml", "# plain\n");
	jt_put(x->dir, "data/sample/testdata.yaml", "scoring: {score: 1}\n");
	load_fails(x, JG_EINPUT, "data/sample/testdata.yaml", "only allowed in data/secret");
}

/* --- on_reject ------------------------------------------------------------ */

static void test_should_run(void **state)
{
	struct box *x = *state;
	size_t g2;

	put_tests(x, "sample/1", "secret/g1/1", "secret/g1/2", "secret/g2/1", "secret/g2/2",
		  "secret/g3/1", "secret/g3/2", NULL);
	jt_put(x->dir, "data/testdata.yaml", "on_reject: continue\n");
	jt_put(x->dir, "data/secret/testdata.yaml", "on_reject: break\n");
	jt_put(x->dir, "data/secret/g3/testdata.yaml", "on_reject: continue\n"
	       "grader_flags: always_accept\n");
	load(x);
	all(x, JG_SKIPPED);
	assert_int_equal(jg_groups_should_run(x->g, NULL, 0), 1);
	set(x, "sample/1", JG_WA);                  /* root continues */
	assert_int_equal(jg_groups_should_run(x->g, x->res, 1), 1);
	set(x, "secret/g1/1", JG_WA);               /* g1 breaks ... */
	assert_int_equal(jg_groups_should_run(x->g, x->res, 2), 0);
	g2 = test_index(x, "secret/g2/1");
	assert_int_equal(jg_groups_should_run(x->g, x->res, g2), 0); /* ... and so does secret */

	set(x, "secret/g1/1", JG_AC);
	set(x, "secret/g1/2", JG_AC);
	assert_int_equal(jg_groups_should_run(x->g, x->res, g2), 1);
	set(x, "secret/g2/1", JG_AC);
	set(x, "secret/g2/2", JG_SKIPPED);          /* interrupted, not failed */
	assert_int_equal(jg_groups_should_run(x->g, x->res, g2 + 2), 1);
	set(x, "secret/g3/1", JG_TLE);              /* g3 continues */
	assert_int_equal(jg_groups_should_run(x->g, x->res, g2 + 3), 1);
	assert_int_equal(jg_groups_should_run(x->g, x->res, 99), 0);
	assert_int_equal(jg_groups_continue_on_reject(x->g, g2), 0);
	assert_int_equal(jg_groups_continue_on_reject(x->g, g2 + 2), 1);
}

static void test_should_run_accepted_group(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/a/1", "secret/a/2", "secret/b/1", NULL);
	jt_put(x->dir, "data/secret/a/testdata.yaml", "grader_flags: accept_if_any_accepted\n"
	       "on_reject: continue\n");
	load(x);
	all(x, JG_SKIPPED);
	set(x, "secret/a/1", JG_AC);
	set(x, "secret/a/2", JG_WA);                /* group a is still accepted */
	assert_int_equal(jg_groups_should_run(x->g, x->res, 2), 1);
	set(x, "secret/a/1", JG_WA);
	assert_int_equal(jg_groups_should_run(x->g, x->res, 2), 0);
}

/* --- malformed files ------------------------------------------------------ */

static void fails_with(struct box *x, const char *yaml, const char *s1, const char *s2)
{
	jg_bundle_free(x->b);
	x->b = NULL;
	jt_put(x->dir, "data/secret/testdata.yaml", yaml);
	load_fails(x, JG_EINPUT, s1, s2);
}

static void test_bad_values(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/1", NULL);
	fails_with(x, "on_reject: stop\n", "p/data/secret/testdata.yaml:1: on_reject", "'break'");
	fails_with(x, "# c\non_reject: [break]\n", "testdata.yaml:2: on_reject", NULL);
	fails_with(x, "grading: strange\n", "grading", "'default' or 'custom'");
	fails_with(x, "accept_score: lots\n", "accept_score", "a number");
	fails_with(x, "reject_score: .nan\n", "reject_score", "a number");
	fails_with(x, "accept_score: {a: 1}\n", "accept_score", NULL);
	fails_with(x, "range: 5 1\n", "range", "low <= high");
	fails_with(x, "range: 1\n", "range", NULL);
	fails_with(x, "range: 1 2 3\n", "range", NULL);
	fails_with(x, "range: nan 1\n", "range", NULL);
	fails_with(x, "grader_flags: [min]\n", "grader_flags", NULL);
	fails_with(x, "input_validator_flags: [a]\n", "input_validator_flags", "a string");
	fails_with(x, "output_validator_args: ['a b']\n", "output_validator_args", "without spaces");
	fails_with(x, "scoring: 3\n", "scoring", "a mapping");
	fails_with(x, "scoring: {score: -1}\n", "scoring.score", ">= 0");
	fails_with(x, "scoring: {aggregation: max}\n", "scoring.aggregation", "'sum'");
	fails_with(x, "max_score: unbounded\n", "max_score", NULL);
	fails_with(x, "- a\n- b\n", "testdata.yaml", "mapping at the top level");
	fails_with(x, "a: &x 1\nb: *x\n", "testdata.yaml", "aliases");
	fails_with(x, "on_reject: break\non_reject: continue\n", "testdata.yaml:2:", "duplicate");
	fails_with(x, "key: [unclosed\n", "p/data/secret/testdata.yaml:", NULL);
	fails_with(x, "on_reject: \"\xff\"\n", "testdata.yaml", "UTF-8");
	fails_with(x, "? [a]\n: 1\n", "testdata.yaml", "keys");
}

static void test_bad_root_file(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/1", NULL);
	jt_put(x->dir, "data/testdata.yaml", "range: x y\n");
	load_fails(x, JG_EINPUT, "p/data/testdata.yaml:1: range", NULL);
}

static void test_warnings(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/1", NULL);
	jt_put(x->dir, "data/secret/testdata.yaml",
	       "grading: custom\n"
	       "grader_flags: sum bogus_flag\n"
	       "mystery: 1\n"
	       "output_validator_flags: {name: v, flags: x}\n"
	       "on_reject:\n"
	       "full_feedback: true\n");
	load(x);
	assert_true(has_warning(x, "testdata.yaml", "custom graders are not supported"));
	assert_true(has_warning(x, "grader_flags", "'bogus_flag'"));
	assert_true(has_warning(x, "unknown key 'mystery'", NULL));
	assert_true(has_warning(x, "output_validator_flags", "not supported"));
	assert_int_equal(jg_strv_len(x->warnings), 4);
	assert_string_equal(jg_groups_output_flags(x->g, 0), "");
	assert_int_equal(jg_groups_continue_on_reject(x->g, 0), 0);
}

static void test_config_not_a_file(void **state)
{
	struct box *x = *state;
	char *target, *link;

	put_tests(x, "secret/1", NULL);
	target = jt_path(x->root, "elsewhere.yaml");
	link = jt_path(x->dir, "data/secret/testdata.yaml");
	jt_put(x->dir, "../elsewhere.yaml", "on_reject: continue\n");
	assert_int_equal(symlink(target, link), 0);
	load_fails(x, JG_EINPUT, "testdata.yaml", "not a regular file inside the bundle");
	free(target);
	free(link);
}

/* judge verify opens bundles leniently: maybe no test at all. */
static void test_no_tests(void **state)
{
	struct box *x = *state;
	jg_bundle_opts opts = { .lenient = 1 };

	jt_put(x->dir, "data/secret/g1/1.in", "1\n");     /* no .ans: left out */
	open_bundle_opts(x, &opts);
	assert_int_equal(x->b->ntests, 0);
	load_groups(x);
	assert_int_equal(jg_groups_count(x->g), 3);
	assert_int_equal(jg_groups_empty(x->g, group_index(x, "secret/g1")), 1);
	assert_int_equal(jg_groups_empty(x->g, 0), 1);
	assert_int_equal(jg_groups_aggregate(x->g, NULL, 0, 1, x->out, &x->total), 0);
	assert_int_equal(x->total.verdict, JG_SKIPPED);
	assert_int_equal(x->total.ntests, 0);
	assert_int_equal(jg_groups_should_run(x->g, NULL, 0), 0);
}

static void test_aggregate_mismatch(void **state)
{
	struct box *x = *state;

	put_tests(x, "secret/1", "secret/2", NULL);
	load(x);
	assert_int_equal(jg_groups_aggregate(x->g, x->res, 1, 0, NULL, NULL), JG_EINTERNAL);
	assert_int_equal(jg_groups_aggregate(x->g, x->res, 2, 0, NULL, NULL), 0);
	jg_groups_free(NULL);
	assert_int_equal(jg_groups_count(NULL), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, box_setup, box_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_no_config),
		T(test_nested_and_empty),
		T(test_inheritance),
		T(test_verdict_modes),
		T(test_worst_order),
		T(test_skipped),
		T(test_score_modes),
		T(test_skipped_scores),
		T(test_range_and_reject),
		T(test_subtasks_legacy),
		T(test_ignore_sample_scores),
		T(test_scoring_2023),
		T(test_scoring_2023_defaults),
		T(test_scoring_2023_errors),
		T(test_should_run),
		T(test_should_run_accepted_group),
		T(test_bad_values),
		T(test_bad_root_file),
		T(test_warnings),
		T(test_config_not_a_file),
		T(test_no_tests),
		T(test_aggregate_mismatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
