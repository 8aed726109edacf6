/* core/expect.c - expected verdicts of a package's reference submissions.
 *
 * The walk looks at two levels under submissions/ (plus the files directly
 * inside a multi-file submission, for tags); a symlink is followed only when
 * it stays inside the bundle.  submissions.yaml is parsed with libfyaml like
 * problem.yaml in bundle.c: capped at 1 MiB, checked for UTF-8 first, never
 * resolved, aliases refused, diagnostics collected and never printed.
 */
#define _GNU_SOURCE
#include "expect.h"
#include "error.h"
#include "yaml.h"
#include "fs.h"
#include "utf8.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <jansson.h>
#include <libfyaml.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEAD_MAX   (64u << 10)   /* bytes of each source searched for a tag */
#define META_MAX   (1u << 20)    /* submissions.yaml, submissions.json */
#define WORD_MAX   64            /* verdict words and names in messages */
#define NAME_MAX_T 64            /* longest directory name checked for typos */
#define FILES_MAX  1000          /* files of one multi-file submission scanned */
#define SUBS_MAX   10000         /* submissions in one package */
#define BRACE_MAX  256           /* alternatives one brace pattern expands to */
#define TAG        "@EXPECTED_RESULTS@"

#define V(x) JG_VSET(JG_##x)

/* ---------------------------------------------------------------------------
 * Verdict sets and words
 */

/* The order sets are shown in and `main` is chosen in. */
static const jg_verdict show_order[] = {
	JG_AC, JG_WA, JG_TLE, JG_RTE, JG_MLE, JG_OLE, JG_CE, JG_JE, JG_SKIPPED
};

struct word {
	const char    *name;   /* '_' stands for '-' too */
	jg_verdict_set set;
};

static const struct word words[] = {
	{ "AC", V(AC) }, { "WA", V(WA) }, { "TLE", V(TLE) }, { "RTE", V(RTE) },
	{ "MLE", V(MLE) }, { "OLE", V(OLE) }, { "CE", V(CE) },
	/* DOMjudge */
	{ "CORRECT", V(AC) }, { "WRONG_ANSWER", V(WA) }, { "TIMELIMIT", V(TLE) },
	{ "RUN_ERROR", V(RTE) }, { "COMPILER_ERROR", V(CE) }, { "NO_OUTPUT", V(WA) },
	{ "OUTPUT_LIMIT", V(OLE) }, { "MEMORY_LIMIT", V(MLE) },
	/* Kattis directory names as results */
	{ "ACCEPTED", V(AC) }, { "TIME_LIMIT_EXCEEDED", V(TLE) },
	{ "RUN_TIME_ERROR", V(RTE) }, { "MEMORY_LIMIT_EXCEEDED", V(MLE) },
	{ "OUTPUT_LIMIT_EXCEEDED", V(OLE) }, { "COMPILE_ERROR", V(CE) },
	{ NULL, 0 }
};

/* Case-insensitive, '-' and '_' alike. */
static int word_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '-' ? '_' : (char)toupper((unsigned char)*a);
		char y = *b == '-' ? '_' : (char)toupper((unsigned char)*b);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

int jg_verdict_set_parse_word(jg_verdict_set *out, const char *word)
{
	for (const struct word *w = words; word && w->name; w++) {
		if (word_eq(word, w->name)) {
			*out = w->set;
			return 0;
		}
	}
	return jg_error_set(JG_EINPUT, "unknown verdict '%.*s'", WORD_MAX, word ? word : "(null)");
}

const char *jg_verdict_set_str(jg_verdict_set s, char *buf, size_t cap)
{
	size_t n = 0;
	int w;

	if (!buf || !cap)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(show_order) / sizeof(*show_order) && n < cap; i++) {
		if (!(s & JG_VSET(show_order[i])))
			continue;
		w = snprintf(buf + n, cap - n, "%s%s", n ? "|" : "", jg_verdict_name(show_order[i]));
		n = w < 0 ? cap : n + (size_t)w;
	}
	if (!buf[0])
		snprintf(buf, cap, "-");
	return buf;
}

static jg_verdict main_of(jg_verdict_set s)
{
	for (size_t i = 0; i < 7; i++)
		if (s & JG_VSET(show_order[i]))
			return show_order[i];
	return JG_AC;
}

/* ---------------------------------------------------------------------------
 * Directory names
 */

struct dirname {
	const char    *name;
	jg_verdict_set set;
	int            official;
};

static const struct dirname dirnames[] = {
	{ "accepted", V(AC), 1 },
	{ "wrong_answer", V(WA), 1 },
	{ "time_limit_exceeded", V(TLE), 1 },
	{ "run_time_error", V(RTE) | V(MLE) | V(OLE), 1 },
	{ "memory_limit_exceeded", V(MLE), 1 },
	{ "output_limit_exceeded", V(OLE), 1 },
	{ "output_limit", V(OLE), 1 },
	{ "compile_error", V(CE), 1 },
	{ "compiler_error", V(CE), 1 },
	{ "no_output", V(WA), 1 },
	{ "partially_accepted", V(AC) | V(WA), 1 },
	/* 2023-07 names with default rules, not directory sets */
	{ "rejected", 0, 0 },
	{ "brute_force", 0, 0 },
	{ NULL, 0, 0 }
};

int jg_expect_dir(jg_verdict_set *out, const char *name)
{
	*out = 0;
	for (const struct dirname *d = dirnames; name && d->name; d++) {
		if (d->official && !strcmp(name, d->name)) {
			*out = d->set;
			return 1;
		}
	}
	return 0;
}

/* Lowercase letters and digits only, one plural 's' dropped; -1 if too long. */
static int typo_norm(const char *s, char *buf)
{
	size_t n = 0;
	for (; *s; s++) {
		if (!isalnum((unsigned char)*s))
			continue;
		if (n + 1 >= NAME_MAX_T)
			return -1;
		buf[n++] = (char)tolower((unsigned char)*s);
	}
	if (n > 1 && buf[n - 1] == 's')
		n--;
	buf[n] = '\0';
	return (int)n;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* Edit distance counting a swap of neighbours as one edit. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t r0[NAME_MAX_T + 1], r1[NAME_MAX_T + 1], r2[NAME_MAX_T + 1];
	size_t *pp = r0, *p = r1, *c = r2, *t;

	for (size_t j = 0; j <= lb; j++)
		p[j] = j;
	for (size_t i = 1; i <= la; i++) {
		c[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			c[j] = min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < c[j])
				c[j] = pp[j - 2] + 1;
		}
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[lb];
}

/* Edits allowed between names whose shorter one has n characters: short
 * names (slow, misc, other) are too easily close to something. */
static size_t typo_budget(size_t n)
{
	return n >= 8 ? 2 : n >= 5 ? 1 : 0;
}

const char *jg_expect_typo(const char *name)
{
	char a[NAME_MAX_T], b[NAME_MAX_T];
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	int la, lb;

	if (!name || (la = typo_norm(name, a)) <= 0)
		return NULL;
	for (const struct dirname *d = dirnames; d->name; d++)
		if (!strcmp(name, d->name))
			return NULL;
	for (const struct dirname *d = dirnames; d->name; d++) {
		size_t dist;
		lb = typo_norm(d->name, b);
		dist = distance(a, (size_t)la, b, (size_t)lb);
		if (dist < best_d && dist <= typo_budget((size_t)(la < lb ? la : lb))) {
			best = d->name;
			best_d = dist;
		}
	}
	return best;
}

/* ---------------------------------------------------------------------------
 * @EXPECTED_RESULTS@
 */

static const char *find_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!strncasecmp(s + i, needle, k))
			return s + i;
	return NULL;
}

/* Copies a word for a message, non-printable bytes as '?'. */
static void printable(char *buf, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n && i + 1 < WORD_MAX; i++)
		buf[i] = isprint((unsigned char)s[i]) ? s[i] : '?';
	buf[i] = '\0';
}

/* One word of the list: comment marks around it (#, //, /ast, -->) trimmed. */
static int tag_word(jg_verdict_set *set, const char *s, size_t n)
{
	char w[WORD_MAX];
	jg_verdict_set one;

	while (n && !isalnum((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && !isalnum((unsigned char)s[n - 1]))
		n--;
	if (!n)
		return 0;
	printable(w, s, n);
	if (n >= WORD_MAX || jg_verdict_set_parse_word(&one, w) < 0)
		return jg_error_set(JG_EINPUT, TAG ": unknown result '%s'", w);
	*set |= one;
	return 0;
}

static int tag_sep(char ch)
{
	return ch == ',' || ch == ':' || ch == ';' || ch == ' ' || ch == '\t' || ch == '\0';
}

int jg_expect_tag(jg_verdict_set *out, const char *text, size_t len)
{
	const char *p = text ? find_ci(text, len, TAG) : NULL, *end, *q;
	jg_verdict_set set = 0;
	int rc;

	if (!p)
		return 0;
	end = text + len;
	for (p += strlen(TAG); p < end && *p != '\n' && *p != '\r'; p = q) {
		while (p < end && tag_sep(*p))
			p++;
		for (q = p; q < end && !tag_sep(*q) && *q != '\n' && *q != '\r'; q++)
			;
		if ((rc = tag_word(&set, p, (size_t)(q - p))) < 0)
			return rc;
	}
	if (!set)
		return jg_error_set(JG_EINPUT, TAG ": no result listed");
	*out = set;
	return 1;
}

/* ---------------------------------------------------------------------------
 * Loading: context and small helpers
 */

typedef struct {
	char          *pattern;   /* trailing '/' removed */
	char          *file;      /* display name of its file; NULL: built in */
	int            line;
	int            has_permitted;
	jg_verdict_set permitted;
	jg_verdict_set required;
	char          *entry;
	size_t         hits;
} rule;

typedef struct {
	jg_expect *e;
	char      *disp;     /* bundle root as the caller named it, no trailing '/' */
	char      *root;     /* its real path */
	char      *subdir;   /* root/submissions */
	size_t     alloc;    /* slots in e->subs */
	rule      *rules;
	size_t     nrules;
	char      *head;     /* HEAD_MAX bytes for tag searches */
} ectx;

static int oom(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory");
}

static int warn(ectx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int warn(ectx *c, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc, n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return oom();
	rc = jg_strv_push(&c->e->warnings, s);
	free(s);
	return rc;
}

/* Hidden files, editor backups and READMEs are never submissions. */
static int skipped_name(const char *n)
{
	size_t len = strlen(n);
	return n[0] == '.' || n[len - 1] == '~' || !strncasecmp(n, "README", 6);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir except "." and "..", sorted; *out NULL when none. */
static int list_dir(const char *dir, const char *disp, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	int rc = 0;

	*out = NULL;
	if (!d)
		return jg_error_errno(JG_EIO, "%s", disp);
	while (rc == 0 && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			rc = jg_strv_push(&v, e->d_name);
	closedir(d);
	if (rc < 0) {
		jg_strv_free(v);
		return rc;
	}
	if (v)
		qsort(v, jg_strv_len(v), sizeof(*v), cmp_str);
	*out = v;
	return 0;
}

/* 1 when path (not a symlink, or one resolving inside the bundle) may be
 * used, 0 for a symlink that leads outside or nowhere. */
static int inside(ectx *c, const char *path)
{
	struct stat st;
	size_t n = strlen(c->root);
	char *real;
	int in;

	if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode))
		return 1;
	if (!(real = realpath(path, NULL)))
		return 0;
	in = !strncmp(real, c->root, n) && (real[n] == '/' || real[n] == '\0' || n == 1);
	free(real);
	return in;
}

/* Reads up to HEAD_MAX bytes of path into c->head. */
static int read_head(ectx *c, const char *path, const char *disp, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), rc = 0;
	ssize_t r = 0;

	*len = 0;
	if (fd < 0)
		return jg_error_errno(JG_EIO, "%s", disp);
	while (*len < HEAD_MAX && ((r = read(fd, c->head + *len, HEAD_MAX - *len)) > 0 ||
				   (r < 0 && errno == EINTR)))
		*len += r > 0 ? (size_t)r : 0;
	if (r < 0)
		rc = jg_error_errno(JG_EIO, "%s", disp);
	close(fd);
	return rc;
}

/* Reads a whole metadata file: 1 when read, 0 when absent, or a code. */
static int read_meta(ectx *c, const char *path, const char *disp, char **text, size_t *len)
{
	struct stat st;
	int rc;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s", disp);
	if (!inside(c, path) || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return jg_error_set(JG_EINPUT, "%s: not a regular file inside the bundle", disp);
	rc = jg_fs_read_file(text, len, path, META_MAX);
	if (rc == JG_ELIMIT)
		return jg_error_set(JG_EINPUT, "%s: larger than %u bytes", disp, META_MAX);
	return rc < 0 ? rc : 1;
}

/* ---------------------------------------------------------------------------
 * Discovery
 */

static jg_expect_sub *new_sub(ectx *c)
{
	jg_expect *e = c->e;
	jg_expect_sub *s;
	size_t n = c->alloc ? 2 * c->alloc : 16;

	if (e->nsubs >= SUBS_MAX)
		return NULL;
	if (e->nsubs == c->alloc) {
		if (!(s = realloc(e->subs, n * sizeof(*s))))
			return NULL;
		e->subs = s;
		c->alloc = n;
	}
	s = &e->subs[e->nsubs++];
	memset(s, 0, sizeof(*s));
	return s;
}

/* One file's tag: found/first tag so far in *tag, warnings for bad ones. */
static int scan_file(ectx *c, const char *path, const char *disp, int *found,
		     jg_verdict_set *tag, char **first)
{
	jg_verdict_set set = 0;
	char a[80], b[80];
	size_t len;
	int rc = read_head(c, path, disp, &len);

	if (rc == 0)
		rc = jg_expect_tag(&set, c->head, len);
	if (rc == JG_EINPUT)
		return warn(c, "%s: %s; tag ignored", disp, jg_error_last());
	if (rc <= 0)
		return rc;
	if (!*found) {
		*found = 1;
		*tag = set;
		return (*first = strdup(disp)) ? 0 : oom();
	}
	if (set == *tag)
		return 0;
	return warn(c, "%s: " TAG " %s ignored, the one in %s (%s) is used", disp,
		    jg_verdict_set_str(set, a, sizeof(a)), *first,
		    jg_verdict_set_str(*tag, b, sizeof(b)));
}

/* The files directly inside a multi-file submission. */
static int scan_dir(ectx *c, const char *path, const char *disp, int *found,
		    jg_verdict_set *tag, char **first)
{
	char **names = NULL, *fp = NULL, *fd = NULL;
	struct stat st;
	size_t seen = 0;
	int rc = list_dir(path, disp, &names);

	for (size_t i = 0; rc == 0 && names && names[i] && seen < FILES_MAX; i++) {
		if (names[i][0] == '.')
			continue;
		if (!(fp = jg_path_join(path, names[i])) || !(fd = jg_path_join(disp, names[i])))
			rc = oom();
		else if (inside(c, fp) && stat(fp, &st) == 0 && S_ISREG(st.st_mode) && ++seen)
			rc = scan_file(c, fp, fd, found, tag, first);
		free(fp);
		free(fd);
		fp = fd = NULL;
	}
	if (rc == 0 && !seen)
		rc = 1;   /* no file at all */
	jg_strv_free(names);
	return rc;
}

/* Sets s->expected from the directory's set and the tag. */
static int settle(ectx *c, jg_expect_sub *s, jg_verdict_set dirset, int found,
		  jg_verdict_set tag, const char *first)
{
	char a[80], b[80];

	s->expected = s->official ? dirset : found ? tag : 0;
	if (!s->official || !found)
		return 0;
	if (tag & dirset) {
		s->expected = tag & dirset;
		return 0;
	}
	return warn(c, "%s: " TAG " %s contradicts directory '%s' (%s); keeping the directory's",
		    first, jg_verdict_set_str(tag, a, sizeof(a)), s->dir,
		    jg_verdict_set_str(dirset, b, sizeof(b)));
}

static int fill_sub(ectx *c, jg_expect_sub *s, const char *dname, const char *name,
		    const char *path)
{
	s->official = jg_expect_dir(&s->expected, dname);
	s->partial = !strcmp(dname, "partially_accepted");
	if (!(s->path = strdup(path)) || !(s->dir = strdup(dname)) ||
	    asprintf(&s->rel, "%s/%s", dname, name) < 0) {
		s->rel = NULL;
		return oom();
	}
	return 0;
}

/* submissions/dname/name: one submission. */
static int add_sub(ectx *c, const char *dname, const char *name)
{
	char *path = NULL, *disp = NULL, *first = NULL;
	jg_verdict_set dirset, tag = 0;
	jg_expect_sub *s = NULL;
	struct stat st;
	int rc = 0, found = 0;

	if (asprintf(&path, "%s/%s/%s", c->subdir, dname, name) < 0 ||
	    asprintf(&disp, "%s/submissions/%s/%s", c->disp, dname, name) < 0) {
		path = disp = NULL;
		rc = oom();
	} else if (!inside(c, path) || stat(path, &st) < 0) {
		rc = warn(c, "%s: broken symlink or one leading outside the bundle, ignored", disp);
	} else if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		rc = warn(c, "%s: not a file or directory, ignored", disp);
	} else if ((rc = S_ISDIR(st.st_mode) ? scan_dir(c, path, disp, &found, &tag, &first)
			 : scan_file(c, path, disp, &found, &tag, &first)) == 1) {
		rc = warn(c, "%s: empty directory, ignored", disp);
	} else if (rc == 0 && !(s = new_sub(c))) {
		rc = c->e->nsubs >= SUBS_MAX ? jg_error_set(JG_EINPUT, "%s/submissions: more than "
							    "%d submissions", c->disp, SUBS_MAX) : oom();
	} else if (rc == 0 && (rc = fill_sub(c, s, dname, name, path)) == 0) {
		dirset = s->expected;
		rc = settle(c, s, dirset, found, tag, first);
	}
	free(path);
	free(disp);
	free(first);
	return rc;
}

/* submissions/dname/: a directory of submissions. */
static int walk_group(ectx *c, const char *dname, const char *path, const char *disp)
{
	char **names = NULL;
	jg_verdict_set set;
	const char *typo = NULL;
	int rc = 0;

	if (!jg_expect_dir(&set, dname) && (typo = jg_expect_typo(dname)))
		rc = warn(c, "%s: not an official directory name, did you mean '%s'? "
			  "Its submissions are judged but not checked", disp, typo);
	if (rc == 0)
		rc = list_dir(path, disp, &names);
	for (size_t i = 0; rc == 0 && names && names[i]; i++)
		if (!skipped_name(names[i]))
			rc = add_sub(c, dname, names[i]);
	jg_strv_free(names);
	return rc;
}

static int is_meta_name(const char *n)
{
	return !strcmp(n, "submissions.yaml") || !strcmp(n, "submissions.json") ||
	       !strcmp(n, "expectations.yaml");
}

static int walk_top(ectx *c, const char *name)
{
	char *path = jg_path_join(c->subdir, name), *disp = NULL;
	struct stat st;
	int rc = 0;

	if (!path || asprintf(&disp, "%s/submissions/%s", c->disp, name) < 0) {
		disp = NULL;
		rc = oom();
	} else if (!inside(c, path) || stat(path, &st) < 0) {
		rc = warn(c, "%s: broken symlink or one leading outside the bundle, ignored", disp);
	} else if (S_ISDIR(st.st_mode)) {
		rc = walk_group(c, name, path, disp);
	} else if (!is_meta_name(name)) {
		rc = warn(c, "%s: not inside a subdirectory of submissions/, ignored", disp);
	}
	free(path);
	free(disp);
	return rc;
}

static int walk(ectx *c)
{
	char **names = NULL, *disp = NULL;
	struct stat st;
	int rc = 0;

	if (lstat(c->subdir, &st) < 0)
		return errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s/submissions", c->disp);
	if (asprintf(&disp, "%s/submissions", c->disp) < 0)
		return oom();
	if (!inside(c, c->subdir) || stat(c->subdir, &st) < 0 || !S_ISDIR(st.st_mode))
		rc = warn(c, "%s: not a directory inside the bundle, ignored", disp);
	else
		rc = list_dir(c->subdir, disp, &names);
	for (size_t i = 0; rc == 0 && names && names[i]; i++)
		if (!skipped_name(names[i]))
			rc = walk_top(c, names[i]);
	jg_strv_free(names);
	free(disp);
	return rc;
}

/* ---------------------------------------------------------------------------
 * submissions.yaml / expectations.yaml
 */

typedef struct {
	ectx       *c;
	const char *file;   /* display name */
	rule       *r;      /* the rule being read */
} yctx;

static int yerr(yctx *y, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int yerr(yctx *y, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line > 0)
		return jg_error_set(JG_EINPUT, "%s: line %d: %s", y->file, line, msg);
	return jg_error_set(JG_EINPUT, "%s: %s", y->file, msg);
}

/* 1-based line of a scalar node, or `dflt` for anything else. */
static int line_of(struct fy_node *n, int dflt)
{
	struct fy_token *t;
	const struct fy_mark *m;

	if (!n || fy_node_get_type(n) != FYNT_SCALAR || !(t = fy_node_get_scalar_token(n)) ||
	    !(m = fy_token_start_mark(t)))
		return dflt;
	return m->line + 1;
}

static int is_null(struct fy_node *n)
{
	const char *s;
	size_t len;

	if (!n)
		return 1;
	if (fy_node_get_type(n) != FYNT_SCALAR || fy_node_get_style(n) != FYNS_PLAIN)
		return 0;
	s = fy_node_get_scalar(n, &len);
	return len == 0 || (len == 1 && *s == '~') || (len == 4 && !strncasecmp(s, "null", 4));
}

/* A scalar's text in buf (control characters as '?'): 0, or -1 when n is
 * not a scalar or does not fit. */
static int scalar_text(struct fy_node *n, char *buf, size_t size)
{
	const char *s;
	size_t len, i;

	if (!n || fy_node_get_type(n) != FYNT_SCALAR || !(s = fy_node_get_scalar(n, &len)) ||
	    len >= size)
		return -1;
	for (i = 0; i < len; i++)
		buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
	buf[i] = '\0';
	return 0;
}

/* 1 when the scalar looks like a number (a score). */
static int is_number(struct fy_node *n)
{
	char buf[WORD_MAX], *end;

	if (scalar_text(n, buf, sizeof(buf)) < 0 || fy_node_get_style(n) != FYNS_PLAIN || !buf[0])
		return 0;
	(void)strtod(buf, &end);
	return *end == '\0';
}

/* Verdict words separated by commas and blanks, in a scalar. */
static int verdict_words(yctx *y, struct fy_node *n, const char *key, int line,
			 jg_verdict_set *out)
{
	char buf[256], *w, *save = NULL;
	jg_verdict_set one;

	if (scalar_text(n, buf, sizeof(buf)) < 0)
		return yerr(y, line, "'%s' must be a list of verdicts", key);
	for (w = strtok_r(buf, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
		if (jg_verdict_set_parse_word(&one, w) < 0)
			return yerr(y, line, "%s: unknown verdict '%.*s' (AC, WA, TLE, RTE, MLE, "
				    "OLE, CE)", key, WORD_MAX, w);
		*out |= one;
	}
	return 0;
}

/* A verdict list: a sequence of words, or one scalar of words. */
static int verdict_list(yctx *y, struct fy_node *n, const char *key, int line,
			jg_verdict_set *out)
{
	struct fy_node *item;
	void *it = NULL;
	int rc;

	*out = 0;
	if (is_null(n))
		return 0;
	if (fy_node_get_type(n) == FYNT_SCALAR)
		return verdict_words(y, n, key, line_of(n, line), out);
	if (fy_node_get_type(n) != FYNT_SEQUENCE)
		return yerr(y, line, "'%s' must be a list of verdicts", key);
	while ((item = fy_node_sequence_iterate(n, &it))) {
		if (fy_node_get_type(item) != FYNT_SCALAR)
			return yerr(y, line, "'%s' must be a list of verdicts", key);
		if ((rc = verdict_words(y, item, key, line_of(item, line), out)) < 0)
			return rc;
	}
	return 0;
}

static int y_permitted(yctx *y, struct fy_node *n, int line)
{
	int rc = verdict_list(y, n, "permitted", line, &y->r->permitted);
	if (rc == 0 && !y->r->permitted)
		return yerr(y, line, "'permitted' must list at least one verdict");
	y->r->has_permitted = rc == 0;
	return rc;
}

static int y_entry(yctx *y, struct fy_node *n, const char *key, int line)
{
	char buf[1024];

	if (scalar_text(n, buf, sizeof(buf)) < 0 || !buf[0])
		return yerr(y, line, "'%s' must be a file name", key);
	free(y->r->entry);
	return (y->r->entry = strdup(buf)) ? 0 : oom();
}

struct phrase {
	const char    *text;      /* lowercase, words separated by one blank */
	jg_verdict_set permitted;
	jg_verdict_set required;
};

/* The common expectations of the 2023-07 drafts. */
static const struct phrase phrases[] = {
	{ "accepted", V(AC), 0 },
	{ "wrong answer", V(AC) | V(WA), V(WA) },
	{ "time limit exceeded", V(AC) | V(TLE), V(TLE) },
	{ "runtime exception", V(AC) | V(RTE), V(RTE) },
	{ "run time error", V(AC) | V(RTE), V(RTE) },
	{ "runtime error", V(AC) | V(RTE), V(RTE) },
	{ "does not terminate", V(AC) | V(RTE) | V(TLE), V(RTE) | V(TLE) },
	{ "not accepted", 0, V(WA) | V(TLE) | V(RTE) },
	{ NULL, 0, 0 }
};

/* 1 and the rule set when the scalar is one of the phrases. */
static int y_phrase(yctx *y, struct fy_node *n)
{
	char buf[WORD_MAX];
	size_t i;

	if (scalar_text(n, buf, sizeof(buf)) < 0)
		return 0;
	for (i = 0; buf[i]; i++)
		buf[i] = buf[i] == '_' || buf[i] == '-' ? ' ' : (char)tolower((unsigned char)buf[i]);
	for (const struct phrase *p = phrases; p->text; p++) {
		if (!strcmp(buf, p->text)) {
			y->r->permitted = p->permitted;
			y->r->has_permitted = p->permitted != 0;
			y->r->required = p->required;
			return 1;
		}
	}
	return 0;
}

static int y_not_checked(yctx *y, int line, const char *what)
{
	return warn(y->c, "%s: line %d: %s in rule '%s' is not checked by judge verify, ignored",
		    y->file, line, what, y->r->pattern);
}

/* A rule's value that is not a mapping: shorthand for `permitted`. */
static int y_shorthand(yctx *y, struct fy_node *n, int line)
{
	struct fy_node *first;
	void *it = NULL;

	if (fy_node_get_type(n) == FYNT_SCALAR && is_number(n))
		return y_not_checked(y, line, "a score");
	if (fy_node_get_type(n) == FYNT_SEQUENCE && (first = fy_node_sequence_iterate(n, &it)) &&
	    is_number(first))
		return y_not_checked(y, line, "a score range");
	if (fy_node_get_type(n) == FYNT_SCALAR && y_phrase(y, n))
		return 0;
	return y_permitted(y, n, line);
}

static const char *const ignored_keys[] = {
	"language", "authors", "author", "model_solution", "use_for_time_limit", NULL
};
static const char *const unchecked_keys[] = {
	"score", "fractional_score", "message", "judge_message", NULL
};

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return 1;
	return 0;
}

static int is_group_key(const char *k)
{
	return !strcmp(k, "sample") || !strcmp(k, "secret") || !strncmp(k, "sample/", 7) ||
	       !strncmp(k, "secret/", 7) || strchr(k, '*') || strchr(k, '/');
}

static int y_key(yctx *y, const char *k, struct fy_node *v, int line)
{
	char what[WORD_MAX + 40];

	if (!strcmp(k, "permitted"))
		return y_permitted(y, v, line);
	if (!strcmp(k, "required"))
		return verdict_list(y, v, "required", line, &y->r->required);
	if (!strcmp(k, "entrypoint") || !strcmp(k, "entry_point"))
		return y_entry(y, v, k, line);
	if (in_list(ignored_keys, k))
		return 0;
	snprintf(what, sizeof(what), "'%.60s'", k);
	if (in_list(unchecked_keys, k))
		return y_not_checked(y, line, what);
	snprintf(what, sizeof(what), "test group '%.60s'", k);
	if (is_group_key(k))
		return y_not_checked(y, line, what);
	return warn(y->c, "%s: line %d: unknown key '%s' in rule '%s', ignored", y->file, line,
		    k, y->r->pattern);
}

static int y_rule_map(yctx *y, struct fy_node *n, int line)
{
	struct fy_node_pair *pair;
	char key[256];
	void *it = NULL;
	int rc, kl;

	while ((pair = fy_node_mapping_iterate(n, &it))) {
		kl = line_of(fy_node_pair_key(pair), line);
		if (scalar_text(fy_node_pair_key(pair), key, sizeof(key)) < 0)
			return yerr(y, kl, "rule '%s': keys must be short strings", y->r->pattern);
		if ((rc = y_key(y, key, fy_node_pair_value(pair), kl)) < 0)
			return rc;
	}
	return 0;
}

static rule *new_rule(ectx *c)
{
	rule *r = realloc(c->rules, (c->nrules + 1) * sizeof(*r));
	if (!r)
		return NULL;
	c->rules = r;
	r = &c->rules[c->nrules++];
	memset(r, 0, sizeof(*r));
	return r;
}

static int y_rule(yctx *y, struct fy_node_pair *pair)
{
	struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
	int line = line_of(k, 0);
	char pat[1024];
	size_t n;

	if (scalar_text(k, pat, sizeof(pat)) < 0)
		return yerr(y, line, "submission patterns must be strings");
	for (n = strlen(pat); n > 0 && pat[n - 1] == '/'; n--)
		pat[n - 1] = '\0';
	if (!n)
		return yerr(y, line, "empty submission pattern");
	if (!(y->r = new_rule(y->c)) || !(y->r->pattern = strdup(pat)) ||
	    !(y->r->file = strdup(y->file)))
		return oom();
	y->r->line = line;
	if (is_null(v))
		return 0;
	if (fy_node_get_type(v) == FYNT_MAPPING)
		return y_rule_map(y, v, line);
	return y_shorthand(y, v, line);
}

static int y_root(yctx *y, struct fy_node *root)
{
	struct fy_node_pair *pair;
	void *it = NULL;
	int rc;

	if (is_null(root))
		return 0;
	if (jg_yaml_has_alias(root))
		return yerr(y, 0, "YAML aliases are not supported");
	if (fy_node_get_type(root) != FYNT_MAPPING)
		return yerr(y, 0, "expected a mapping of submission patterns to rules");
	while ((pair = fy_node_mapping_iterate(root, &it)))
		if ((rc = y_rule(y, pair)) < 0)
			return rc;
	return 0;
}

static int parse_rules(ectx *c, const char *text, size_t len, const char *file)
{
	struct fy_diag *diag = NULL;
	struct fy_document *doc = NULL;
	yctx y = { c, file, NULL };
	int rc;

	if (jg_utf8_check(text, len) < len)
		return jg_error_set(JG_EINPUT, "%s: not valid UTF-8 (at byte %zu)", file,
				    jg_utf8_check(text, len));
	if ((rc = jg_yaml_load(&diag, &doc, text, len, file)) == 0 && doc)
		rc = y_root(&y, fy_document_root(doc));
	fy_document_destroy(doc);
	if (diag)
		fy_diag_destroy(diag);
	return rc;
}

static int load_rules(ectx *c, const char *name)
{
	char *path = jg_path_join(c->subdir, name), *disp = NULL, *text = NULL;
	size_t len = 0;
	int rc;

	if (!path || asprintf(&disp, "%s/submissions/%s", c->disp, name) < 0) {
		free(path);
		return oom();
	}
	rc = read_meta(c, path, disp, &text, &len);
	if (rc == 1)
		rc = parse_rules(c, text, len, disp);
	free(text);
	free(path);
	free(disp);
	return rc;
}

/* The 2023-07 defaults for rejected/ and brute_force/, unless a rule of the
 * same name replaces them. */
static int default_rules(ectx *c)
{
	static const struct phrase defaults[] = {
		{ "rejected", 0, V(WA) | V(TLE) | V(RTE) },
		{ "brute_force", V(AC) | V(TLE) | V(RTE), V(TLE) | V(RTE) },
	};
	rule *r;

	for (size_t i = 0; i < 2; i++) {
		size_t j = 0;
		while (j < c->nrules && (c->rules[j].file == NULL ||
					 strcmp(c->rules[j].pattern, defaults[i].text)))
			j++;
		if (j < c->nrules)
			continue;
		if (!(r = new_rule(c)) || !(r->pattern = strdup(defaults[i].text)))
			return oom();
		r->permitted = defaults[i].permitted;
		r->has_permitted = r->permitted != 0;
		r->required = defaults[i].required;
	}
	return 0;
}

/* ---------------------------------------------------------------------------
 * Matching rules to submissions
 */

/* fnmatch against rel and each of its parent directories. */
static int match_plain(const char *pat, const char *rel)
{
	char buf[4096];
	size_t n = strlen(rel);

	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, rel, n + 1);
	for (;;) {
		if (fnmatch(pat, buf, FNM_PATHNAME) == 0)
			return 1;
		char *slash = strrchr(buf, '/');
		if (!slash)
			return 0;
		*slash = '\0';
	}
}

/* The '}' closing the '{' at open, or NULL. */
static const char *brace_close(const char *open)
{
	int depth = 0;
	for (const char *p = open; *p; p++) {
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth == 0)
			return p;
	}
	return NULL;
}

/* Matching with brace alternatives {a,b} (nested allowed); *budget bounds
 * the number of expanded patterns tried. */
static int match(const char *pat, const char *rel, int *budget)
{
	const char *open = strchr(pat, '{'), *close = open ? brace_close(open) : NULL, *a, *p;
	char *alt;
	int depth = 0, hit = 0;

	if (!close)
		return match_plain(pat, rel);
	for (a = p = open + 1; !hit && p <= close; p++) {
		if (p < close && (*p == '{' || *p == '}'))
			depth += *p == '{' ? 1 : -1;
		if (p < close && (depth || *p != ','))
			continue;
		if (--*budget < 0)
			return 0;
		if (asprintf(&alt, "%.*s%.*s%s", (int)(open - pat), pat, (int)(p - a), a,
			     close + 1) < 0)
			return -1;
		hit = match(alt, rel, budget);
		free(alt);
		a = p + 1;
	}
	return hit;
}

static int apply_rule(ectx *c, jg_expect_sub *s, rule *r)
{
	jg_verdict_set p = s->permitted ? s->permitted & r->permitted : r->permitted;
	char a[80], b[80];

	if (r->has_permitted && !p && r->file)
		return jg_error_set(JG_EINPUT, "%s: line %d: rule '%s' permits %s, none of %s "
				    "that other rules permit for %s", r->file, r->line,
				    r->pattern, jg_verdict_set_str(r->permitted, a, sizeof(a)),
				    jg_verdict_set_str(s->permitted, b, sizeof(b)), s->rel);
	if (r->has_permitted && !p)
		return jg_error_set(JG_EINPUT, "%s/submissions: rules permit %s for %s, none of "
				    "%s that the 2023-07 default for '%s' permits", c->disp,
				    jg_verdict_set_str(s->permitted, b, sizeof(b)), s->rel,
				    jg_verdict_set_str(r->permitted, a, sizeof(a)), r->pattern);
	if (r->has_permitted)
		s->permitted = p;
	s->required |= r->required;
	if (r->entry) {
		free(s->entry);
		if (!(s->entry = strdup(r->entry)))
			return oom();
	}
	return 0;
}

static int apply_rules(ectx *c)
{
	int rc = 0, budget, m;

	for (size_t i = 0; i < c->e->nsubs && rc == 0; i++) {
		for (size_t j = 0; j < c->nrules && rc == 0; j++) {
			budget = BRACE_MAX;
			if ((m = match(c->rules[j].pattern, c->e->subs[i].rel, &budget)) < 0)
				rc = oom();
			else if (m && ++c->rules[j].hits)
				rc = apply_rule(c, &c->e->subs[i], &c->rules[j]);
		}
	}
	for (size_t j = 0; j < c->nrules && rc == 0; j++)
		if (c->rules[j].file && !c->rules[j].hits)
			rc = warn(c, "%s: line %d: pattern '%s' matches no submission",
				  c->rules[j].file, c->rules[j].line, c->rules[j].pattern);
	return rc;
}

/* ---------------------------------------------------------------------------
 * DOMjudge submissions.json
 */

static int cmp_sub_rel(const void *key, const void *elem)
{
	return strcmp(key, ((const jg_expect_sub *)elem)->rel);
}

/* "submissions/accepted/multi/" -> "accepted/multi" in buf. */
static void json_key_rel(const char *key, char *buf, size_t size)
{
	size_t n;

	if (!strncmp(key, "./", 2))
		key += 2;
	if (!strncmp(key, "submissions/", 12))
		key += 12;
	snprintf(buf, size, "%s", key);
	for (n = strlen(buf); n > 0 && buf[n - 1] == '/'; n--)
		buf[n - 1] = '\0';
}

static int bad_entry(const char *s)
{
	const char *p = s;

	if (!*s || *s == '/')
		return 1;
	while ((p = strstr(p, "..")))
		if ((p == s || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return 1;
		else
			p += 2;
	return 0;
}

static int json_entry(ectx *c, const char *file, const char *key, json_t *v)
{
	char rel[4096];
	const char *k, *ep = NULL;
	jg_expect_sub *s;
	json_t *x;

	if (!json_is_object(v))
		return jg_error_set(JG_EINPUT, "%s: '%s' must map to an object", file, key);
	json_object_foreach(v, k, x) {
		if (!strcmp(k, "entry_point") && !json_is_string(x))
			return jg_error_set(JG_EINPUT, "%s: '%s': entry_point must be a string",
					    file, key);
		if (!strcmp(k, "entry_point"))
			ep = json_string_value(x);
		else if (strcmp(k, "langid") && strcmp(k, "language") && strcmp(k, "team") &&
			 warn(c, "%s: '%s': unknown key '%s' ignored", file, key, k) < 0)
			return JG_ENOMEM;
	}
	if (ep && bad_entry(ep))
		return jg_error_set(JG_EINPUT, "%s: '%s': entry_point '%s' must be a path inside "
				    "the submission", file, key, ep);
	json_key_rel(key, rel, sizeof(rel));
	s = bsearch(rel, c->e->subs, c->e->nsubs, sizeof(*s), cmp_sub_rel);
	if (!s)
		return warn(c, "%s: '%s' names no submission, ignored", file, key);
	if (!ep)
		return 0;
	free(s->entry);
	return (s->entry = strdup(ep)) ? 0 : oom();
}

static int parse_json(ectx *c, const char *text, size_t len, const char *file)
{
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err), *v;
	const char *key;
	int rc = 0;

	if (!root)
		return jg_error_set(JG_EINPUT, "%s: line %d: %s", file, err.line, err.text);
	if (!json_is_object(root))
		rc = jg_error_set(JG_EINPUT, "%s: expected an object mapping submission paths "
				  "to settings", file);
	json_object_foreach(root, key, v) {
		if (rc == 0)
			rc = json_entry(c, file, key, v);
	}
	json_decref(root);
	return rc;
}

/* rel "" for the bundle root's file, "submissions" for the other. */
static int load_json(ectx *c, const char *dir, const char *rel)
{
	char *path = NULL, *disp = NULL, *text = NULL;
	size_t len = 0;
	int rc;

	if (asprintf(&path, "%s/%s%ssubmissions.json", dir, rel, *rel ? "/" : "") < 0 ||
	    asprintf(&disp, "%s/%s%ssubmissions.json", c->disp, rel, *rel ? "/" : "") < 0) {
		free(path);
		return oom();
	}
	rc = read_meta(c, path, disp, &text, &len);
	if (rc == 1)
		rc = parse_json(c, text, len, disp);
	free(text);
	free(path);
	free(disp);
	return rc;
}

/* ---------------------------------------------------------------------------
 * The whole
 */

static int cmp_subs(const void *a, const void *b)
{
	return strcmp(((const jg_expect_sub *)a)->rel, ((const jg_expect_sub *)b)->rel);
}

static int start(ectx *c, const char *bundle_root)
{
	size_t n = strlen(bundle_root);

	while (n > 1 && bundle_root[n - 1] == '/')
		n--;
	if (!(c->e = calloc(1, sizeof(*c->e))) || !(c->disp = strndup(bundle_root, n)) ||
	    !(c->head = malloc(HEAD_MAX)))
		return oom();
	if (!(c->root = realpath(bundle_root, NULL)))
		return jg_error_errno(JG_EIO, "%s", c->disp);
	if (!jg_fs_is_dir(c->root))
		return jg_error_set(JG_EIO, "%s: not a directory", c->disp);
	return (c->subdir = jg_path_join(c->root, "submissions")) ? 0 : oom();
}

static int load_all(ectx *c)
{
	int rc;

	if ((rc = walk(c)) < 0)
		return rc;
	if (c->e->nsubs)
		qsort(c->e->subs, c->e->nsubs, sizeof(*c->e->subs), cmp_subs);
	if ((rc = load_rules(c, "submissions.yaml")) < 0 ||
	    (rc = load_rules(c, "expectations.yaml")) < 0 || (rc = default_rules(c)) < 0 ||
	    (rc = apply_rules(c)) < 0 || (rc = load_json(c, c->root, "")) < 0 ||
	    (rc = load_json(c, c->root, "submissions")) < 0)
		return rc;
	for (size_t i = 0; i < c->e->nsubs; i++)
		c->e->subs[i].main = main_of(c->e->subs[i].expected);
	return 0;
}

static void ectx_clear(ectx *c)
{
	for (size_t i = 0; i < c->nrules; i++) {
		free(c->rules[i].pattern);
		free(c->rules[i].file);
		free(c->rules[i].entry);
	}
	free(c->rules);
	free(c->disp);
	free(c->root);
	free(c->subdir);
	free(c->head);
}

int jg_expect_load(jg_expect **out, const char *bundle_root)
{
	ectx c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	if ((rc = start(&c, bundle_root)) == 0 && (rc = load_all(&c)) == 0) {
		*out = c.e;
		c.e = NULL;
	}
	jg_expect_free(c.e);
	ectx_clear(&c);
	return rc;
}

void jg_expect_free(jg_expect *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->nsubs; i++) {
		free(e->subs[i].path);
		free(e->subs[i].rel);
		free(e->subs[i].dir);
		free(e->subs[i].entry);
	}
	free(e->subs);
	jg_strv_free(e->warnings);
	free(e);
}
