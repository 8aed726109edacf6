/* core/submission.c - a SUBMISSION argument: one source file, a directory or
 * an archive.
 *
 * A single file is the whole submission: dir is its directory but files
 * names that file alone, so no sibling is ever part of it.  When the file
 * must be renamed to compile (a Java public class Main in sol.java, or an
 * extension that does not match --lang), it is copied under that name into a
 * private directory instead.
 *
 * A tree (directory, or an archive extracted into a private directory) is
 * walked without following symlinks; hidden entries (".git", ".x.py") and
 * __MACOSX are skipped, other regular files are candidates.  The sources are
 * the candidates with an extension of the language; the other candidates
 * (headers, input files the program opens) go along as support files, those
 * of at most SUPPORT_MAX bytes, as many as the caps leave room for.
 */
#define _GNU_SOURCE
#include "submission.h"
#include "extract.h"
#include "error.h"
#include "fs.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define SUB_MAX_FILES   1000
#define SUPPORT_MAX     (1ull << 20)    /* bytes of one support file */
#define SUB_MAX_BYTES   (64ull << 20)
#define SUB_MAX_ENTRIES 20000   /* directory entries walked */
#define SUB_MAX_DEPTH   64
#define SUB_MAX_ARCHIVE (256ull << 20)
#define SUB_MAX_CLASSES 32      /* nesting of Java classes tracked */

typedef struct {
	char    *rel;
	uint64_t size;
} fentry;

typedef struct {
	const char *path;    /* the submission as given, for messages */
	fentry     *v;
	size_t      n;
	size_t      seen;    /* directory entries visited */
} walk;

/* ---- small helpers ---- */

static int has_ctrl(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

static int bad_name(const char *path, const char *name)
{
	char shown[256];
	size_t i;
	for (i = 0; name[i] && i + 1 < sizeof(shown); i++)
		shown[i] = ((unsigned char)name[i] < 0x20 || name[i] == 0x7f) ? '?' : name[i];
	shown[i] = '\0';
	return jg_error_set(JG_EINPUT, "%s: file name with a control character: '%s'", path, shown);
}

static const char *base_of(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* The extension of a file name without the dot, or NULL. */
static const char *ext_of(const char *p)
{
	const char *b = base_of(p), *dot = strrchr(b, '.');
	return dot && dot != b && dot[1] ? dot + 1 : NULL;
}

static char *br_compile[] = { "/bin/sh", "-c",
	"chmod +x build run 2>/dev/null; [ ! -e build ] || exec ./build", NULL };
static char *br_run[] = { "/bin/sh", "-c", "exec ./run \"$@\"", "run", NULL };
static char *br_entry[] = { "run", "build", NULL };

const jg_lang jg_lang_build_run = {
	.name = "build-run", .image = JG_RUNTIME_IMAGE, .compile = br_compile, .run = br_run,
	.entry = br_entry
};

static int has_ext(const jg_lang *l, const char *file)
{
	if (l == &jg_lang_build_run)
		return 1;   /* every file of the directory */
	const char *e = ext_of(file);
	for (size_t i = 0; e && l->extensions && l->extensions[i]; i++)
		if (!strcasecmp(l->extensions[i], e))
			return 1;
	return 0;
}

static int strv_find(char *const *v, const char *s)
{
	for (size_t i = 0; v && v[i]; i++)
		if (!strcmp(v[i], s))
			return (int)i;
	return -1;
}

static int is_java(const jg_lang *l)
{
	for (size_t i = 0; l->extensions && l->extensions[i]; i++)
		if (!strcasecmp(l->extensions[i], "java"))
			return 1;
	return 0;
}

static int skipped(const char *name)
{
	return name[0] == '.' || !strcmp(name, "__MACOSX");
}

static int set_realpath(jg_submission *s, const char *dir)
{
	if (!(s->dir = realpath(dir, NULL)))
		return jg_error_errno(JG_EIO, "%s: cannot resolve %s", s->path, dir);
	return 0;
}

static int find_lang(const jg_submission *s, const jg_langs *langs, const char *name, const jg_lang **out)
{
	if (!(*out = jg_langs_find(langs, name)))
		return jg_error_set(JG_EINPUT, "%s: unknown language '%s'", s->path, name);
	return 0;
}

/* ---- walking a tree ---- */

static void walk_free(walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].rel);
	free(w->v);
}

static int walk_add(walk *w, const char *rel, uint64_t size)
{
	fentry *v = realloc(w->v, (w->n + 1) * sizeof(*v));
	if (!v)
		return jg_error_set(JG_ENOMEM, "out of memory");
	w->v = v;
	if (!(v[w->n].rel = strdup(rel)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	v[w->n++].size = size;
	return 0;
}

static int walk_dir(walk *w, const char *root, const char *rel, int depth);

static int walk_one(walk *w, int dfd, const char *root, const char *rel, const char *name, int depth)
{
	struct stat st;
	char *sub;
	int rc = 0;

	if (skipped(name))
		return 0;
	if (++w->seen > SUB_MAX_ENTRIES)
		return jg_error_set(JG_ELIMIT, "%s: more than %d directory entries", w->path, SUB_MAX_ENTRIES);
	if (has_ctrl(name))
		return bad_name(w->path, name);
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return jg_error_errno(JG_EIO, "%s: %s/%s", w->path, rel, name);
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
		return 0;
	if (!(sub = *rel ? jg_path_join(rel, name) : strdup(name)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (S_ISREG(st.st_mode))
		rc = walk_add(w, sub, (uint64_t)st.st_size);
	else
		rc = walk_dir(w, root, sub, depth + 1);
	free(sub);
	return rc;
}

static int walk_dir(walk *w, const char *root, const char *rel, int depth)
{
	char *abs = *rel ? jg_path_join(root, rel) : strdup(root);
	DIR *d = NULL;
	struct dirent *e;
	int rc = 0;

	if (!abs)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (depth > SUB_MAX_DEPTH) {
		rc = jg_error_set(JG_ELIMIT, "%s: directories nested deeper than %d", w->path, SUB_MAX_DEPTH);
		goto done;
	}
	if (!(d = opendir(abs))) {
		rc = jg_error_errno(JG_EIO, "%s: cannot read %s", w->path, *rel ? rel : ".");
		goto done;
	}
	while (rc == 0) {
		errno = 0;
		if (!(e = readdir(d))) {
			if (errno)
				rc = jg_error_errno(JG_EIO, "%s: cannot read %s", w->path, *rel ? rel : ".");
			break;
		}
		rc = walk_one(w, dirfd(d), root, rel, e->d_name, depth);
	}
done:
	if (d)
		closedir(d);
	free(abs);
	return rc;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const fentry *)a)->rel, ((const fentry *)b)->rel);
}

/* ---- choosing the language, the files and the entry ---- */

/* A top-level file the language's convention names as an entry point. */
static int conventional_entry(const jg_lang *l, const char *rel)
{
	const char *dot;
	if (strchr(rel, '/') || !has_ext(l, rel))
		return 0;
	if (strv_find(l->entry, rel) >= 0)
		return 1;
	dot = strrchr(rel, '.');
	return dot - rel == 4 && !strncasecmp(rel, "main", 4);
}

static int lang_from_files(const jg_submission *s, const jg_langs *langs, const walk *w, const jg_lang **out)
{
	size_t nl = jg_langs_count(langs), nseen = 0, nconv = 0;
	const jg_lang **seen = calloc(nl + 1, sizeof(*seen)), *conv = NULL;
	char list[512] = "";
	int rc = 0;

	if (!seen)
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; i < nl; i++) {
		const jg_lang *l = jg_langs_at(langs, i);
		int found = 0, hasconv = 0;
		for (size_t j = 0; j < w->n; j++) {
			if (jg_langs_by_ext(langs, w->v[j].rel) != l)
				continue;
			found = 1;
			hasconv |= conventional_entry(l, w->v[j].rel);
		}
		if (!found)
			continue;
		seen[nseen++] = l;
		if (hasconv) {
			conv = l;
			nconv++;
		}
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", nseen > 1 ? ", " : "", l->name);
	}
	if (nseen == 0)
		rc = jg_error_set(JG_EINPUT, "%s: empty submission (no source file of a known language)", s->path);
	else if (nseen == 1)
		*out = seen[0];
	else if (nconv == 1)
		*out = conv;
	else
		rc = jg_error_set(JG_EINPUT, "%s: source files of several languages (%s); use --lang", s->path, list);
	free(seen);
	return rc;
}

/* A file that goes along with the sources: small, and named in UTF-8
 * (the container's tar carries UTF-8 names; an odd name of a file nobody
 * compiles is no reason to fail the submission). */
static int is_support(const char *rel, uint64_t size)
{
	size_t len = strlen(rel);
	return size <= SUPPORT_MAX && jg_utf8_check(rel, len) == len;
}

/* Keeps the sources of s->lang (and the support files), under the caps. */
static int take_files(jg_submission *s, const walk *w)
{
	uint64_t total = 0;
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < w->n && rc == 0; i++) {
		if (!has_ext(s->lang, w->v[i].rel)) {
			if (is_support(w->v[i].rel, w->v[i].size) &&
			    n + jg_strv_len(s->support) < SUB_MAX_FILES && total + w->v[i].size <= SUB_MAX_BYTES)
				rc = jg_strv_push(&s->support, w->v[i].rel);
			continue;
		}
		if (++n > SUB_MAX_FILES)
			return jg_error_set(JG_ELIMIT, "%s: more than %d source files", s->path, SUB_MAX_FILES);
		total += w->v[i].size;
		if (total > SUB_MAX_BYTES)
			return jg_error_set(JG_ELIMIT, "%s: more than %llu MiB of source", s->path, SUB_MAX_BYTES >> 20);
		rc = jg_strv_push(&s->files, w->v[i].rel);
	}
	if (rc == 0 && total == 0)
		rc = jg_error_set(JG_EINPUT, "%s: empty submission (no %s source)", s->path, s->lang->name);
	return rc;
}

static int entry_error(const jg_submission *s)
{
	char list[512] = "";
	const char *sep = "";
	if (!s->lang->entry || !s->lang->entry[0])
		return jg_error_set(JG_EINPUT, "%s: no entry point among %zu files; use --entry", s->path,
				    jg_strv_len(s->files));
	for (size_t i = 0; s->lang->entry[i]; i++, sep = ", ")
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", sep, s->lang->entry[i]);
	return jg_error_set(JG_EINPUT, "%s: no entry point: expected one of %s; use --entry", s->path, list);
}

/* Whether the language's commands name the entry file ({main}). */
static int needs_main(const jg_lang *l)
{
	for (size_t i = 0; l->compile && l->compile[i]; i++)
		if (strstr(l->compile[i], "{main}"))
			return 1;
	for (size_t i = 0; l->run && l->run[i]; i++)
		if (strstr(l->run[i], "{main}"))
			return 1;
	return 0;
}

/* --entry; else the language's entry names; else main.EXT at top level;
 * else the only file; else, when no command uses {main} (a compiled
 * language), the first file, just to have one. */
static int pick_entry(jg_submission *s, const char *want)
{
	const char *m = NULL;
	size_t n = jg_strv_len(s->files);

	if (want) {
		while (!strncmp(want, "./", 2))
			want += 2;
		if (strv_find(s->files, want) < 0)
			return jg_error_set(JG_EINPUT, "%s: entry '%s' is not one of the %s sources", s->path, want,
					    s->lang->name);
		m = want;
	}
	for (size_t i = 0; !m && s->lang->entry && s->lang->entry[i]; i++)
		if (strv_find(s->files, s->lang->entry[i]) >= 0)
			m = s->lang->entry[i];
	for (size_t i = 0; !m && i < n; i++)
		if (conventional_entry(s->lang, s->files[i]))
			m = s->files[i];
	if (!m && (n == 1 || !needs_main(s->lang)))
		m = s->files[0];
	if (!m)
		return entry_error(s);
	if (!(s->main = strdup(m)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	return 0;
}

/* A top-level `build` or `run` file: the Kattis build/run convention. */
static int is_build_run(const walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (!strcmp(w->v[i].rel, "build") || !strcmp(w->v[i].rel, "run"))
			return 1;
	return 0;
}

/* The directory `root` holds the submission's files. */
static int open_tree(jg_submission *s, const char *root, const jg_langs *langs, const jg_submission_opts *o)
{
	walk w = { s->path, NULL, 0, 0 };
	int rc;

	if ((rc = set_realpath(s, root)) < 0 || (rc = walk_dir(&w, s->dir, "", 0)) < 0)
		goto done;
	if (w.n)
		qsort(w.v, w.n, sizeof(*w.v), entry_cmp);
	if (o->build_run && is_build_run(&w))
		s->lang = &jg_lang_build_run;
	else if (o->lang)
		rc = find_lang(s, langs, o->lang, &s->lang);
	else if (o->entry && !(s->lang = jg_langs_by_ext(langs, o->entry)))
		rc = jg_error_set(JG_EINPUT, "%s: cannot tell the language from the entry '%s'; use --lang",
				  s->path, o->entry);
	else if (!o->entry)
		rc = lang_from_files(s, langs, &w, &s->lang);
	if (rc == 0 && (rc = take_files(s, &w)) == 0)
		rc = pick_entry(s, o->entry);
done:
	walk_free(&w);
	return rc;
}

/* The only top-level directory of dir, if that is all it holds; else dir. */
static int archive_root(const char *dir, char **out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	char *only = NULL;
	int n = 0;

	if (!d)
		return jg_error_errno(JG_EIO, "%s", dir);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !skipped(e->d_name) && n++ == 0)
			only = jg_path_join(dir, e->d_name);
	closedir(d);
	if (n != 1 || !only || lstat(only, &st) < 0 || !S_ISDIR(st.st_mode)) {
		free(only);
		only = strdup(dir);
	}
	if (!only)
		return jg_error_set(JG_ENOMEM, "out of memory");
	*out = only;
	return 0;
}

static int open_archive(jg_submission *s, const jg_langs *langs, const jg_submission_opts *o)
{
	jg_archive_limits lim;
	char *root = NULL;
	int rc;

	jg_archive_limits_default(&lim);
	lim.max_total = SUB_MAX_ARCHIVE;
	lim.max_entries = SUB_MAX_ENTRIES;
	if ((rc = jg_fs_mkdtemp(&s->tmpdir, o->workdir, "judge-sub-")) == 0 &&
	    (rc = jg_archive_extract(s->path, s->tmpdir, &lim)) == 0 &&
	    (rc = archive_root(s->tmpdir, &root)) == 0)
		rc = open_tree(s, root, langs, o);
	free(root);
	return rc;
}

/* ---- Java ---- */

typedef struct {
	char *pkg;         /* package a.b, or NULL */
	char *pub;         /* first public top-level type, or NULL */
	char *main;        /* class declaring static void main (Outer$Inner), or NULL */
} java_info;

static void java_info_free(java_info *j)
{
	free(j->pkg);
	free(j->pub);
	free(j->main);
	memset(j, 0, sizeof(*j));
}

/* Blanks comments, string, text-block and char literals in place. */
static void java_strip(char *p)
{
	while (*p) {
		if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				*p++ = ' ';
		} else if (p[0] == '/' && p[1] == '*') {
			*p++ = ' ';
			*p++ = ' ';
			while (*p && !(p[0] == '*' && p[1] == '/'))
				*p++ = ' ';
			for (int i = 0; i < 2 && *p; i++)
				*p++ = ' ';
		} else if (*p == '"' || *p == '\'') {
			char q = *p;
			int block = q == '"' && p[1] == '"' && p[2] == '"';
			p += block ? 3 : 1;
			while (*p && (block ? strncmp(p, "\"\"\"", 3) != 0 : (*p != q && *p != '\n'))) {
				if (*p == '\\' && p[1])
					*p++ = ' ';
				*p++ = ' ';
			}
			p += !*p ? 0 : block ? 3 : 1;
		} else {
			p++;
		}
	}
}

static int ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '$' || (unsigned char)c >= 0x80;
}

typedef struct {
	const char *p;      /* next character */
	const char *t;      /* current token */
	size_t      n;
} lexer;

static int lex(lexer *lx)
{
	while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\n' || *lx->p == '\r' || *lx->p == '\f')
		lx->p++;
	if (!*lx->p)
		return 0;
	lx->t = lx->p;
	if (ident_char(*lx->p))
		while (ident_char(*lx->p))
			lx->p++;
	else
		lx->p++;
	lx->n = (size_t)(lx->p - lx->t);
	return 1;
}

static int tok(const lexer *lx, const char *w)
{
	return lx->n == strlen(w) && !memcmp(lx->t, w, lx->n);
}

/* Scanner state over the tokens of one file. */
typedef struct {
	char *cls[SUB_MAX_CLASSES];  /* enclosing classes */
	int   body[SUB_MAX_CLASSES]; /* brace depth of each body */
	int   ncls, depth;
	char *pending;               /* declared class waiting for its '{' */
	int   want_name, in_pkg, is_public, is_static, mainstate;
	char  prev;                  /* previous token if punctuation, else 0 */
} jscan;

/* *dst = a + sep + b[0..n) (just b when a is NULL); a may be *dst. */
static int java_name(char **dst, const char *a, size_t n, const char *sep, const char *b)
{
	char *p;
	if (asprintf(&p, "%s%s%.*s", a ? a : "", a ? sep : "", (int)n, b) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	free(*dst);
	*dst = p;
	return 0;
}

static int java_main_class(jscan *j, java_info *ji)
{
	int rc = 0;
	if (ji->main || j->ncls == 0 || j->ncls > SUB_MAX_CLASSES)
		return 0;
	for (int i = 0; i < j->ncls && rc == 0; i++)
		rc = java_name(&ji->main, ji->main, strlen(j->cls[i]), "$", j->cls[i]);
	return rc;
}

static int java_punct(jscan *j, char c)
{
	if (c == '{') {
		if (j->pending && j->ncls < SUB_MAX_CLASSES) {
			j->cls[j->ncls] = j->pending;
			j->body[j->ncls++] = j->depth + 1;
			j->pending = NULL;
		}
		j->depth++;
	} else if (c == '}') {
		if (j->ncls > 0 && j->body[j->ncls - 1] == j->depth)
			free(j->cls[--j->ncls]);
		j->depth--;
	}
	if (c == '{' || c == '}' || c == ';')
		j->is_public = j->is_static = j->in_pkg = 0;
	return 0;
}

static int java_token(jscan *j, const lexer *lx, java_info *ji)
{
	int word = ident_char(*lx->t), rc = 0;

	if (j->want_name && word) {
		free(j->pending);
		if (!(j->pending = strndup(lx->t, lx->n)))
			return jg_error_set(JG_ENOMEM, "out of memory");
		if (j->depth == 0 && j->is_public && !ji->pub)
			rc = java_name(&ji->pub, NULL, lx->n, "", lx->t);
	}
	j->want_name = 0;
	if (j->in_pkg && (word || tok(lx, ".")))
		rc = java_name(&ji->pkg, ji->pkg, lx->n, "", lx->t);
	else if (j->depth == 0 && tok(lx, "package") && !ji->pkg)
		j->in_pkg = 1;
	else if (tok(lx, "public"))
		j->is_public = 1;
	else if (tok(lx, "static"))
		j->is_static = 1;
	else if ((tok(lx, "class") || tok(lx, "interface") || tok(lx, "enum") || tok(lx, "record")) &&
		 j->prev != '.')
		j->want_name = 1;
	j->mainstate = tok(lx, "void") ? 1 : j->mainstate == 1 && tok(lx, "main") ? 2 : 0;
	if (j->mainstate == 2 && j->is_static && lx->p[strspn(lx->p, " \t\r\n\f")] == '(')
		rc = java_main_class(j, ji);
	if (!word)
		rc = rc ? rc : java_punct(j, *lx->t);
	j->prev = word ? 0 : *lx->t;
	return rc;
}

static int java_scan(char *src, java_info *ji)
{
	jscan j;
	lexer lx = { src, NULL, 0 };
	int rc = 0;

	memset(&j, 0, sizeof(j));
	java_strip(src);
	while (rc == 0 && lex(&lx))
		rc = java_token(&j, &lx, ji);
	while (j.ncls > 0)
		free(j.cls[--j.ncls]);
	free(j.pending);
	if (rc == 0 && ji->main && ji->pkg)
		rc = java_name(&ji->main, ji->pkg, strlen(ji->main), ".", ji->main);
	return rc;
}

static int java_read(const char *dir, const char *file, java_info *ji)
{
	char *p = jg_path_join(dir, file), *src = NULL;
	int rc;

	if (!p)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = jg_fs_read_file(&src, NULL, p, SUB_MAX_BYTES)) == 0)
		rc = java_scan(src, ji);
	free(src);
	free(p);
	return rc;
}

static int is_main_named(const char *cls)
{
	const char *b = cls + strlen(cls);
	while (b > cls && b[-1] != '.' && b[-1] != '$')
		b--;
	return !strcmp(b, "Main");
}

/* Sets mainclass (and main, unless --entry named it) from the sources:
 * the class declaring main in the entry file when --entry is given, else
 * preferably a class named Main, else the first in file order. */
static int java_resolve(jg_submission *s, const char *entry, int function)
{
	java_info ji = { 0 };
	int rc = 0, best = -1;

	for (size_t i = 0; s->files[i] && rc == 0; i++) {
		if (entry && strcmp(s->files[i], s->main))
			continue;
		if ((rc = java_read(s->dir, s->files[i], &ji)) < 0 || !ji.main)
			goto next;
		if (best < 0 || (!is_main_named(s->mainclass) && is_main_named(ji.main))) {
			free(s->mainclass);
			s->mainclass = ji.main;
			ji.main = NULL;
			best = (int)i;
		}
next:
		java_info_free(&ji);
	}
	if (rc == 0 && best < 0)
		return function ? 0 : jg_error_set(JG_EINPUT, "%s: no Java class declares 'static void main'",
						    s->path);
	if (rc == 0 && strcmp(s->main, s->files[best])) {
		free(s->main);
		if (!(s->main = strdup(s->files[best])))
			rc = jg_error_set(JG_ENOMEM, "out of memory");
	}
	return rc;
}

/* ---- a single file ---- */

/* The name the single file must have to compile: its extension must be the
 * language's, and Java wants a public class P in P.java. */
static int single_name(const jg_submission *s, char **out)
{
	const char *b = s->files[0], *e = ext_of(b);
	size_t stem = e ? (size_t)(e - 1 - b) : strlen(b);
	char *const *exts = s->lang->extensions;
	java_info ji = { 0 };
	int rc = 0, n;

	if (is_java(s->lang) && (rc = java_read(s->dir, b, &ji)) < 0)
		return rc;
	if (ji.pub)
		n = asprintf(out, "%s.java", ji.pub);
	else if (!has_ext(s->lang, b) && exts && exts[0])
		n = asprintf(out, "%.*s.%s", (int)stem, b, exts[0]);
	else
		n = (*out = strdup(b)) ? 0 : -1;
	java_info_free(&ji);
	if (n < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	return 0;
}

/* Copies the file into a private directory when it must be renamed. */
static int single_rename(jg_submission *s, const jg_submission_opts *o)
{
	char *name = NULL, *src = NULL, *dst = NULL;
	int rc;

	if ((rc = single_name(s, &name)) < 0 || !strcmp(name, s->files[0]))
		goto done;
	if ((rc = jg_fs_mkdtemp(&s->tmpdir, o->workdir, "judge-sub-")) < 0)
		goto done;
	if (!(src = jg_path_join(s->dir, s->files[0])) || !(dst = jg_path_join(s->tmpdir, name))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = jg_fs_copy_file(src, dst, SUB_MAX_BYTES)) < 0)
		goto done;
	free(s->dir);
	s->dir = NULL;
	free(s->files[0]);
	s->files[0] = name;
	name = NULL;
	if ((rc = set_realpath(s, s->tmpdir)) == 0) {
		free(s->main);
		rc = (s->main = strdup(s->files[0])) ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
	}
done:
	free(name);
	free(src);
	free(dst);
	return rc;
}

static int open_single(jg_submission *s, const jg_langs *langs, const jg_submission_opts *o, uint64_t size)
{
	const char *b = base_of(s->path);
	char *dir = NULL;
	int rc;

	if (has_ctrl(b))
		return bad_name(s->path, b);
	if (size == 0)
		return jg_error_set(JG_EINPUT, "%s: empty submission", s->path);
	if (size > SUB_MAX_BYTES)
		return jg_error_set(JG_ELIMIT, "%s: more than %llu MiB of source", s->path, SUB_MAX_BYTES >> 20);
	if (o->lang)
		rc = find_lang(s, langs, o->lang, &s->lang);
	else if (!(s->lang = jg_langs_by_ext(langs, b)))
		rc = jg_error_set(JG_EINPUT, "%s: cannot tell the language from the extension; use --lang", s->path);
	else
		rc = 0;
	if (rc < 0)
		return rc;
	if (o->entry && strcmp(o->entry, b) && strcmp(o->entry, s->path))
		return jg_error_set(JG_EINPUT, "%s: entry '%s' is not the submitted file", s->path, o->entry);
	if (b == s->path)
		dir = strdup(".");
	else
		dir = strndup(s->path, b - s->path > 1 ? (size_t)(b - 1 - s->path) : 1);
	if (!dir)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = set_realpath(s, dir)) == 0 && (rc = jg_strv_push(&s->files, b)) == 0) {
		if (!(s->main = strdup(b)))
			rc = jg_error_set(JG_ENOMEM, "out of memory");
	}
	if (rc == 0)
		rc = single_rename(s, o);
	free(dir);
	return rc;
}

/* ---- the submission ---- */

void jg_submission_free(jg_submission *s)
{
	if (!s)
		return;
	if (s->tmpdir)
		jg_fs_rmtree(s->tmpdir);
	free(s->path);
	free(s->dir);
	free(s->tmpdir);
	jg_strv_free(s->files);
	jg_strv_free(s->support);
	free(s->main);
	free(s->mainclass);
	free(s);
}

static int open_any(jg_submission *s, const jg_langs *langs, const jg_submission_opts *o)
{
	struct stat st;

	if (stat(s->path, &st) < 0)
		return jg_error_errno(errno == ENOENT || errno == ENOTDIR ? JG_EINPUT : JG_EIO, "%s", s->path);
	if (S_ISDIR(st.st_mode))
		return open_tree(s, s->path, langs, o);
	if (!S_ISREG(st.st_mode))
		return jg_error_set(JG_EINPUT, "%s: not a regular file or directory", s->path);
	/* A file with a source extension is never taken for an archive. */
	if (st.st_size > 0 && !jg_langs_by_ext(langs, s->path) && jg_archive_detect(s->path))
		return open_archive(s, langs, o);
	return open_single(s, langs, o, (uint64_t)st.st_size);
}

int jg_submission_open(jg_submission **out, const char *path, const jg_langs *langs,
		       const jg_submission_opts *opts)
{
	static const jg_submission_opts none = { 0 };
	jg_submission *s = calloc(1, sizeof(*s));
	int rc;

	if (!opts)
		opts = &none;
	if (!s || !(s->path = strdup(path))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = open_any(s, langs, opts)) < 0)
		goto done;
	if (is_java(s->lang) && (rc = java_resolve(s, opts->entry, opts->function)) < 0)
		goto done;
	*out = s;
	s = NULL;
done:
	jg_submission_free(s);
	return rc;
}
