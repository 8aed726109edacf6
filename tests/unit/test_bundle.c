/* tests/unit/test_bundle.c - problem bundles: problem.yaml, time limit, tests.
 *
 * Every bundle is built at runtime in a sandbox "<tmp>/jg-bundle-XXXXXX":
 * directory bundles as <sandbox>/hello, archives written with libarchive's
 * writer into <sandbox>/in and extracted under <sandbox>/work.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "error.h"
#include "fs.h"
#include "fixture_fs.h"

struct box {
	char *root;
	char *dir;    /* root/hello: the directory bundle */
	char *in;     /* root/in: archives */
	char *work;   /* root/work: opts.workdir */
};

static int box_setup(void **state)
{
	struct box *b = calloc(1, sizeof(*b));
	assert_non_null(b);
	assert_int_equal(jg_fs_mkdtemp(&b->root, NULL, "jg-bundle-"), 0);
	b->dir = jt_path(b->root, "hello");
	b->in = jt_path(b->root, "in");
	b->work = jt_path(b->root, "work");
	assert_int_equal(mkdir(b->dir, 0755), 0);
	assert_int_equal(mkdir(b->in, 0755), 0);
	assert_int_equal(mkdir(b->work, 0755), 0);
	*state = b;
	return 0;
}

static int box_teardown(void **state)
{
	struct box *b = *state;
	jg_fs_rmtree(b->root);
	free(b->root);
	free(b->dir);
	free(b->in);
	free(b->work);
	free(b);
	return 0;
}

static void rm(const char *dir, const char *rel)
{
	char *path = jt_path(dir, rel);
	assert_int_equal(unlink(path), 0);
	free(path);
}

static void link_at(const char *dir, const char *rel, const char *target)
{
	char *path = jt_path(dir, rel);
	jt_mkdirs(path);
	assert_int_equal(symlink(target, path), 0);
	free(path);
}

static void put_test(const char *dir, const char *name)
{
	char rel[256];
	snprintf(rel, sizeof(rel), "data/%s.in", name);
	jt_put(dir, rel, "1 2\n");
	snprintf(rel, sizeof(rel), "data/%s.ans", name);
	jt_put(dir, rel, "3\n");
}

static jg_bundle *open_ok(const char *path, double tl, const char *workdir)
{
	jg_bundle_opts opts = { .time_limit = tl, .workdir = workdir };
	jg_bundle *b = NULL;
	int rc = jg_bundle_open(&b, path, &opts);
	if (rc)
		print_error("jg_bundle_open: %s\n", jg_error_last());
	assert_int_equal(rc, 0);
	assert_non_null(b);
	return b;
}

/* Opening fails with code and a message holding each of the strings. */
static void open_fails_in(const char *path, const char *workdir, int code,
			  const char *s1, const char *s2)
{
	jg_bundle_opts opts = { .workdir = workdir };
	jg_bundle *b = (jg_bundle *)1;
	int rc = jg_bundle_open(&b, path, &opts);
	const char *msg = jg_error_last();

	if (rc != code || !strstr(msg, s1) || (s2 && !strstr(msg, s2)))
		print_error("rc %d, message: %s\n", rc, msg);
	assert_int_equal(rc, code);
	assert_null(b);
	assert_non_null(strstr(msg, s1));
	if (s2)
		assert_non_null(strstr(msg, s2));
}

static void open_fails(const char *path, int code, const char *s1, const char *s2)
{
	open_fails_in(path, NULL, code, s1, s2);
}

static int has_warning(const jg_bundle *b, const char *s)
{
	for (char **w = b->warnings; w && *w; w++)
		if (strstr(*w, s))
			return 1;
	return 0;
}

/* --- problem.yaml ------------------------------------------------------- */

static void test_defaults(void **state)
{
	struct box *x = *state;
	jg_bundle *b;

	put_test(x->dir, "sample/1");
	b = open_ok(x->dir, 0, NULL);
	assert_string_equal(b->problem.name, "hello");
	assert_true(b->problem.time_limit == JG_DEFAULT_TIME_LIMIT);
	assert_int_equal(b->problem.time_limit_source, JG_TL_DEFAULT);
	assert_true(b->problem.time_multiplier == 5);
	assert_true(b->problem.time_safety_margin == 2);
	assert_int_equal(b->problem.memory_mib, 2048);
	assert_int_equal(b->problem.output_mib, 8);
	assert_true(b->problem.compilation_time == 60);
	assert_int_equal(b->problem.compilation_memory_mib, 2048);
	assert_int_equal(b->problem.validation, JG_VALIDATION_DEFAULT);
	assert_string_equal(b->problem.validator_flags, "");
	assert_null(b->problem.validator_dir);
	assert_null(b->extracted_dir);
	assert_non_null(b->warnings);
	assert_null(b->warnings[0]);
	assert_int_equal(b->ntests, 1);
	jg_bundle_free(b);
	jg_bundle_free(NULL);
}

static void test_empty_yaml(void **state)
{
	static const char *const texts[] = { "", "\n\n", "# only a comment\n", "---\n", "~\n" };
	jg_problem p;
	char **warn = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		assert_int_equal(jg_problem_parse_yaml(&p, texts[i], strlen(texts[i]),
						       "problem.yaml", &warn), 0);
		assert_null(p.name);
		assert_int_equal(p.memory_mib, 2048);
		assert_string_equal(p.validator_flags, "");
		jg_problem_clear(&p);
	}
	assert_null(warn);
}

static const char all_keys[] =
	"# legacy keys\n"
	"name: Hello World\n"
	"author: Someone\n"
	"source: Somewhere\n"
	"license: cc by-sa\n"
	"rights_owner: Someone\n"
	"limits:\n"
	"  time_multiplier: 3\n"
	"  time_safety_margin: 1.5\n"
	"  memory: 1024\n"
	"  output: 16\n"
	"  compilation_time: 30\n"
	"  compilation_memory: 512\n"
	"validation: custom\n"
	"validator_flags: float_tolerance 1e-6\n";

static void test_all_keys(void **state)
{
	struct box *x = *state;
	jg_bundle *b;

	jt_put(x->dir, "problem.yaml", all_keys);
	jt_put(x->dir, "output_validators/checker/checker.cpp", "int main() {}\n");
	put_test(x->dir, "secret/1");
	b = open_ok(x->dir, 0, NULL);
	assert_string_equal(b->problem.name, "Hello World");
	assert_true(b->problem.time_multiplier == 3);
	assert_true(b->problem.time_safety_margin == 1.5);
	assert_int_equal(b->problem.memory_mib, 1024);
	assert_int_equal(b->problem.output_mib, 16);
	assert_true(b->problem.compilation_time == 30);
	assert_int_equal(b->problem.compilation_memory_mib, 512);
	assert_int_equal(b->problem.validation, JG_VALIDATION_CUSTOM);
	assert_string_equal(b->problem.validator_flags, "float_tolerance 1e-6");
	assert_non_null(b->problem.validator_dir);
	assert_true(b->problem.validator_dir[0] == '/');
	assert_non_null(strstr(b->problem.validator_dir, "/hello/output_validators/checker"));
	assert_null(b->warnings[0]);
	assert_int_equal(b->problem.time_limit_source, JG_TL_DEFAULT);
	jg_bundle_free(b);
}

static const char keys_2023[] =
	"problem_format_version: 2023-07-draft\n"
	"type: [pass-fail, interactive]\n"
	"name:\n"
	"  de: Hallo\n"
	"  en: Hello\n"
	"uuid: 8ee7605a-9a68-4b7c-a1ba-1a1b6e4a2f3c\n"
	"limits:\n"
	"  time_limit: 2.5\n"
	"  time_multipliers:\n"
	"    ac_to_time_limit: 2.0\n"
	"    time_limit_to_tle: 1.25\n"
	"  memory: 256\n";

static void test_2023_keys(void **state)
{
	struct box *x = *state;
	jg_bundle *b;

	jt_put(x->dir, "problem.yaml", keys_2023);
	jt_put(x->dir, "output_validator/validator.py", "print()\n");
	put_test(x->dir, "sample/1");
	b = open_ok(x->dir, 0, NULL);
	assert_string_equal(b->problem.name, "Hello");
	assert_true(b->problem.time_limit == 2.5);
	assert_int_equal(b->problem.time_limit_source, JG_TL_YAML);
	assert_true(b->problem.time_multiplier == 2.0);
	assert_true(b->problem.time_safety_margin == 1.25);
	assert_int_equal(b->problem.memory_mib, 256);
	assert_int_equal(b->problem.validation, JG_VALIDATION_INTERACTIVE);
	assert_non_null(strstr(b->problem.validator_dir, "/hello/output_validator"));
	assert_null(b->warnings[0]);
	jg_bundle_free(b);
}

static void test_validation_values(void **state)
{
	static const struct { const char *yaml; jg_validation want; } v[] = {
		{ "validation: default\n", JG_VALIDATION_DEFAULT },
		{ "validation: custom\n", JG_VALIDATION_CUSTOM },
		{ "validation: custom interactive\n", JG_VALIDATION_INTERACTIVE },
		{ "validation: custom score\n", JG_VALIDATION_CUSTOM },
		{ "type: interactive\n", JG_VALIDATION_INTERACTIVE },
		{ "type: scoring\n", JG_VALIDATION_DEFAULT },
	};
	jg_problem p;
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++) {
		assert_int_equal(jg_problem_parse_yaml(&p, v[i].yaml, strlen(v[i].yaml),
						       "p.yaml", NULL), 0);
		assert_int_equal(p.validation, v[i].want);
		jg_problem_clear(&p);
	}
}

/* multi-pass: the 2023-07 type, the legacy validation word; the passes. */
static void test_multi_pass(void **state)
{
	static const struct { const char *yaml; jg_validation want; int multi; unsigned passes; } v[] = {
		{ "name: x\n", JG_VALIDATION_DEFAULT, 0, 2 },
		{ "type: multi-pass\n", JG_VALIDATION_CUSTOM, 1, 2 },
		{ "type: [interactive, multi-pass]\nlimits:\n  validation_passes: 5\n",
		  JG_VALIDATION_INTERACTIVE, 1, 5 },
		{ "validation: custom multi-pass\n", JG_VALIDATION_CUSTOM, 1, 2 },
		{ "validation: custom interactive multi-pass\n", JG_VALIDATION_INTERACTIVE, 1, 2 },
	};
	static const char bad[] = "type: multi-pass\nlimits:\n  validation_passes: 1.5\n";
	jg_problem p;
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++) {
		assert_int_equal(jg_problem_parse_yaml(&p, v[i].yaml, strlen(v[i].yaml),
						       "p.yaml", NULL), 0);
		assert_int_equal(p.validation, v[i].want);
		assert_int_equal(p.multi_pass, v[i].multi);
		assert_int_equal(p.validation_passes, v[i].passes);
		jg_problem_clear(&p);
	}
	assert_int_equal(jg_problem_parse_yaml(&p, bad, strlen(bad), "p.yaml", NULL), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "limits.validation_passes: expected a positive whole number"));
}

static void test_unknown_keys(void **state)
{
	struct box *x = *state;
	jg_bundle *b;

	jt_put(x->dir, "problem.yaml", "name: x\nfoo: 1\nlimits:\n  bar: [1, 2]\n  memory: 64\n");
	put_test(x->dir, "sample/1");
	b = open_ok(x->dir, 0, NULL);
	assert_int_equal(jg_strv_len(b->warnings), 2);
	assert_true(has_warning(b, "hello/problem.yaml: unknown key 'foo' ignored"));
	assert_true(has_warning(b, "problem.yaml: unknown key 'limits.bar' ignored"));
	assert_int_equal(b->problem.memory_mib, 64);
	jg_bundle_free(b);
}

static void test_wrong_types(void **state)
{
	static const struct { const char *yaml, *msg; } bad[] = {
		{ "limits:\n  memory: lots\n", "p.yaml: limits.memory: expected a positive number" },
		{ "limits:\n  memory: -5\n", "limits.memory: expected a positive number" },
		{ "limits:\n  memory: 0\n", "limits.memory: expected a positive number" },
		{ "limits:\n  memory: 1.5\n", "limits.memory: expected a positive whole" },
		{ "limits:\n  memory: {a: 1}\n", "limits.memory: expected a positive number" },
		{ "limits:\n  time_multiplier: [1]\n", "limits.time_multiplier: expected" },
		{ "limits:\n  time_safety_margin: .nan\n", "limits.time_safety_margin: expected" },
		{ "limits:\n  time_limit: inf\n", "limits.time_limit: expected" },
		{ "limits:\n  time_multipliers:\n    ac_to_time_limit: x\n",
		  "limits.time_multipliers.ac_to_time_limit: expected a positive number" },
		{ "limits: 3\n", "p.yaml: limits: expected a mapping" },
		{ "name: [a, b]\n", "p.yaml: name: expected a string" },
		{ "validation: sometimes\n", "p.yaml: validation: expected" },
		{ "validation: default interactive\n", "p.yaml: validation: expected" },
		{ "validator_flags: {a: b}\n", "p.yaml: validator_flags: expected a string" },
		{ "- name\n- x\n", "p.yaml: expected a mapping at the top level" },
		{ "just a string\n", "p.yaml: expected a mapping at the top level" },
	};
	jg_problem p;
	char **warn = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		int rc = jg_problem_parse_yaml(&p, bad[i].yaml, strlen(bad[i].yaml), "p.yaml", &warn);
		if (rc != JG_EINPUT || !strstr(jg_error_last(), bad[i].msg))
			print_error("case %zu: rc %d, %s\n", i, rc, jg_error_last());
		assert_int_equal(rc, JG_EINPUT);
		assert_non_null(strstr(jg_error_last(), bad[i].msg));
		assert_null(p.name);
		jg_problem_clear(&p);
	}
	jg_strv_free(warn);
}

static void test_wrong_type_in_bundle(void **state)
{
	struct box *x = *state;
	char want[4200];

	jt_put(x->dir, "problem.yaml", "limits:\n  memory: \"lots\"\n");
	put_test(x->dir, "sample/1");
	snprintf(want, sizeof(want), "%s/problem.yaml: limits.memory: expected a positive number",
		 x->dir);
	open_fails(x->dir, JG_EINPUT, want, NULL);
}

struct attempt {
	const char *path;
	int         rc;
	char        msg[1024];
};

static void attempt_open(struct attempt *a)
{
	jg_bundle *b = NULL;
	a->rc = jg_bundle_open(&b, a->path, NULL);
	snprintf(a->msg, sizeof(a->msg), "%s", jg_error_last());
	jg_bundle_free(b);
}

/* Opens a->path with stderr sent to a file; returns the bytes it got. */
static long open_quietly(const char *root, struct attempt *a)
{
	char *path = jt_path(root, "stderr.txt");
	int saved, fd;
	struct stat st;

	fflush(stderr);
	assert_true((saved = dup(2)) >= 0);
	assert_true((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0);
	assert_int_equal(dup2(fd, 2), 2);
	close(fd);
	attempt_open(a);
	fflush(stderr);
	assert_int_equal(dup2(saved, 2), 2);
	close(saved);
	assert_int_equal(stat(path, &st), 0);
	unlink(path);
	free(path);
	return (long)st.st_size;
}

static void test_malformed_yaml(void **state)
{
	struct box *x = *state;
	struct attempt a = { x->dir, 0, "" };

	put_test(x->dir, "sample/1");
	jt_put(x->dir, "problem.yaml", "name: x\nlimits:\n  memory: 5\n  output: 1: 2\n");
	assert_int_equal(open_quietly(x->root, &a), 0);   /* libfyaml printed nothing */
	assert_int_equal(a.rc, JG_EINPUT);
	assert_non_null(strstr(a.msg, "hello/problem.yaml:4:"));
	jt_put(x->dir, "problem.yaml", "name: x\nname: y\n");
	open_fails(x->dir, JG_EINPUT, "hello/problem.yaml:2:", "duplicate key");
	jt_put(x->dir, "problem.yaml", "name: x\nlimits:\n  memory: 5\n bad: 1\n");
	open_fails(x->dir, JG_EINPUT, "hello/problem.yaml:4:", "indentation");
	jt_put(x->dir, "problem.yaml", "limits: [1, 2\n");
	open_fails(x->dir, JG_EINPUT, "hello/problem.yaml:2:", "closing bracket");
}

static void test_alias_bomb(void **state)
{
	static const char bomb[] =
		"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
		"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
		"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
		"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
		"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
		"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
		"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
		"i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
		"limits: *i\n";
	static const char simple[] = "x: &m 64\nlimits:\n  memory: *m\n";
	jg_problem p;
	char **warn = NULL;

	(void)state;
	assert_int_equal(jg_problem_parse_yaml(&p, bomb, strlen(bomb), "p.yaml", &warn), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "p.yaml: YAML aliases are not supported"));
	assert_int_equal(jg_problem_parse_yaml(&p, simple, strlen(simple), "p.yaml", &warn),
			 JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "aliases"));
	jg_strv_free(warn);
}

static void test_huge_yaml(void **state)
{
	struct box *x = *state;
	size_t n = (1 << 20) + 100;
	char *text = malloc(n + 1);

	assert_non_null(text);
	memcpy(text, "name: x\n", 8);
	memset(text + 8, '#', n - 8);
	text[n] = '\0';
	jt_put(x->dir, "problem.yaml", text);
	put_test(x->dir, "sample/1");
	open_fails(x->dir, JG_ELIMIT, "problem.yaml", "larger than");
	free(text);
}

/* --- time limit ---------------------------------------------------------- */

static void expect_tl(const char *dir, double opt, double want, jg_tl_source src)
{
	jg_bundle *b = open_ok(dir, opt, NULL);
	assert_true(b->problem.time_limit == want);
	assert_int_equal(b->problem.time_limit_source, src);
	jg_bundle_free(b);
}

static void test_time_limit_precedence(void **state)
{
	struct box *x = *state;

	put_test(x->dir, "sample/1");
	jt_put(x->dir, "problem.yaml", "limits:\n  time_limit: 3\n");
	jt_put(x->dir, ".timelimit", "4\n");
	jt_put(x->dir, "domjudge-problem.ini", "name='x'\ntimelimit = '5'\ncolor=red\n");
	expect_tl(x->dir, 2, 2, JG_TL_CLI);
	expect_tl(x->dir, 0, 3, JG_TL_YAML);
	jt_put(x->dir, "problem.yaml", "limits:\n  memory: 100\n");
	expect_tl(x->dir, 0, 4, JG_TL_FILE);
	rm(x->dir, ".timelimit");
	expect_tl(x->dir, 0, 5, JG_TL_INI);
	jt_put(x->dir, "domjudge-problem.ini", "timelimit=\"6.5\"\r\n");
	expect_tl(x->dir, 0, 6.5, JG_TL_INI);
	jt_put(x->dir, "domjudge-problem.ini", "  timelimit = 7\n");
	expect_tl(x->dir, 0, 7, JG_TL_INI);
	jt_put(x->dir, "domjudge-problem.ini", "timelimit_other = 7\n");
	expect_tl(x->dir, 0, JG_DEFAULT_TIME_LIMIT, JG_TL_DEFAULT);
	rm(x->dir, "domjudge-problem.ini");
	expect_tl(x->dir, 0, JG_DEFAULT_TIME_LIMIT, JG_TL_DEFAULT);
	expect_tl(x->dir, 0.5, 0.5, JG_TL_CLI);
}

static void test_time_limit_malformed(void **state)
{
	struct box *x = *state;

	put_test(x->dir, "sample/1");
	jt_put(x->dir, ".timelimit", "fast\n");
	open_fails(x->dir, JG_EINPUT, "hello/.timelimit: expected a positive number", NULL);
	jt_put(x->dir, ".timelimit", "-1\n");
	open_fails(x->dir, JG_EINPUT, "hello/.timelimit", NULL);
	rm(x->dir, ".timelimit");
	jt_put(x->dir, "domjudge-problem.ini", "timelimit = 'soon'\n");
	open_fails(x->dir, JG_EINPUT, "hello/domjudge-problem.ini: timelimit", NULL);
	/* the CLI value wins without looking at the files */
	expect_tl(x->dir, 1.5, 1.5, JG_TL_CLI);
}

/* --- test cases ---------------------------------------------------------- */

static void test_ordering(void **state)
{
	static const char *const want[] = {
		"sample/1", "sample/10", "sample/2",
		"secret/a-b", "secret/a", "secret/b/01", "secret/group1/03", "secret/group1/1",
		"secret/group1/sub/x",
	};
	static const char *const make[] = {
		"secret/group1/1", "secret/a", "sample/2", "secret/group1/sub/x", "sample/10",
		"secret/b/01", "secret/a-b", "sample/1", "secret/group1/03",
	};
	struct box *x = *state;
	jg_bundle *b;
	char expect[4200];

	for (size_t i = 0; i < sizeof(make) / sizeof(*make); i++)
		put_test(x->dir, make[i]);
	jt_put(x->dir, "data/secret/.hidden.in", "x");
	jt_put(x->dir, "data/secret/notes.txt", "x");
	jt_put(x->dir, "data/secret/.git/9.in", "x");
	jt_put(x->dir, "data/other/z.in", "x");
	jt_put(x->dir, "data/sample/big.ans", "12345\n");
	jt_put(x->dir, "data/sample/big.in", "1234567890\n");
	b = open_ok(x->dir, 0, NULL);
	assert_int_equal(b->ntests, sizeof(want) / sizeof(*want) + 1);
	for (size_t i = 0, j = 0; i < b->ntests; i++) {
		if (!strcmp(b->tests[i].name, "sample/big")) {
			assert_int_equal(b->tests[i].in_size, 11);
			assert_int_equal(b->tests[i].ans_size, 6);
			continue;
		}
		assert_string_equal(b->tests[i].name, want[j++]);
		snprintf(expect, sizeof(expect), "%s/data/%s.in", b->root, b->tests[i].name);
		assert_string_equal(b->tests[i].in_path, expect);
		snprintf(expect, sizeof(expect), "%s/data/%s.ans", b->root, b->tests[i].name);
		assert_string_equal(b->tests[i].ans_path, expect);
		assert_int_equal(b->tests[i].in_size, 4);
		assert_int_equal(b->tests[i].ans_size, 2);
	}
	assert_string_equal(b->tests[3].name, "sample/big");
	assert_true(b->root[0] == '/');
	jg_bundle_free(b);
}

static void test_missing_ans(void **state)
{
	struct box *x = *state;
	char want[4200];

	put_test(x->dir, "sample/1");
	jt_put(x->dir, "data/secret/3.in", "1\n");
	snprintf(want, sizeof(want), "%s/data/secret/3.in: no matching .ans", x->dir);
	open_fails(x->dir, JG_EINPUT, want, NULL);
}

static void test_no_tests(void **state)
{
	struct box *x = *state;
	char want[4200];

	snprintf(want, sizeof(want), "%s: no test cases under data/sample or data/secret", x->dir);
	open_fails(x->dir, JG_EINPUT, want, NULL);
	jt_put(x->dir, "data/sample/readme.txt", "x");
	jt_put(x->dir, "data/other/1.in", "x");
	jt_put(x->dir, "data/other/1.ans", "x");
	open_fails(x->dir, JG_EINPUT, want, NULL);
}

/* Invalid UTF-8 is refused before the YAML parser sees it: libfyaml 0.7.12
 * loops for ever on a '%' directive holding invalid UTF-8 (found by fuzzing). */
static void test_yaml_invalid_utf8(void **state)
{
	jg_problem p;
	char **warnings = NULL;
	static const char hang[] = "%\xff";
	static const char latin1[] = "name: caf\xe9\n";
	(void)state;
	assert_int_equal(jg_problem_parse_yaml(&p, hang, sizeof(hang) - 1, "x/problem.yaml", &warnings),
			 JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "x/problem.yaml: not valid UTF-8 (at byte 1)"));
	assert_int_equal(jg_problem_parse_yaml(&p, latin1, sizeof(latin1) - 1, "y.yaml", &warnings),
			 JG_EINPUT);
	jg_strv_free(warnings);
}

/* dK/a and dK/b both link to d(K+1): 2^24 paths to one test if symlinked
 * directories were walked once per path; each real directory is walked once. */
static void test_symlink_fanout(void **state)
{
	struct box *x = *state;
	jg_bundle *b;
	char rel[128], target[64];
	int levels = 24;

	jt_put(x->dir, "data/secret/leaf/1.in", "1\n");
	jt_put(x->dir, "data/secret/leaf/1.ans", "1\n");
	for (int k = 0; k < levels; k++) {
		snprintf(rel, sizeof(rel), "data/secret/fan/d%d/keep", k);
		jt_put(x->dir, rel, "");
		snprintf(target, sizeof(target), k + 1 < levels ? "../d%d" : "../../leaf", k + 1);
		snprintf(rel, sizeof(rel), "data/secret/fan/d%d/a", k);
		link_at(x->dir, rel, target);
		snprintf(rel, sizeof(rel), "data/secret/fan/d%d/b", k);
		link_at(x->dir, rel, target);
	}
	b = open_ok(x->dir, 0, NULL);
	assert_int_equal(b->ntests, 1);      /* the leaf, found once */
	jg_bundle_free(b);
}

static void test_symlinks(void **state)
{
	struct box *x = *state;
	jg_bundle *b;

	put_test(x->dir, "secret/1");
	jt_put(x->dir, "extra/shared.in", "5\n");
	jt_put(x->dir, "extra/shared.ans", "5\n");
	jt_put(x->dir, "data/secret/2.ans", "x\n");
	link_at(x->dir, "data/secret/2.in", "../../extra/shared.in");   /* inside: kept */
	jt_put(x->root, "outside/9.in", "secret\n");
	jt_put(x->root, "outside/9.ans", "secret\n");
	link_at(x->dir, "data/secret/passwd.in", "/etc/passwd");
	link_at(x->dir, "data/secret/out", "../../../outside");
	link_at(x->dir, "data/secret/loop", ".");
	link_at(x->dir, "data/secret/broken.in", "nowhere.in");
	b = open_ok(x->dir, 0, NULL);
	assert_int_equal(b->ntests, 2);
	assert_string_equal(b->tests[0].name, "secret/1");
	assert_string_equal(b->tests[1].name, "secret/2");
	assert_int_equal(b->tests[1].in_size, 2);
	assert_true(has_warning(b, "data/secret/passwd.in: leads outside the bundle, ignored"));
	assert_true(has_warning(b, "data/secret/out: leads outside the bundle, ignored"));
	assert_true(has_warning(b, "data/secret/loop: directory reached again through symlinks, ignored"));
	assert_true(has_warning(b, "data/secret/broken.in: broken symlink, ignored"));
	jg_bundle_free(b);
}

/* --- validators ---------------------------------------------------------- */

static void test_validators(void **state)
{
	struct box *x = *state;
	jg_bundle *b;
	char want[4200];

	put_test(x->dir, "sample/1");
	jt_put(x->dir, "problem.yaml", "validation: custom interactive\nvalidator_flags: -x\n");
	snprintf(want, sizeof(want),
		 "%s: validation is custom but output_validators/ is empty", x->dir);
	open_fails(x->dir, JG_EINPUT, want, NULL);
	jt_put(x->dir, "output_validators/readme.txt", "not a directory\n");
	open_fails(x->dir, JG_EINPUT, want, NULL);
	jt_put(x->dir, "output_validators/zeta/v.c", "");
	jt_put(x->dir, "output_validators/alpha/v.c", "");
	b = open_ok(x->dir, 0, NULL);
	assert_int_equal(b->problem.validation, JG_VALIDATION_INTERACTIVE);
	assert_string_equal(b->problem.validator_flags, "-x");
	snprintf(want, sizeof(want), "%s/output_validators/alpha", b->root);
	assert_string_equal(b->problem.validator_dir, want);
	assert_true(has_warning(b, "2 validators, using 'alpha'"));
	jg_bundle_free(b);
	/* default validation ignores output_validators/ */
	jt_put(x->dir, "problem.yaml", "validation: default\n");
	b = open_ok(x->dir, 0, NULL);
	assert_null(b->problem.validator_dir);
	jg_bundle_free(b);
}

/* --- paths and archives -------------------------------------------------- */

static void test_not_a_bundle(void **state)
{
	struct box *x = *state;
	char *file = jt_path(x->in, "solution.cpp");
	char want[4200];

	jt_put(x->in, "solution.cpp", "int main() {}\n");
	snprintf(want, sizeof(want), "%s: not a directory or a supported archive", file);
	open_fails(file, JG_EINPUT, want, NULL);
	open_fails("/nonexistent/bundle", JG_EINPUT, "/nonexistent/bundle", NULL);
	free(file);
}

struct file { const char *name, *data; };

static void write_archive(const char *path, int format, int filter,
			  const struct file *files, size_t n)
{
	struct archive *a = archive_write_new();
	assert_non_null(a);
	assert_int_equal(archive_write_set_format(a, format), ARCHIVE_OK);
	assert_int_equal(archive_write_add_filter(a, filter), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		size_t len = strlen(files[i].data);
		archive_entry_set_pathname(e, files[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)len);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		assert_int_equal(archive_write_data(a, files[i].data, len), (la_ssize_t)len);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

static const struct file flat[] = {
	{ "problem.yaml", "limits:\n  memory: 100\n" },
	{ "data/sample/1.in", "1\n" },
	{ "data/sample/1.ans", "1\n" },
	{ "data/secret/a.in", "2\n" },
	{ "data/secret/a.ans", "2\n" },
};

static const struct file nested[] = {
	{ "hello/problem.yaml", "limits:\n  memory: 100\n" },
	{ "hello/data/sample/1.in", "1\n" },
	{ "hello/data/sample/1.ans", "1\n" },
	{ "hello/data/secret/a.in", "2\n" },
	{ "hello/data/secret/a.ans", "2\n" },
	{ "__MACOSX/._hello", "junk" },
};

static void check_archive_bundle(struct box *x, const char *name, const char *top)
{
	char *path = jt_path(x->in, name), *extracted;
	jg_bundle *b;
	struct stat st;

	b = open_ok(path, 0, x->work);
	assert_non_null(b->extracted_dir);
	assert_true(strncmp(b->extracted_dir, x->work, strlen(x->work)) == 0);
	assert_string_equal(b->problem.name, "myprob");
	assert_int_equal(b->problem.memory_mib, 100);
	assert_int_equal(b->ntests, 2);
	assert_string_equal(b->tests[0].name, "sample/1");
	assert_string_equal(b->tests[1].name, "secret/a");
	if (top)
		assert_string_equal(strrchr(b->root, '/') + 1, top);
	assert_true(strncmp(b->tests[0].in_path, b->root, strlen(b->root)) == 0);
	extracted = strdup(b->extracted_dir);
	jg_bundle_free(b);
	assert_int_equal(stat(extracted, &st), -1);   /* removed */
	free(extracted);
	free(path);
}

static void test_archive_bundles(void **state)
{
	static const struct { const char *name; int format, filter; } f[] = {
		{ "myprob.tar", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_NONE },
		{ "myprob.tar.gz", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP },
		{ "myprob.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE },
		{ "myprob.tar.xz", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_XZ },
	};
	struct box *x = *state;
	char *path;

	for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++) {
		path = jt_path(x->in, f[i].name);
		write_archive(path, f[i].format, f[i].filter, flat, sizeof(flat) / sizeof(*flat));
		check_archive_bundle(x, f[i].name, NULL);
		write_archive(path, f[i].format, f[i].filter, nested,
			      sizeof(nested) / sizeof(*nested));
		check_archive_bundle(x, f[i].name, "hello");
		free(path);
	}
}

static void assert_empty_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)))
		assert_true(!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."));
	closedir(d);
}

/* Failures name the entry or the file inside the archive and leave
 * nothing behind in the work directory. */
static void test_archive_errors(void **state)
{
	static const struct file evil[] = {
		{ "data/sample/1.in", "1\n" },
		{ "../escape.txt", "x" },
	};
	static const struct file missing[] = {
		{ "top/data/secret/3.in", "1\n" },
	};
	struct box *x = *state;
	char *path = jt_path(x->in, "evil.tar.gz"), want[4200];

	write_archive(path, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP, evil, 2);
	open_fails_in(path, x->work, JG_EINPUT, "evil.tar.gz: ../escape.txt: ", NULL);
	assert_empty_dir(x->work);
	write_archive(path, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP, missing, 1);
	snprintf(want, sizeof(want), "%s/top/data/secret/3.in: no matching .ans", path);
	open_fails_in(path, x->work, JG_EINPUT, want, NULL);
	assert_empty_dir(x->work);
	free(path);
}

#define T(f) cmocka_unit_test_setup_teardown(f, box_setup, box_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_defaults),
		T(test_empty_yaml),
		T(test_all_keys),
		T(test_2023_keys),
		T(test_validation_values),
		T(test_multi_pass),
		T(test_unknown_keys),
		T(test_wrong_types),
		T(test_wrong_type_in_bundle),
		T(test_malformed_yaml),
		T(test_alias_bomb),
		T(test_huge_yaml),
		T(test_time_limit_precedence),
		T(test_time_limit_malformed),
		T(test_ordering),
		T(test_missing_ans),
		T(test_no_tests),
		T(test_symlinks),
		T(test_symlink_fanout),
		cmocka_unit_test(test_yaml_invalid_utf8),
		T(test_validators),
		T(test_not_a_bundle),
		T(test_archive_bundles),
		T(test_archive_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
