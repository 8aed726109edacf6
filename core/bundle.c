/* core/bundle.c - Kattis problem packages: problem.yaml, time limit, tests.
 *
 * problem.yaml is parsed with libfyaml into a document that is never
 * resolved, and any alias in it is refused, so alias bombs cannot expand;
 * the file itself is capped at 1 MiB.  libfyaml's own diagnostics are
 * collected, never printed.
 *
 * Test files are found by walking data/sample and data/secret; every path
 * is checked with realpath() to stay inside the bundle root, directory
 * symlink loops are cut, and the walk is bounded in depth and entries.
 */
#define _GNU_SOURCE
#include "bundle.h"
#include "utf8.h"
#include "error.h"
#include "yaml.h"
#include "extract.h"
#include "fs.h"
#include "fntest.h"

#include <dirent.h>
#include <errno.h>
#include <libfyaml.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define YAML_MAX   (1u << 20)     /* problem.yaml */
#define SMALL_MAX  (64u << 10)    /* .timelimit, domjudge-problem.ini */
#define WALK_MAX   1000000        /* directory entries looked at under data/ */
#define DEPTH_MAX  64             /* directory levels under data/ */
#define ERRORS_MAX 1000           /* b->errors lines (lenient), the rest counted */
#define NUM_MAX    1e9            /* the largest number accepted anywhere */
#define KEY_MAX    128            /* "limits.time_multipliers.x" */
#define WORD_MAX   128            /* numbers, validation and type words */

/* ---------------------------------------------------------------------------
 * problem.yaml
 */

enum ykind { Y_SKIP, Y_NAME, Y_STR, Y_NUM, Y_MIB, Y_COUNT, Y_TL, Y_VALIDATION, Y_TYPE, Y_MAP, Y_FUNCTION };

struct ykey {
	const char        *name;
	enum ykind         kind;
	size_t             off;   /* field of jg_problem for Y_STR, Y_NUM, Y_MIB */
	const struct ykey *sub;   /* Y_MAP */
};

#define F(field) offsetof(jg_problem, field)

static const struct ykey multiplier_keys[] = {
	{ "ac_to_time_limit", Y_NUM, F(time_multiplier), NULL },
	{ "time_limit_to_tle", Y_NUM, F(time_safety_margin), NULL },
	{ NULL, Y_SKIP, 0, NULL }
};

static const struct ykey limit_keys[] = {
	{ "time_multiplier", Y_NUM, F(time_multiplier), NULL },
	{ "time_safety_margin", Y_NUM, F(time_safety_margin), NULL },
	{ "memory", Y_MIB, F(memory_mib), NULL },
	{ "output", Y_MIB, F(output_mib), NULL },
	{ "compilation_time", Y_NUM, F(compilation_time), NULL },
	{ "compilation_memory", Y_MIB, F(compilation_memory_mib), NULL },
	{ "time_limit", Y_TL, 0, NULL },
	{ "time_multipliers", Y_MAP, 0, multiplier_keys },
	/* part of the format, not used by the judge */
	{ "code", Y_SKIP, 0, NULL },
	{ "time_resolution", Y_NUM, F(time_resolution), NULL },
	{ "validation_time", Y_SKIP, 0, NULL },
	{ "validation_memory", Y_SKIP, 0, NULL },
	{ "validation_output", Y_SKIP, 0, NULL },
	{ "validation_passes", Y_COUNT, F(validation_passes), NULL },
	{ NULL, Y_SKIP, 0, NULL }
};

static const struct ykey top_keys[] = {
	{ "name", Y_NAME, 0, NULL },
	{ "limits", Y_MAP, 0, limit_keys },
	{ "validation", Y_VALIDATION, 0, NULL },
	{ "validator_flags", Y_STR, F(validator_flags), NULL },
	{ "type", Y_TYPE, 0, NULL },
	{ "function", Y_FUNCTION, 0, NULL },
	/* part of the format, not used by the judge */
	{ "problem_format_version", Y_SKIP, 0, NULL },
	{ "uuid", Y_SKIP, 0, NULL },
	{ "version", Y_SKIP, 0, NULL },
	{ "author", Y_SKIP, 0, NULL },
	{ "credits", Y_SKIP, 0, NULL },
	{ "source", Y_SKIP, 0, NULL },
	{ "source_url", Y_SKIP, 0, NULL },
	{ "license", Y_SKIP, 0, NULL },
	{ "rights_owner", Y_SKIP, 0, NULL },
	{ "keywords", Y_SKIP, 0, NULL },
	{ "languages", Y_SKIP, 0, NULL },
	{ "constants", Y_SKIP, 0, NULL },
	{ "embargo_until", Y_SKIP, 0, NULL },
	{ "grading", Y_SKIP, 0, NULL },
	{ NULL, Y_SKIP, 0, NULL }
};

typedef struct {
	jg_problem *p;
	const char *file;         /* for messages */
	char     ***warnings;
	int         interactive;  /* 2023-07 type: interactive */
} yctx;

static int vwarn(char ***v, const char *fmt, va_list ap)
{
	char *s;
	int rc;
	if (vasprintf(&s, fmt, ap) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rc = v ? jg_strv_push(v, s) : 0;
	free(s);
	return rc;
}

static int warn(char ***v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int warn(char ***v, const char *fmt, ...)
{
	va_list ap;
	int rc;
	va_start(ap, fmt);
	rc = vwarn(v, fmt, ap);
	va_end(ap);
	return rc;
}

static int ybad(yctx *y, const char *key, const char *what)
{
	return jg_error_set(JG_EINPUT, "%s: %s: expected %s", y->file, key, what);
}

/* Parses a whole string as a number in (0, NUM_MAX]; blanks around are fine. */
static int parse_positive(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s)
		return -1;
	end += strspn(end, " \t\r\n");
	if (*end || !isfinite(v) || v <= 0 || v > NUM_MAX)
		return -1;
	*out = v;
	return 0;
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
	return len == 0 || (len == 1 && *s == '~') || (len == 4 && (!memcmp(s, "null", 4) ||
			!memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4)));
}

/* Copies a scalar's text (control characters as '?'). Returns 0, 1 when
 * it had to be cut to fit, -1 when n is not a scalar. */
static int scalar_copy(struct fy_node *n, char *buf, size_t size)
{
	const char *s;
	size_t len, i;
	if (!n || fy_node_get_type(n) != FYNT_SCALAR || !(s = fy_node_get_scalar(n, &len)))
		return -1;
	for (i = 0; i < len && i + 1 < size; i++)
		buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
	buf[i] = '\0';
	return i < len;
}

static int y_num(yctx *y, struct fy_node *n, const char *key, double *out)
{
	char buf[WORD_MAX];
	if (is_null(n))
		return 0;
	if (scalar_copy(n, buf, sizeof(buf)) != 0 || parse_positive(buf, out) < 0)
		return ybad(y, key, "a positive number");
	return 0;
}

static int y_mib(yctx *y, struct fy_node *n, const char *key, uint64_t *out)
{
	double v = 0;
	int rc = y_num(y, n, key, &v);
	if (rc < 0 || v == 0)
		return rc;
	if (v != floor(v))
		return ybad(y, key, "a positive whole number of MiB");
	*out = (uint64_t)v;
	return 0;
}

/* A positive whole number (at most NUM_MAX) into an unsigned field. */
static int y_count(yctx *y, struct fy_node *n, const char *key, unsigned *out)
{
	double v = 0;
	int rc = y_num(y, n, key, &v);
	if (rc < 0 || v == 0)
		return rc;
	if (v != floor(v))
		return ybad(y, key, "a positive whole number");
	*out = (unsigned)v;
	return 0;
}

static int y_tl(yctx *y, struct fy_node *n, const char *key)
{
	double v = 0;
	int rc = y_num(y, n, key, &v);
	if (rc < 0 || v == 0)
		return rc;
	y->p->time_limit = v;
	y->p->time_limit_source = JG_TL_YAML;
	return 0;
}

static int y_str(yctx *y, struct fy_node *n, const char *key, char **out)
{
	const char *s;
	size_t len;
	char *copy;
	if (is_null(n))
		return 0;
	if (fy_node_get_type(n) != FYNT_SCALAR || !(s = fy_node_get_scalar(n, &len)))
		return ybad(y, key, "a string");
	if (!(copy = strndup(s, len)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	free(*out);
	*out = copy;
	return 0;
}

/* name: a string, or (2023-07) a map of language to name: "en", else the first. */
static int y_name(yctx *y, struct fy_node *n, const char *key)
{
	struct fy_node_pair *pair;
	struct fy_node *v = n;
	void *it = NULL;
	char lang[8];

	if (n && fy_node_get_type(n) == FYNT_MAPPING) {
		v = NULL;
		while ((pair = fy_node_mapping_iterate(n, &it))) {
			if (!v)
				v = fy_node_pair_value(pair);
			if (scalar_copy(fy_node_pair_key(pair), lang, sizeof(lang)) == 0 &&
			    !strcmp(lang, "en"))
				v = fy_node_pair_value(pair);
		}
	}
	return y_str(y, v, key, &y->p->name);
}

/* validation: "default" | "custom" [interactive] [score] [multi-pass]. */
static int y_validation(yctx *y, struct fy_node *n, const char *key)
{
	static const char what[] = "'default', 'custom' or 'custom interactive'";
	char buf[WORD_MAX], *w, *save;
	int custom = -1, inter = 0;

	if (is_null(n))
		return 0;
	if (scalar_copy(n, buf, sizeof(buf)) != 0)
		return ybad(y, key, what);
	for (w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (custom < 0 && (!strcmp(w, "default") || !strcmp(w, "custom")))
			custom = !strcmp(w, "custom");
		else if (custom == 1 && !strcmp(w, "interactive"))
			inter = 1;
		else if (custom == 1 && !strcmp(w, "multi-pass"))
			y->p->multi_pass = 1;  /* legacy spelling, as DOMjudge reads it */
		else if (custom < 0 || strcmp(w, "score"))
			return ybad(y, key, what);
		else
			y->p->scoring = 1;   /* legacy "custom score" */
	}
	if (custom < 0)
		return ybad(y, key, what);
	y->p->validation = inter ? JG_VALIDATION_INTERACTIVE :
		custom ? JG_VALIDATION_CUSTOM : JG_VALIDATION_DEFAULT;
	return 0;
}

static int type_words(yctx *y, struct fy_node *n, const char *key)
{
	char buf[WORD_MAX], *w, *save;
	int rc;

	if (scalar_copy(n, buf, sizeof(buf)) != 0)
		return ybad(y, key, "a string or a list of strings");
	for (w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(w, "interactive"))
			y->interactive = 1;
		else if (!strcmp(w, "scoring"))
			y->p->scoring = 1;
		else if (!strcmp(w, "multi-pass"))
			y->p->multi_pass = 1;
		else if (strcmp(w, "pass-fail") && strcmp(w, "scoring") &&
			 (rc = warn(y->warnings, "%s: type '%s' is not supported, ignored",
				    y->file, w)) < 0)
			return rc;
	}
	return 0;
}

/* type (2023-07): a string or a list of strings. */
static int y_type(yctx *y, struct fy_node *n, const char *key)
{
	struct fy_node *item;
	void *it = NULL;
	int rc;

	if (is_null(n))
		return 0;
	if (fy_node_get_type(n) != FYNT_SEQUENCE)
		return type_words(y, n, key);
	while ((item = fy_node_sequence_iterate(n, &it)))
		if ((rc = type_words(y, item, key)) < 0)
			return rc;
	return 0;
}

static int y_map(yctx *y, struct fy_node *n, const char *prefix, const struct ykey *keys);

/* function: {name, params, returns, unordered}: a function-call problem. */
static int y_function(yctx *y, struct fy_node *n, const char *key)
{
	char where[PATH_MAX + 32];
	json_t *j;
	int rc;

	if (is_null(n))
		return 0;
	snprintf(where, sizeof(where), "%s: %s", y->file, key);
	if (!(j = jg_yaml_to_json(n)))
		return jg_error_set(JG_EINPUT, "%s: expected a mapping {name, params, returns}", where);
	jg_fnsig_free(y->p->function);
	y->p->function = NULL;
	rc = jg_fnsig_from_json(&y->p->function, j, where);
	json_decref(j);
	return rc;
}

static int y_value(yctx *y, const struct ykey *k, struct fy_node *n, const char *key)
{
	char *base = (char *)y->p;
	switch (k->kind) {
	case Y_SKIP:       return 0;
	case Y_NAME:       return y_name(y, n, key);
	case Y_STR:        return y_str(y, n, key, (char **)(void *)(base + k->off));
	case Y_NUM:        return y_num(y, n, key, (double *)(void *)(base + k->off));
	case Y_MIB:        return y_mib(y, n, key, (uint64_t *)(void *)(base + k->off));
	case Y_COUNT:      return y_count(y, n, key, (unsigned *)(void *)(base + k->off));
	case Y_TL:         return y_tl(y, n, key);
	case Y_VALIDATION: return y_validation(y, n, key);
	case Y_TYPE:       return y_type(y, n, key);
	case Y_MAP:        return y_map(y, n, key, k->sub);
	case Y_FUNCTION:   return y_function(y, n, key);
	}
	return 0;
}

static int y_pair(yctx *y, struct fy_node_pair *pair, const char *prefix,
		  const struct ykey *keys)
{
	char name[KEY_MAX], key[2 * KEY_MAX];
	const struct ykey *k;

	if (scalar_copy(fy_node_pair_key(pair), name, sizeof(name)) < 0)
		return jg_error_set(JG_EINPUT, "%s: %s%skeys must be strings", y->file,
				    prefix, *prefix ? ": " : "");
	snprintf(key, sizeof(key), "%s%s%s", prefix, *prefix ? "." : "", name);
	for (k = keys; k->name && strcmp(k->name, name); k++)
		;
	if (!k->name)
		return warn(y->warnings, "%s: unknown key '%s' ignored", y->file, key);
	return y_value(y, k, fy_node_pair_value(pair), key);
}

static int y_map(yctx *y, struct fy_node *n, const char *prefix, const struct ykey *keys)
{
	struct fy_node_pair *pair;
	void *it = NULL;
	int rc;

	if (is_null(n))
		return 0;
	if (fy_node_get_type(n) != FYNT_MAPPING)
		return ybad(y, prefix, "a mapping");
	while ((pair = fy_node_mapping_iterate(n, &it)))
		if ((rc = y_pair(y, pair, prefix, keys)) < 0)
			return rc;
	return 0;
}

static int y_root(yctx *y, struct fy_node *root)
{
	if (is_null(root))
		return 0;
	if (jg_yaml_has_alias(root))
		return jg_error_set(JG_EINPUT, "%s: YAML aliases are not supported", y->file);
	if (fy_node_get_type(root) != FYNT_MAPPING)
		return jg_error_set(JG_EINPUT, "%s: expected a mapping at the top level", y->file);
	return y_map(y, root, "", top_keys);
}

void jg_problem_defaults(jg_problem *p)
{
	memset(p, 0, sizeof(*p));
	p->time_limit = JG_DEFAULT_TIME_LIMIT;
	p->time_limit_source = JG_TL_DEFAULT;
	p->time_multiplier = 5;
	p->time_safety_margin = 2;
	p->time_resolution = 1;
	p->validation_passes = 2;
	p->memory_mib = 2048;
	p->output_mib = 8;
	p->compilation_time = 60;
	p->compilation_memory_mib = 2048;
	p->validation = JG_VALIDATION_DEFAULT;
	p->validator_flags = strdup("");   /* NULL only when out of memory */
}

void jg_problem_clear(jg_problem *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->validator_flags);
	free(p->validator_dir);
	jg_fnsig_free(p->function);
	memset(p, 0, sizeof(*p));
}

/* p must hold no allocations on entry (fresh, or jg_problem_clear()ed).
 * On error p is cleared. */
int jg_problem_parse_yaml(jg_problem *p, const char *text, size_t len,
			  const char *file, char ***warnings)
{
	struct fy_diag *diag = NULL;
	struct fy_document *doc = NULL;
	yctx y = { p, file ? file : "problem.yaml", warnings, 0 };
	int rc;

	jg_problem_defaults(p);
	if (!p->validator_flags) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	if (jg_utf8_check(text, len) < len) {
		/* Also keeps libfyaml 0.7.12 out of its endless loop on a '%'
		 * directive holding invalid UTF-8. */
		rc = jg_error_set(JG_EINPUT, "%s: not valid UTF-8 (at byte %zu)", y.file,
				  jg_utf8_check(text, len));
		goto done;
	}
	if ((rc = jg_yaml_load(&diag, &doc, text, len, y.file)) < 0 || !doc)
		goto done;
	rc = y_root(&y, fy_document_root(doc));
	if (y.interactive)
		p->validation = JG_VALIDATION_INTERACTIVE;
	if (p->multi_pass && p->validation == JG_VALIDATION_DEFAULT)
		p->validation = JG_VALIDATION_CUSTOM;   /* nextpass.in needs a custom validator */
done:
	fy_document_destroy(doc);
	if (diag)
		fy_diag_destroy(diag);
	if (rc < 0)
		jg_problem_clear(p);
	return rc;
}

/* ---------------------------------------------------------------------------
 * The bundle
 */

typedef struct {
	jg_bundle *b;
	char      *disp;     /* the bundle as the user named it, for messages */
	char      *name;     /* default problem name */
	size_t     alloc;    /* slots in b->tests */
	size_t     visited;  /* directory entries looked at under data/ */
	char     **seen;     /* real paths of the directories walked in this group */
	int        lenient;  /* opts->lenient */
	size_t     nerrors;  /* unpaired test files found (lenient) */
} bctx;

static int oom(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory");
}

static char *dup_trimmed(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return strndup(path, n);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The archive's file name without its archive extensions. */
static char *archive_stem(const char *path)
{
	static const char *const exts[] = { ".zip", ".tar", ".tgz", ".gz", ".xz",
		".txz", ".bz2", ".tbz", ".tbz2", ".zst", ".tzst", ".lz", ".lzma",
		".7z", ".Z", NULL };
	const char *base = base_name(path);
	size_t n = strlen(base), i = 0, e;

	while (exts[i]) {
		e = strlen(exts[i]);
		if (n > e && !strncasecmp(base + n - e, exts[i], e)) {
			n -= e;
			i = 0;
		} else {
			i++;
		}
	}
	return strndup(base, n);
}

/* 1 when path resolves inside the bundle root, 0 outside, -1 unresolvable. */
static int inside_root(bctx *c, const char *path)
{
	const char *root = c->b->root;
	size_t n = strlen(root);
	char *real = realpath(path, NULL);
	int in;

	if (!real)
		return -1;
	in = !strncmp(real, root, n) && (real[n] == '/' || real[n] == '\0' || root[n - 1] == '/');
	free(real);
	return in;
}

/* Like inside_root(), cheaper: below a directory already checked, an entry
 * that is not itself a symlink is inside by construction. */
static int entry_inside(bctx *c, const char *path, unsigned depth)
{
	struct stat st;
	if (depth > 0 && lstat(path, &st) == 0 && !S_ISLNK(st.st_mode))
		return 1;
	return inside_root(c, path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, hidden ones left out, sorted; *out NULL when none. */
static int list_dir(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	int rc = 0;

	if (!d)
		return jg_error_errno(JG_EIO, "%s", dir);
	while (rc == 0 && (e = readdir(d)))
		if (e->d_name[0] != '.')
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

static int set_root(bctx *c, const char *dir)
{
	if (!(c->b->root = realpath(dir, NULL)))
		return jg_error_errno(JG_EIO, "%s", dir);
	return 0;
}

/* The one directory an archive holds at its top, if that is all it holds
 * (hidden entries and __MACOSX aside) and it is not data/. */
static int single_top(const char *dir, char **top)
{
	char **names = NULL, *path = NULL;
	const char *first = NULL;
	size_t n = 0;
	struct stat st;
	int rc = list_dir(dir, &names);

	for (size_t i = 0; rc == 0 && names && names[i]; i++)
		if (strcmp(names[i], "__MACOSX") && n++ == 0)
			first = names[i];
	if (rc < 0 || n != 1 || !strcmp(first, "data"))
		goto done;
	if (!(path = jg_path_join(dir, first)))
		rc = oom();
	else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && !(*top = strdup(first)))
		rc = oom();
done:
	free(path);
	jg_strv_free(names);
	return rc;
}

static int use_archive(bctx *c, const char *path, const jg_bundle_opts *opts)
{
	char *top = NULL, *dir = NULL, *disp = NULL;
	jg_bundle *b = c->b;
	int rc = jg_fs_mkdtemp(&b->extracted_dir, opts ? opts->workdir : NULL, "judge-bundle-");

	if (rc == 0)
		rc = jg_archive_extract(path, b->extracted_dir, NULL);
	if (rc == 0)
		rc = single_top(b->extracted_dir, &top);
	if (rc == 0 && top && (!(dir = jg_path_join(b->extracted_dir, top)) ||
			       !(disp = jg_path_join(c->disp, top))))
		rc = oom();
	if (rc == 0 && disp) {
		free(c->disp);
		c->disp = disp;
		disp = NULL;
	}
	if (rc == 0)
		rc = set_root(c, dir ? dir : b->extracted_dir);
	if (rc == 0 && !(c->name = archive_stem(path)))
		rc = oom();
	free(top);
	free(dir);
	free(disp);
	return rc;
}

static int locate(bctx *c, const char *path, const jg_bundle_opts *opts)
{
	struct stat st;
	int rc;

	if (stat(path, &st) < 0)
		return jg_error_errno(JG_EINPUT, "%s", path);
	if (!(c->disp = dup_trimmed(path)))
		return oom();
	if (S_ISREG(st.st_mode) && jg_archive_detect(path))
		return use_archive(c, path, opts);
	if (!S_ISDIR(st.st_mode))
		return jg_error_set(JG_EINPUT, "%s: not a directory or a supported archive", path);
	if ((rc = set_root(c, path)) == 0 && !(c->name = strdup(base_name(c->b->root))))
		rc = oom();
	return rc;
}

/* Reads root/rel: 1 when read, 0 when absent, or a negative code. */
static int read_small(bctx *c, const char *rel, size_t max, char **text, size_t *len)
{
	char *path = jg_path_join(c->b->root, rel);
	struct stat st;
	int rc;

	if (!path)
		return oom();
	if (lstat(path, &st) < 0)
		rc = errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s/%s", c->disp, rel);
	else if (inside_root(c, path) != 1 || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		rc = jg_error_set(JG_EINPUT, "%s/%s: not a regular file inside the bundle",
				  c->disp, rel);
	else if ((rc = jg_fs_read_file(text, len, path, max)) == JG_ELIMIT)
		rc = jg_error_set(JG_ELIMIT, "%s/%s: larger than %zu bytes", c->disp, rel, max);
	else if (rc == 0)
		rc = 1;
	free(path);
	return rc;
}

static int load_problem(bctx *c)
{
	jg_problem *p = &c->b->problem;
	char *text = NULL, *file = NULL;
	size_t len = 0;
	int rc = read_small(c, "problem.yaml", YAML_MAX, &text, &len);

	if (rc >= 0 && asprintf(&file, "%s/problem.yaml", c->disp) < 0) {
		file = NULL;
		rc = oom();
	}
	if (rc >= 0)
		rc = jg_problem_parse_yaml(p, text ? text : "", len, file, &c->b->warnings);
	if (rc == 0 && !p->name && !(p->name = strdup(c->name)))
		rc = oom();
	free(text);
	free(file);
	return rc;
}

/* .timelimit: 1 and *v when present, 0 when absent, or a code. */
static int tl_file(bctx *c, double *v)
{
	char *text = NULL;
	int rc = read_small(c, ".timelimit", SMALL_MAX, &text, NULL);
	if (rc == 1 && parse_positive(text, v) < 0)
		rc = jg_error_set(JG_EINPUT, "%s/.timelimit: expected a positive number", c->disp);
	free(text);
	return rc;
}

/* One ini line: 1 and *v for a timelimit line, 0 for another, -1 if bad. */
static int ini_line(char *line, double *v)
{
	char *p = line + strspn(line, " \t"), *end;

	if (strncmp(p, "timelimit", 9))
		return 0;
	p += 9 + strspn(p + 9, " \t");
	if (*p != '=')
		return 0;
	p += 1 + strspn(p + 1, " \t");
	end = p + strlen(p);
	while (end > p && strchr(" \t\r", end[-1]))
		*--end = '\0';
	if (end - p >= 2 && (*p == '\'' || *p == '"') && end[-1] == *p) {
		end[-1] = '\0';
		p++;
	}
	return parse_positive(p, v) < 0 ? -1 : 1;
}

/* domjudge-problem.ini: like tl_file(). */
static int tl_ini(bctx *c, double *v)
{
	char *text = NULL, *line, *save = NULL;
	int rc = read_small(c, "domjudge-problem.ini", SMALL_MAX, &text, NULL), found = 0;

	if (rc == 1)
		for (line = strtok_r(text, "\n", &save); line && !found;
		     line = strtok_r(NULL, "\n", &save))
			found = ini_line(line, v);
	if (found < 0)
		rc = jg_error_set(JG_EINPUT, "%s/domjudge-problem.ini: timelimit: "
				  "expected a positive number", c->disp);
	else if (rc == 1)
		rc = found;
	free(text);
	return rc;
}

static int set_tl(jg_problem *p, double v, jg_tl_source src)
{
	p->time_limit = v;
	p->time_limit_source = src;
	return 0;
}

static int resolve_time_limit(bctx *c, const jg_bundle_opts *opts)
{
	jg_problem *p = &c->b->problem;
	double v = 0;
	int rc;

	if (opts && opts->time_limit > 0)
		return set_tl(p, opts->time_limit, JG_TL_CLI);
	if (p->time_limit_source == JG_TL_YAML)
		return 0;
	if ((rc = tl_file(c, &v)) != 0)
		return rc < 0 ? rc : set_tl(p, v, JG_TL_FILE);
	if ((rc = tl_ini(c, &v)) != 0)
		return rc < 0 ? rc : set_tl(p, v, JG_TL_INI);
	return set_tl(p, JG_DEFAULT_TIME_LIMIT, JG_TL_DEFAULT);
}

/* 1 when root/rel is a directory inside the root. */
static int dir_inside(bctx *c, const char *path)
{
	return inside_root(c, path) == 1 && jg_fs_is_dir(path);
}

/* The first directory under output_validators/ (warning when several). */
static int pick_validator(bctx *c, const char *vdir, char **out)
{
	char **names = NULL, *path;
	size_t n = 0;
	int rc = dir_inside(c, vdir) ? list_dir(vdir, &names) : 0;

	for (size_t i = 0; rc == 0 && names && names[i]; i++) {
		if (!(path = jg_path_join(vdir, names[i])))
			rc = oom();
		else if (dir_inside(c, path) && n++ == 0)
			*out = path;
		else
			free(path);
	}
	if (rc == 0 && n > 1)
		rc = warn(&c->b->warnings, "%s/output_validators: %zu validators, using '%s'",
			  c->disp, n, base_name(*out));
	jg_strv_free(names);
	return rc;
}

/* validator_dir for custom validation: output_validators/<first>/, else the
 * 2023-07 output_validator/, whose presence alone also means custom. */
static int find_validator(bctx *c)
{
	jg_problem *p = &c->b->problem;
	char *plural = jg_path_join(c->b->root, "output_validators");
	char *single = jg_path_join(c->b->root, "output_validator");
	int rc = plural && single ? 0 : oom();

	if (rc == 0 && p->validation == JG_VALIDATION_DEFAULT && dir_inside(c, single))
		p->validation = JG_VALIDATION_CUSTOM;
	if (rc == 0 && p->validation != JG_VALIDATION_DEFAULT)
		rc = pick_validator(c, plural, &p->validator_dir);
	if (rc == 0 && p->validation != JG_VALIDATION_DEFAULT && !p->validator_dir) {
		if (dir_inside(c, single)) {
			p->validator_dir = single;
			single = NULL;
		} else {
			rc = jg_error_set(JG_EINPUT, "%s: validation is custom but "
					  "output_validators/ is empty", c->disp);
		}
	}
	free(plural);
	free(single);
	return rc;
}

static int grow_tests(bctx *c)
{
	size_t n = c->alloc ? 2 * c->alloc : 64;
	jg_testcase *t;

	if (c->b->ntests < c->alloc)
		return 0;
	if (!(t = realloc(c->b->tests, n * sizeof(*t))))
		return oom();
	c->b->tests = t;
	c->alloc = n;
	return 0;
}

/* 1 when path, the other half of a test, is a regular file inside the root. */
static int partner_ok(bctx *c, const char *path, struct stat *st)
{
	return entry_inside(c, path, 1) == 1 && stat(path, st) == 0 && S_ISREG(st->st_mode);
}

/* data/rel has no partner with extension ext: bad input, or when lenient a
 * line in b->errors (the first ERRORS_MAX; list_tests() counts the rest). */
static int unpaired(bctx *c, const char *rel, const char *ext)
{
	if (!c->lenient)
		return jg_error_set(JG_EINPUT, "%s/data/%s: no matching %s", c->disp, rel, ext);
	if (c->nerrors++ >= ERRORS_MAX)
		return 0;
	return warn(&c->b->errors, "data/%s: no matching %s", rel, ext);
}

/* Adds data/rel (an .in file at path) and its .ans. */
static int add_test(bctx *c, const char *rel, const char *path, const struct stat *st)
{
	char *ans_path;
	struct stat ans;
	jg_testcase *t;
	int rc;

	if (asprintf(&ans_path, "%.*s.ans", (int)(strlen(path) - 3), path) < 0)
		return oom();
	if (!partner_ok(c, ans_path, &ans)) {
		rc = unpaired(c, rel, ".ans");
		goto done;
	}
	if ((rc = grow_tests(c)) < 0)
		goto done;
	t = &c->b->tests[c->b->ntests++];
	memset(t, 0, sizeof(*t));
	t->ans_path = ans_path;
	ans_path = NULL;
	t->name = strndup(rel, strlen(rel) - 3);
	t->in_path = strdup(path);
	t->in_size = (uint64_t)st->st_size;
	t->ans_size = (uint64_t)ans.st_size;
	if (!t->name || !t->in_path)
		rc = oom();
done:
	free(ans_path);
	return rc;
}

/* Function-call problems: data/rel, a NAME.json test; converted (with
 * every other test) by function_tests() once the list is sorted. */
static int add_json_test(bctx *c, const char *rel, const char *path, const struct stat *st)
{
	jg_testcase *t;
	int rc;

	if ((rc = grow_tests(c)) < 0)
		return rc;
	t = &c->b->tests[c->b->ntests++];
	memset(t, 0, sizeof(*t));
	t->name = strndup(rel, strlen(rel) - 5);
	t->in_path = strdup(path);
	t->in_size = (uint64_t)st->st_size;
	return t->name && t->in_path ? 0 : oom();
}

/* data/rel, an .ans file at path: unpaired when its .in is missing. */
static int check_ans(bctx *c, const char *rel, const char *path)
{
	struct stat in;
	char *in_path;
	int rc = 0;

	if (asprintf(&in_path, "%.*s.in", (int)(strlen(path) - 4), path) < 0)
		return oom();
	if (!partner_ok(c, in_path, &in))
		rc = unpaired(c, rel, ".in");
	free(in_path);
	return rc;
}

static int walk_entry(bctx *c, const char *rel, unsigned depth);

/* 1 when the real directory was walked already in this group: symlinks
 * that loop, or that reach one directory by many paths (which would make
 * the walk exponential), are walked once. */
static int seen_before(bctx *c, const char *real)
{
	for (size_t i = 0; c->seen && c->seen[i]; i++)
		if (!strcmp(c->seen[i], real))
			return 1;
	return 0;
}

/* A failure inside the bundle's tree is bad input, named as the user named it. */
static int walk_error(bctx *c, const char *rel)
{
	int e = errno;
	return jg_error_set(e == EIO || e == ENOMEM ? JG_EIO : JG_EINPUT, "%s/data/%s: %s", c->disp, rel,
			    strerror(e));
}

static int walk_dir(bctx *c, const char *rel, const char *path, unsigned depth)
{
	char *real = realpath(path, NULL), **names = NULL, *child;
	int rc;

	if (!real)
		return walk_error(c, rel);
	if (seen_before(c, real))
		rc = warn(&c->b->warnings, "%s/data/%s: directory reached again through symlinks, ignored",
			  c->disp, rel);
	else if ((rc = jg_strv_push(&c->seen, real)) == 0 && list_dir(path, &names) < 0)
		rc = walk_error(c, rel);
	for (size_t i = 0; rc == 0 && names && names[i]; i++) {
		if (asprintf(&child, "%s/%s", rel, names[i]) < 0) {
			rc = oom();
			break;
		}
		rc = walk_entry(c, child, depth + 1);
		free(child);
	}
	jg_strv_free(names);
	free(real);
	return rc;
}

static int walk_entry(bctx *c, const char *rel, unsigned depth)
{
	char *path;
	struct stat st;
	size_t n = strlen(rel);
	int rc = 0, in;

	if (++c->visited > WALK_MAX)
		return jg_error_set(JG_ELIMIT, "%s/data: more than %d entries", c->disp, WALK_MAX);
	if (depth > DEPTH_MAX)
		return jg_error_set(JG_EINPUT, "%s/data/%s: nested too deeply", c->disp, rel);
	if (asprintf(&path, "%s/data/%s", c->b->root, rel) < 0)
		return oom();
	if ((in = entry_inside(c, path, depth)) != 1)
		rc = warn(&c->b->warnings, "%s/data/%s: %s, ignored", c->disp, rel,
			  in ? "broken symlink" : "leads outside the bundle");
	else if (stat(path, &st) < 0)
		rc = walk_error(c, rel);
	else if (S_ISDIR(st.st_mode))
		rc = walk_dir(c, rel, path, depth);
	else if (S_ISREG(st.st_mode) && n > 3 && !strcmp(rel + n - 3, ".in"))
		rc = add_test(c, rel, path, &st);
	else if (S_ISREG(st.st_mode) && c->b->problem.function && n > 5 && !strcmp(rel + n - 5, ".json"))
		rc = add_json_test(c, rel, path, &st);
	else if (S_ISREG(st.st_mode) && c->lenient && n > 4 && !strcmp(rel + n - 4, ".ans"))
		rc = check_ans(c, rel, path);
	free(path);
	return rc;
}

static int cmp_tests(const void *a, const void *b)
{
	return strcmp(((const jg_testcase *)a)->in_path, ((const jg_testcase *)b)->in_path);
}

static int list_tests(bctx *c)
{
	static const char *const groups[] = { "sample", "secret" };
	jg_bundle *b = c->b;
	struct stat st;
	char *path;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < 2; i++) {
		size_t start = b->ntests;
		if (asprintf(&path, "%s/data/%s", b->root, groups[i]) < 0)
			return oom();
		jg_strv_free(c->seen);
		c->seen = NULL;
		if (lstat(path, &st) == 0)
			rc = walk_entry(c, groups[i], 0);
		free(path);
		if (rc == 0 && b->ntests > start)
			qsort(b->tests + start, b->ntests - start, sizeof(*b->tests), cmp_tests);
	}
	if (rc == 0 && c->nerrors > ERRORS_MAX)
		rc = warn(&b->errors, "data: %zu more unpaired test files",
			  c->nerrors - ERRORS_MAX);
	if (rc == 0 && !b->ntests && !c->lenient)
		rc = jg_error_set(JG_EINPUT, "%s: no test cases under data/sample or data/secret",
				  c->disp);
	return rc;
}

static uint64_t size_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* Test i of a function-call problem, rewritten as gen_dir/i.in and i.ans. */
static int function_test(bctx *c, size_t i)
{
	jg_testcase *t = &c->b->tests[i];
	char *in_out = NULL, *ans_out = NULL, *disp_in = NULL, *disp_ans = NULL;
	int rc = oom();

	if (asprintf(&in_out, "%s/%zu.in", c->b->gen_dir, i) < 0 ||
	    asprintf(&ans_out, "%s/%zu.ans", c->b->gen_dir, i) < 0 ||
	    asprintf(&disp_in, "%s/data/%s%s", c->disp, t->name, t->ans_path ? ".in" : ".json") < 0 ||
	    asprintf(&disp_ans, "%s/data/%s.ans", c->disp, t->name) < 0)
		goto done;
	rc = jg_fntest_convert(c->b->problem.function, t->ans_path ? NULL : t->in_path, t->in_path,
			       t->ans_path, disp_in, disp_ans, in_out, ans_out);
	if (rc < 0)
		goto done;
	free(t->in_path);
	free(t->ans_path);
	t->in_path = in_out;
	t->ans_path = ans_out;
	t->in_size = size_of(in_out);
	t->ans_size = size_of(ans_out);
	in_out = ans_out = NULL;
done:
	free(in_out);
	free(ans_out);
	free(disp_in);
	free(disp_ans);
	return rc;
}

/* Function-call problems: every test checked against the signature and
 * written in the harnesses' form into a private directory. */
static int function_tests(bctx *c, const jg_bundle_opts *opts)
{
	int rc = 0;

	if (!c->b->problem.function)
		return 0;
	if (c->b->problem.validation == JG_VALIDATION_INTERACTIVE)
		return jg_error_set(JG_EINPUT, "%s: a function-call problem cannot be interactive", c->disp);
	if (c->b->ntests && (rc = jg_fs_mkdtemp(&c->b->gen_dir, opts ? opts->workdir : NULL,
						 "judge-fntests-")) < 0)
		return rc;
	for (size_t i = 0; rc == 0 && i < c->b->ntests; i++)
		rc = function_test(c, i);
	return rc;
}

/* jg_bundle_free() may record an error of its own; keep the first one. */
static void free_keep_error(jg_bundle *b)
{
	char msg[1024];
	int code = jg_error_last_code();

	snprintf(msg, sizeof(msg), "%s", jg_error_last());
	jg_bundle_free(b);
	jg_error_set(code, "%s", msg);
}

int jg_bundle_open(jg_bundle **out, const char *path, const jg_bundle_opts *opts)
{
	bctx c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	c.lenient = opts && opts->lenient;
	if (!(c.b = calloc(1, sizeof(*c.b))) || !(c.b->warnings = calloc(1, sizeof(char *)))) {
		rc = oom();
		goto done;
	}
	if ((rc = locate(&c, path, opts)) < 0 || (rc = load_problem(&c)) < 0 ||
	    (rc = resolve_time_limit(&c, opts)) < 0 || (rc = find_validator(&c)) < 0 ||
	    (rc = list_tests(&c)) < 0 || (rc = function_tests(&c, opts)) < 0)
		goto done;
	*out = c.b;
	c.b = NULL;
done:
	if (c.b)
		free_keep_error(c.b);
	free(c.disp);
	free(c.name);
	jg_strv_free(c.seen);
	return rc;
}

void jg_bundle_free(jg_bundle *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->ntests; i++) {
		free(b->tests[i].name);
		free(b->tests[i].in_path);
		free(b->tests[i].ans_path);
	}
	free(b->tests);
	jg_problem_clear(&b->problem);
	jg_strv_free(b->warnings);
	jg_strv_free(b->errors);
	free(b->root);
	if (b->extracted_dir)
		jg_fs_rmtree(b->extracted_dir);
	free(b->extracted_dir);
	if (b->gen_dir)
		jg_fs_rmtree(b->gen_dir);
	free(b->gen_dir);
	free(b);
}
