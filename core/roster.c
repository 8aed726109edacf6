/* core/roster.c - the students of a batch of submissions (the interface is
 * roster.h).
 *
 * The input's top-level entries (hidden ones aside; symlinks and special
 * files skipped, never followed) are parsed by name, each into a piece: one
 * student's share of one entry, with the files it holds.  The pieces are
 * then sorted by id (then attachment id or attempt date, then entry order)
 * and merged into students; when two pieces of a student hold a file of the
 * same name, the later piece's file wins.  Names are parsed by hand: each
 * platform's pattern is a fixed marker ("_assignsubmission_", "_attempt_")
 * or a fixed alphabet, so no regex is needed.
 */
#define _GNU_SOURCE
#include "roster.h"
#include "error.h"
#include "extract.h"
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define ROSTER_MAX_ENTRIES 100000     /* entries walked below the top level */
#define ROSTER_MAX_DEPTH   64
#define RECEIPT_MAX        (1u << 20)
#define SHOW_MAX           200        /* entry name bytes shown in messages */
#define MOODLE_MARK        "_assignsubmission_"
#define BB_MARK            "_attempt_"
#define BB_DATE            "0000-00-00-00-00-00"
#define GH_SUFFIX          "-submissions"
#define LOWER              "abcdefghijklmnopqrstuvwxyz"

typedef struct {
	char *name;
	int   dir;
} entry;

typedef struct {
	jg_student s;
	char      *key;      /* orders the pieces of one id: Canvas attachment
			      * id, Blackboard attempt date; else NULL */
	size_t     seq;      /* entry order */
} piece;

typedef struct {
	const char *p;
	size_t      n;
} span;

/* What a top-level entry's name says. */
typedef struct {
	span        id, name, key;
	const char *file;    /* the student's file name inside the entry name */
	int         late, receipt, ignored;
} parsed;

typedef struct {
	char   *disp;        /* the input as given (plus the folder entered) */
	char   *root;        /* absolute directory read */
	char   *top;         /* its name; an archive's name without extensions */
	entry  *e;           /* its top-level entries, sorted */
	size_t  n;
	piece  *p;
	size_t  np;
	size_t  seen;        /* entries walked below the top level */
	size_t  ghprefix;    /* length of the repositories' "{prefix}-" */
} rctx;

static const char *const layout_names[] = {
	"auto", "moodle", "canvas", "github", "blackboard", "plain", "single"
};
#define NLAYOUTS (sizeof(layout_names) / sizeof(*layout_names))

/* ---- small helpers ---- */

static int oom(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory");
}

static int hidden(const char *name)
{
	return name[0] == '.' || !strcmp(name, "__MACOSX");
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && !strcmp(s + n - k, suffix);
}

/* s on one line and cut short, for messages. */
static const char *shown(char buf[SHOW_MAX + 4], const char *s)
{
	size_t i;
	for (i = 0; s[i] && i < SHOW_MAX; i++)
		buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
	strcpy(buf + i, s[i] ? "..." : "");
	return buf;
}

static size_t ndigits(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* Compares decimal strings by value (dates as their digits); NULL first. */
static int num_cmp(const char *a, const char *b)
{
	size_t la, lb;
	if (!a || !b)
		return !!a - !!b;
	while (*a == '0' && a[1])
		a++;
	while (*b == '0' && b[1])
		b++;
	la = strlen(a);
	lb = strlen(b);
	return la != lb ? (la < lb ? -1 : 1) : strcmp(a, b);
}

static int span_dup(char **out, span s)
{
	*out = NULL;
	if (s.p && !(*out = strndup(s.p, s.n)))
		return oom();
	return 0;
}

static char *trimmed(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return strndup(path, n);
}

/* The archive's file name without its archive extensions. */
static char *archive_stem(const char *path)
{
	static const char *const exts[] = { ".zip", ".tar", ".tgz", ".gz", ".xz", ".txz", ".bz2",
		".tbz2", ".zst", ".7z", NULL };
	const char *b = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(b), i = 0, k;

	while (exts[i]) {
		k = strlen(exts[i]);
		if (n > k && !strncasecmp(b + n - k, exts[i], k)) {
			n -= k;
			i = 0;
		} else {
			i++;
		}
	}
	return strndup(b, n);
}

/* ---- students and their files ---- */

static void student_free(jg_student *s)
{
	for (size_t i = 0; i < s->nfiles; i++) {
		free(s->files[i].path);
		free(s->files[i].name);
	}
	free(s->files);
	free(s->id);
	free(s->name);
	free(s->root);
}

/* Appends a file, taking path and name (NULL: out of memory). */
static int file_push(jg_student *s, char *path, char *name)
{
	jg_roster_file *v = s->files;
	size_t n = s->nfiles;

	if (!path || !name)
		goto fail;
	/* The capacity is the next power of two. */
	if ((n & (n - 1)) == 0 && !(v = realloc(v, (n ? 2 * n : 1) * sizeof(*v))))
		goto fail;
	s->files = v;
	v[n].path = path;
	v[n].name = name;
	s->nfiles++;
	return 0;
fail:
	free(path);
	free(name);
	return oom();
}

static piece *piece_new(rctx *c)
{
	piece *v = c->p;
	size_t n = c->np;

	if ((n & (n - 1)) == 0 && !(v = realloc(v, (n ? 2 * n : 1) * sizeof(*v))))
		return NULL;
	c->p = v;
	memset(&v[n], 0, sizeof(v[n]));
	v[n].seq = n;
	c->np++;
	return &v[n];
}

static void ctx_free(rctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->e[i].name);
	for (size_t i = 0; i < c->np; i++) {
		student_free(&c->p[i].s);
		free(c->p[i].key);
	}
	free(c->e);
	free(c->p);
	free(c->disp);
	free(c->root);
	free(c->top);
}

/* ---- walking a student's directory ---- */

/* abs inside the input, for messages. */
static const char *rel_of(const rctx *c, const char *abs)
{
	size_t n = strlen(c->root);
	return strlen(abs) > n ? abs + n + 1 : ".";
}

static int walk_dir(rctx *c, jg_student *s, const char *abs, const char *rel, int depth);

static int walk_one(rctx *c, jg_student *s, int dfd, const char *abs, const char *rel, const char *name,
		    int depth)
{
	char *sub, *path, buf[SHOW_MAX + 4], nbuf[SHOW_MAX + 4];
	struct stat st;
	int rc;

	if (hidden(name))
		return 0;
	if (++c->seen > ROSTER_MAX_ENTRIES)
		return jg_error_set(JG_ELIMIT, "%s: more than %d entries", c->disp, ROSTER_MAX_ENTRIES);
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return jg_error_errno(JG_EIO, "%s: %s/%s", c->disp, shown(buf, rel_of(c, abs)), shown(nbuf, name));
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
		return 0;
	sub = *rel ? jg_path_join(rel, name) : strdup(name);
	path = jg_path_join(abs, name);
	if (S_ISREG(st.st_mode))
		return file_push(s, path, sub);
	rc = sub && path ? walk_dir(c, s, path, sub, depth + 1) : oom();
	free(sub);
	free(path);
	return rc;
}

/* Adds the regular files below abs, named rel/... */
static int walk_dir(rctx *c, jg_student *s, const char *abs, const char *rel, int depth)
{
	char buf[SHOW_MAX + 4];
	struct dirent *e;
	DIR *d;
	int rc = 0;

	if (depth > ROSTER_MAX_DEPTH)
		return jg_error_set(JG_ELIMIT, "%s: %s: directories nested deeper than %d", c->disp,
				    shown(buf, rel_of(c, abs)), ROSTER_MAX_DEPTH);
	if (!(d = opendir(abs)))
		return jg_error_errno(JG_EIO, "%s: cannot read %s", c->disp, shown(buf, rel_of(c, abs)));
	while (rc == 0) {
		errno = 0;
		if (!(e = readdir(d))) {
			if (errno)
				rc = jg_error_errno(JG_EIO, "%s: cannot read %s", c->disp,
						    shown(buf, rel_of(c, abs)));
			break;
		}
		rc = walk_one(c, s, dirfd(d), abs, rel, e->d_name, depth);
	}
	closedir(d);
	return rc;
}

/* ---- the top level ---- */

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static int entry_push(rctx *c, const char *name, int dir)
{
	entry *v = c->e;
	size_t n = c->n;

	if (n >= ROSTER_MAX_ENTRIES)
		return jg_error_set(JG_ELIMIT, "%s: more than %d entries", c->disp, ROSTER_MAX_ENTRIES);
	if ((n & (n - 1)) == 0 && !(v = realloc(v, (n ? 2 * n : 1) * sizeof(*v))))
		return oom();
	c->e = v;
	if (!(v[n].name = strdup(name)))
		return oom();
	v[n].dir = dir;
	c->n++;
	return 0;
}

/* Lists c->root: its directories and regular files, sorted. */
static int list_top(rctx *c)
{
	DIR *d = opendir(c->root);
	char buf[SHOW_MAX + 4];
	struct dirent *e;
	struct stat st;
	int rc = 0;

	if (!d)
		return jg_error_errno(JG_EIO, "%s: cannot read", c->disp);
	while (rc == 0 && (e = readdir(d))) {
		if (hidden(e->d_name))
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			rc = jg_error_errno(JG_EIO, "%s: %s", c->disp, shown(buf, e->d_name));
		else if (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode))
			rc = entry_push(c, e->d_name, S_ISDIR(st.st_mode));
	}
	closedir(d);
	if (rc == 0 && c->n)
		qsort(c->e, c->n, sizeof(*c->e), entry_cmp);
	return rc;
}

/* Reads the only entry, a directory, instead. */
static int descend(rctx *c)
{
	char *root = jg_path_join(c->root, c->e[0].name), *disp = jg_path_join(c->disp, c->e[0].name);
	char *top = strdup(c->e[0].name);

	if (!root || !disp || !top) {
		free(root);
		free(disp);
		free(top);
		return oom();
	}
	free(c->root);
	free(c->disp);
	free(c->top);
	free(c->e[0].name);
	c->root = root;
	c->disp = disp;
	c->top = top;
	c->n = 0;
	return list_top(c);
}

static int use_dir(rctx *c, const char *path, jg_layout l)
{
	const char *b;
	int rc;

	if (!(c->root = realpath(path, NULL)))
		return jg_error_errno(JG_EIO, "%s", c->disp);
	b = strrchr(c->root, '/') + 1;
	if (!(c->top = strdup(*b ? b : "/")))
		return oom();
	if ((rc = list_top(c)) < 0)
		return rc;
	/* A GitHub Classroom "{assignment}-submissions" directory inside. */
	if ((l == JG_LAYOUT_AUTO || l == JG_LAYOUT_GITHUB) && c->n == 1 && c->e[0].dir &&
	    ends_with(c->e[0].name, GH_SUFFIX))
		rc = descend(c);
	return rc;
}

static int parse_moodle(const char *e, int dir, parsed *p);

/* The only entry is a folder wrapping the export, not a Moodle student's. */
static int wrapped(const rctx *c)
{
	parsed p;
	return c->n == 1 && c->e[0].dir && !parse_moodle(c->e[0].name, 1, &p);
}

/* Extracts into r->tmpdir; an export wrapped in one folder is entered. */
static int use_archive(rctx *c, jg_roster *r, const char *path)
{
	int rc;

	if ((rc = jg_fs_mkdtemp(&r->tmpdir, NULL, "judge-roster-")) < 0 ||
	    (rc = jg_archive_extract(path, r->tmpdir, NULL)) < 0)
		return rc;
	if (!(c->root = realpath(r->tmpdir, NULL)))
		return jg_error_errno(JG_EIO, "%s", r->tmpdir);
	if (!(c->top = archive_stem(path)))
		return oom();
	if ((rc = list_top(c)) == 0 && wrapped(c))
		rc = descend(c);
	return rc;
}

static int open_input(rctx *c, jg_roster *r, const char *path, jg_layout l)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return jg_error_errno(errno == ENOENT || errno == ENOTDIR ? JG_EINPUT : JG_EIO, "%s", c->disp);
	if (S_ISDIR(st.st_mode))
		return use_dir(c, path, l);
	if (S_ISREG(st.st_mode) && jg_archive_detect(path))
		return use_archive(c, r, path);
	return jg_error_set(JG_EINPUT, "%s: not a directory or a supported archive", c->disp);
}

/* ---- parsing entry names ---- */

/* "{Full Name}_{id}" before m, where "_assignsubmission_" starts. */
static int moodle_head(const char *e, const char *m, parsed *p)
{
	const char *d = m;

	while (d > e && d[-1] >= '0' && d[-1] <= '9')
		d--;
	if (d == m || d - e < 2 || d[-1] != '_')
		return 0;
	p->name = (span){ e, (size_t)(d - 1 - e) };
	p->id = (span){ d, (size_t)(m - d) };
	return 1;
}

/* Folder "{Full Name}_{id}_assignsubmission_{kind}[_]" (only kind "file"
 * holds files; the others are ignored) or file
 * "{Full Name}_{id}_assignsubmission_file_{filename}".  The first marker
 * that fits counts, so a file name may hold the marker again. */
static int parse_moodle(const char *e, int dir, parsed *p)
{
	for (const char *m = e; (m = strstr(m, MOODLE_MARK)); m++) {
		const char *k = m + strlen(MOODLE_MARK);
		size_t n = strspn(k, LOWER);

		if (!moodle_head(e, m, p))
			continue;
		if (dir && n && (!k[n] || (k[n] == '_' && !k[n + 1]))) {
			p->ignored = n != 4 || strncmp(k, "file", 4);
			return 1;
		}
		if (!dir && !strncmp(k, "file_", 5) && k[5]) {
			p->file = k + 5;
			return 1;
		}
	}
	return 0;
}

/* "{sortablename}[_LATE]_{userid}_{attachmentid}_{filename}"; the
 * sortable name has no '_', so the parse is unambiguous. */
static int parse_canvas(const char *e, int dir, parsed *p)
{
	size_t n = strspn(e, LOWER "0123456789-"), ni, nk;
	const char *s = e + n;

	if (dir || !n)
		return 0;
	p->name = (span){ e, n };
	if (!strncasecmp(s, "_late_", 6)) {
		p->late = 1;
		s += 5;
	}
	if (*s != '_' || !(ni = ndigits(s + 1)) || s[1 + ni] != '_')
		return 0;
	p->id = (span){ s + 1, ni };
	s += 2 + ni;
	if (!(nk = ndigits(s)) || s[nk] != '_' || !s[nk + 1])
		return 0;
	p->key = (span){ s, nk };
	p->file = s + nk + 1;
	return 1;
}

static int is_date(const char *s)
{
	for (size_t i = 0; i < strlen(BB_DATE); i++)
		if (BB_DATE[i] == '-' ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* "{Assignment}_{username}_attempt_{date}_{filename}" or the receipt
 * "{Assignment}_{username}_attempt_{date}.txt"; the username has no '_'.
 * The first "_attempt_{date}" that fits counts. */
static int parse_blackboard(const char *e, int dir, parsed *p)
{
	for (const char *m = e; !dir && (m = strstr(m, BB_MARK)); m++) {
		const char *date = m + strlen(BB_MARK), *after = date + strlen(BB_DATE), *u = m;

		while (u > e && u[-1] != '_')
			u--;
		if (u == m || u - e < 2 || !is_date(date))
			continue;
		if (strcmp(after, ".txt") && (after[0] != '_' || !after[1]))
			continue;
		p->receipt = after[0] == '.';
		p->file = p->receipt ? NULL : after + 1;
		p->id = (span){ u, (size_t)(m - u) };
		p->key = (span){ date, strlen(BB_DATE) };
		return 1;
	}
	return 0;
}

/* A plain file's student: its name without the extension (".tar.gz" too). */
static size_t plain_stem(const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t n = dot && dot != name ? (size_t)(dot - name) : strlen(name);

	if (n > 4 && !strncasecmp(name + n - 4, ".tar", 4))
		n -= 4;
	return n;
}

/* Whether the entry fits layout l, and what its name says. */
static int parse(const rctx *c, jg_layout l, const entry *en, parsed *p)
{
	size_t n = strlen(en->name);

	memset(p, 0, sizeof(*p));
	switch (l) {
	case JG_LAYOUT_MOODLE:
		return parse_moodle(en->name, en->dir, p);
	case JG_LAYOUT_CANVAS:
		return parse_canvas(en->name, en->dir, p);
	case JG_LAYOUT_BLACKBOARD:
		return parse_blackboard(en->name, en->dir, p);
	case JG_LAYOUT_GITHUB:
		p->id = n > c->ghprefix ? (span){ en->name + c->ghprefix, n - c->ghprefix } : (span){ en->name, n };
		p->name = p->id;
		return en->dir;
	default:
		p->id = (span){ en->name, en->dir ? n : plain_stem(en->name) };
		p->name = p->id;
		return 1;
	}
}

/* ---- detection ---- */

static jg_layout detect(const rctx *c)
{
	static const jg_layout named[] = { JG_LAYOUT_MOODLE, JG_LAYOUT_BLACKBOARD, JG_LAYOUT_CANVAS };
	jg_layout best = JG_LAYOUT_PLAIN;
	size_t most = 0, ndir = 0;
	parsed p;

	for (size_t k = 0; k < sizeof(named) / sizeof(*named); k++) {
		size_t hits = 0;
		for (size_t i = 0; i < c->n; i++)
			hits += (size_t)parse(c, named[k], &c->e[i], &p);
		if (hits > most) {
			most = hits;
			best = named[k];
		}
	}
	if (most && most * 2 >= c->n)
		return best;
	for (size_t i = 0; i < c->n; i++)
		ndir += (size_t)c->e[i].dir;
	if (ends_with(c->top, GH_SUFFIX) && ndir && ndir * 2 >= c->n)
		return JG_LAYOUT_GITHUB;
	return JG_LAYOUT_PLAIN;
}

/* The length of the repositories' "{prefix}-": "{assignment}-" when the top
 * directory is "{assignment}-submissions" and every repository name goes on
 * past it; else the longest common prefix of the names that ends in '-'.
 * A lone repository gives no common prefix: everything up to its last '-'
 * but one at the very end is taken (assignment slugs often hold '-',
 * usernames seldom do). */
static size_t github_prefix(const rctx *c)
{
	size_t top = strlen(c->top), plen = top - strlen(GH_SUFFIX) + 1, common = 0, nrepo = 0;
	const char *first = NULL;
	int all = ends_with(c->top, GH_SUFFIX);

	for (size_t i = 0; all && i < c->n; i++)
		if (c->e[i].dir && (strncmp(c->e[i].name, c->top, plen) || !c->e[i].name[plen]))
			all = 0;
	if (all)
		return plen;
	for (size_t i = 0; i < c->n; i++) {
		const char *s = c->e[i].name;
		size_t k = 0;
		if (!c->e[i].dir)
			continue;
		if (nrepo++ == 0) {
			first = s;
			common = strlen(s) - 1;
			continue;
		}
		while (k < common && s[k] == first[k])
			k++;
		common = k;
	}
	while (common > 0 && first[common - 1] != '-')
		common--;
	return common;
}

/* ---- building the pieces ---- */

/* A Canvas resubmission's "-N" before the extension dropped ("sum-1.c" ->
 * "sum.c"); a name that would be left empty stays. */
static char *canvas_file(const char *f)
{
	const char *dot = strrchr(f, '.');
	size_t end = dot && dot != f ? (size_t)(dot - f) : strlen(f), d = end;
	char *out;

	while (d > 0 && f[d - 1] >= '0' && f[d - 1] <= '9')
		d--;
	if (d == end || d < 2 || f[d - 1] != '-')
		return strdup(f);
	if (asprintf(&out, "%.*s%s", (int)(d - 1), f, f + end) < 0)
		return NULL;
	return out;
}

/* The rest of the receipt's "Name:" line, or NULL. */
static const char *name_line(const char *text)
{
	for (const char *l = text; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		l += strspn(l, " \t\xef\xbb\xbf");   /* and a byte order mark */
		if (!strncmp(l, "Name:", 5))
			return l + 5;
	}
	return NULL;
}

/* The name on a Blackboard receipt's "Name: First Last (username)" line,
 * or NULL when it has none. */
static int receipt_name(const char *path, char **out)
{
	char *text = NULL;
	const char *l, *end;
	int rc;

	*out = NULL;
	if ((rc = jg_fs_read_file(&text, NULL, path, RECEIPT_MAX)) < 0)
		return rc;
	if ((l = name_line(text))) {
		l += strspn(l, " \t");
		end = strchrnul(l, '\n');
		while (end > l && strchr(" \t\r", end[-1]))
			end--;
		if (end > l && end[-1] == ')' && memrchr(l, '(', (size_t)(end - l)))
			end = memrchr(l, '(', (size_t)(end - l));
		while (end > l && strchr(" \t", end[-1]))
			end--;
		if (end > l && !(*out = strndup(l, (size_t)(end - l))))
			rc = oom();
	}
	free(text);
	return rc;
}

static int add_parsed(rctx *c, jg_layout l, const entry *en, const parsed *p)
{
	char *path = jg_path_join(c->root, en->name), *file;
	piece *pc = path ? piece_new(c) : NULL;
	int rc;

	if (!pc) {
		free(path);
		return oom();
	}
	if ((rc = span_dup(&pc->s.id, p->id)) < 0 || (rc = span_dup(&pc->s.name, p->name)) < 0 ||
	    (rc = span_dup(&pc->key, p->key)) < 0) {
		free(path);
		return rc;
	}
	pc->s.late = p->late;
	if (en->dir) {
		pc->s.root = path;
		return walk_dir(c, &pc->s, path, "", 1);
	}
	if (p->receipt) {
		rc = receipt_name(path, &pc->s.name);
		free(path);
		return rc;
	}
	file = l == JG_LAYOUT_CANVAS ? canvas_file(p->file) : strdup(p->file ? p->file : en->name);
	return file_push(&pc->s, path, file);
}

static int mismatch(const rctx *c, jg_layout l, const char *name)
{
	static const char *const want[] = {
		[JG_LAYOUT_MOODLE] = "a Moodle submission ({Full Name}_{id}_assignsubmission_file_{filename}"
			" or a {Full Name}_{id}_assignsubmission_{kind}_ folder)",
		[JG_LAYOUT_CANVAS] = "a Canvas submission name "
			"({sortablename}[_LATE]_{userid}_{attachmentid}_{filename})",
		[JG_LAYOUT_GITHUB] = "a GitHub Classroom repository (a directory)",
		[JG_LAYOUT_BLACKBOARD] = "a Blackboard submission name "
			"({Assignment}_{username}_attempt_{YYYY-MM-DD-HH-MM-SS}_{filename} or .txt)",
	};
	char buf[SHOW_MAX + 4];
	return jg_error_set(JG_EINPUT, "%s: %s: not %s", c->disp, shown(buf, name), want[l]);
}

static int build_single(rctx *c)
{
	piece *pc = piece_new(c);

	if (!pc || !(pc->s.id = strdup("submission")) || !(pc->s.name = strdup("submission")) ||
	    !(pc->s.root = strdup(c->root)))
		return oom();
	return walk_dir(c, &pc->s, c->root, "", 0);
}

/* Pieces from the entries that fit l; the others are refused when l was
 * forced, skipped when detected. */
static int build(rctx *c, jg_layout l, int forced)
{
	parsed p;
	int rc = 0;

	if (l == JG_LAYOUT_SINGLE)
		return build_single(c);
	if (l == JG_LAYOUT_GITHUB)
		c->ghprefix = github_prefix(c);
	for (size_t i = 0; i < c->n && rc == 0; i++) {
		if (!parse(c, l, &c->e[i], &p))
			rc = forced ? mismatch(c, l, c->e[i].name) : 0;
		else if (!p.ignored)
			rc = add_parsed(c, l, &c->e[i], &p);
	}
	return rc;
}

/* ---- merging pieces into students ---- */

static int piece_cmp(const void *a, const void *b)
{
	const piece *x = a, *y = b;
	int d = strcmp(x->s.id, y->s.id);

	if (!d)
		d = num_cmp(x->key, y->key);
	return d ? d : (x->seq > y->seq) - (x->seq < y->seq);
}

typedef struct {
	jg_roster_file *f;
	size_t          pos;
} fref;

static int fref_cmp(const void *a, const void *b)
{
	const fref *x = a, *y = b;
	int d = strcmp(x->f->name, y->f->name);
	return d ? d : (x->pos > y->pos) - (x->pos < y->pos);
}

/* Moves the files of the pieces into s, sorted; of files with the same
 * name the last piece's wins (the others stay with their piece). */
static int merge_files(jg_student *s, piece *p, size_t np, size_t total)
{
	fref *v = total ? calloc(total, sizeof(*v)) : NULL;
	size_t n = 0;

	if (total && (!v || !(s->files = calloc(total, sizeof(*s->files))))) {
		free(v);
		return oom();
	}
	for (size_t q = 0; q < np; q++)
		for (size_t i = 0; i < p[q].s.nfiles; i++, n++)
			v[n] = (fref){ &p[q].s.files[i], n };
	if (n)
		qsort(v, n, sizeof(*v), fref_cmp);
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && !strcmp(v[i].f->name, v[i + 1].f->name))
			continue;
		s->files[s->nfiles++] = *v[i].f;
		v[i].f->path = v[i].f->name = NULL;
	}
	free(v);
	return 0;
}

/* One student from the pieces [k, j) of one id. */
static int merge_group(jg_roster *r, piece *p, size_t k, size_t j)
{
	jg_student *s = &r->students[r->nstudents++];
	size_t total = 0;

	s->id = p[k].s.id;
	p[k].s.id = NULL;
	for (size_t q = k; q < j; q++) {
		s->late |= p[q].s.late;
		total += p[q].s.nfiles;
		if (p[q].s.name) {
			free(s->name);
			s->name = p[q].s.name;
			p[q].s.name = NULL;
		}
	}
	if (!s->name && !(s->name = strdup(s->id)))
		return oom();
	if (j - k == 1) {
		s->root = p[k].s.root;
		p[k].s.root = NULL;
	}
	return merge_files(s, p + k, j - k, total);
}

/* Blackboard keeps the latest attempt of each user: the last pieces. */
static int merge(rctx *c, jg_roster *r)
{
	int rc = 0;

	if (c->np == 0)
		return jg_error_set(JG_EINPUT, "%s: no submissions", c->disp);
	qsort(c->p, c->np, sizeof(*c->p), piece_cmp);
	if (!(r->students = calloc(c->np, sizeof(*r->students))))
		return oom();
	for (size_t i = 0, j; i < c->np && rc == 0; i = j) {
		size_t k = i;
		for (j = i + 1; j < c->np && !strcmp(c->p[j].s.id, c->p[i].s.id); j++)
			;
		if (r->layout == JG_LAYOUT_BLACKBOARD)
			for (k = j - 1; k > i && !num_cmp(c->p[k - 1].key, c->p[j - 1].key); k--)
				;
		rc = merge_group(r, c->p, k, j);
	}
	return rc;
}

/* ---- the roster ---- */

const char *jg_layout_name(jg_layout l)
{
	return (unsigned)l < NLAYOUTS ? layout_names[l] : "unknown";
}

int jg_layout_parse(jg_layout *out, const char *s)
{
	char buf[SHOW_MAX + 4];

	for (size_t i = 0; s && i < NLAYOUTS; i++) {
		if (!strcasecmp(s, layout_names[i])) {
			*out = (jg_layout)i;
			return 0;
		}
	}
	return jg_error_set(JG_EINPUT, "unknown layout '%s' (expected auto, moodle, canvas, github, "
			    "blackboard, plain or single)", shown(buf, s ? s : ""));
}

void jg_roster_free(jg_roster *r)
{
	if (!r)
		return;
	if (r->tmpdir)
		jg_fs_rmtree(r->tmpdir);
	for (size_t i = 0; i < r->nstudents; i++)
		student_free(&r->students[i]);
	free(r->students);
	free(r->tmpdir);
	free(r);
}

int jg_roster_open(jg_roster **out, const char *path, jg_layout layout)
{
	jg_roster *r = calloc(1, sizeof(*r));
	rctx c = { 0 };
	int rc;

	if (!r || !(c.disp = trimmed(path))) {
		rc = oom();
		goto done;
	}
	if ((unsigned)layout >= NLAYOUTS) {
		rc = jg_error_set(JG_EINPUT, "%s: unknown layout %d", c.disp, (int)layout);
		goto done;
	}
	if ((rc = open_input(&c, r, path, layout)) < 0)
		goto done;
	if (c.n == 0) {
		rc = jg_error_set(JG_EINPUT, "%s: no submissions", c.disp);
		goto done;
	}
	r->layout = layout == JG_LAYOUT_AUTO ? detect(&c) : layout;
	if ((rc = build(&c, r->layout, layout != JG_LAYOUT_AUTO)) < 0 || (rc = merge(&c, r)) < 0)
		goto done;
	*out = r;
	r = NULL;
done:
	ctx_free(&c);
	jg_roster_free(r);
	return rc;
}
