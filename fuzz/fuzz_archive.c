/* fuzz/fuzz_archive.c - safe archive extraction (extract.h, core/archive.c).
 *
 * The input is written to a temporary file and extracted, with small caps,
 * into a fresh directory nested three levels deep inside a private root:
 *
 *     ROOT/a/b/x        x is the destination; ROOT is made once per process
 *
 * so that anything written through "..", an absolute name or a symlink
 * leaving x would land in ROOT, a or b, which must afterwards hold nothing
 * but that chain.  The input file lives outside ROOT.
 *
 * Properties, beyond no crash or leak:
 *  - the result is 0, JG_EINPUT or JG_ELIMIT (JG_EIO would mean the code
 *    tripped over its own file system calls), with a one-line message;
 *  - ROOT, a and b hold only the chain; x is still a real directory;
 *  - below x: only regular files, directories and symlinks; regular files
 *    have one link (no hardlinks); no symlink target is absolute, and every
 *    symlink that resolves, resolves inside x; the caps hold (bytes per file,
 *    bytes in all, entries, depth);
 *  - the input file is unchanged in size.
 * Then jg_fs_rmtree() must remove x completely.
 *
 * An mtree "archive" holds no file contents: libarchive only reads the files
 * it names from the host with the "checkfs" option, which archive.c does not
 * set.  So an mtree input that extracts a non-empty file is a failure (a
 * guard against a libarchive default changing under us).
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

#include "error.h"
#include "extract.h"
#include "fs.h"

#define MAX_TOTAL   (2u << 20)
#define MAX_FILE    (1536u << 10)
#define MAX_ENTRIES 200
#define MAX_DEPTH   12

static char *root;         /* the private root, made on first use */
static char *real_dest;    /* realpath of ROOT/a/b/x */

static void remove_root(void)
{
	if (root)
		jg_fs_rmtree(root);
	free(root);
	free(real_dest);
	root = real_dest = NULL;
}

static char *join(const char *a, const char *b)
{
	char *p = jg_path_join(a, b);
	if (!p)
		abort();
	return p;
}

/* 1 when libarchive reads the input as an mtree specification. */
static int is_mtree(const uint8_t *data, size_t size)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	int r, mtree;
	if (!a)
		abort();
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	r = archive_read_open_memory(a, data, size);
	if (r == ARCHIVE_OK)
		r = archive_read_next_header(a, &e);
	mtree = (r == ARCHIVE_OK || r == ARCHIVE_WARN) &&
		(archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_MTREE;
	archive_read_free(a);
	return mtree;
}

/* dir holds exactly the entry `only` (or nothing when only is NULL). */
static void holds_only(const char *dir, const char *only)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int seen = 0;

	FUZZ_CHECK_MSG(d != NULL, dir);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		FUZZ_CHECK_MSG(only && !strcmp(e->d_name, only), e->d_name);
		seen = 1;
	}
	closedir(d);
	FUZZ_CHECK(seen == (only != NULL));
}

struct walk {
	uint64_t total, entries, nonempty;
};

static void walk(const char *dir, unsigned depth, struct walk *w)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	FUZZ_CHECK_MSG(d != NULL, dir);
	FUZZ_CHECK(depth <= MAX_DEPTH);
	while ((e = readdir(d))) {
		struct stat st;
		char *p;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = join(dir, e->d_name);
		FUZZ_CHECK(lstat(p, &st) == 0);
		w->entries++;
		if (S_ISREG(st.st_mode)) {
			FUZZ_CHECK(st.st_nlink == 1);
			FUZZ_CHECK((uint64_t)st.st_size <= MAX_FILE);
			FUZZ_CHECK(!(st.st_mode & (S_ISUID | S_ISGID | S_IWOTH)));
			w->total += (uint64_t)st.st_size;
			w->nonempty += st.st_size > 0;
		} else if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX], *real;
			ssize_t n = readlink(p, target, sizeof(target) - 1);
			FUZZ_CHECK(n > 0);
			target[n] = '\0';
			FUZZ_CHECK_MSG(target[0] != '/', target);
			if ((real = realpath(p, NULL))) {
				size_t rn = strlen(real_dest);
				FUZZ_CHECK_MSG(!strncmp(real, real_dest, rn) &&
					       (real[rn] == '/' || real[rn] == '\0'), target);
				free(real);
			}
		} else {
			FUZZ_CHECK_MSG(S_ISDIR(st.st_mode), p);
			FUZZ_CHECK(!(st.st_mode & (S_ISUID | S_ISGID | S_IWOTH)));
			walk(p, depth + 1, w);
		}
		free(p);
	}
	closedir(d);
}

static void setup_root(void)
{
	char *a, *b, *x;

	if (jg_fs_mkdtemp(&root, NULL, "jg-fuzz-archive-") < 0)
		abort();
	a = join(root, "a");
	b = join(a, "b");
	x = join(b, "x");
	if (mkdir(a, 0755) < 0 || mkdir(b, 0755) < 0 || mkdir(x, 0755) < 0 ||
	    !(real_dest = realpath(x, NULL)))
		abort();
	if (rmdir(x) < 0)
		abort();
	free(a);
	free(b);
	free(x);
	atexit(remove_root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jg_archive_limits lim;
	struct walk w = { 0, 0, 0 };
	struct stat st;
	char *in, *a, *b, *x;
	int rc;

	if (!root)
		setup_root();
	jg_error_clear();

	a = join(root, "a");
	b = join(a, "b");
	x = join(b, "x");
	FUZZ_CHECK(mkdir(x, 0755) == 0);
	in = fuzz_write_temp(NULL, "jg-fuzz-archive-in-", data, size);

	jg_archive_limits_default(&lim);
	lim.max_total = MAX_TOTAL;
	lim.max_file = MAX_FILE;
	lim.max_entries = MAX_ENTRIES;
	lim.max_depth = MAX_DEPTH;
	(void)jg_archive_detect(in);
	rc = jg_archive_extract(in, x, &lim);
	if (fuzz_verbose())
		fprintf(stderr, "  extract: %d %s\n", rc, rc ? jg_error_last() : "");
	if (rc != 0) {
		const char *msg = jg_error_last();
		FUZZ_CHECK_MSG(rc == JG_EINPUT || rc == JG_ELIMIT, msg);
		FUZZ_CHECK(jg_error_last_code() == rc && msg[0]);
		/* One line; some libarchive messages end in "\n", which archive.c
		 * passes on (reported: fuzz/crashers/archive-message-newline). */
		FUZZ_CHECK_MSG(!strchr(msg, '\n'), msg);
	}

	/* Nothing outside x; x intact; the input untouched. */
	holds_only(root, "a");
	holds_only(a, "b");
	holds_only(b, "x");
	FUZZ_CHECK(lstat(x, &st) == 0 && S_ISDIR(st.st_mode));
	FUZZ_CHECK(stat(in, &st) == 0 && (size_t)st.st_size == size);

	walk(x, 0, &w);
	FUZZ_CHECK(w.total <= MAX_TOTAL);
	FUZZ_CHECK(w.entries <= MAX_ENTRIES * (uint64_t)MAX_DEPTH);
	if (rc == 0 && w.nonempty)
		FUZZ_CHECK_MSG(!is_mtree(data, size), "an mtree archive extracted file contents from the host");

	FUZZ_CHECK_MSG(jg_fs_rmtree(x) == 0, jg_error_last());
	holds_only(b, NULL);
	unlink(in);
	free(in);
	free(a);
	free(b);
	free(x);
	return 0;
}
