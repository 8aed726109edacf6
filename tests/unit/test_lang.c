/* tests/unit/test_lang.c - languages files and template expansion. */
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

static char *tmpdir;

static int setup(void **state)
{
	return jg_fs_mkdtemp(&tmpdir, NULL, "test-lang-");
}

static int teardown(void **state)
{
	jg_fs_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

/* Writes text into tmpdir/name; returns the path (caller frees). */
static char *write_file(const char *name, const char *text)
{
	char *p = jg_path_join(tmpdir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static jg_langs *load_default(void)
{
	jg_langs *l = NULL;
	int rc = jg_langs_load(&l, jg_langs_default_path());
	if (rc)
		fail_msg("%s", jg_error_last());
	return l;
}

static void assert_strv(char *const *v, const char *const *want)
{
	size_t i;
	assert_non_null(v);
	for (i = 0; want[i]; i++) {
		assert_non_null(v[i]);
		assert_string_equal(v[i], want[i]);
	}
	assert_null(v[i]);
}

static void test_default_file(void **state)
{
	jg_langs *l = load_default();
	static const char *names[] = { "c", "cpp", "python", "java", "javascript", "go" };
	const jg_lang *x;

	assert_int_equal(jg_langs_count(l), 6);
	for (size_t i = 0; i < 6; i++) {
		x = jg_langs_find(l, names[i]);
		assert_non_null(x);
		assert_string_equal(x->name, names[i]);
		assert_string_equal(x->image, "judge-runtime:1");
		assert_non_null(x->run);
		assert_non_null(x->compile);
		assert_int_equal(x->jvm, !strcmp(names[i], "java"));
	}
	x = jg_langs_find(l, "c");
	assert_strv(x->compile, (const char *[]){ "gcc", "-std=c17", "-O2", "-pipe", "-o", "main", "{files}",
						   "-lm", NULL });
	assert_strv(x->run, (const char *[]){ "./main", NULL });
	assert_null(x->env);
	x = jg_langs_find(l, "python");
	assert_strv(x->entry, (const char *[]){ "__main__.py", "main.py", NULL });
	assert_strv(x->run, (const char *[]){ "python3", "{main}", NULL });
	x = jg_langs_find(l, "java");
	assert_strv(x->run, (const char *[]){ "java", "-Xmx{memory_mib}m", "-Xss64m", "-XX:+UseSerialGC",
					       "-XX:TieredStopAtLevel=1", "-cp", ".", "{mainclass}", NULL });
	x = jg_langs_find(l, "go");
	assert_strv(x->env, (const char *[]){ "GOCACHE=/tmp/.gocache", "HOME=/tmp", "GOPATH=/tmp/go",
					       "CGO_ENABLED=0", "GO111MODULE=off", "GOFLAGS=", NULL });
	assert_strv(jg_langs_find(l, "javascript")->entry, (const char *[]){ "main.js", "index.js", NULL });
	jg_langs_free(l);
}

static void test_aliases(void **state)
{
	jg_langs *l = load_default();
	static const char *pairs[][2] = {
		{ "c++", "cpp" }, { "CXX", "cpp" }, { "py", "python" }, { "Python3", "python" },
		{ "js", "javascript" }, { "node", "javascript" }, { "nodejs", "javascript" },
		{ "golang", "go" }, { "JAVA", "java" }, { "C", "c" },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const jg_lang *x = jg_langs_find(l, pairs[i][0]);
		assert_non_null(x);
		assert_string_equal(x->name, pairs[i][1]);
	}
	assert_null(jg_langs_find(l, "rust"));
	assert_null(jg_langs_find(l, ""));
	jg_langs_free(l);
}

static void test_extensions(void **state)
{
	jg_langs *l = load_default();
	static const char *pairs[][2] = {
		{ "a.c", "c" }, { "dir.d/a.CPP", "cpp" }, { "x.cc", "cpp" }, { "x.c++", "cpp" },
		{ "x.cxx", "cpp" }, { "main.py", "python" }, { "Main.java", "java" }, { "index.js", "javascript" },
		{ "sol.go", "go" }, { "a.b.c", "c" },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const jg_lang *x = jg_langs_by_ext(l, pairs[i][0]);
		assert_non_null(x);
		assert_string_equal(x->name, pairs[i][1]);
	}
	assert_null(jg_langs_by_ext(l, "a.rs"));
	assert_null(jg_langs_by_ext(l, "Makefile"));
	assert_null(jg_langs_by_ext(l, ".py"));
	assert_null(jg_langs_by_ext(l, "x.py/README"));
	assert_null(jg_langs_by_ext(l, "x."));
	jg_langs_free(l);
}

static void test_expand(void **state)
{
	jg_langs *l = load_default();
	char *files[] = { "a.c", "b/c.c", NULL };
	jg_expand_vars v = { files, "a.c", NULL, 256 };
	char **argv = NULL;

	assert_int_equal(jg_lang_expand(&argv, jg_langs_find(l, "c")->compile, &v), 0);
	assert_strv(argv, (const char *[]){ "gcc", "-std=c17", "-O2", "-pipe", "-o", "main", "a.c", "b/c.c", "-lm",
					     NULL });
	jg_strv_free(argv);

	/* {mainclass} is required by java's run. */
	assert_int_equal(jg_lang_expand(&argv, jg_langs_find(l, "java")->run, &v), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "{mainclass}"));
	v.mainclass = "a.b.Main";
	assert_int_equal(jg_lang_expand(&argv, jg_langs_find(l, "java")->run, &v), 0);
	assert_string_equal(argv[1], "-Xmx256m");
	assert_string_equal(argv[7], "a.b.Main");
	assert_null(argv[8]);
	jg_strv_free(argv);

	assert_int_equal(jg_lang_expand(&argv, jg_langs_find(l, "python")->run, &v), 0);
	assert_strv(argv, (const char *[]){ "python3", "a.c", NULL });
	jg_strv_free(argv);

	/* Placeholders inside arguments, literal braces, errors. */
	char *t1[] = { "x{main}y{memory_mib}", "{ }", "{}", "a{B}", NULL };
	assert_int_equal(jg_lang_expand(&argv, t1, &v), 0);
	assert_strv(argv, (const char *[]){ "xa.cy256", "{ }", "{}", "a{B}", NULL });
	jg_strv_free(argv);
	char *t2[] = { "run", "{nope}", NULL };
	argv = NULL;
	assert_int_equal(jg_lang_expand(&argv, t2, &v), JG_EINPUT);
	assert_null(argv);
	assert_non_null(strstr(jg_error_last(), "{nope}"));
	char *t3[] = { "-f{files}", NULL };
	assert_int_equal(jg_lang_expand(&argv, t3, &v), JG_EINPUT);
	v.main = NULL;
	char *t4[] = { "{main}", NULL };
	assert_int_equal(jg_lang_expand(&argv, t4, &v), JG_EINPUT);
	/* An empty template and an empty file list. */
	char *t5[] = { NULL };
	char *none[] = { NULL };
	assert_int_equal(jg_lang_expand(&argv, t5, &v), 0);
	assert_null(argv[0]);
	jg_strv_free(argv);
	v.files = none;
	char *t6[] = { "cc", "{files}", NULL };
	assert_int_equal(jg_lang_expand(&argv, t6, &v), 0);
	assert_strv(argv, (const char *[]){ "cc", NULL });
	jg_strv_free(argv);
	jg_langs_free(l);
}

static void test_default_path(void **state)
{
	setenv("JUDGE_LANGUAGES", "/x/langs.yaml", 1);
	assert_string_equal(jg_langs_default_path(), "/x/langs.yaml");
	unsetenv("JUDGE_LANGUAGES");
	assert_non_null(strstr(jg_langs_default_path(), "/harness/languages.yaml"));
}

static void test_override(void **state)
{
	jg_langs *l = load_default();
	char *p = write_file("user.yaml",
			     "# user languages\n"
			     "languages:\n"
			     "  python:\n"
			     "    aliases: [py]\n"
			     "    extensions: [py]\n"
			     "    image: python:3.12-slim\n"
			     "    run: [python3, \"{main}\"]\n"
			     "  rust:\n"
			     "    aliases: [rs]\n"
			     "    extensions: [rs]\n"
			     "    image: rust:1-slim\n"
			     "    compile: [rustc, -O, -o, main, \"{main}\"]\n"
			     "    run: [./main]\n"
			     "    env: [RUST_BACKTRACE=0]\n");
	const jg_lang *x;

	assert_int_equal(jg_langs_merge(l, p), 0);
	assert_int_equal(jg_langs_count(l), 7);
	x = jg_langs_find(l, "python");
	assert_string_equal(x->image, "python:3.12-slim");
	assert_null(x->compile);
	assert_null(x->entry);
	/* Replaced entirely: the old alias python3 is gone. */
	assert_null(jg_langs_find(l, "python3"));
	assert_ptr_equal(jg_langs_find(l, "py"), x);
	assert_ptr_equal(jg_langs_by_ext(l, "a.py"), x);
	x = jg_langs_find(l, "RS");
	assert_non_null(x);
	assert_string_equal(x->name, "rust");
	assert_ptr_equal(jg_langs_by_ext(l, "main.rs"), x);
	assert_string_equal(x->env[0], "RUST_BACKTRACE=0");
	assert_non_null(jg_langs_find(l, "c++"));

	/* A bad merge leaves the set as it was. */
	char *bad = write_file("bad-merge.yaml", "languages:\n  go: {image: x}\n");
	assert_int_equal(jg_langs_merge(l, bad), JG_EINPUT);
	assert_int_equal(jg_langs_count(l), 7);
	assert_string_equal(jg_langs_find(l, "golang")->image, "judge-runtime:1");
	free(bad);
	free(p);
	jg_langs_free(l);
}

/* Loading `text` fails with JG_EINPUT and a message naming the file and
 * holding `needle`. */
static void expect_bad(const char *text, const char *needle)
{
	char *p = write_file("bad.yaml", text);
	jg_langs *l = NULL;
	int rc = jg_langs_load(&l, p);
	if (rc != JG_EINPUT || !strstr(jg_error_last(), p) || !strstr(jg_error_last(), needle))
		fail_msg("rc %d, message '%s', expected '%s'", rc, jg_error_last(), needle);
	assert_null(l);
	free(p);
}

#define LANG_HEAD "languages:\n  c:\n    image: gcc:12\n"

static void test_malformed(void **state)
{
	expect_bad("languages: [1\n", "invalid YAML");
	expect_bad("languages:\n\tc: 1\n", "line 2");
	expect_bad("", "empty");
	expect_bad("# nothing\n\n", "no YAML document");
	expect_bad("langs: {}\n", "unknown key 'langs'");
	expect_bad("- a\n", "expected a mapping");
	expect_bad("languages: [c, go]\n", "expected a mapping");
	expect_bad(LANG_HEAD, "missing 'run'");
	expect_bad("languages:\n  c:\n    run: [./main]\n", "missing 'image'");
	expect_bad(LANG_HEAD "    run: [./main]\n    extension: [c]\n", "line 5: languages.c: unknown key 'extension'");
	expect_bad(LANG_HEAD "    run: ./main\n", "languages.c.run: expected a list of strings");
	expect_bad(LANG_HEAD "    run: [[./main]]\n", "expected a list of strings");
	expect_bad(LANG_HEAD "    run: []\n", "empty command");
	expect_bad(LANG_HEAD "    run: [./main]\n    image: [a]\n", "duplicate key");
	expect_bad("languages:\n  c:\n    image: [gcc]\n    run: [./main]\n", "languages.c.image: expected a string");
	expect_bad(LANG_HEAD "    run: [./main]\n    memory: 256\n", "jvm");
	expect_bad(LANG_HEAD "    run: [\"{main\", \"{mian}\"]\n", "unknown placeholder '{mian}'");
	expect_bad(LANG_HEAD "    run: [./main]\n    compile: [cc, \"-I{files}\"]\n", "whole argument");
	expect_bad(LANG_HEAD "    run: [./main]\n    env: [NOVALUE]\n", "KEY=VALUE");
	expect_bad(LANG_HEAD "    run: [./main]\n    extensions: [.c]\n", "without the dot");
	expect_bad(LANG_HEAD "    run: &r [./main]\n    compile: *r\n", "aliases");
	expect_bad(LANG_HEAD "    run: [./main]\n    extensions: [c]\n"
		   "  cc:\n    image: gcc:12\n    run: [./main]\n    extensions: [C]\n",
		   "both claim the extension");
	expect_bad(LANG_HEAD "    run: [./main]\n"
		   "  cc:\n    aliases: [C]\n    image: gcc:12\n    run: [./main]\n",
		   "both claim the name");
	/* function: blocks */
	expect_bad(LANG_HEAD "    run: [./main]\n    function: [c]\n",
		   "languages.c.function: expected a mapping");
	expect_bad(LANG_HEAD "    run: [./main]\n    function: {harness: cobol, run: [./main]}\n",
		   "unknown harness 'cobol' (known: c, cpp, python, javascript, java, go)");
	expect_bad(LANG_HEAD "    run: [./main]\n    function: {harness: c}\n", "needs 'harness' and 'run'");
	expect_bad(LANG_HEAD "    run: [./main]\n    function: {harness: c, run: [./main], build: [x]}\n",
		   "unknown key 'build' (known: harness, compile, run)");
	expect_bad(LANG_HEAD "    run: [./main]\n    function: {harness: c, run: [\"{mian}\"]}\n",
		   "unknown placeholder '{mian}'");
}

/* Every default language takes part in function-call problems. */
static void test_function_blocks(void **state)
{
	static const char *const want[][2] = {
		{ "c", "c" }, { "cpp", "cpp" }, { "python", "python" },
		{ "java", "java" }, { "javascript", "javascript" }, { "go", "go" },
	};
	jg_langs *l = load_default();

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const jg_lang *x = jg_langs_find(l, want[i][0]);
		assert_non_null(x);
		assert_non_null(x->fn_harness);
		assert_string_equal(x->fn_harness, want[i][1]);
		assert_non_null(x->fn_run);
	}
	jg_langs_free(l);
}

static void test_load_errors(void **state)
{
	jg_langs *l = NULL;
	char *p = jg_path_join(tmpdir, "missing.yaml");
	char *big;

	assert_int_equal(jg_langs_load(&l, p), JG_EIO);
	assert_non_null(strstr(jg_error_last(), p));
	free(p);

	big = malloc((2u << 20) + 1);
	memset(big, '#', 2u << 20);
	big[2u << 20] = '\0';
	p = write_file("big.yaml", big);
	assert_int_equal(jg_langs_load(&l, p), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "1 MiB"));
	assert_null(l);
	free(big);
	free(p);

	/* Null values for optional keys, an empty set. */
	p = write_file("ok.yaml", "languages:\n  sh:\n    image: debian:12\n    run: [sh, \"{main}\"]\n"
				  "    compile: ~\n    env:\n    memory: null\n");
	assert_int_equal(jg_langs_load(&l, p), 0);
	assert_int_equal(jg_langs_count(l), 1);
	assert_null(jg_langs_at(l, 0)->compile);
	assert_null(jg_langs_at(l, 0)->env);
	assert_non_null(jg_langs_at(l, 0)->extensions);
	assert_null(jg_langs_at(l, 0)->extensions[0]);
	assert_null(jg_langs_at(l, 1));
	jg_langs_free(l);
	free(p);
	jg_langs_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_file),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_extensions),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_function_blocks),
		cmocka_unit_test(test_load_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
