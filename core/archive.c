/* core/archive.c - safe archive extraction (the interface is extract.h).
 *
 * libarchive only reads; every file, directory and symlink is created here
 * with *at() calls relative to a descriptor of `dest`, parents opened with
 * O_NOFOLLOW, files with O_EXCL|O_NOFOLLOW.  So an entry can neither escape
 * through "..", an absolute name or a symlink planted by an earlier entry,
 * nor replace an earlier entry (duplicates are refused).
 *
 * A symlink is accepted when its target is relative and, read lexically from
 * the link's directory, stays inside `dest`; ".." may only lead the target
 * ("../x/y", never "x/../y"), because a ".." after a name that is itself a
 * symlink would resolve from wherever that symlink points.  With parents
 * opened O_NOFOLLOW this keeps every link inside `dest` by induction.
 *
 * A zero field in jg_archive_limits means its default.  On error `dest` may
 * hold a partial tree; the caller removes it.
 */
#define _GNU_SOURCE
#include "extract.h"
#include "error.h"

#include <archive.h>
#include <archive_entry.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RATIO_FLOOR (1u << 20)   /* the ratio is checked past this many bytes */
#define READ_BLOCK  (64 * 1024)
#define COPY_BUF    (16 * 1024)
#define SHOW_MAX    200          /* entry name bytes shown in messages */

typedef struct {
	const char        *path;     /* the archive, for messages */
	jg_archive_limits  lim;
	struct archive    *a;
	int                destfd;
	uint64_t           arsize;   /* archive file size, for the ratio */
	uint64_t           total;    /* bytes written so far */
	uint64_t           entries;
	unsigned           depth;    /* components of rel */
	char               show[SHOW_MAX + 4];
	char               rel[PATH_MAX];  /* normalised "a/b/c" */
} xctx;

void jg_archive_limits_default(jg_archive_limits *lim)
{
	lim->max_total = 1ull << 30;
	lim->max_file = 512ull << 20;
	lim->max_entries = 100000;
	lim->max_ratio = 200;
	lim->max_depth = 64;
}

static void set_limits(jg_archive_limits *dst, const jg_archive_limits *src)
{
	jg_archive_limits def;
	jg_archive_limits_default(&def);
	*dst = src ? *src : def;
	if (!dst->max_total)
		dst->max_total = def.max_total;
	if (!dst->max_file)
		dst->max_file = def.max_file;
	if (!dst->max_entries)
		dst->max_entries = def.max_entries;
	if (!dst->max_ratio)
		dst->max_ratio = def.max_ratio;
	if (!dst->max_depth)
		dst->max_depth = def.max_depth;
}

static int is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* A printable copy of an entry name for messages. */
static void set_show(xctx *x, const char *name)
{
	size_t i;
	if (!name) {
		snprintf(x->show, sizeof(x->show), "entry %llu", (unsigned long long)x->entries);
		return;
	}
	for (i = 0; name[i] && i < SHOW_MAX; i++)
		x->show[i] = is_ctl((unsigned char)name[i]) ? '?' : name[i];
	strcpy(x->show + i, name[i] ? "..." : "");
}

/* Records "ARCHIVE: ENTRY: reason" and returns code. */
static int fail(xctx *x, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(xctx *x, int code, const char *fmt, ...)
{
	char why[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return jg_error_set(code, "%s: %s: %s", x->path, x->show, why);
}

static int fail_errno(xctx *x, const char *what)
{
	return fail(x, JG_EIO, "cannot %s: %s", what, strerror(errno));
}

/* A reader for every filter and format but "raw"; NULL on out of memory. */
static struct archive *reader_new(void)
{
	struct archive *a = archive_read_new();
	if (!a)
		return NULL;
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	return a;
}

/* libarchive's message as one line: some end in '\n' (found by fuzzing). The
 * text lives in a per-thread buffer until the next call. */
static const char *why(struct archive *a)
{
	static _Thread_local char line[256];
	const char *s = archive_error_string(a);
	size_t n;

	snprintf(line, sizeof(line), "%s", s ? s : "unreadable archive");
	for (char *p = line; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	n = strlen(line);
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	return line;
}

int jg_archive_detect(const char *path)
{
	struct stat st;
	struct archive *a;
	struct archive_entry *e;
	int r, fmt;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) || !(a = reader_new()))
		return 0;
	r = archive_read_open_filename(a, path, READ_BLOCK);
	if (r == ARCHIVE_OK)
		r = archive_read_next_header(a, &e);
	fmt = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
	archive_read_free(a);
	if (r != ARCHIVE_OK && r != ARCHIVE_WARN && r != ARCHIVE_EOF)
		return 0;
	return fmt != 0 && fmt != ARCHIVE_FORMAT_RAW && fmt != ARCHIVE_FORMAT_EMPTY;
}

/* Appends one component to x->rel. */
static int add_component(xctx *x, const char *c, size_t len)
{
	size_t have = strlen(x->rel);
	if (len == 2 && c[0] == '.' && c[1] == '.')
		return fail(x, JG_EINPUT, "'..' in the path");
	if (len > NAME_MAX || have + len + 2 > sizeof(x->rel))
		return fail(x, JG_EINPUT, "name too long");
	if (++x->depth > x->lim.max_depth)
		return fail(x, JG_EINPUT, "deeper than %u levels", x->lim.max_depth);
	if (have)
		x->rel[have++] = '/';
	memcpy(x->rel + have, c, len);
	x->rel[have + len] = '\0';
	return 0;
}

/* Normalises name into x->rel, refusing anything that could escape. */
static int check_name(xctx *x, const char *name)
{
	const char *p, *end;
	int rc;

	x->rel[0] = '\0';
	x->depth = 0;
	if (!name)
		return fail(x, JG_EINPUT, "unreadable name");
	if (!*name)
		return fail(x, JG_EINPUT, "empty name");
	if (name[0] == '/')
		return fail(x, JG_EINPUT, "absolute path");
	for (p = name; *p; p++)
		if (is_ctl((unsigned char)*p))
			return fail(x, JG_EINPUT, "control character in the name");
	for (p = name; *p; p = *end ? end + 1 : end) {
		end = strchrnul(p, '/');
		if (end == p || (end - p == 1 && *p == '.'))
			continue;
		if ((rc = add_component(x, p, (size_t)(end - p))) < 0)
			return rc;
	}
	return 0;
}

/* Refuses a symlink target that is absolute or leaves dest (see the top). */
static int check_target(xctx *x, const char *t)
{
	long level = (long)x->depth - 1;   /* the link's directory */
	int named = 0;
	const char *p, *end;

	if (!t || !*t)
		return fail(x, JG_EINPUT, "symlink with an empty target");
	if (t[0] == '/')
		return fail(x, JG_EINPUT, "symlink to an absolute path");
	for (p = t; *p; p++)
		if (is_ctl((unsigned char)*p))
			return fail(x, JG_EINPUT, "control character in the symlink target");
	for (p = t; *p; p = *end ? end + 1 : end) {
		end = strchrnul(p, '/');
		if (end == p || (end - p == 1 && *p == '.'))
			continue;
		if (end - p != 2 || p[0] != '.' || p[1] != '.') {
			named = 1;
			level++;
		} else if (named) {
			return fail(x, JG_EINPUT, "symlink target has '..' after a name");
		} else if (--level < 0) {
			return fail(x, JG_EINPUT, "symlink target escapes the destination");
		}
	}
	return 0;
}

/* Opens directory `name` under fd, creating it (mode 0755) if missing. */
static int enter_dir(xctx *x, int fd, const char *name)
{
	int created = mkdirat(fd, name, 0755) == 0, nfd;
	if (!created && errno != EEXIST)
		return fail_errno(x, "create a directory");
	nfd = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (nfd < 0 && (errno == ELOOP || errno == ENOTDIR))
		return fail(x, JG_EINPUT, "path runs through a symlink or a file");
	if (nfd < 0)
		return fail_errno(x, "open a directory");
	if (created && fchmod(nfd, 0755) < 0) {
		close(nfd);
		return fail_errno(x, "set a directory's mode");
	}
	return nfd;
}

/* Opens (creating as needed) the directory that holds x->rel; *base is
 * set to the last component inside x->rel. Returns an fd or a code. */
static int open_parent(xctx *x, const char **base)
{
	char *p = x->rel, *slash;
	int fd = openat(x->destfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), nfd;

	if (fd < 0)
		return fail_errno(x, "open the destination");
	while ((slash = strchr(p, '/'))) {
		*slash = '\0';
		nfd = enter_dir(x, fd, p);
		*slash = '/';
		close(fd);
		if (nfd < 0)
			return nfd;
		fd = nfd;
		p = slash + 1;
	}
	*base = p;
	return fd;
}

static int write_all(xctx *x, int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return fail_errno(x, "write");
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Checks the caps before `n` more bytes of an entry that has `size` so far. */
static int check_caps(xctx *x, uint64_t size, uint64_t n)
{
	const jg_archive_limits *l = &x->lim;
	if (size + n > l->max_file)
		return fail(x, JG_ELIMIT, "larger than %llu bytes", (unsigned long long)l->max_file);
	if (x->total + n > l->max_total)
		return fail(x, JG_ELIMIT, "archive expands to more than %llu bytes",
			    (unsigned long long)l->max_total);
	if (x->total + n > RATIO_FLOOR && (x->total + n) / l->max_ratio > x->arsize)
		return fail(x, JG_ELIMIT, "compression ratio above %llu (archive bomb?)",
			    (unsigned long long)l->max_ratio);
	return 0;
}

static int copy_data(xctx *x, int fd)
{
	char buf[COPY_BUF];
	uint64_t size = 0;
	la_ssize_t n;
	int rc;

	while ((n = archive_read_data(x->a, buf, sizeof(buf))) > 0) {
		if ((rc = check_caps(x, size, (uint64_t)n)) < 0 ||
		    (rc = write_all(x, fd, buf, (size_t)n)) < 0)
			return rc;
		size += (uint64_t)n;
		x->total += (uint64_t)n;
	}
	if (n < 0)
		return fail(x, JG_EINPUT, "%s", why(x->a));
	return 0;
}

static int put_file(xctx *x, int pfd, const char *base, struct archive_entry *e)
{
	mode_t mode = (archive_entry_perm(e) & S_IXUSR) ? 0755 : 0644;
	int fd, rc;

	if (archive_entry_size_is_set(e) && (uint64_t)archive_entry_size(e) > x->lim.max_file)
		return fail(x, JG_ELIMIT, "larger than %llu bytes",
			    (unsigned long long)x->lim.max_file);
	fd = openat(pfd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0 && errno == EEXIST)
		return fail(x, JG_EINPUT, "duplicate name");
	if (fd < 0)
		return fail_errno(x, "create the file");
	rc = fchmod(fd, mode) < 0 ? fail_errno(x, "set the file's mode") : copy_data(x, fd);
	if (close(fd) < 0 && rc == 0)
		rc = fail_errno(x, "write");
	return rc;
}

static int put_dir(xctx *x, int pfd, const char *base)
{
	struct stat st;
	int fd;

	if (fstatat(pfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
		return fail(x, JG_EINPUT, "duplicate name");
	if ((fd = enter_dir(x, pfd, base)) < 0)
		return fd;
	close(fd);
	return 0;
}

static int put_link(xctx *x, int pfd, const char *base, struct archive_entry *e)
{
	const char *target = archive_entry_symlink(e);
	int rc = check_target(x, target);
	if (rc < 0)
		return rc;
	if (symlinkat(target, pfd, base) == 0)
		return 0;
	if (errno == EEXIST)
		return fail(x, JG_EINPUT, "duplicate name");
	return fail_errno(x, "create the symlink");
}

/* Refuses entry types other than file, directory and symlink. */
static int check_type(xctx *x, struct archive_entry *e)
{
	mode_t t = archive_entry_filetype(e);
	if (archive_entry_hardlink(e))
		return fail(x, JG_EINPUT, "hardlinks are not allowed");
	if (t == AE_IFREG || t == AE_IFDIR || t == AE_IFLNK)
		return 0;
	if (t == AE_IFCHR || t == AE_IFBLK)
		return fail(x, JG_EINPUT, "device entries are not allowed");
	if (t == AE_IFIFO)
		return fail(x, JG_EINPUT, "FIFO entries are not allowed");
	if (t == AE_IFSOCK)
		return fail(x, JG_EINPUT, "socket entries are not allowed");
	return fail(x, JG_EINPUT, "unsupported entry type");
}

static int extract_entry(xctx *x, struct archive_entry *e)
{
	const char *name = archive_entry_pathname(e), *base = NULL;
	mode_t t = archive_entry_filetype(e);
	int rc, pfd;

	x->entries++;
	set_show(x, name);
	if (x->entries > x->lim.max_entries)
		return fail(x, JG_ELIMIT, "more than %llu entries",
			    (unsigned long long)x->lim.max_entries);
	if ((rc = check_name(x, name)) < 0 || (rc = check_type(x, e)) < 0)
		return rc;
	if (!x->rel[0])
		return t == AE_IFDIR ? 0 : fail(x, JG_EINPUT, "empty name");
	if ((pfd = open_parent(x, &base)) < 0)
		return pfd;
	if (t == AE_IFDIR)
		rc = put_dir(x, pfd, base);
	else if (t == AE_IFLNK)
		rc = put_link(x, pfd, base, e);
	else
		rc = put_file(x, pfd, base, e);
	close(pfd);
	return rc;
}

static int extract_all(xctx *x)
{
	struct archive_entry *e;
	int r, rc;

	while ((r = archive_read_next_header(x->a, &e)) != ARCHIVE_EOF) {
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
			return jg_error_set(JG_EINPUT, "%s: %s", x->path, why(x->a));
		if ((rc = extract_entry(x, e)) < 0)
			return rc;
	}
	return 0;
}

int jg_archive_extract(const char *path, const char *dest, const jg_archive_limits *lim)
{
	xctx x;
	struct stat st;
	int rc;

	memset(&x, 0, sizeof(x));
	x.path = path;
	set_limits(&x.lim, lim);
	if (stat(path, &st) < 0)
		return jg_error_errno(JG_EIO, "%s", path);
	if (!S_ISREG(st.st_mode))
		return jg_error_set(JG_EINPUT, "%s: not a regular file", path);
	x.arsize = (uint64_t)st.st_size;
	if ((x.destfd = open(dest, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return jg_error_errno(JG_EIO, "%s", dest);
	if (!(x.a = reader_new())) {
		rc = jg_error_set(JG_ENOMEM, "out of memory reading %s", path);
		goto done;
	}
	if (archive_read_open_filename(x.a, path, READ_BLOCK) != ARCHIVE_OK) {
		rc = jg_error_set(JG_EINPUT, "%s: %s", path, why(x.a));
		goto done;
	}
	rc = extract_all(&x);
done:
	archive_read_free(x.a);
	close(x.destfd);
	return rc;
}
