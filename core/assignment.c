/* core/assignment.c - assignment.yaml: points, hidden tests, submission rules. */
#define _GNU_SOURCE
#include "assignment.h"

#include "error.h"
#include "fs.h"
#include "utf8.h"
#include "yaml.h"

#include <fnmatch.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ASSIGNMENT_MAX (1 << 20)        /* bytes of assignment.yaml */
#define SCAN_MAX       (4u << 20)       /* bytes of a source file scanned for patterns */

typedef struct {
	jg_assignment   *a;
	const jg_bundle *b;
	const char      *file;     /* as messages name it */
	double           dflt;     /* points.default */
	double          *tpoints;  /* per test: NAN unless points.tests names it */
	int             *taken;    /* per test: item index + 1 of the group that took it */
	char           **gnames;   /* points.groups keys, in file order */
	double          *gpoints;
	size_t           ngroups;
} actx;

/* ---- small YAML helpers ---- */

static int line_of(struct fy_node *n)
{
	struct fy_token *t = n && fy_node_get_type(n) == FYNT_SCALAR ? fy_node_get_scalar_token(n) : NULL;
	const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
	return m ? m->line + 1 : 0;
}

static int bad(actx *c, struct fy_node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad(actx *c, struct fy_node *n, const char *fmt, ...)
{
	char *msg = NULL;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	rc = jg_error_set(JG_EINPUT, "%s:%d: %s", c->file, line_of(n), msg ? msg : "invalid");
	free(msg);
	return rc;
}

/* A heap copy of a scalar, NULL (and an error set) when n is not one. */
static char *text(actx *c, struct fy_node *n, const char *what)
{
	size_t len;
	const char *s;
	char *out;

	if (!n || fy_node_get_type(n) != FYNT_SCALAR || !(s = fy_node_get_scalar(n, &len))) {
		bad(c, n, "%s: expected a string", what);
		return NULL;
	}
	if (memchr(s, '\0', len)) {
		bad(c, n, "%s: NUL in a string", what);
		return NULL;
	}
	if (!(out = strndup(s, len)))
		jg_error_set(JG_ENOMEM, "out of memory");
	return out;
}

static int number(actx *c, struct fy_node *n, const char *what, double *out)
{
	char *s = text(c, n, what), *end;
	int rc = 0;

	if (!s)
		return JG_EINPUT;
	*out = strtod(s, &end);
	if (end == s || *end || !isfinite(*out) || *out < 0 || *out > 1e9)
		rc = bad(c, n, "%s: '%s' is not a number of points from 0 to 1e9", what, s);
	free(s);
	return rc;
}

static int str_list(actx *c, struct fy_node *n, const char *what, char ***out)
{
	struct fy_node *item;
	void *it = NULL;
	int rc = 0;

	if (fy_node_get_type(n) == FYNT_SCALAR) {   /* one value */
		char *s = text(c, n, what);
		rc = s ? jg_strv_push(out, s) : JG_EINPUT;
		free(s);
		return rc;
	}
	if (fy_node_get_type(n) != FYNT_SEQUENCE)
		return bad(c, n, "%s: expected a list of strings", what);
	while (rc == 0 && (item = fy_node_sequence_iterate(n, &it))) {
		char *s = text(c, item, what);
		rc = s ? jg_strv_push(out, s) : JG_EINPUT;
		free(s);
	}
	if (rc == 0 && !*out)
		rc = bad(c, n, "%s: an empty list (leave the key out instead)", what);
	return rc;
}

/* ---- points ---- */

static long test_index(const jg_bundle *b, const char *name)
{
	for (size_t i = 0; i < b->ntests; i++)
		if (!strcmp(b->tests[i].name, name))
			return (long)i;
	return -1;
}

/* 1 when test name lies in group directory g ("secret/big" holds "secret/big/05"). */
static int in_group(const char *name, const char *g)
{
	size_t n = strlen(g);
	while (n > 0 && g[n - 1] == '/')
		n--;
	return n == 0 || (!strncmp(name, g, n) && name[n] == '/');
}

static int points_tests(actx *c, struct fy_node *map)
{
	struct fy_node_pair *p;
	void *it = NULL;
	int rc = 0;

	if (fy_node_get_type(map) != FYNT_MAPPING)
		return bad(c, map, "points.tests: expected a mapping of test names to points");
	while (rc == 0 && (p = fy_node_mapping_iterate(map, &it))) {
		char *name = text(c, fy_node_pair_key(p), "points.tests");
		long i = name ? test_index(c->b, name) : -1;
		if (!name)
			rc = JG_EINPUT;
		else if (i < 0)
			rc = bad(c, fy_node_pair_key(p), "points.tests: no test '%s' in the bundle", name);
		else
			rc = number(c, fy_node_pair_value(p), name, &c->tpoints[i]);
		free(name);
	}
	return rc;
}

static int points_groups(actx *c, struct fy_node *map)
{
	struct fy_node_pair *p;
	void *it = NULL;
	int rc = 0;

	if (fy_node_get_type(map) != FYNT_MAPPING)
		return bad(c, map, "points.groups: expected a mapping of group directories to points");
	while (rc == 0 && (p = fy_node_mapping_iterate(map, &it))) {
		char *name = text(c, fy_node_pair_key(p), "points.groups");
		double v = 0;
		size_t hits = 0;
		if (!name)
			return JG_EINPUT;
		for (size_t i = 0; i < c->b->ntests; i++)
			hits += in_group(c->b->tests[i].name, name);
		if (hits == 0)
			rc = bad(c, fy_node_pair_key(p), "points.groups: no test lies under '%s'", name);
		else if ((rc = number(c, fy_node_pair_value(p), name, &v)) == 0)
			rc = jg_strv_push(&c->gnames, name);
		if (rc == 0)
			c->gpoints[c->ngroups++] = v;
		free(name);
	}
	return rc;
}

static int points_key(actx *c, struct fy_node_pair *p)
{
	char *key = text(c, fy_node_pair_key(p), "points");
	struct fy_node *v = fy_node_pair_value(p);
	int rc;

	if (!key)
		return JG_EINPUT;
	if (!strcmp(key, "default"))
		rc = number(c, v, "points.default", &c->dflt);
	else if (!strcmp(key, "tests"))
		rc = points_tests(c, v);
	else if (!strcmp(key, "groups"))
		rc = points_groups(c, v);
	else
		rc = bad(c, fy_node_pair_key(p), "points: unknown key '%s' (default, tests, groups)", key);
	free(key);
	return rc;
}

static int points(actx *c, struct fy_node *n)
{
	struct fy_node_pair *p;
	void *it = NULL;
	int rc = 0;

	if (fy_node_get_type(n) == FYNT_SCALAR)
		return number(c, n, "points", &c->dflt);
	if (fy_node_get_type(n) != FYNT_MAPPING)
		return bad(c, n, "points: expected a number or a mapping");
	if (!(c->gpoints = calloc((size_t)fy_node_mapping_item_count(n) + c->b->ntests + 1, sizeof(double))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	while (rc == 0 && (p = fy_node_mapping_iterate(n, &it)))
		rc = points_key(c, p);
	return rc;
}

/* ---- items ---- */

/* Group g's item: its tests in bundle order (those no earlier group took). */
static void add_group_item(actx *c, size_t g, size_t *nt)
{
	jg_assignment *a = c->a;
	jg_grade_item *it = &a->items[a->nitems];

	it->first = *nt;
	for (size_t i = 0; i < c->b->ntests; i++)
		if (!c->taken[i] && in_group(c->b->tests[i].name, c->gnames[g])) {
			c->taken[i] = (int)a->nitems + 1;
			a->tests[(*nt)++] = i;
		}
	it->count = *nt - it->first;
	it->points = c->gpoints[g];
	if (it->count > 0 && (it->name = strdup(c->gnames[g])))
		a->nitems++;
	else
		*nt = it->first;
}

/* Items in test order: a group's item sits where its first test is. */
static int build_items(actx *c)
{
	jg_assignment *a = c->a;
	size_t nt = 0, ntests = c->b->ntests;
	jg_grade_item *tmp;

	if (!(a->items = calloc(ntests + c->ngroups + 1, sizeof(*a->items))) ||
	    !(a->tests = calloc(ntests + 1, sizeof(size_t))) || !(tmp = calloc(ntests + 1, sizeof(*tmp))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t g = 0; g < c->ngroups; g++)
		add_group_item(c, g, &nt);
	for (size_t i = 0; i < ntests; i++) {
		if (c->taken[i])
			continue;
		jg_grade_item *it = &a->items[a->nitems];
		it->first = nt;
		it->count = 1;
		a->tests[nt++] = i;
		it->points = isnan(c->tpoints[i]) ? c->dflt : c->tpoints[i];
		if (!(it->name = strdup(c->b->tests[i].name))) {
			free(tmp);
			return jg_error_set(JG_ENOMEM, "out of memory");
		}
		a->nitems++;
	}
	/* order the items by their first test */
	size_t k = 0;
	for (size_t i = 0; i < ntests; i++)
		for (size_t j = 0; j < a->nitems; j++)
			if (a->tests[a->items[j].first] == i)
				tmp[k++] = a->items[j];
	memcpy(a->items, tmp, k * sizeof(*tmp));
	free(tmp);
	for (size_t j = 0; j < a->nitems; j++)
		a->max += a->items[j].points;
	return 0;
}

/* ---- the other keys ---- */

static int hidden(actx *c, struct fy_node *n)
{
	char **pats = NULL;
	int rc = str_list(c, n, "hidden", &pats);

	for (size_t i = 0; rc == 0 && i < c->b->ntests; i++) {
		c->a->hidden[i] = 0;
		for (size_t k = 0; pats && pats[k]; k++)
			if (fnmatch(pats[k], c->b->tests[i].name, 0) == 0 ||
			    in_group(c->b->tests[i].name, pats[k]))
				c->a->hidden[i] = 1;
	}
	jg_strv_free(pats);
	return rc;
}

static int forbidden_one(actx *c, struct fy_node *n, jg_forbidden *f)
{
	struct fy_node *pat = fy_node_mapping_lookup_by_string(n, "pattern", FY_NT);
	struct fy_node *msg = fy_node_mapping_lookup_by_string(n, "message", FY_NT);
	struct fy_node *files = fy_node_mapping_lookup_by_string(n, "files", FY_NT);
	char err[256];
	int rc;

	if (!pat)
		return bad(c, n, "forbidden: an entry without 'pattern'");
	if (!(f->pattern = text(c, pat, "forbidden.pattern")) ||
	    (msg && !(f->message = text(c, msg, "forbidden.message"))) ||
	    (files && !(f->files = text(c, files, "forbidden.files"))))
		return JG_EINPUT;
	if (!f->message && asprintf(&f->message, "forbidden pattern '%s'", f->pattern) < 0)
		return f->message = NULL, jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = regcomp(&f->re, f->pattern, REG_EXTENDED | REG_NEWLINE | REG_NOSUB)) != 0) {
		regerror(rc, &f->re, err, sizeof(err));
		regfree(&f->re);
		memset(&f->re, 0, sizeof(f->re));
		return bad(c, pat, "forbidden.pattern '%s': %s", f->pattern, err);
	}
	c->a->nforbidden++;
	return 0;
}

static int forbidden(actx *c, struct fy_node *n)
{
	struct fy_node *item;
	void *it = NULL;
	int rc = 0;

	if (fy_node_get_type(n) != FYNT_SEQUENCE)
		return bad(c, n, "forbidden: expected a list of {pattern, message, files}");
	if (!(c->a->forbidden = calloc((size_t)fy_node_sequence_item_count(n) + 1, sizeof(jg_forbidden))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	while (rc == 0 && (item = fy_node_sequence_iterate(n, &it))) {
		jg_forbidden *f = &c->a->forbidden[c->a->nforbidden];
		if (fy_node_get_type(item) != FYNT_MAPPING)
			rc = bad(c, item, "forbidden: expected a mapping {pattern, message, files}");
		else if ((rc = forbidden_one(c, item, f)) < 0) {
			free(f->pattern);
			free(f->message);
			free(f->files);
			memset(f, 0, sizeof(*f));
		}
	}
	return rc;
}

static int top_key(actx *c, struct fy_node_pair *p)
{
	char *key = text(c, fy_node_pair_key(p), "key");
	struct fy_node *v = fy_node_pair_value(p);
	int rc = 0;

	if (!key)
		return JG_EINPUT;
	if (!strcmp(key, "points"))
		rc = points(c, v);
	else if (!strcmp(key, "hidden"))
		rc = hidden(c, v);
	else if (!strcmp(key, "languages"))
		rc = str_list(c, v, "languages", &c->a->languages);
	else if (!strcmp(key, "required_files"))
		rc = str_list(c, v, "required_files", &c->a->required);
	else if (!strcmp(key, "forbidden"))
		rc = forbidden(c, v);
	else
		rc = bad(c, fy_node_pair_key(p), "unknown key '%s' (points, hidden, languages, "
			 "required_files, forbidden)", key);
	free(key);
	return rc;
}

static int parse(actx *c, const char *textbuf, size_t len)
{
	struct fy_diag *diag = NULL;
	struct fy_document *doc = NULL;
	struct fy_node *root;
	struct fy_node_pair *p;
	void *it = NULL;
	size_t bad_at = jg_utf8_check(textbuf, len);
	int rc;

	if (bad_at < len)
		return jg_error_set(JG_EINPUT, "%s: not valid UTF-8 (at byte %zu)", c->file, bad_at);
	if ((rc = jg_yaml_load(&diag, &doc, textbuf, len, c->file)) == 0 && doc) {
		root = fy_document_root(doc);
		if (root && jg_yaml_has_alias(root))
			rc = jg_error_set(JG_EINPUT, "%s: YAML aliases are not supported", c->file);
		else if (root && fy_node_get_type(root) != FYNT_MAPPING)
			rc = jg_error_set(JG_EINPUT, "%s: expected a mapping at the top level", c->file);
		while (rc == 0 && root && (p = fy_node_mapping_iterate(root, &it)))
			rc = top_key(c, p);
	}
	fy_document_destroy(doc);
	if (diag)
		fy_diag_destroy(diag);
	return rc;
}

static int defaults(actx *c)
{
	size_t n = c->b->ntests + 1;
	if (!(c->a->hidden = calloc(n, sizeof(int))) || !(c->tpoints = calloc(n, sizeof(double))) ||
	    !(c->taken = calloc(n, sizeof(int))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	c->a->ntests = c->b->ntests;
	c->dflt = 1;
	for (size_t i = 0; i < c->b->ntests; i++) {
		c->tpoints[i] = NAN;
		c->a->hidden[i] = strncmp(c->b->tests[i].name, "sample/", 7) != 0;
	}
	return 0;
}

int jg_assignment_load(jg_assignment **out, const jg_bundle *b)
{
	jg_assignment *a = calloc(1, sizeof(*a));
	actx c = { .a = a, .b = b };
	char *buf = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (!a)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = defaults(&c)) < 0)
		goto done;
	if (!(a->file = jg_path_join(b->root, "assignment.yaml"))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	c.file = a->file;
	if (access(a->file, F_OK) != 0) {
		free(a->file);
		a->file = NULL;
	} else if ((rc = jg_fs_read_file(&buf, &len, a->file, ASSIGNMENT_MAX)) < 0 ||
		   (rc = parse(&c, buf, len)) < 0) {
		goto done;
	}
	rc = build_items(&c);
done:
	free(buf);
	free(c.tpoints);
	free(c.taken);
	free(c.gpoints);
	jg_strv_free(c.gnames);
	if (rc < 0)
		jg_assignment_free(a);
	else
		*out = a;
	return rc;
}

void jg_assignment_free(jg_assignment *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nitems; i++)
		free(a->items[i].name);
	for (size_t i = 0; i < a->nforbidden; i++) {
		regfree(&a->forbidden[i].re);
		free(a->forbidden[i].pattern);
		free(a->forbidden[i].message);
		free(a->forbidden[i].files);
	}
	free(a->forbidden);
	free(a->items);
	free(a->tests);
	free(a->hidden);
	free(a->file);
	jg_strv_free(a->languages);
	jg_strv_free(a->required);
	jg_strv_free(a->warnings);
	free(a);
}

/* ---- checking a student's program ---- */

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int has_file(const char *want, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], want) || !strcmp(base_name(names[i]), want))
			return 1;
	return 0;
}

/* The first SCAN_MAX bytes of a file (a longer one is scanned that far). */
static int read_head(char **buf, size_t *len, const char *path)
{
	FILE *f = fopen(path, "rb");

	*len = 0;
	if (!f)
		return jg_error_errno(JG_EIO, "%s", path);
	if (!(*buf = malloc(SCAN_MAX + 1))) {
		fclose(f);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	*len = fread(*buf, 1, SCAN_MAX, f);
	(*buf)[*len] = '\0';
	fclose(f);
	return 0;
}

/* *hit = 1 when the file matches f (NULs included: REG_STARTEND). */
static int file_matches(int *hit, const jg_forbidden *f, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	regmatch_t m[1];
	int rc = read_head(&buf, &len, path);

	*hit = 0;
	if (rc < 0)
		return rc;
	m[0].rm_so = 0;
	m[0].rm_eo = (regoff_t)len;
	*hit = regexec(&f->re, buf, 1, m, REG_STARTEND) == 0;
	free(buf);
	return 0;
}

static int lang_allowed(const jg_assignment *a, const char *language)
{
	if (!a->languages)
		return 1;
	for (size_t i = 0; language && a->languages[i]; i++)
		if (!strcmp(a->languages[i], language))
			return 1;
	return 0;
}

int jg_assignment_check(char **why, const jg_assignment *a, const char *language,
			const char *const *names, const char *const *paths, size_t nfiles)
{
	*why = NULL;
	if (!lang_allowed(a, language))
		return asprintf(why, "language %s is not allowed for this assignment", language ? language : "?") < 0
			? (*why = NULL, jg_error_set(JG_ENOMEM, "out of memory")) : 0;
	for (size_t i = 0; a->required && a->required[i]; i++)
		if (!has_file(a->required[i], names, nfiles))
			return asprintf(why, "required file %s is missing", a->required[i]) < 0
				? (*why = NULL, jg_error_set(JG_ENOMEM, "out of memory")) : 0;
	for (size_t k = 0; k < a->nforbidden; k++) {
		const jg_forbidden *f = &a->forbidden[k];
		for (size_t i = 0; i < nfiles; i++) {
			int hit, rc;
			if (f->files && fnmatch(f->files, base_name(names[i]), 0) != 0)
				continue;
			if ((rc = file_matches(&hit, f, paths[i])) < 0)
				return rc;
			if (hit)
				return asprintf(why, "%s: %s", names[i], f->message) < 0
					? (*why = NULL, jg_error_set(JG_ENOMEM, "out of memory")) : 0;
		}
	}
	return 0;
}

/* ---- scoring ---- */

int jg_assignment_item_passed(const jg_assignment *a, size_t i, const jg_submission_result *s)
{
	const jg_grade_item *it = &a->items[i];

	for (size_t k = 0; k < it->count; k++) {
		size_t t = a->tests[it->first + k];
		if (t >= s->ntests || s->tests[t].verdict != JG_AC)
			return 0;
	}
	return it->count > 0;
}

double jg_assignment_score(const jg_assignment *a, const jg_submission_result *s)
{
	double sum = 0;
	for (size_t i = 0; i < a->nitems; i++)
		if (jg_assignment_item_passed(a, i, s))
			sum += a->items[i].points;
	return sum;
}
