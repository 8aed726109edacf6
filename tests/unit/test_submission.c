/* tests/unit/test_submission.c - what a SUBMISSION argument resolves to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "fs.h"
#include "lang.h"
#include "submission.h"

static char *tmp;       /* per test */
static jg_langs *langs;

static int group_setup(void **state)
{
	if (jg_langs_load(&langs, jg_langs_default_path()) < 0) {
		fprintf(stderr, "%s\n", jg_error_last());
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	jg_langs_free(langs);
	return 0;
}

static int setup(void **state) { return jg_fs_mkdtemp(&tmp, NULL, "test-sub-"); }

static int teardown(void **state)
{
	jg_fs_rmtree(tmp);
	free(tmp);
	return 0;
}

/* tmp/rel, heap-allocated. */
static char *at(const char *rel) { return jg_path_join(tmp, rel); }

/* Writes tmp/rel (creating its directories) with text. */
static void put(const char *rel, const char *text)
{
	char *p = at(rel);
	for (char *s = p + strlen(tmp) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static jg_submission *open_ok(const char *rel, const char *lang, const char *entry)
{
	jg_submission_opts o = { .lang = lang, .entry = entry, .workdir = tmp };
	jg_submission *s = NULL;
	char *p = at(rel);
	if (jg_submission_open(&s, p, langs, &o) < 0)
		fail_msg("%s: %s", rel, jg_error_last());
	free(p);
	return s;
}

static void open_bad(const char *rel, const char *lang, const char *entry, int code, const char *needle)
{
	jg_submission_opts o = { .lang = lang, .entry = entry, .workdir = tmp };
	jg_submission *s = NULL;
	char *p = at(rel);
	int rc = jg_submission_open(&s, p, langs, &o);
	if (rc != code || !strstr(jg_error_last(), p) || !strstr(jg_error_last(), needle))
		fail_msg("%s: rc %d '%s', expected %d '%s'", rel, rc, jg_error_last(), code, needle);
	assert_null(s);
	free(p);
}

static void assert_files(const jg_submission *s, const char *const *want)
{
	size_t i;
	for (i = 0; want[i]; i++) {
		assert_non_null(s->files[i]);
		assert_string_equal(s->files[i], want[i]);
	}
	assert_null(s->files[i]);
}

static void test_single_c(void **state)
{
	put("sol.c", "int main(void) { return 0; }\n");
	put("other.c", "int x;\n");
	jg_submission *s = open_ok("sol.c", NULL, NULL);
	char *real = realpath(tmp, NULL);

	assert_string_equal(s->lang->name, "c");
	assert_string_equal(s->dir, real);
	assert_files(s, (const char *[]){ "sol.c", NULL });
	assert_string_equal(s->main, "sol.c");
	assert_null(s->tmpdir);
	assert_null(s->mainclass);
	free(real);
	jg_submission_free(s);
	jg_submission_free(NULL);
}

static void test_single_java_renamed(void **state)
{
	put("sol.java", "import java.util.*;\n"
			"// class Fake { public static void main(String[] a) {} }\n"
			"public class Main {\n"
			"  static String s = \"class Nope { static void main(\";\n"
			"  public static void main(String[] args) { System.out.println(s); }\n"
			"}\n");
	jg_submission *s = open_ok("sol.java", NULL, NULL);
	char *copy;
	struct stat st;

	assert_string_equal(s->lang->name, "java");
	assert_non_null(s->tmpdir);
	assert_files(s, (const char *[]){ "Main.java", NULL });
	assert_string_equal(s->main, "Main.java");
	assert_string_equal(s->mainclass, "Main");
	copy = jg_path_join(s->dir, "Main.java");
	assert_int_equal(stat(copy, &st), 0);
	copy = (free(copy), strdup(s->tmpdir));
	jg_submission_free(s);
	assert_int_not_equal(stat(copy, &st), 0);
	free(copy);

	/* Named right: used in place. */
	put("Main.java", "public class Main { public static void main(String[] a) {} }\n");
	s = open_ok("Main.java", NULL, NULL);
	assert_null(s->tmpdir);
	assert_string_equal(s->mainclass, "Main");
	jg_submission_free(s);

	put("nomain.java", "class A { void main() {} }\n");
	open_bad("nomain.java", NULL, NULL, JG_EINPUT, "static void main");
}

static void test_java_package_dir(void **state)
{
	put("prog/com/acme/Util.java", "package com.acme;\n"
				       "public class Util { static int f() { return 1; } }\n");
	put("prog/com/acme/App.java", "/* the app */ package com . acme;\n"
				      "import java.io.*;\n"
				      "public class App {\n"
				      "  static class Inner { }\n"
				      "  char q = '\"'; String t = \"\"\"\n    }}} class X\n    \"\"\";\n"
				      "  public static void main(String[] args) { new Inner(); }\n"
				      "}\n");
	put("prog/README.md", "# readme\n");
	put("prog/.git/x.java", "garbage\n");
	jg_submission *s = open_ok("prog", NULL, NULL);

	assert_string_equal(s->lang->name, "java");
	assert_files(s, (const char *[]){ "com/acme/App.java", "com/acme/Util.java", NULL });
	assert_string_equal(s->mainclass, "com.acme.App");
	assert_string_equal(s->main, "com/acme/App.java");
	jg_submission_free(s);

	/* A nested class declaring main. */
	put("nested/Outer.java", "class Outer { static class In { public static void main(String[] a) {} } }\n");
	s = open_ok("nested", NULL, NULL);
	assert_string_equal(s->mainclass, "Outer$In");
	jg_submission_free(s);

	/* Several mains: Main wins, unless --entry names another file. */
	put("two/A.java", "public class A { public static void main(String[] a) {} }\n");
	put("two/Main.java", "public class Main { static public void main(String... a) {} }\n");
	s = open_ok("two", NULL, NULL);
	assert_string_equal(s->mainclass, "Main");
	assert_string_equal(s->main, "Main.java");
	jg_submission_free(s);
	s = open_ok("two", NULL, "A.java");
	assert_string_equal(s->mainclass, "A");
	assert_string_equal(s->main, "A.java");
	jg_submission_free(s);
}

static void test_python_dir(void **state)
{
	put("py/main.py", "import helper\nhelper.go()\n");
	put("py/helper.py", "def go(): print(1)\n");
	put("py/data.txt", "1 2\n");
	jg_submission *s = open_ok("py", NULL, NULL);
	assert_string_equal(s->lang->name, "python");
	assert_files(s, (const char *[]){ "helper.py", "main.py", NULL });
	assert_string_equal(s->main, "main.py");
	/* the other files go along, not compiled: data the program reads */
	assert_non_null(s->support);
	assert_string_equal(s->support[0], "data.txt");
	assert_null(s->support[1]);
	jg_submission_free(s);

	/* C headers are support files; a file over 1 MiB is left behind */
	put("hdr/main.c", "#include \"add.h\"\nint main(void) { return add(1, 2) - 3; }\n");
	put("hdr/add.h", "static inline int add(int a, int b) { return a + b; }\n");
	{
		char *big = malloc((1u << 20) + 2);
		assert_non_null(big);
		memset(big, 'x', (1u << 20) + 1);
		big[(1u << 20) + 1] = '\0';
		put("hdr/big.bin", big);
		free(big);
	}
	put("hdr/\xff\xfe.txt", "not UTF-8\n");       /* a name the container's tar cannot carry */
	s = open_ok("hdr", NULL, NULL);
	assert_files(s, (const char *[]){ "main.c", NULL });
	assert_non_null(s->support);
	assert_string_equal(s->support[0], "add.h");
	assert_null(s->support[1]);
	jg_submission_free(s);

	put("py/__main__.py", "import helper\n");
	s = open_ok("py", NULL, NULL);
	assert_string_equal(s->main, "__main__.py");
	jg_submission_free(s);

	put("noentry/a.py", "import b\n");
	put("noentry/b.py", "x = 1\n");
	open_bad("noentry", NULL, NULL, JG_EINPUT, "no entry point: expected one of __main__.py, main.py; use --entry");
	s = open_ok("noentry", NULL, "a.py");
	assert_string_equal(s->lang->name, "python");
	assert_string_equal(s->main, "a.py");
	jg_submission_free(s);
	open_bad("noentry", NULL, "c.py", JG_EINPUT, "entry 'c.py'");
}

static void test_mixed(void **state)
{
	put("mix/a.c", "int a;\n");
	put("mix/b.py", "b = 1\n");
	open_bad("mix", NULL, NULL, JG_EINPUT, "several languages (c, python); use --lang");
	jg_submission *s = open_ok("mix", "py", NULL);
	assert_string_equal(s->lang->name, "python");
	assert_files(s, (const char *[]){ "b.py", NULL });
	assert_string_equal(s->main, "b.py");
	jg_submission_free(s);

	/* A conventional entry decides. */
	put("mix/main.py", "import b\n");
	s = open_ok("mix", NULL, NULL);
	assert_string_equal(s->lang->name, "python");
	jg_submission_free(s);
	open_bad("mix", "rust", NULL, JG_EINPUT, "unknown language 'rust'");
	open_bad("mix", "go", NULL, JG_EINPUT, "empty submission");
}

static void test_single_errors(void **state)
{
	put("sol.rs", "fn main() {}\n");
	open_bad("sol.rs", NULL, NULL, JG_EINPUT, "cannot tell the language from the extension; use --lang");
	put("empty.py", "");
	open_bad("empty.py", NULL, NULL, JG_EINPUT, "empty submission");
	open_bad("missing.py", NULL, NULL, JG_EINPUT, "missing.py");
	open_bad("sol.rs", "cobol", NULL, JG_EINPUT, "unknown language 'cobol'");
	put("emptydir/.keep", "");
	open_bad("emptydir", NULL, NULL, JG_EINPUT, "empty submission");
	put("bad\nname.py", "print(1)\n");
	open_bad("bad\nname.py", NULL, NULL, JG_EINPUT, "control character");
	put("ctl/main.py", "print(1)\n");
	put("ctl/x\001.py", "print(1)\n");
	open_bad("ctl", NULL, NULL, JG_EINPUT, "control character");
}

static void test_lang_override(void **state)
{
	/* --lang with a foreign extension: copied under the language's one. */
	put("solution.txt", "#include <stdio.h>\nint main(void) { puts(\"hi\"); }\n");
	jg_submission *s = open_ok("solution.txt", "c++", NULL);
	assert_string_equal(s->lang->name, "cpp");
	assert_non_null(s->tmpdir);
	assert_files(s, (const char *[]){ "solution.cpp", NULL });
	assert_string_equal(s->main, "solution.cpp");
	jg_submission_free(s);

	put("script.py", "print(1)\n");
	s = open_ok("script.py", "python3", NULL);
	assert_string_equal(s->lang->name, "python");
	assert_null(s->tmpdir);
	assert_string_equal(s->main, "script.py");
	jg_submission_free(s);
}

static void test_limits(void **state)
{
	char name[64];
	for (int i = 0; i < 1001; i++) {
		snprintf(name, sizeof(name), "many/f%04d.py", i);
		put(name, "x = 1\n");
	}
	open_bad("many", NULL, "f0000.py", JG_ELIMIT, "more than 1000");
}

static void add_entry(struct archive *a, const char *name, const char *text)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, text ? AE_IFREG : AE_IFDIR);
	archive_entry_set_perm(e, text ? 0644 : 0755);
	archive_entry_set_size(e, text ? (la_int64_t)strlen(text) : 0);
	assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
	if (text)
		assert_int_equal(archive_write_data(a, text, strlen(text)), (la_ssize_t)strlen(text));
	archive_entry_free(e);
}

static void test_tar_gz_go(void **state)
{
	char *p = at("go.tar.gz");
	struct archive *a = archive_write_new();
	jg_submission *s;
	char *tmpdir;
	struct stat st;

	assert_int_equal(archive_write_add_filter_gzip(a), ARCHIVE_OK);
	assert_int_equal(archive_write_set_format_pax_restricted(a), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, p), ARCHIVE_OK);
	add_entry(a, "prog/", NULL);
	add_entry(a, "prog/main.go", "package main\n\nfunc main() { println(add(1, 2)) }\n");
	add_entry(a, "prog/add.go", "package main\n\nfunc add(a, b int) int { return a + b }\n");
	add_entry(a, "prog/notes.txt", "not a source\n");
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	free(p);

	s = open_ok("go.tar.gz", NULL, NULL);
	assert_string_equal(s->lang->name, "go");
	assert_non_null(s->tmpdir);
	assert_int_equal(strncmp(s->tmpdir, tmp, strlen(tmp)), 0);
	assert_non_null(strstr(s->dir, "/prog"));
	assert_files(s, (const char *[]){ "add.go", "main.go", NULL });
	assert_string_equal(s->main, "main.go");
	tmpdir = strdup(s->tmpdir);
	jg_submission_free(s);
	assert_int_not_equal(stat(tmpdir, &st), 0);
	free(tmpdir);
}

/* The Kattis build/run convention, only when asked for (input validators). */
static void test_build_run(void **state)
{
	static const char *const want[] = { "build", "lib/util.sh", "run", "validate.cpp", NULL };
	jg_submission_opts o = { .workdir = tmp, .build_run = 1 };
	jg_submission *s = NULL;
	char *p = at("br");
	(void)state;

	put("br/build", "#!/bin/sh\ng++ -O2 -o validate validate.cpp\n");
	put("br/run", "#!/bin/sh\nexec ./validate \"$@\"\n");
	put("br/validate.cpp", "int main() { return 42; }\n");
	put("br/lib/util.sh", "true\n");
	if (jg_submission_open(&s, p, langs, &o) < 0)
		fail_msg("build/run: %s", jg_error_last());
	assert_ptr_equal(s->lang, &jg_lang_build_run);
	assert_files(s, want);
	assert_string_equal(s->main, "run");
	jg_submission_free(s);
	s = NULL;
	o.build_run = 0;           /* a plain submission: C++ by its source */
	assert_int_equal(jg_submission_open(&s, p, langs, &o), 0);
	assert_string_equal(s->lang->name, "cpp");
	jg_submission_free(s);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_single_c, setup, teardown),
		cmocka_unit_test_setup_teardown(test_single_java_renamed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_java_package_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_python_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_single_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lang_override, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tar_gz_go, setup, teardown),
		cmocka_unit_test_setup_teardown(test_build_run, setup, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
