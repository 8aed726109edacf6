/* tests/unit/test_roster.c - batches of submissions as platforms export them.
 *
 * Every export is built at test time in a fresh "<tmp>/test-roster-XXXXXX"
 * (also $TMPDIR, so archives are extracted inside it): directories and
 * files with mkdir/fopen, archives with libarchive's writer.
 */
#define _GNU_SOURCE
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
#include "roster.h"

static char *tmp;        /* per test */
static char *real;       /* realpath(tmp) */
static char *old_tmpdir; /* $TMPDIR before the test */

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");
	old_tmpdir = t ? strdup(t) : NULL;
	if (jg_fs_mkdtemp(&tmp, NULL, "test-roster-") < 0 || !(real = realpath(tmp, NULL)))
		return -1;
	return setenv("TMPDIR", tmp, 1);
}

static int teardown(void **state)
{
	if (old_tmpdir)
		setenv("TMPDIR", old_tmpdir, 1);
	else
		unsetenv("TMPDIR");
	jg_fs_rmtree(tmp);
	free(tmp);
	free(real);
	free(old_tmpdir);
	return 0;
}

/* tmp/rel, heap-allocated. */
static char *at(const char *rel)
{
	char *p = jg_path_join(tmp, rel);
	assert_non_null(p);
	return p;
}

/* realpath(tmp)/rel, heap-allocated. */
static char *real_at(const char *rel)
{
	char *p = jg_path_join(real, rel);
	assert_non_null(p);
	return p;
}

/* Creates tmp/rel and its parents. */
static void mkd(const char *rel)
{
	char *p = at(rel);
	for (char *s = p + strlen(tmp) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	mkdir(p, 0755);
	free(p);
}

/* Writes tmp/rel (creating its directories) with text. */
static void put(const char *rel, const char *text)
{
	char *p = at(rel), *slash = strrchr(p, '/');
	FILE *f;

	if (slash > p + strlen(tmp)) {     /* below tmp itself */
		*slash = '\0';
		mkd(p + strlen(tmp) + 1);
		*slash = '/';
	}
	assert_non_null(f = fopen(p, "w"));
	fputs(text, f);
	fclose(f);
	free(p);
}

static void symlink_at(const char *target, const char *rel)
{
	char *p = at(rel);
	assert_int_equal(symlink(target, p), 0);
	free(p);
}

static jg_roster *open_ok(const char *rel, jg_layout l)
{
	jg_roster *r = NULL;
	char *p = at(rel);
	if (jg_roster_open(&r, p, l) < 0)
		fail_msg("%s (%s): %s", rel, jg_layout_name(l), jg_error_last());
	free(p);
	assert_non_null(r);
	return r;
}

/* Opening rel fails with code, the message holds "tmp/disp: " and needle. */
static void open_bad(const char *rel, const char *disp, jg_layout l, int code, const char *needle)
{
	jg_roster *r = NULL;
	char *p = at(rel), *d = at(disp), *head;
	int rc = jg_roster_open(&r, p, l);

	assert_true(asprintf(&head, "%s: ", d) > 0);
	if (rc != code || strncmp(jg_error_last(), head, strlen(head)) || !strstr(jg_error_last(), needle))
		fail_msg("%s (%s): rc %d '%s', expected %d '%s...%s'", rel, jg_layout_name(l), rc,
			 jg_error_last(), code, head, needle);
	assert_null(r);
	assert_null(strchr(jg_error_last(), '\n'));
	free(head);
	free(p);
	free(d);
}

/* Checks students[i] and its files' names; every path is an absolute
 * regular file. */
static const jg_student *student(const jg_roster *r, size_t i, const char *id, const char *name, int late,
				 const char *const *files)
{
	const jg_student *s;
	struct stat st;
	size_t n;

	assert_true(i < r->nstudents);
	s = &r->students[i];
	assert_string_equal(s->id, id);
	assert_string_equal(s->name, name);
	assert_int_equal(s->late, late);
	for (n = 0; files[n]; n++) {
		assert_true(n < s->nfiles);
		assert_string_equal(s->files[n].name, files[n]);
		assert_int_equal(s->files[n].path[0], '/');
		assert_int_equal(lstat(s->files[n].path, &st), 0);
		assert_true(S_ISREG(st.st_mode));
	}
	assert_int_equal(s->nfiles, n);
	return s;
}

/* s->root is realpath(tmp)/rel, or NULL when rel is. */
static void root_is(const jg_student *s, const char *rel)
{
	char *want;
	if (!rel) {
		assert_null(s->root);
		return;
	}
	want = real_at(rel);
	assert_non_null(s->root);
	assert_string_equal(s->root, want);
	free(want);
}

/* The file's path is realpath(tmp)/rel. */
static void path_is(const jg_roster_file *f, const char *rel)
{
	char *want = real_at(rel);
	assert_string_equal(f->path, want);
	free(want);
}

#define FILES(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NOFILES    ((const char *const[]){ NULL })

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

/* Writes tmp/rel as a zip (zip 1) or tar.gz of names[i]/texts[i] (text
 * NULL: a directory). */
static void write_archive(const char *rel, int zip, const char *const *names, const char *const *texts)
{
	struct archive *a = archive_write_new();
	char *p = at(rel);

	if (zip) {
		assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	} else {
		assert_int_equal(archive_write_add_filter_gzip(a), ARCHIVE_OK);
		assert_int_equal(archive_write_set_format_pax_restricted(a), ARCHIVE_OK);
	}
	assert_int_equal(archive_write_open_filename(a, p), ARCHIVE_OK);
	for (size_t i = 0; names[i]; i++)
		add_entry(a, names[i], texts[i]);
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	free(p);
}

/* ---- fixtures ---- */

static void make_moodle_folders(void)
{
	put("m/Jane Doe_12_assignsubmission_file_/main.c", "int main(void) { return 0; }\n");
	put("m/Jane Doe_12_assignsubmission_file_/src/util.c", "int u;\n");
	put("m/Jane Doe_12_assignsubmission_file_/.git/HEAD", "ref\n");
	put("m/Jane Doe_12_assignsubmission_onlinetext_/onlinetext.html", "<p>hi</p>\n");
	symlink_at("/etc/passwd", "m/Jane Doe_12_assignsubmission_file_/passwd.c");
	symlink_at("/etc", "m/Jane Doe_12_assignsubmission_file_/etc");
	mkd("m/Bob Roe_7_assignsubmission_file_");
	put("m/Zoë Ünal_30_assignsubmission_file/a.py", "print(1)\n");
	put("m/Only Text_44_assignsubmission_onlinetext_/onlinetext.html", "<p>text</p>\n");
	put("m/.DS_Store", "x");
}

static void make_canvas(void)
{
	put("c/doejane_12_100_sum.c", "old\n");
	put("c/doejane_12_105_sum-1.c", "new\n");
	put("c/doejane_12_101_data-set.c", "d\n");
	put("c/doejane_12_99_x.c", "x99\n");
	put("c/doejane_12_1000_x-1.c", "x1000\n");
	put("c/roebob_LATE_7_200_Main-12.java", "class Main {}\n");
	put("c/roebob_LATE_7_201_notes", "n\n");
	put("c/lee-ann2_30_300_README-3", "r\n");
	put("c/__MACOSX/._doejane_12_100_sum.c", "mac\n");
}

static void make_github(void)
{
	put("gh/hw1-submissions/hw1-alice/main.c", "int main(void) { return 0; }\n");
	put("gh/hw1-submissions/hw1-alice/src/lib.c", "int lib;\n");
	put("gh/hw1-submissions/hw1-alice/.git/config", "[core]\n");
	put("gh/hw1-submissions/hw1-alice/.github/workflows/ci.yml", "on: push\n");
	put("gh/hw1-submissions/hw1-bob-smith/main.py", "print(1)\n");
	put("gh/hw1-submissions/.DS_Store", "x");
	put("gh/.hidden", "x");
}

static void make_blackboard(void)
{
	put("bb/HW_1_jdoe_attempt_2024-01-02-10-00-00_sum.c", "old\n");
	put("bb/HW_1_jdoe_attempt_2024-01-02-10-00-00.txt", "Name: Jane Doe (jdoe)\nAssignment: HW_1\n");
	put("bb/HW_1_jdoe_attempt_2024-01-05-09-00-00_sum.c", "new\n");
	put("bb/HW_1_jdoe_attempt_2024-01-05-09-00-00_util_v2.h", "h\n");
	put("bb/HW_1_jdoe_attempt_2024-01-05-09-00-00.txt",
	    "\xef\xbb\xbf" "Assignment: HW_1\r\n  Name: Jane Q. Doe (jdoe)\r\nDate Submitted: x\r\n");
	put("bb/HW_1_bsmith_attempt_2024-01-03-00-00-00_a.py", "print(1)\n");
	put("bb/HW_1_ckent_attempt_2024-01-03-00-00-00.txt", "Name: Clark Kent (ckent)\n");
}

static void make_plain(void)
{
	put("p/alice.c", "int main(void) { return 0; }\n");
	put("p/bob/main.c", "int main(void) { return 0; }\n");
	put("p/bob/lib/x.c", "int x;\n");
	put("p/bob/.git/HEAD", "ref\n");
	symlink_at("/etc", "p/bob/etc");
	put("p/dave.tar.gz", "not really\n");
	put("p/erin.py", "print(1)\n");
	put("p/erin/util.py", "u = 1\n");
	put("p/.DS_Store", "x");
	put("p/__MACOSX/._alice.c", "mac");
	symlink_at("/etc", "p/frank");
	symlink_at("/etc/passwd", "p/gina.c");
	write_archive("p/carol.zip", 1, FILES("main.c"), FILES("int main(void) { return 0; }\n"));
}

/* ---- layout names ---- */

static void test_layout_names(void **state)
{
	jg_layout l = JG_LAYOUT_PLAIN;

	for (int i = JG_LAYOUT_AUTO; i <= JG_LAYOUT_SINGLE; i++) {
		assert_int_equal(jg_layout_parse(&l, jg_layout_name((jg_layout)i)), 0);
		assert_int_equal(l, i);
	}
	assert_string_equal(jg_layout_name(JG_LAYOUT_BLACKBOARD), "blackboard");
	assert_string_equal(jg_layout_name(JG_LAYOUT_AUTO), "auto");
	assert_int_equal(jg_layout_parse(&l, "Canvas"), 0);
	assert_int_equal(l, JG_LAYOUT_CANVAS);
	assert_int_equal(jg_layout_parse(&l, "d2l"), JG_EINPUT);
	assert_int_equal(l, JG_LAYOUT_CANVAS);
	assert_non_null(strstr(jg_error_last(), "'d2l'"));
	assert_non_null(strstr(jg_error_last(), "moodle"));
	assert_non_null(strstr(jg_error_last(), "single"));
	assert_int_equal(jg_layout_parse(&l, NULL), JG_EINPUT);
	assert_string_equal(jg_layout_name((jg_layout)42), "unknown");
	jg_roster_free(NULL);
}

/* ---- each layout ---- */

static void check_moodle_folders(const jg_roster *r)
{
	const jg_student *s;

	assert_int_equal(r->layout, JG_LAYOUT_MOODLE);
	assert_null(r->tmpdir);
	assert_int_equal(r->nstudents, 3);     /* ids sorted by strcmp: "12" "30" "7" */
	s = student(r, 0, "12", "Jane Doe", 0, FILES("main.c", "src/util.c"));
	root_is(s, "m/Jane Doe_12_assignsubmission_file_");
	path_is(&s->files[1], "m/Jane Doe_12_assignsubmission_file_/src/util.c");
	s = student(r, 1, "30", "Zoë Ünal", 0, FILES("a.py"));
	root_is(s, "m/Zoë Ünal_30_assignsubmission_file");
	s = student(r, 2, "7", "Bob Roe", 0, NOFILES);
	root_is(s, "m/Bob Roe_7_assignsubmission_file_");
	assert_null(s->files);
}

static void test_moodle_folders(void **state)
{
	jg_roster *r;

	make_moodle_folders();
	r = open_ok("m", JG_LAYOUT_AUTO);
	check_moodle_folders(r);
	jg_roster_free(r);
	r = open_ok("m", JG_LAYOUT_MOODLE);
	check_moodle_folders(r);
	jg_roster_free(r);
}

static void test_moodle_flat(void **state)
{
	const jg_student *s;
	jg_roster *r;

	put("mf/Jane Doe_12_assignsubmission_file_sum.c", "s\n");
	put("mf/Jane Doe_12_assignsubmission_file_notes_v2.txt", "n\n");
	put("mf/Jane Doe_12_assignsubmission_file_/extra.c", "e\n");
	put("mf/Jane Doe_12_assignsubmission_file_/sum.c", "folder\n");
	put("mf/A_1_B_5_assignsubmission_file_x_9_assignsubmission_file_y.c", "x\n");
	r = open_ok("mf", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_MOODLE);
	assert_int_equal(r->nstudents, 2);
	/* The folder and the flat files of one participant merge; of the two
	 * sum.c the later entry in name order wins. */
	s = student(r, 0, "12", "Jane Doe", 0, FILES("extra.c", "notes_v2.txt", "sum.c"));
	root_is(s, NULL);
	path_is(&s->files[0], "mf/Jane Doe_12_assignsubmission_file_/extra.c");
	path_is(&s->files[2], "mf/Jane Doe_12_assignsubmission_file_sum.c");
	s = student(r, 1, "5", "A_1_B", 0, FILES("x_9_assignsubmission_file_y.c"));
	root_is(s, NULL);
	path_is(&s->files[0], "mf/A_1_B_5_assignsubmission_file_x_9_assignsubmission_file_y.c");
	jg_roster_free(r);
}

static void check_canvas(const jg_roster *r, const char *dir)
{
	const jg_student *s;
	char *rel;

	assert_int_equal(r->layout, JG_LAYOUT_CANVAS);
	assert_int_equal(r->nstudents, 3);
	s = student(r, 0, "12", "doejane", 0, FILES("data-set.c", "sum.c", "x.c"));
	root_is(s, NULL);
	/* Same final name: the highest attachment id (numerically) wins. */
	assert_non_null(strstr(s->files[1].path, "/doejane_12_105_sum-1.c"));
	assert_non_null(strstr(s->files[2].path, "/doejane_12_1000_x-1.c"));
	if (dir) {
		assert_true(asprintf(&rel, "%s/doejane_12_101_data-set.c", dir) > 0);
		path_is(&s->files[0], rel);
		free(rel);
	}
	s = student(r, 1, "30", "lee-ann2", 0, FILES("README"));
	root_is(s, NULL);
	s = student(r, 2, "7", "roebob", 1, FILES("Main.java", "notes"));
	assert_non_null(strstr(s->files[0].path, "/roebob_LATE_7_200_Main-12.java"));
}

static void test_canvas(void **state)
{
	jg_roster *r;

	make_canvas();
	r = open_ok("c", JG_LAYOUT_AUTO);
	check_canvas(r, "c");
	jg_roster_free(r);
	r = open_ok("c", JG_LAYOUT_CANVAS);
	check_canvas(r, "c");
	jg_roster_free(r);
	/* "_late_" is taken in any case; "-N" with no extension is dropped. */
	put("c2/smithann_late_3_9_main-2", "m\n");
	r = open_ok("c2", JG_LAYOUT_CANVAS);
	student(r, 0, "3", "smithann", 1, FILES("main"));
	jg_roster_free(r);
}

static void check_github(const jg_roster *r)
{
	const jg_student *s;

	assert_int_equal(r->layout, JG_LAYOUT_GITHUB);
	assert_int_equal(r->nstudents, 2);
	s = student(r, 0, "alice", "alice", 0, FILES("main.c", "src/lib.c"));
	root_is(s, "gh/hw1-submissions/hw1-alice");
	path_is(&s->files[1], "gh/hw1-submissions/hw1-alice/src/lib.c");
	s = student(r, 1, "bob-smith", "bob-smith", 0, FILES("main.py"));
	root_is(s, "gh/hw1-submissions/hw1-bob-smith");
}

static void test_github(void **state)
{
	jg_roster *r;

	make_github();
	r = open_ok("gh", JG_LAYOUT_AUTO);                 /* the only entry */
	check_github(r);
	jg_roster_free(r);
	r = open_ok("gh/hw1-submissions", JG_LAYOUT_AUTO); /* itself */
	check_github(r);
	jg_roster_free(r);
	r = open_ok("gh/", JG_LAYOUT_GITHUB);
	check_github(r);
	jg_roster_free(r);
}

/* Without "{assignment}-submissions" the prefix is the common "...-". */
static void test_github_prefix(void **state)
{
	jg_roster *r;

	put("repos/lab-1-anna/a.c", "a\n");
	put("repos/lab-1-andy/b.c", "b\n");
	put("repos/lab-1-andy/.git/HEAD", "ref\n");
	r = open_ok("repos", JG_LAYOUT_GITHUB);
	assert_int_equal(r->nstudents, 2);
	root_is(student(r, 0, "andy", "andy", 0, FILES("b.c")), "repos/lab-1-andy");
	root_is(student(r, 1, "anna", "anna", 0, FILES("a.c")), "repos/lab-1-anna");
	jg_roster_free(r);
	/* Not named "-submissions": auto takes the directories for plain. */
	r = open_ok("repos", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_PLAIN);
	student(r, 0, "lab-1-andy", "lab-1-andy", 0, FILES("b.c"));
	jg_roster_free(r);
	/* A lone repository: everything up to its last '-'. */
	put("one/hw-2-carol/x.c", "x\n");
	r = open_ok("one", JG_LAYOUT_GITHUB);
	assert_int_equal(r->nstudents, 1);
	root_is(student(r, 0, "carol", "carol", 0, FILES("x.c")), "one/hw-2-carol");
	jg_roster_free(r);
	/* "{assignment}-" wins over a longer common prefix. */
	put("lab-submissions/lab-john-a/x.c", "x\n");
	put("lab-submissions/lab-john-b/x.c", "x\n");
	r = open_ok("lab-submissions", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_GITHUB);
	student(r, 0, "john-a", "john-a", 0, FILES("x.c"));
	student(r, 1, "john-b", "john-b", 0, FILES("x.c"));
	jg_roster_free(r);
}

static void check_blackboard(const jg_roster *r)
{
	const jg_student *s;

	assert_int_equal(r->layout, JG_LAYOUT_BLACKBOARD);
	assert_int_equal(r->nstudents, 3);
	s = student(r, 0, "bsmith", "bsmith", 0, FILES("a.py"));
	root_is(s, NULL);
	path_is(&s->files[0], "bb/HW_1_bsmith_attempt_2024-01-03-00-00-00_a.py");
	s = student(r, 1, "ckent", "Clark Kent", 0, NOFILES);
	root_is(s, NULL);
	s = student(r, 2, "jdoe", "Jane Q. Doe", 0, FILES("sum.c", "util_v2.h"));
	path_is(&s->files[0], "bb/HW_1_jdoe_attempt_2024-01-05-09-00-00_sum.c");
	path_is(&s->files[1], "bb/HW_1_jdoe_attempt_2024-01-05-09-00-00_util_v2.h");
}

static void test_blackboard(void **state)
{
	jg_roster *r;

	make_blackboard();
	r = open_ok("bb", JG_LAYOUT_AUTO);
	check_blackboard(r);
	jg_roster_free(r);
	r = open_ok("bb", JG_LAYOUT_BLACKBOARD);
	check_blackboard(r);
	jg_roster_free(r);
	/* A later receipt without a Name line: the username. */
	put("bb/HW_1_bsmith_attempt_2024-02-01-00-00-00.txt", "Assignment: HW_1\n");
	r = open_ok("bb", JG_LAYOUT_BLACKBOARD);
	student(r, 0, "bsmith", "bsmith", 0, NOFILES);
	jg_roster_free(r);
}

static void test_plain(void **state)
{
	const jg_student *s;
	jg_roster *r;

	make_plain();
	r = open_ok("p", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_PLAIN);
	assert_int_equal(r->nstudents, 5);
	s = student(r, 0, "alice", "alice", 0, FILES("alice.c"));
	root_is(s, NULL);
	path_is(&s->files[0], "p/alice.c");
	s = student(r, 1, "bob", "bob", 0, FILES("lib/x.c", "main.c"));
	root_is(s, "p/bob");
	/* A student's archive is one file, not extracted. */
	s = student(r, 2, "carol", "carol", 0, FILES("carol.zip"));
	root_is(s, NULL);
	student(r, 3, "dave", "dave", 0, FILES("dave.tar.gz"));
	/* A file and a directory of one name merge: no single root. */
	s = student(r, 4, "erin", "erin", 0, FILES("erin.py", "util.py"));
	root_is(s, NULL);
	path_is(&s->files[1], "p/erin/util.py");
	jg_roster_free(r);
}

static void test_single(void **state)
{
	const jg_student *s;
	jg_roster *r;

	put("s/main.c", "int main(void) { return 0; }\n");
	put("s/src/a.c", "int a;\n");
	put("s/.git/HEAD", "ref\n");
	put("s/README", "r\n");
	symlink_at("/etc/passwd", "s/src/passwd");
	r = open_ok("s", JG_LAYOUT_SINGLE);
	assert_int_equal(r->layout, JG_LAYOUT_SINGLE);
	assert_int_equal(r->nstudents, 1);
	s = student(r, 0, "submission", "submission", 0, FILES("README", "main.c", "src/a.c"));
	root_is(s, "s");
	path_is(&s->files[2], "s/src/a.c");
	jg_roster_free(r);
	/* A Canvas export taken whole. */
	make_canvas();
	r = open_ok("c", JG_LAYOUT_SINGLE);
	assert_int_equal(r->nstudents, 1);
	assert_int_equal(r->students[0].nfiles, 8);
	assert_string_equal(r->students[0].files[0].name, "doejane_12_1000_x-1.c");
	jg_roster_free(r);
}

/* ---- detection ---- */

static void test_auto_share(void **state)
{
	jg_roster *r;

	/* Two of three entries are Moodle's: the stray file is skipped. */
	put("mx/Jane Doe_12_assignsubmission_file_/a.c", "a\n");
	put("mx/Bob Roe_7_assignsubmission_file_b.c", "b\n");
	put("mx/index.html", "<html>\n");
	r = open_ok("mx", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_MOODLE);
	assert_int_equal(r->nstudents, 2);
	student(r, 0, "12", "Jane Doe", 0, FILES("a.c"));
	student(r, 1, "7", "Bob Roe", 0, FILES("b.c"));
	jg_roster_free(r);
	/* Exactly half is enough. */
	put("half/doejane_12_100_a.c", "a\n");
	put("half/readme.md", "r\n");
	r = open_ok("half", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_CANVAS);
	assert_int_equal(r->nstudents, 1);
	student(r, 0, "12", "doejane", 0, FILES("a.c"));
	jg_roster_free(r);
	/* Less than half: plain. */
	put("few/doejane_12_100_a.c", "a\n");
	put("few/notes.txt", "n\n");
	put("few/other.txt", "o\n");
	r = open_ok("few", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_PLAIN);
	assert_int_equal(r->nstudents, 3);
	student(r, 0, "doejane_12_100_a", "doejane_12_100_a", 0, FILES("doejane_12_100_a.c"));
	student(r, 1, "notes", "notes", 0, FILES("notes.txt"));
	student(r, 2, "other", "other", 0, FILES("other.txt"));
	jg_roster_free(r);
}

/* ---- forced layouts that do not fit ---- */

static void test_forced_mismatch(void **state)
{
	jg_roster *r;

	put("fm/doejane_12_100_sum.c", "s\n");
	put("fm/roebob_7_200_a.c", "a\n");
	put("fm/stray.txt", "x\n");
	open_bad("fm", "fm", JG_LAYOUT_CANVAS, JG_EINPUT,
		 "stray.txt: not a Canvas submission name "
		 "({sortablename}[_LATE]_{userid}_{attachmentid}_{filename})");
	open_bad("fm", "fm", JG_LAYOUT_MOODLE, JG_EINPUT, "doejane_12_100_sum.c: not a Moodle submission");
	open_bad("fm", "fm", JG_LAYOUT_BLACKBOARD, JG_EINPUT,
		 "doejane_12_100_sum.c: not a Blackboard submission name");
	open_bad("fm", "fm", JG_LAYOUT_GITHUB, JG_EINPUT,
		 "doejane_12_100_sum.c: not a GitHub Classroom repository");
	/* Plain and single take anything. */
	r = open_ok("fm", JG_LAYOUT_PLAIN);
	assert_int_equal(r->nstudents, 3);
	jg_roster_free(r);
	r = open_ok("fm", JG_LAYOUT_SINGLE);
	assert_int_equal(r->nstudents, 1);
	assert_int_equal(r->students[0].nfiles, 3);
	jg_roster_free(r);
	/* A directory is no Canvas file; odd names are shown on one line. */
	put("fd/doejane_12_100_sum.c", "s\n");
	put("fd/doejane_12_101_dir/x.c", "x\n");
	open_bad("fd", "fd", JG_LAYOUT_CANVAS, JG_EINPUT, "doejane_12_101_dir: not a Canvas");
	put("nl/bad\nname.c", "x\n");
	open_bad("nl", "nl", JG_LAYOUT_BLACKBOARD, JG_EINPUT, "bad?name.c: not a Blackboard");
	/* Moodle folders must have a kind; files must be of kind "file". */
	put("mk/Jane Doe_12_assignsubmission_/a.c", "a\n");
	open_bad("mk", "mk", JG_LAYOUT_MOODLE, JG_EINPUT, "Jane Doe_12_assignsubmission_: not a Moodle");
	put("mo/Jane Doe_12_assignsubmission_onlinetext_x.html", "a\n");
	open_bad("mo", "mo", JG_LAYOUT_MOODLE, JG_EINPUT, "onlinetext_x.html: not a Moodle");
	open_bad("fm", "fm", (jg_layout)42, JG_EINPUT, "unknown layout");
}

/* ---- archives ---- */

static void test_archive_wrapped(void **state)
{
	static const char *const names[] = {
		"export/", "export/doejane_12_101_data-set.c", "export/doejane_12_100_sum.c",
		"export/doejane_12_105_sum-1.c", "export/doejane_12_99_x.c", "export/doejane_12_1000_x-1.c",
		"export/roebob_LATE_7_200_Main-12.java", "export/roebob_LATE_7_201_notes",
		"export/lee-ann2_30_300_README-3", "export/.hidden", NULL
	};
	static const char *const texts[] = { NULL, "d\n", "old\n", "new\n", "x\n", "x\n", "m\n", "n\n", "r\n",
		"h\n" };
	jg_roster *r;
	struct stat st;
	char *tmpdir;

	write_archive("subs.tar.gz", 0, names, texts);
	r = open_ok("subs.tar.gz", JG_LAYOUT_AUTO);
	check_canvas(r, NULL);
	assert_non_null(r->tmpdir);
	assert_int_equal(strncmp(r->tmpdir, tmp, strlen(tmp)), 0);
	assert_non_null(strstr(r->students[0].files[0].path, "/export/doejane_12_101_data-set.c"));
	assert_int_equal(strncmp(r->students[0].files[0].path, real, strlen(real)), 0);
	assert_non_null(tmpdir = strdup(r->tmpdir));
	jg_roster_free(r);
	assert_int_not_equal(stat(tmpdir, &st), 0);
	free(tmpdir);
	/* Messages name the folder entered; the extraction is removed. */
	open_bad("subs.tar.gz", "subs.tar.gz/export", JG_LAYOUT_MOODLE, JG_EINPUT,
		 "doejane_12_1000_x-1.c: not a Moodle submission");
}

static void test_archive_github(void **state)
{
	static const char *const wrapped[] = { "hw2-submissions/hw2-amy/main.c", "hw2-submissions/hw2-amy/.git/HEAD",
		"hw2-submissions/hw2-ben/sub/main.c", NULL };
	static const char *const bare[] = { "hw3-cat/a.c", "hw3-dan/b.c", "README.md", NULL };
	static const char *const texts[] = { "a\n", "ref\n", "b\n" };
	jg_roster *r;

	write_archive("hw2.zip", 1, wrapped, texts);
	r = open_ok("hw2.zip", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_GITHUB);
	assert_int_equal(r->nstudents, 2);
	assert_non_null(strstr(student(r, 0, "amy", "amy", 0, FILES("main.c"))->root, "/hw2-submissions/hw2-amy"));
	student(r, 1, "ben", "ben", 0, FILES("sub/main.c"));
	jg_roster_free(r);
	/* No folder: the archive's own name says "-submissions"; the stray
	 * file is skipped by detection, refused when forced. */
	write_archive("hw3-submissions.zip", 1, bare, texts);
	r = open_ok("hw3-submissions.zip", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_GITHUB);
	assert_int_equal(r->nstudents, 2);
	student(r, 0, "cat", "cat", 0, FILES("a.c"));
	student(r, 1, "dan", "dan", 0, FILES("b.c"));
	jg_roster_free(r);
	open_bad("hw3-submissions.zip", "hw3-submissions.zip", JG_LAYOUT_GITHUB, JG_EINPUT,
		 "README.md: not a GitHub Classroom repository");
}

/* A Moodle export of one student: its folder is no wrapper. */
static void test_archive_one_moodle(void **state)
{
	static const char *const names[] = { "Jane Doe_12_assignsubmission_file_/",
		"Jane Doe_12_assignsubmission_file_/main.c", "Jane Doe_12_assignsubmission_file_/lib/a.c", NULL };
	static const char *const texts[] = { NULL, "m\n", "a\n" };
	const jg_student *s;
	jg_roster *r;

	write_archive("one.zip", 1, names, texts);
	r = open_ok("one.zip", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_MOODLE);
	assert_int_equal(r->nstudents, 1);
	s = student(r, 0, "12", "Jane Doe", 0, FILES("lib/a.c", "main.c"));
	assert_non_null(s->root);
	assert_non_null(strstr(s->root, "/Jane Doe_12_assignsubmission_file_"));
	jg_roster_free(r);
}

/* ---- bad inputs and odd names ---- */

static void test_empty(void **state)
{
	static const char *const hidden[] = { ".git/HEAD", "__MACOSX/._x", NULL };
	static const char *const texts[] = { "ref\n", "mac\n" };

	mkd("e");
	open_bad("e", "e", JG_LAYOUT_AUTO, JG_EINPUT, "no submissions");
	open_bad("e", "e", JG_LAYOUT_SINGLE, JG_EINPUT, "no submissions");
	put("h/.git/HEAD", "ref\n");
	put("h/__MACOSX/._a.c", "mac\n");
	symlink_at("/etc", "h/etc");
	open_bad("h", "h", JG_LAYOUT_PLAIN, JG_EINPUT, "no submissions");
	put("ot/Jane Doe_12_assignsubmission_onlinetext_/onlinetext.html", "<p>\n");
	open_bad("ot", "ot", JG_LAYOUT_AUTO, JG_EINPUT, "no submissions");
	write_archive("hidden.zip", 1, hidden, texts);
	open_bad("hidden.zip", "hidden.zip", JG_LAYOUT_AUTO, JG_EINPUT, "no submissions");
	open_bad("missing", "missing", JG_LAYOUT_AUTO, JG_EINPUT, "No such file");
	put("notes.txt", "just text\n");
	open_bad("notes.txt/x", "notes.txt/x", JG_LAYOUT_AUTO, JG_EINPUT, "Not a directory");
	open_bad("notes.txt", "notes.txt", JG_LAYOUT_AUTO, JG_EINPUT, "not a directory or a supported archive");
}

/* Directories nested too deep are refused, naming the place. */
static void test_limits(void **state)
{
	char rel[512] = "deep/alice";

	for (int i = 0; i < 70; i++)
		strcat(rel, "/d");
	strcat(rel, "/main.c");
	put(rel, "x\n");
	put("deep/bob.c", "x\n");
	open_bad("deep", "deep", JG_LAYOUT_AUTO, JG_ELIMIT, "alice/d/d/d");
	open_bad("deep", "deep", JG_LAYOUT_AUTO, JG_ELIMIT, "nested deeper than 64");
}

static void test_odd_names(void **state)
{
	char longname[256], longid[256], rel[300];
	jg_roster *r;

	memset(longname, 'a', 250);
	strcpy(longname + 250, ".c");
	memset(longid, 'a', 250);
	longid[250] = '\0';
	snprintf(rel, sizeof(rel), "odd/%s", longname);
	put(rel, "x\n");
	put("odd/new\nline.c", "x\n");
	put("odd/x.c", "x\n");
	put("odd/x.h", "x\n");
	put("odd/Zoë.py", "x\n");
	r = open_ok("odd", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_PLAIN);
	assert_int_equal(r->nstudents, 4);
	student(r, 0, "Zoë", "Zoë", 0, FILES("Zoë.py"));
	student(r, 1, longid, longid, 0, FILES(longname));
	student(r, 2, "new\nline", "new\nline", 0, FILES("new\nline.c"));
	student(r, 3, "x", "x", 0, FILES("x.c", "x.h"));
	jg_roster_free(r);
	/* Moodle names in any script, and long ones. */
	snprintf(rel, sizeof(rel), "om/%.200s_99_assignsubmission_file_/a.c", longid);
	put(rel, "a\n");
	put("om/李 小龍_3_assignsubmission_file_/b.c", "b\n");
	r = open_ok("om", JG_LAYOUT_AUTO);
	assert_int_equal(r->layout, JG_LAYOUT_MOODLE);
	assert_int_equal(r->nstudents, 2);
	student(r, 0, "3", "李 小龍", 0, FILES("b.c"));
	assert_int_equal(strlen(student(r, 1, "99", r->students[1].name, 0, FILES("a.c"))->name), 200);
	jg_roster_free(r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_layout_names),
		T(test_moodle_folders),
		T(test_moodle_flat),
		T(test_canvas),
		T(test_github),
		T(test_github_prefix),
		T(test_blackboard),
		T(test_plain),
		T(test_single),
		T(test_auto_share),
		T(test_forced_mismatch),
		T(test_archive_wrapped),
		T(test_archive_github),
		T(test_archive_one_moodle),
		T(test_empty),
		T(test_limits),
		T(test_odd_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
