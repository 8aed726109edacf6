/* tests/unit/test_archive.c - safe archive extraction (extract.h).
 *
 * Every archive is written at runtime with libarchive's writer into a fresh
 * sandbox "<tmp>/jg-archive-XXXXXX" holding in/ (the archive) and dest/ (the
 * extraction target).  After a refused archive the sandbox must hold nothing
 * but those two, with in/ unchanged.
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
#include <sys/sysmacros.h>
#include <unistd.h>

#include "error.h"
#include "extract.h"
#include "fs.h"
#include "fixture_fs.h"

enum { E_FILE, E_DIR, E_LINK, E_HARD, E_FIFO, E_CHR, E_ZEROS };

struct ent {
	int         kind;
	const char *name;
	const char *data;    /* file contents; link target for E_LINK/E_HARD */
	unsigned    perm;    /* 0: 0644 (0755 for directories) */
	uint64_t    zeros;   /* E_ZEROS: this many zero bytes */
};

struct box {
	char *root;
	char *in;     /* root/in */
	char *dest;   /* root/dest */
	char *arc;    /* root/in/a.<ext> */
};

static int box_setup(void **state)
{
	struct box *b = calloc(1, sizeof(*b));
	assert_non_null(b);
	assert_int_equal(jg_fs_mkdtemp(&b->root, NULL, "jg-archive-"), 0);
	b->in = jt_path(b->root, "in");
	b->dest = jt_path(b->root, "dest");
	assert_int_equal(mkdir(b->in, 0755), 0);
	assert_int_equal(mkdir(b->dest, 0755), 0);
	*state = b;
	return 0;
}

static int box_teardown(void **state)
{
	struct box *b = *state;
	jg_fs_rmtree(b->root);
	free(b->root);
	free(b->in);
	free(b->dest);
	free(b->arc);
	free(b);
	return 0;
}

static void write_zeros(struct archive *a, uint64_t n)
{
	static char zero[64 * 1024];
	while (n) {
		size_t k = n < sizeof(zero) ? (size_t)n : sizeof(zero);
		assert_int_equal(archive_write_data(a, zero, k), (la_ssize_t)k);
		n -= k;
	}
}

static void set_type(struct archive_entry *e, const struct ent *x)
{
	static const unsigned types[] = { [E_FILE] = AE_IFREG, [E_DIR] = AE_IFDIR,
		[E_LINK] = AE_IFLNK, [E_HARD] = AE_IFREG, [E_FIFO] = AE_IFIFO,
		[E_CHR] = AE_IFCHR, [E_ZEROS] = AE_IFREG };
	archive_entry_set_filetype(e, types[x->kind]);
	archive_entry_set_perm(e, x->perm ? x->perm : x->kind == E_DIR ? 0755 : 0644);
	if (x->kind == E_FILE)
		archive_entry_set_size(e, (la_int64_t)strlen(x->data ? x->data : ""));
	if (x->kind == E_ZEROS)
		archive_entry_set_size(e, (la_int64_t)x->zeros);
	if (x->kind == E_LINK)
		archive_entry_set_symlink(e, x->data);
	if (x->kind == E_HARD)
		archive_entry_set_hardlink(e, x->data);
	if (x->kind == E_CHR)
		archive_entry_set_rdev(e, makedev(1, 3));
}

static void add_entry(struct archive *a, const struct ent *x)
{
	struct archive_entry *e = archive_entry_new();
	assert_non_null(e);
	archive_entry_set_pathname(e, x->name);
	set_type(e, x);
	archive_entry_set_mtime(e, 1700000000, 0);
	assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
	if (x->kind == E_FILE && x->data && *x->data)
		assert_int_equal(archive_write_data(a, x->data, strlen(x->data)),
				 (la_ssize_t)strlen(x->data));
	if (x->kind == E_ZEROS)
		write_zeros(a, x->zeros);
	archive_entry_free(e);
}

/* Writes box->arc ("in/a.<ext>") in the given format and filter. */
static void make(struct box *b, const char *ext, int format, int filter,
		 const struct ent *ents, size_t n)
{
	struct archive *a = archive_write_new();
	char name[64];

	snprintf(name, sizeof(name), "a.%s", ext);
	free(b->arc);
	b->arc = jt_path(b->in, name);
	assert_non_null(a);
	assert_int_equal(archive_write_set_format(a, format), ARCHIVE_OK);
	assert_int_equal(archive_write_add_filter(a, filter), ARCHIVE_OK);
	if (format == ARCHIVE_FORMAT_ZIP)   /* fastest deflate: keeps the bomb cheap */
		assert_int_equal(archive_write_set_options(a, "zip:compression-level=1"),
				 ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, b->arc), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++)
		add_entry(a, &ents[i]);
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

#define TAR  ARCHIVE_FORMAT_TAR_PAX_RESTRICTED
#define ZIP  ARCHIVE_FORMAT_ZIP
#define NONE ARCHIVE_FILTER_NONE
#define MAKE_TAR(b, ents) make((b), "tar", TAR, NONE, (ents), sizeof(ents) / sizeof(*(ents)))

static size_t count_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0;
	assert_non_null(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Nothing but in/ (with the one archive) and dest/ in the sandbox. */
static void assert_contained(struct box *b)
{
	assert_int_equal(count_dir(b->root), 2);
	assert_int_equal(count_dir(b->in), 1);
	assert_true(jg_fs_is_dir(b->dest));
}

/* Extraction fails with code, the message names the archive and `entry`. */
static void assert_refused(struct box *b, const jg_archive_limits *lim, int code,
			   const char *entry, const char *reason)
{
	char prefix[4200];
	int rc = jg_archive_extract(b->arc, b->dest, lim);
	const char *msg = jg_error_last();

	if (rc != code || !strstr(msg, reason))
		print_error("rc %d, message: %s\n", rc, msg);
	assert_int_equal(rc, code);
	snprintf(prefix, sizeof(prefix), "%s: %s: ", b->arc, entry);
	assert_true(strncmp(msg, prefix, strlen(prefix)) == 0);
	assert_non_null(strstr(msg, reason));
	assert_contained(b);
}

static mode_t mode_of(const char *dir, const char *rel)
{
	char *path = jt_path(dir, rel);
	struct stat st;
	assert_int_equal(lstat(path, &st), 0);
	free(path);
	return st.st_mode;
}

static const struct ent normal[] = {
	{ E_DIR, "top/", NULL, 0, 0 },
	{ E_FILE, "top/hello.txt", "hello\n", 0, 0 },
	{ E_FILE, "top/run.sh", "#!/bin/sh\n", 0755, 0 },
	{ E_FILE, "top/suid", "x", 04755, 0 },
	{ E_FILE, "top/secret", "y", 0600, 0 },
	{ E_FILE, "top/deep/er/file.txt", "deep", 0, 0 },
	{ E_FILE, "./top/./dot//slash.txt", "dot", 0, 0 },
	{ E_FILE, "top/empty", "", 0, 0 },
	{ E_LINK, "top/deep/link", "../hello.txt", 0, 0 },
	{ E_LINK, "top/self", ".", 0, 0 },
};

static void check_normal(struct box *b)
{
	char *text, target[64];
	ssize_t n;
	char *link = jt_path(b->dest, "top/deep/link");

	assert_int_equal(jg_archive_extract(b->arc, b->dest, NULL), 0);
	text = jt_slurp_at(b->dest, "top/hello.txt");
	assert_string_equal(text, "hello\n");
	free(text);
	text = jt_slurp_at(b->dest, "top/deep/link");   /* through the symlink */
	assert_string_equal(text, "hello\n");
	free(text);
	text = jt_slurp_at(b->dest, "top/dot/slash.txt");
	assert_string_equal(text, "dot");
	free(text);
	n = readlink(link, target, sizeof(target) - 1);
	assert_true(n > 0);
	target[n] = '\0';
	assert_string_equal(target, "../hello.txt");
	free(link);
	assert_int_equal(mode_of(b->dest, "top/run.sh") & 07777, 0755);
	assert_int_equal(mode_of(b->dest, "top/suid") & 07777, 0755);
	assert_int_equal(mode_of(b->dest, "top/secret") & 07777, 0644);
	assert_int_equal(mode_of(b->dest, "top/deep/er") & 07777, 0755);
	assert_true(S_ISLNK(mode_of(b->dest, "top/self")));
	assert_int_equal(count_dir(b->root), 2);
}

static void test_tar(void **state)
{
	MAKE_TAR((struct box *)*state, normal);
	check_normal(*state);
}

static void test_formats(void **state)
{
	static const struct { const char *ext; int format, filter; } f[] = {
		{ "tar.gz", TAR, ARCHIVE_FILTER_GZIP },
		{ "tar.xz", TAR, ARCHIVE_FILTER_XZ },
		{ "tar.bz2", TAR, ARCHIVE_FILTER_BZIP2 },
		{ "zip", ZIP, NONE },
	};
	struct box *b = *state;
	for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++) {
		make(b, f[i].ext, f[i].format, f[i].filter, normal, sizeof(normal) / sizeof(*normal));
		assert_int_equal(jg_archive_detect(b->arc), 1);
		check_normal(b);
		assert_int_equal(jg_fs_rmtree(b->dest), 0);
		assert_int_equal(mkdir(b->dest, 0755), 0);
		assert_int_equal(unlink(b->arc), 0);
	}
}

static void test_zstd(void **state)
{
	struct box *b = *state;
	struct archive *a = archive_write_new();
	int ok = archive_write_add_filter_zstd(a) == ARCHIVE_OK;
	archive_write_free(a);
	if (!ok)
		skip();
	make(b, "tar.zst", TAR, ARCHIVE_FILTER_ZSTD, normal, sizeof(normal) / sizeof(*normal));
	assert_int_equal(jg_archive_detect(b->arc), 1);
	check_normal(b);
}

static void write_plain(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void test_detect(void **state)
{
	struct box *b = *state;
	static const struct ent one[] = { { E_FILE, "x", "y", 0, 0 } };
	char *txt = jt_path(b->in, "plain.txt"), *empty = jt_path(b->in, "empty");

	write_plain(txt, "just some text\nnot an archive\n");
	write_plain(empty, "");
	assert_int_equal(jg_archive_detect(txt), 0);
	assert_int_equal(jg_archive_detect(empty), 0);
	assert_int_equal(jg_archive_detect(b->dest), 0);
	assert_int_equal(jg_archive_detect("/nonexistent/file.zip"), 0);
	/* a compressed file that holds no archive is libarchive's "raw" */
	make(b, "txt.gz", ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, one, 1);
	assert_int_equal(jg_archive_detect(b->arc), 0);
	assert_int_equal(jg_archive_extract(b->arc, b->dest, NULL), JG_EINPUT);
	make(b, "zip", ZIP, NONE, one, 1);
	assert_int_equal(jg_archive_detect(b->arc), 1);
	assert_int_equal(jg_archive_extract(txt, b->dest, NULL), JG_EINPUT);
	assert_int_equal(jg_archive_extract(b->dest, b->dest, NULL), JG_EINPUT);
	free(txt);
	free(empty);
}

static void test_dotdot(void **state)
{
	static const struct ent e[] = {
		{ E_FILE, "ok.txt", "fine", 0, 0 },
		{ E_FILE, "sub/../../evil.txt", "pwned", 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "sub/../../evil.txt", "'..'");
}

static void test_absolute(void **state)
{
	struct box *b = *state;
	char *abs = jt_path(b->root, "evil_abs");
	struct ent e[] = { { E_FILE, abs, "pwned", 0, 0 } };
	MAKE_TAR(b, e);
	assert_refused(b, NULL, JG_EINPUT, abs, "absolute path");
	assert_int_equal(access(abs, F_OK), -1);
	free(abs);
}

static void test_symlink_absolute(void **state)
{
	static const struct ent e[] = { { E_LINK, "passwd", "/etc/passwd", 0, 0 } };
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "passwd", "absolute");
}

static void test_symlink_escape(void **state)
{
	static const struct ent e[] = {
		{ E_DIR, "sub/", NULL, 0, 0 },
		{ E_LINK, "sub/up", "../../escape", 0, 0 },
		{ E_FILE, "sub/up/evil.txt", "pwned", 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "sub/up", "escapes");
}

/* ".." after a name resolves from wherever that name points: refused. */
static void test_symlink_dotdot_after_name(void **state)
{
	static const struct ent e[] = {
		{ E_LINK, "a/b/up", "../..", 0, 0 },
		{ E_LINK, "x", "a/b/up/..", 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "x", "'..' after a name");
}

/* An allowed internal symlink cannot be used to write elsewhere. */
static void test_write_through_symlink(void **state)
{
	static const struct ent e[] = {
		{ E_DIR, "real/", NULL, 0, 0 },
		{ E_LINK, "alias", "real", 0, 0 },
		{ E_FILE, "alias/x.txt", "x", 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "alias/x.txt", "symlink");
}

static void test_hardlink(void **state)
{
	static const struct ent e[] = {
		{ E_FILE, "a.txt", "a", 0, 0 },
		{ E_HARD, "b.txt", "a.txt", 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "b.txt", "hardlink");
}

static void test_fifo(void **state)
{
	static const struct ent e[] = { { E_FIFO, "pipe", NULL, 0, 0 } };
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "pipe", "FIFO");
}

static void test_device(void **state)
{
	static const struct ent e[] = { { E_CHR, "null", NULL, 0, 0 } };
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "null", "device");
}

static void test_duplicate(void **state)
{
	static const struct ent e[] = {
		{ E_FILE, "d/a.txt", "first", 0, 0 },
		{ E_FILE, "d/a.txt", "second", 0, 0 },
	};
	struct box *b = *state;
	char *text;
	MAKE_TAR(b, e);
	assert_refused(b, NULL, JG_EINPUT, "d/a.txt", "duplicate");
	text = jt_slurp_at(b->dest, "d/a.txt");
	assert_string_equal(text, "first");
	free(text);
}

static void test_duplicate_kinds(void **state)
{
	static const struct ent e[] = {
		{ E_DIR, "x/", NULL, 0, 0 },
		{ E_LINK, "x", "y", 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "x", "duplicate");
}

static void test_file_then_dir(void **state)
{
	static const struct ent e[] = {
		{ E_FILE, "x", "data", 0, 0 },
		{ E_DIR, "x/", NULL, 0, 0 },
	};
	MAKE_TAR((struct box *)*state, e);
	assert_refused(*state, NULL, JG_EINPUT, "x/", "duplicate");
}

static void test_bad_names(void **state)
{
	static const struct ent ctl[] = { { E_FILE, "bad\x01name", "x", 0, 0 } };
	static const struct ent deep[] = { { E_FILE, "a/b/c/d.txt", "x", 0, 0 } };
	static const struct ent ok[] = { { E_FILE, "a/b/c.txt", "x", 0, 0 } };
	jg_archive_limits lim;
	struct box *b = *state;

	MAKE_TAR(b, ctl);
	assert_refused(b, NULL, JG_EINPUT, "bad?name", "control character");
	jg_archive_limits_default(&lim);
	lim.max_depth = 3;
	MAKE_TAR(b, deep);
	assert_refused(b, &lim, JG_EINPUT, "a/b/c/d.txt", "deeper than 3");
	MAKE_TAR(b, ok);
	assert_int_equal(jg_archive_extract(b->arc, b->dest, &lim), 0);
}

static void test_too_many_entries(void **state)
{
	struct ent e[12];
	char names[12][16];
	jg_archive_limits lim;

	for (int i = 0; i < 12; i++) {
		snprintf(names[i], sizeof(names[i]), "f%02d", i);
		e[i] = (struct ent){ E_FILE, names[i], "x", 0, 0 };
	}
	MAKE_TAR((struct box *)*state, e);
	jg_archive_limits_default(&lim);
	lim.max_entries = 10;
	assert_refused(*state, &lim, JG_ELIMIT, "f10", "more than 10 entries");
}

static void test_size_caps(void **state)
{
	static const struct ent e[] = {
		{ E_ZEROS, "one", NULL, 0, 3000 },
		{ E_ZEROS, "two", NULL, 0, 3000 },
	};
	struct box *b = *state;
	jg_archive_limits lim;

	MAKE_TAR(b, e);
	jg_archive_limits_default(&lim);
	lim.max_file = 2000;
	assert_refused(b, &lim, JG_ELIMIT, "one", "larger than 2000 bytes");
	jg_archive_limits_default(&lim);
	lim.max_total = 5000;
	assert_int_equal(jg_fs_rmtree(b->dest), 0);
	assert_int_equal(mkdir(b->dest, 0755), 0);
	assert_refused(b, &lim, JG_ELIMIT, "two", "more than 5000 bytes");
}

/* 200 MiB of zeros deflate to ~200 KiB; the ratio cap stops extraction
 * after a few MiB (lowered cap) and nothing near 200 MiB is written. */
static void test_zip_bomb(void **state)
{
	static const struct ent e[] = { { E_ZEROS, "zeros.bin", NULL, 0, 200ull << 20 } };
	struct box *b = *state;
	jg_archive_limits lim;
	struct stat st;
	char *out;

	make(b, "zip", ZIP, NONE, e, 1);
	assert_int_equal(stat(b->arc, &st), 0);
	assert_true(st.st_size < (1 << 20));
	jg_archive_limits_default(&lim);
	lim.max_ratio = 20;
	assert_refused(b, &lim, JG_ELIMIT, "zeros.bin", "compression ratio");
	out = jt_path(b->dest, "zeros.bin");
	assert_int_equal(stat(out, &st), 0);
	assert_true((uint64_t)st.st_size <= 20 * (uint64_t)(1 << 20));
	free(out);
}

/* Highly compressible but small content passes the ratio floor. */
static void test_small_compressible(void **state)
{
	static const struct ent e[] = { { E_ZEROS, "zeros.bin", NULL, 0, 512 << 10 } };
	struct box *b = *state;
	make(b, "tar.gz", TAR, ARCHIVE_FILTER_GZIP, e, 1);
	assert_int_equal(jg_archive_extract(b->arc, b->dest, NULL), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, box_setup, box_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_tar),
		T(test_formats),
		T(test_zstd),
		T(test_detect),
		T(test_dotdot),
		T(test_absolute),
		T(test_symlink_absolute),
		T(test_symlink_escape),
		T(test_symlink_dotdot_after_name),
		T(test_write_through_symlink),
		T(test_hardlink),
		T(test_fifo),
		T(test_device),
		T(test_duplicate),
		T(test_duplicate_kinds),
		T(test_file_then_dir),
		T(test_bad_names),
		T(test_too_many_entries),
		T(test_size_caps),
		T(test_zip_bomb),
		T(test_small_compressible),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
