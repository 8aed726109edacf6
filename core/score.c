/* core/score.c - test data groups and the default grader.
 *
 * Groups come from two places: the directories of the bundle's test names
 * (so every test has its group, even through a symlinked directory) and a
 * walk of data/sample and data/secret that finds directories without tests
 * (the walk never follows symlinks and is bounded in depth and entries).
 *
 * Each group's testdata.yaml is parsed like problem.yaml in bundle.c:
 * UTF-8 checked first, libfyaml's diagnostics collected and never printed,
 * aliases refused, 1 MiB at most.
 *
 * Aggregation is a fold over each group's items (its own tests and its
 * non-empty subgroups, in judging order), recursing into subgroups; the
 * depth is bounded by the directory depth the walks allow.
 */
#define _GNU_SOURCE
#include "score.h"
#include "error.h"
#include "yaml.h"
#include "fs.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <libfyaml.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define YAML_MAX   (1u << 20)   /* one testdata.yaml */
#define WALK_MAX   1000000      /* directory entries looked at under data/ */
#define DEPTH_MAX  64           /* directory levels under data/sample, data/secret */
#define WORD_MAX   128          /* on_reject, range, ... values */
#define NONE       SIZE_MAX
#define DEFAULT_SCORE 100.0     /* 2023-07: data/secret's score when not given */

enum { VM_WORST, VM_FIRST, VM_ALWAYS };                  /* verdict modes */
enum { SM_SUM, SM_MIN, SM_MAX, SM_AVG };                 /* score modes */
enum { AGG_NONE, AGG_PASS_FAIL, AGG_SUM, AGG_MIN };      /* 2023-07 aggregation */

/* Inherited keys, as bits of own.set. */
enum {
	S_ON_REJECT = 1u << 0, S_FLAGS = 1u << 1, S_ACCEPT = 1u << 2,
	S_REJECT = 1u << 3, S_RANGE = 1u << 4, S_IN = 1u << 5, S_OUT = 1u << 6
};

/* The settings in effect for a group. */
struct cfg {
	int         on_continue;
	int         vmode, smode, any_accepted, ignore_sample;
	double      accept, reject, lo, hi;
	const char *in_flags, *out_flags;   /* owned by some group's own */
};

/* What a group's own file says. */
struct own {
	unsigned    set;                    /* S_* keys given */
	struct cfg  v;                      /* their values */
	char       *in_flags, *out_flags;
	int         agg;                    /* scoring.aggregation, AGG_NONE: not given */
	int         has_scoring;            /* the 2023-07 scoring key is present */
	int         has_score;              /* scoring.score (INFINITY: unbounded) */
	double      score;
	int         has_max;                /* max_score */
	double      max_score;
};

struct item {
	int    group;   /* 1: idx is a subgroup, 0: a test */
	size_t idx;
};

struct group {
	char        *name;
	char        *file;         /* the configuration file read, for messages; NULL if none */
	size_t       parent;
	size_t       first, end;   /* tests [first, end) are in this group or below */
	struct item *items;
	size_t       nitems;
	struct own   own;
	struct cfg   cfg;
	int          agg;          /* 2023-07 mode: aggregation in effect */
	double       max;
};

struct jg_groups {
	struct group *grp;
	size_t        ngroups;
	size_t       *test_group;
	double       *test_max;    /* what an accepted test scores without score.txt */
	size_t        ntests;
	int           v2023;       /* some group has the 2023-07 scoring key */
};

static const struct cfg defaults = {
	0, VM_WORST, SM_SUM, 0, 0, 1, 0, -INFINITY, INFINITY, "", ""
};

static int oom(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory");
}

static int warn(char ***v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int warn(char ***v, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n, rc;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return oom();
	rc = v ? jg_strv_push(v, s) : 0;
	free(s);
	return rc;
}

/* ---------------------------------------------------------------------------
 * testdata.yaml
 */

typedef struct {
	struct own *o;
	const char *file;
	char     ***warnings;
} pctx;

typedef int (*key_fn)(pctx *p, struct fy_node *key, const char *name, struct fy_node *v);

/* 1-based line of a node, 0 when unknown. */
static int line_of(struct fy_node *n)
{
	struct fy_token *t = NULL;
	const struct fy_mark *m;

	if (n && fy_node_get_type(n) == FYNT_SCALAR)
		t = fy_node_get_scalar_token(n);
	m = t ? fy_token_start_mark(t) : NULL;
	return m ? m->line + 1 : 0;
}

static int bad(pctx *p, struct fy_node *key, const char *name, const char *what)
{
	int line = line_of(key);

	if (line > 0)
		return jg_error_set(JG_EINPUT, "%s:%d: %s: expected %s", p->file, line, name, what);
	return jg_error_set(JG_EINPUT, "%s: %s: expected %s", p->file, name, what);
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

/* The text of a scalar node; NULL when n is not a scalar. */
static const char *scalar(struct fy_node *n, size_t *len)
{
	if (!n || fy_node_get_type(n) != FYNT_SCALAR)
		return NULL;
	return fy_node_get_scalar(n, len);
}

/* Copies a short scalar (control characters as '?'); -1 when n is not a
 * scalar or does not fit. */
static int word(struct fy_node *n, char *buf, size_t size)
{
	size_t len, i;
	const char *s = scalar(n, &len);

	if (!s || len >= size)
		return -1;
	for (i = 0; i < len; i++)
		buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
	buf[len] = '\0';
	return 0;
}

/* A whole string as a number; infinities only when inf is set. */
static int parse_num(const char *s, double *out, int inf)
{
	char *end;
	double v;

	s += strspn(s, " \t");
	v = strtod(s, &end);
	if (end == s)
		return -1;
	end += strspn(end, " \t");
	if (*end || isnan(v) || (!inf && !isfinite(v)))
		return -1;
	*out = v;
	return 0;
}

static int set_str(char **slot, const char *s, size_t len)
{
	char *copy = strndup(s, len);

	if (!copy)
		return oom();
	free(*slot);
	*slot = copy;
	return 0;
}

static int k_on_reject(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	char buf[WORD_MAX];

	if (word(v, buf, sizeof(buf)) < 0 || (strcmp(buf, "break") && strcmp(buf, "continue")))
		return bad(p, key, name, "'break' or 'continue'");
	p->o->v.on_continue = !strcmp(buf, "continue");
	p->o->set |= S_ON_REJECT;
	return 0;
}

static int k_grading(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	char buf[WORD_MAX];

	if (word(v, buf, sizeof(buf)) < 0 || (strcmp(buf, "default") && strcmp(buf, "custom")))
		return bad(p, key, name, "'default' or 'custom'");
	if (!strcmp(buf, "custom"))
		return warn(p->warnings, "%s: grading: custom graders are not supported, "
			    "using the default grader", p->file);
	return 0;
}

/* One grader flag into c (the last of conflicting modes wins); 0 when w
 * is not a flag. */
static int grader_flag(struct cfg *c, const char *w)
{
	static const char *const vm[] = { "worst_error", "first_error", "always_accept" };
	static const char *const sm[] = { "sum", "min", "max", "avg" };

	for (int i = 0; i < 3; i++)
		if (!strcmp(w, vm[i])) {
			c->vmode = i;
			return 1;
		}
	for (int i = 0; i < 4; i++)
		if (!strcmp(w, sm[i])) {
			c->smode = i;
			return 1;
		}
	if (!strcmp(w, "no_errors"))   /* the old name of worst_error */
		c->vmode = VM_WORST;
	else if (!strcmp(w, "ignore_sample"))
		c->ignore_sample = 1;
	else if (!strcmp(w, "accept_if_any_accepted"))
		c->any_accepted = 1;
	else
		return 0;
	return 1;
}

static int k_grader_flags(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	struct cfg *c = &p->o->v;
	const char *s;
	char *text, *w, *save = NULL;
	size_t len;
	int rc = 0;

	if (!(s = scalar(v, &len)))
		return bad(p, key, name, "a string of flags");
	if (!(text = strndup(s, len)))
		return oom();
	c->vmode = VM_WORST;
	c->smode = SM_SUM;
	c->any_accepted = c->ignore_sample = 0;
	for (w = strtok_r(text, " \t\r\n", &save); w && rc == 0; w = strtok_r(NULL, " \t\r\n", &save))
		if (!grader_flag(c, w))
			rc = warn(p->warnings, "%s: grader_flags: unknown flag '%.64s' ignored",
				  p->file, w);
	free(text);
	p->o->set |= S_FLAGS;
	return rc;
}

static int k_number(pctx *p, struct fy_node *key, const char *name, struct fy_node *v,
		    double *out)
{
	char buf[WORD_MAX];

	if (word(v, buf, sizeof(buf)) < 0 || parse_num(buf, out, 0) < 0)
		return bad(p, key, name, "a number");
	return 0;
}

static int k_accept(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	p->o->set |= S_ACCEPT;
	return k_number(p, key, name, v, &p->o->v.accept);
}

static int k_reject(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	p->o->set |= S_REJECT;
	return k_number(p, key, name, v, &p->o->v.reject);
}

static int k_range(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	static const char what[] = "two numbers \"low high\" with low <= high (inf allowed)";
	char buf[WORD_MAX], *a, *b, *rest, *save = NULL;
	double lo, hi;

	if (word(v, buf, sizeof(buf)) < 0 || !(a = strtok_r(buf, " \t", &save)) ||
	    !(b = strtok_r(NULL, " \t", &save)) || (rest = strtok_r(NULL, " \t", &save)) ||
	    parse_num(a, &lo, 1) < 0 || parse_num(b, &hi, 1) < 0 || lo > hi)
		return bad(p, key, name, what);
	p->o->v.lo = lo;
	p->o->v.hi = hi;
	p->o->set |= S_RANGE;
	return 0;
}

/* Flags for the input (in) or output validators from a string. */
static int flags_str(pctx *p, struct fy_node *key, const char *name, struct fy_node *v, int in)
{
	const char *s;
	size_t len;
	int rc;

	if (fy_node_get_type(v) == FYNT_MAPPING)
		return warn(p->warnings, "%s: %s: per-validator flags are not supported, ignored",
			    p->file, name);
	if (!(s = scalar(v, &len)))
		return bad(p, key, name, "a string");
	if ((rc = set_str(in ? &p->o->in_flags : &p->o->out_flags, s, len)) == 0)
		p->o->set |= in ? S_IN : S_OUT;
	return rc;
}

static int k_in_flags(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	return flags_str(p, key, name, v, 1);
}

static int k_out_flags(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	return flags_str(p, key, name, v, 0);
}

/* 2023-07 *_validator_args: a sequence of words, joined by spaces. */
static int flags_seq(pctx *p, struct fy_node *key, const char *name, struct fy_node *v, int in)
{
	struct fy_node *item;
	void *it = NULL;
	char *out = NULL, *next;
	const char *s;
	size_t len;
	int rc = 0;

	if (fy_node_get_type(v) != FYNT_SEQUENCE)
		return flags_str(p, key, name, v, in);
	while (rc == 0 && (item = fy_node_sequence_iterate(v, &it))) {
		if (!(s = scalar(item, &len)) || !len || strcspn(s, " \t\r\n") < len)
			rc = bad(p, key, name, "a sequence of arguments without spaces");
		else if (asprintf(&next, "%s%s%.*s", out ? out : "", out ? " " : "", (int)len, s) < 0)
			rc = oom();
		else {
			free(out);
			out = next;
		}
	}
	if (rc == 0 && (rc = set_str(in ? &p->o->in_flags : &p->o->out_flags,
				     out ? out : "", out ? strlen(out) : 0)) == 0)
		p->o->set |= in ? S_IN : S_OUT;
	free(out);
	return rc;
}

static int k_in_args(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	return flags_seq(p, key, name, v, 1);
}

static int k_out_args(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	return flags_seq(p, key, name, v, 0);
}

/* A maximum score: a number >= 0, or (unbounded) "unbounded". */
static int max_value(pctx *p, struct fy_node *key, const char *name, struct fy_node *v,
		     int unbounded, double *out)
{
	char buf[WORD_MAX];

	if (word(v, buf, sizeof(buf)) == 0 && unbounded && !strcmp(buf, "unbounded")) {
		*out = INFINITY;
		return 0;
	}
	if (word(v, buf, sizeof(buf)) < 0 || parse_num(buf, out, 0) < 0 || *out < 0)
		return bad(p, key, name, unbounded ? "a number >= 0 or 'unbounded'" : "a number >= 0");
	return 0;
}

static int k_max_score(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	p->o->has_max = 1;
	return max_value(p, key, name, v, 0, &p->o->max_score);
}

static int scoring_pair(pctx *p, struct fy_node_pair *pair)
{
	static const char *const aggs[] = { "pass-fail", "sum", "min" };
	struct fy_node *key = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
	char name[WORD_MAX], buf[WORD_MAX];

	if (word(key, name, sizeof(name)) < 0)
		return bad(p, key, "scoring", "string keys");
	if (is_null(v))
		return 0;
	if (!strcmp(name, "score")) {
		p->o->has_score = 1;
		return max_value(p, key, "scoring.score", v, 1, &p->o->score);
	}
	if (!strcmp(name, "aggregation")) {
		for (int i = 0; i < 3 && word(v, buf, sizeof(buf)) == 0; i++)
			if (!strcmp(buf, aggs[i]))
				return p->o->agg = AGG_PASS_FAIL + i, 0;
		return bad(p, key, "scoring.aggregation", "'pass-fail', 'sum' or 'min'");
	}
	if (!strcmp(name, "require_pass"))
		return warn(p->warnings, "%s: scoring.require_pass is not supported, ignored",
			    p->file);
	return warn(p->warnings, "%s: unknown key 'scoring.%s' ignored", p->file, name);
}

static int k_scoring(pctx *p, struct fy_node *key, const char *name, struct fy_node *v)
{
	struct fy_node_pair *pair;
	void *it = NULL;
	int rc = 0;

	if (fy_node_get_type(v) != FYNT_MAPPING)
		return bad(p, key, name, "a mapping");
	p->o->has_scoring = 1;
	while (rc == 0 && (pair = fy_node_mapping_iterate(v, &it)))
		rc = scoring_pair(p, pair);
	return rc;
}

static const struct key {
	const char *name;
	key_fn      fn;       /* NULL: part of the format, not used by the judge */
} keys[] = {
	{ "on_reject", k_on_reject },
	{ "grading", k_grading },
	{ "grader_flags", k_grader_flags },
	{ "accept_score", k_accept },
	{ "reject_score", k_reject },
	{ "range", k_range },
	{ "input_validator_flags", k_in_flags },
	{ "output_validator_flags", k_out_flags },
	{ "input_validator_args", k_in_args },
	{ "output_validator_args", k_out_args },
	{ "scoring", k_scoring },
	{ "max_score", k_max_score },
	{ "full_feedback", NULL },
	{ "hint", NULL },
	{ "description", NULL },
	{ NULL, NULL }
};

static int conf_pair(pctx *p, struct fy_node_pair *pair)
{
	struct fy_node *key = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
	const struct key *k;
	char name[WORD_MAX];

	if (word(key, name, sizeof(name)) < 0)
		return jg_error_set(JG_EINPUT, "%s: keys must be short strings", p->file);
	for (k = keys; k->name && strcmp(k->name, name); k++)
		;
	if (!k->name)
		return warn(p->warnings, "%s: unknown key '%s' ignored", p->file, name);
	return k->fn && !is_null(v) ? k->fn(p, key, name, v) : 0;
}

static int conf_root(pctx *p, struct fy_node *root)
{
	struct fy_node_pair *pair;
	void *it = NULL;
	int rc = 0;

	if (is_null(root))
		return 0;
	if (jg_yaml_has_alias(root))
		return jg_error_set(JG_EINPUT, "%s: YAML aliases are not supported", p->file);
	if (fy_node_get_type(root) != FYNT_MAPPING)
		return jg_error_set(JG_EINPUT, "%s: expected a mapping at the top level", p->file);
	while (rc == 0 && (pair = fy_node_mapping_iterate(root, &it)))
		rc = conf_pair(p, pair);
	return rc;
}

/* Parses one file's text into o (which must be zeroed). */
static int conf_parse(struct own *o, const char *text, size_t len, const char *file,
		      char ***warnings)
{
	struct fy_diag *diag = NULL;
	struct fy_document *doc = NULL;
	pctx p = { o, file, warnings };
	size_t bad_at = jg_utf8_check(text, len);
	int rc;

	o->v = defaults;
	if (bad_at < len)
		return jg_error_set(JG_EINPUT, "%s: not valid UTF-8 (at byte %zu)", file, bad_at);
	if ((rc = jg_yaml_load(&diag, &doc, text, len, file)) == 0 && doc)
		rc = conf_root(&p, fy_document_root(doc));
	fy_document_destroy(doc);
	if (diag)
		fy_diag_destroy(diag);
	return rc;
}

/* ---------------------------------------------------------------------------
 * Loading: the groups, their files, their items and maxima
 */

typedef struct {
	const jg_bundle *b;
	jg_groups       *g;
	const char      *disp;      /* the bundle's root as messages name it */
	char          ***warnings;
	char           **names;     /* group names found, unsorted, with repeats */
	size_t           visited;
} lctx;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every directory of a test name ("secret/g1/03": "secret", "secret/g1"). */
static int names_of_tests(lctx *c)
{
	char *s;
	int rc = jg_strv_push(&c->names, "");

	for (size_t i = 0; rc == 0 && i < c->b->ntests; i++) {
		const char *name = c->b->tests[i].name;
		for (const char *p = strchr(name, '/'); rc == 0 && p; p = strchr(p + 1, '/')) {
			if (!(s = strndup(name, (size_t)(p - name))))
				return oom();
			rc = jg_strv_push(&c->names, s);
			free(s);
		}
	}
	return rc;
}

/* 1 when path resolves to the bundle's root or below it. */
static int inside(const lctx *c, const char *path)
{
	size_t n = strlen(c->b->root);
	char *real = realpath(path, NULL);
	int in = real && !strncmp(real, c->b->root, n) && (real[n] == '/' || real[n] == '\0');

	free(real);
	return in;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static int walk(lctx *c, const char *rel, unsigned depth);

/* One entry of the directory data/rel: a real directory is a group. */
static int walk_entry(lctx *c, const char *rel, const char *entry, unsigned depth)
{
	char *child, *path = NULL;
	struct stat st;
	int rc = 0;

	if (++c->visited > WALK_MAX)
		return jg_error_set(JG_ELIMIT, "%s/data: more than %d entries", c->disp, WALK_MAX);
	if (asprintf(&child, "%s/%s", rel, entry) < 0)
		return oom();
	if (asprintf(&path, "%s/data/%s", c->b->root, child) < 0)
		rc = oom();
	else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && !ends_with(entry, ".files"))
		rc = walk(c, child, depth + 1);
	free(path);
	free(child);
	return rc;
}

/* data/rel is a directory (not a symlink): it and the directories below. */
static int walk(lctx *c, const char *rel, unsigned depth)
{
	char *path;
	DIR *d;
	struct dirent *e;
	char **entries = NULL;
	int rc;

	if (depth > DEPTH_MAX)
		return jg_error_set(JG_EINPUT, "%s/data/%s: nested too deeply", c->disp, rel);
	if ((rc = jg_strv_push(&c->names, rel)) < 0)
		return rc;
	if (asprintf(&path, "%s/data/%s", c->b->root, rel) < 0)
		return oom();
	if (!(d = opendir(path)))
		rc = jg_error_errno(JG_EIO, "%s/data/%s", c->disp, rel);
	while (rc == 0 && d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			rc = jg_strv_push(&entries, e->d_name);
	if (d)
		closedir(d);
	for (size_t i = 0; rc == 0 && entries && entries[i]; i++)
		rc = walk_entry(c, rel, entries[i], depth);
	jg_strv_free(entries);
	free(path);
	return rc;
}

static int walk_tops(lctx *c)
{
	static const char *const tops[] = { "sample", "secret" };
	struct stat st;
	char *path;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < 2; i++) {
		if (asprintf(&path, "%s/data/%s", c->b->root, tops[i]) < 0)
			return oom();
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && inside(c, path))
			rc = walk(c, tops[i], 0);
		free(path);
	}
	return rc;
}

/* Sorts and dedupes c->names into g->grp. */
static int make_groups(lctx *c)
{
	size_t n = jg_strv_len(c->names), k = 0;
	jg_groups *g = c->g;

	qsort(c->names, n, sizeof(*c->names), cmp_str);
	if (!(g->grp = calloc(n, sizeof(*g->grp))))
		return oom();
	for (size_t i = 0; i < n; i++) {
		if (k && !strcmp(g->grp[k - 1].name, c->names[i]))
			continue;
		g->grp[k].name = c->names[i];
		c->names[i] = NULL;
		g->grp[k].parent = NONE;
		k++;
	}
	g->ngroups = k;
	for (size_t i = 0; i < n; i++)
		free(c->names[i]);
	free(c->names);
	c->names = NULL;
	return 0;
}

static size_t find_group(const jg_groups *g, const char *name, size_t len)
{
	size_t lo = 0, hi = g->ngroups;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strncmp(g->grp[mid].name, name, len);
		if (d == 0 && g->grp[mid].name[len])
			d = 1;
		if (d == 0)
			return mid;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

/* The group of a name's directory: "secret/g1/03" -> "secret/g1", "x" -> "". */
static size_t group_of_name(const jg_groups *g, const char *name)
{
	const char *slash = strrchr(name, '/');
	return find_group(g, name, slash ? (size_t)(slash - name) : 0);
}

/* Parents, the group of every test, and each group's range of tests. */
static int link_groups(lctx *c)
{
	jg_groups *g = c->g;
	size_t *count = calloc(g->ngroups, sizeof(*count));
	int rc = 0;

	if (!count)
		return oom();
	for (size_t i = 1; i < g->ngroups && rc == 0; i++)
		if ((g->grp[i].parent = group_of_name(g, g->grp[i].name)) == NONE)
			rc = jg_error_set(JG_EINTERNAL, "%s/data/%s: no parent group", c->disp,
					  g->grp[i].name);
	for (size_t i = 0; i < g->ntests && rc == 0; i++) {
		size_t gi = g->test_group[i] = group_of_name(g, c->b->tests[i].name);
		if (gi == NONE)
			rc = jg_error_set(JG_EINTERNAL, "%s: test %s has no group", c->disp,
					  c->b->tests[i].name);
		for (; gi != NONE; gi = g->grp[gi].parent) {
			if (!count[gi]++)
				g->grp[gi].first = i;
			g->grp[gi].end = i + 1;
		}
	}
	for (size_t i = 0; i < g->ngroups && rc == 0; i++)
		if (count[i] != g->grp[i].end - g->grp[i].first)
			rc = jg_error_set(JG_EINTERNAL, "%s/data/%s: the tests of the group are "
					  "not consecutive", c->disp, g->grp[i].name);
	free(count);
	return rc;
}

/* The file at path: 1 when read, 0 when absent. */
static int read_file(lctx *c, const char *path, const char *shown, char **text, size_t *len)
{
	struct stat st;
	int rc;

	if (lstat(path, &st) < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : jg_error_errno(JG_EIO, "%s", shown);
	if (!inside(c, path) || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return jg_error_set(JG_EINPUT, "%s: not a regular file inside the bundle", shown);
	rc = jg_fs_read_file(text, len, path, YAML_MAX);
	if (rc == JG_ELIMIT)
		return jg_error_set(JG_ELIMIT, "%s: larger than %u bytes", shown, YAML_MAX);
	return rc < 0 ? rc : 1;
}

/* Reads and parses group gi's testdata.yaml (else test_group.yaml). */
static int load_conf(lctx *c, size_t gi)
{
	static const char *const files[] = { "testdata.yaml", "test_group.yaml" };
	struct group *gr = &c->g->grp[gi];
	const char *sep = *gr->name ? "/" : "";
	char *path = NULL, *text = NULL;
	size_t len = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < 2; i++) {
		free(path);
		free(gr->file);
		path = gr->file = NULL;
		if (asprintf(&path, "%s/data/%s%s%s", c->b->root, gr->name, sep, files[i]) < 0 ||
		    asprintf(&gr->file, "%s/data/%s%s%s", c->disp, gr->name, sep, files[i]) < 0) {
			path = gr->file = NULL;   /* asprintf leaves them undefined */
			rc = oom();
		} else {
			rc = read_file(c, path, gr->file, &text, &len);
		}
	}
	if (rc != 1) {
		free(gr->file);
		gr->file = NULL;
	}
	if (rc == 1)
		rc = conf_parse(&gr->own, text, len, gr->file, c->warnings);
	else
		gr->own.v = defaults;
	free(path);
	free(text);
	return rc;
}

/* The group's settings: its own over its parent's. */
static void inherit(struct group *gr, const struct cfg *parent)
{
	const struct own *o = &gr->own;
	struct cfg *c = &gr->cfg;

	*c = parent ? *parent : defaults;
	if (o->set & S_ON_REJECT)
		c->on_continue = o->v.on_continue;
	if (o->set & S_FLAGS) {
		c->vmode = o->v.vmode;
		c->smode = o->v.smode;
		c->any_accepted = o->v.any_accepted;
		c->ignore_sample = o->v.ignore_sample;
	}
	if (o->set & S_ACCEPT)
		c->accept = o->v.accept;
	if (o->set & S_REJECT)
		c->reject = o->v.reject;
	if (o->set & S_RANGE) {
		c->lo = o->v.lo;
		c->hi = o->v.hi;
	}
	if (o->set & S_IN)
		c->in_flags = o->in_flags;
	if (o->set & S_OUT)
		c->out_flags = o->out_flags;
}

/* Group gi's items: its tests and its non-empty subgroups, in judging order. */
static int make_items(jg_groups *g, size_t gi)
{
	struct group *gr = &g->grp[gi];
	size_t i = gr->first, c;

	if (gr->first == gr->end)
		return 0;
	if (!(gr->items = calloc(gr->end - gr->first, sizeof(*gr->items))))
		return oom();
	while (i < gr->end) {
		c = g->test_group[i];
		if (c == gi) {
			gr->items[gr->nitems++] = (struct item){ 0, i++ };
			continue;
		}
		while (g->grp[c].parent != gi)
			c = g->grp[c].parent;
		gr->items[gr->nitems++] = (struct item){ 1, c };
		i = g->grp[c].end;
	}
	return 0;
}

static int is_sample(const jg_groups *g, const struct item *it)
{
	return it->group && !strcmp(g->grp[it->idx].name, "sample");
}

static int in_secret(const char *name)
{
	return !strncmp(name, "secret", 6) && (name[6] == '\0' || name[6] == '/');
}

/* Running sums of values. */
struct fold {
	size_t n;
	double sum, min, max;
};

static void fold_add(struct fold *f, double v)
{
	if (!f->n || v < f->min)
		f->min = v;
	if (!f->n || v > f->max)
		f->max = v;
	f->sum += v;
	f->n++;
}

static double fold_value(const struct fold *f, int smode)
{
	if (!f->n)
		return 0;
	switch (smode) {
	case SM_MIN: return f->min;
	case SM_MAX: return f->max;
	case SM_AVG: return f->sum / (double)f->n;
	}
	return f->sum;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The upper end of a legacy group's range, max_score included. */
static double legacy_hi(const struct group *gr)
{
	return gr->own.has_max && gr->own.max_score < gr->cfg.hi ? gr->own.max_score : gr->cfg.hi;
}

/* Legacy maxima, subgroups first: every test accepted without score.txt. */
static void legacy_max(jg_groups *g)
{
	for (size_t i = 0; i < g->ntests; i++)
		g->test_max[i] = g->grp[g->test_group[i]].cfg.accept;
	for (size_t gi = g->ngroups; gi-- > 0;) {
		struct group *gr = &g->grp[gi];
		struct fold f = { 0 };
		for (size_t k = 0; k < gr->nitems; k++) {
			const struct item *it = &gr->items[k];
			if (gi == 0 && gr->cfg.ignore_sample && is_sample(g, it))
				continue;
			fold_add(&f, it->group ? g->grp[it->idx].max : g->test_max[it->idx]);
		}
		if (gr->nitems)
			gr->max = clamp(fold_value(&f, gr->cfg.smode), gr->cfg.lo, legacy_hi(gr));
	}
}

/* 2023-07: the declared maximum of a group, if any. */
static int declared(const struct group *gr, double *out)
{
	if (gr->own.has_score)
		*out = gr->own.score;
	else if (gr->own.has_max)
		*out = gr->own.max_score;
	else
		return 0;
	return 1;
}

/* The file a group's settings come from, else its directory, for messages. */
static const char *where(const lctx *c, const struct group *gr, char *buf, size_t size)
{
	if (gr->file)
		return gr->file;
	snprintf(buf, size, "%s/data/%s", c->disp, gr->name);
	return buf;
}

/* 2023-07: group gi's aggregation, checked against its parent's. */
static int check_2023(const lctx *c, size_t gi, size_t secret)
{
	jg_groups *g = c->g;
	struct group *gr = &g->grp[gi], *up = &g->grp[gr->parent];
	char buf[256];
	double m;

	if (gr->own.has_scoring && !in_secret(gr->name))
		return jg_error_set(JG_EINPUT, "%s: scoring: only allowed in data/secret and "
				    "its subgroups", where(c, gr, buf, sizeof(buf)));
	if (!in_secret(gr->name))
		return 0;
	gr->agg = gr->own.agg != AGG_NONE ? gr->own.agg : gi == secret ? AGG_SUM : AGG_PASS_FAIL;
	if (up->agg == AGG_PASS_FAIL && gr->agg != AGG_PASS_FAIL)
		return jg_error_set(JG_EINPUT, "%s: scoring.aggregation: subgroups of a pass-fail "
				    "group must be pass-fail", where(c, gr, buf, sizeof(buf)));
	if (gi != secret && declared(gr, &m) && isinf(m) && isfinite(g->grp[secret].max))
		return jg_error_set(JG_EINPUT, "%s: scoring.score: unbounded only when data/secret "
				    "is unbounded", where(c, gr, buf, sizeof(buf)));
	return 0;
}

/* 2023-07: shares group gi's maximum among its items. */
static int share_2023(const lctx *c, size_t gi)
{
	jg_groups *g = c->g;
	struct group *gr = &g->grp[gi];
	double m = gr->max, s = 0, d, share;
	size_t open = 0;
	char buf[256];

	for (size_t k = 0; k < gr->nitems; k++) {
		const struct item *it = &gr->items[k];
		if (it->group && declared(&g->grp[it->idx], &d))
			s += d;
		else
			open++;
	}
	if (gr->agg == AGG_PASS_FAIL && isinf(m))
		return jg_error_set(JG_EINPUT, "%s: a pass-fail group needs a bounded score",
				    where(c, gr, buf, sizeof(buf)));
	if (gr->agg == AGG_SUM && isfinite(m) && s > m * (1 + 1e-9))
		return jg_error_set(JG_EINPUT, "%s: the subgroups' scores add up to %g, more "
				    "than the group's %g", where(c, gr, buf, sizeof(buf)), s, m);
	share = gr->agg != AGG_SUM ? m : isinf(m) ? m : open ? (m - s) / (double)open : 0;
	for (size_t k = 0; k < gr->nitems; k++) {
		const struct item *it = &gr->items[k];
		if (!it->group)
			g->test_max[it->idx] = gr->agg == AGG_PASS_FAIL ? 0 : share;
		else if (!declared(&g->grp[it->idx], &g->grp[it->idx].max))
			g->grp[it->idx].max = share;
	}
	return 0;
}

/* 2023-07 maxima, parents first; the root's is data/secret's. */
static int max_2023(const lctx *c)
{
	jg_groups *g = c->g;
	size_t secret = find_group(g, "secret", 6);
	int rc = 0;

	for (size_t gi = 1; rc == 0 && gi < g->ngroups; gi++) {
		struct group *gr = &g->grp[gi];
		if (gi == secret && !declared(gr, &gr->max))
			gr->max = DEFAULT_SCORE;
		if ((rc = check_2023(c, gi, secret)) == 0 && gr->agg != AGG_NONE)
			rc = share_2023(c, gi);
	}
	if (rc == 0 && secret != NONE) {
		g->grp[0].max = g->grp[secret].max;
		g->grp[0].agg = AGG_SUM;
	}
	return rc;
}

static int settle(lctx *c)
{
	jg_groups *g = c->g;
	int rc = 0;

	for (size_t gi = 0; gi < g->ngroups && rc == 0; gi++) {
		struct group *gr = &g->grp[gi];
		inherit(gr, gi ? &g->grp[gr->parent].cfg : NULL);
		g->v2023 |= gr->own.has_scoring;
		rc = make_items(g, gi);
	}
	if (rc == 0 && g->v2023 && g->grp[0].own.has_scoring)
		rc = jg_error_set(JG_EINPUT, "%s: scoring: only allowed in data/secret and its "
				  "subgroups", g->grp[0].file);
	if (rc == 0 && g->grp[0].cfg.ignore_sample && !g->grp[0].cfg.on_continue)
		rc = warn(c->warnings, "%s/data: grader_flags: ignore_sample with on_reject: break "
			  "stops at a failed sample before data/secret runs", c->disp);
	if (rc == 0 && g->v2023)
		return max_2023(c);
	if (rc == 0)
		legacy_max(g);
	return rc;
}

static int load(lctx *c)
{
	jg_groups *g = c->g;
	int rc;

	g->ntests = c->b->ntests;
	if (!(g->test_group = calloc(g->ntests + 1, sizeof(*g->test_group))) ||
	    !(g->test_max = calloc(g->ntests + 1, sizeof(*g->test_max))))
		return oom();
	if ((rc = names_of_tests(c)) < 0 || (rc = walk_tops(c)) < 0 ||
	    (rc = make_groups(c)) < 0 || (rc = link_groups(c)) < 0)
		return rc;
	for (size_t gi = 0; gi < g->ngroups && rc == 0; gi++)
		rc = load_conf(c, gi);
	return rc < 0 ? rc : settle(c);
}

int jg_groups_load(jg_groups **out, const jg_bundle *b, char ***warnings)
{
	const char *slash = strrchr(b->root, '/');
	lctx c = { b, NULL, b->root, warnings, NULL, 0 };
	int rc;

	*out = NULL;
	if (b->extracted_dir && slash && slash[1])
		c.disp = slash + 1;
	if (!(c.g = calloc(1, sizeof(*c.g))))
		return oom();
	if ((rc = load(&c)) < 0) {
		jg_groups_free(c.g);
		jg_strv_free(c.names);
		return rc;
	}
	*out = c.g;
	return 0;
}

void jg_groups_free(jg_groups *g)
{
	if (!g)
		return;
	for (size_t i = 0; g->grp && i < g->ngroups; i++) {
		free(g->grp[i].name);
		free(g->grp[i].file);
		free(g->grp[i].items);
		free(g->grp[i].own.in_flags);
		free(g->grp[i].own.out_flags);
	}
	free(g->grp);
	free(g->test_group);
	free(g->test_max);
	free(g);
}

/* ---------------------------------------------------------------------------
 * Queries
 */

size_t jg_groups_count(const jg_groups *g)
{
	return g ? g->ngroups : 0;
}

const char *jg_groups_name(const jg_groups *g, size_t i)
{
	return g && i < g->ngroups ? g->grp[i].name : "";
}

size_t jg_groups_parent(const jg_groups *g, size_t i)
{
	return g && i < g->ngroups ? g->grp[i].parent : NONE;
}

int jg_groups_empty(const jg_groups *g, size_t i)
{
	return g && i < g->ngroups && g->grp[i].first == g->grp[i].end;
}

size_t jg_groups_of_test(const jg_groups *g, size_t test)
{
	return g && test < g->ntests ? g->test_group[test] : NONE;
}

static const struct cfg *test_cfg(const jg_groups *g, size_t test)
{
	return g && test < g->ntests ? &g->grp[g->test_group[test]].cfg : &defaults;
}

const char *jg_groups_input_flags(const jg_groups *g, size_t test)
{
	return test_cfg(g, test)->in_flags;
}

const char *jg_groups_output_flags(const jg_groups *g, size_t test)
{
	return test_cfg(g, test)->out_flags;
}

int jg_groups_continue_on_reject(const jg_groups *g, size_t test)
{
	return test_cfg(g, test)->on_continue;
}

/* ---------------------------------------------------------------------------
 * Aggregation
 */

typedef struct {
	const jg_groups      *g;
	const jg_test_result *t;
	int                   scoring;
	jg_group_result      *out;   /* NULL: nothing stored */
} ectx;

/* The sub-results of a group so far. */
struct acc {
	size_t      run, skipped;
	int         any_ac, any_fail, je, oor;
	jg_verdict  first, worst;
	struct fold f;
};

/* worst_error's order, worst last: WA, OLE, TLE, MLE, RTE, CE, JE. */
static int severity(jg_verdict v)
{
	switch (v) {
	case JG_WA:  return 1;
	case JG_OLE: return 2;
	case JG_TLE: return 3;
	case JG_MLE: return 4;
	case JG_RTE: return 5;
	case JG_CE:  return 6;
	case JG_JE:  return 7;
	default:     return 0;
	}
}

/* Folds one sub-result in; skipped ones count as 0 in 2023-07 scores only. */
static void acc_add(struct acc *a, const jg_group_result *s, int v2023)
{
	a->oor |= s->out_of_range;
	if (s->verdict == JG_SKIPPED) {
		a->skipped++;
		if (v2023)
			fold_add(&a->f, 0);
		return;
	}
	a->run++;
	fold_add(&a->f, s->score);
	if (s->verdict == JG_AC) {
		a->any_ac = 1;
		return;
	}
	a->je |= s->verdict == JG_JE;
	if (!a->any_fail)
		a->first = s->verdict;
	if (!a->any_fail || severity(s->verdict) > severity(a->worst))
		a->worst = s->verdict;
	a->any_fail = 1;
}

static jg_verdict verdict_of(const struct cfg *c, const struct acc *a)
{
	if (a->je)
		return JG_JE;
	if (!a->run || (!a->any_fail && a->skipped))
		return JG_SKIPPED;
	if (!a->any_fail || c->vmode == VM_ALWAYS || (c->any_accepted && a->any_ac))
		return JG_AC;
	return c->vmode == VM_FIRST ? a->first : a->worst;
}

/* Clamps r->score into [lo, hi], noting when it had to. */
static void bound(jg_group_result *r, double lo, double hi)
{
	double v = clamp(r->score, lo, hi);
	double eps = 1e-9 * (fabs(r->score) > 1 ? fabs(r->score) : 1);

	if (fabs(v - r->score) > eps)
		r->out_of_range = 1;
	r->score = v;
}

static void score_legacy(const struct group *gr, const struct acc *a, jg_group_result *r)
{
	if (r->verdict != JG_AC) {
		r->score = gr->cfg.reject;
		return;
	}
	r->score = fold_value(&a->f, gr->cfg.smode);
	bound(r, gr->cfg.lo, legacy_hi(gr));
}

static void score_2023(const struct group *gr, const struct acc *a, jg_group_result *r)
{
	switch (gr->agg) {
	case AGG_NONE:      r->score = 0; break;
	case AGG_PASS_FAIL: r->score = r->nac == r->ntests ? gr->max : 0; break;
	case AGG_SUM:       r->score = a->f.sum; break;
	case AGG_MIN:       r->score = a->f.n ? a->f.min : 0; break;
	}
	bound(r, 0, gr->max);
}

static jg_group_result test_result(const ectx *e, size_t i)
{
	const jg_test_result *t = &e->t[i];
	const struct cfg *c = test_cfg(e->g, i);
	jg_group_result r = { t->verdict, 0, 0, 1, t->verdict == JG_AC, 0 };
	double m = e->g->test_max[i];

	if (!e->scoring)
		return r;
	r.max_score = m;
	if (e->g->v2023)
		r.score = t->verdict != JG_AC ? 0 : t->has_score ? t->score : isinf(m) ? 0 : m;
	else
		r.score = t->verdict != JG_AC ? c->reject : t->has_score ? t->score : c->accept;
	if (e->g->v2023 && t->verdict == JG_AC && t->has_score)
		bound(&r, 0, m);
	return r;
}

static jg_group_result eval(const ectx *e, size_t gi)
{
	const struct group *gr = &e->g->grp[gi];
	jg_group_result r = { JG_SKIPPED, 0, 0, 0, 0, 0 }, s;
	struct acc a;

	memset(&a, 0, sizeof(a));
	for (size_t k = 0; k < gr->nitems; k++) {
		const struct item *it = &gr->items[k];
		s = it->group ? eval(e, it->idx) : test_result(e, it->idx);
		r.ntests += s.ntests;
		r.nac += s.nac;
		if (!(gi == 0 && gr->cfg.ignore_sample && is_sample(e->g, it)))
			acc_add(&a, &s, e->g->v2023);
	}
	if (gr->nitems) {
		r.verdict = verdict_of(&gr->cfg, &a);
		if (e->scoring) {
			r.max_score = gr->max;
			if (e->g->v2023)
				score_2023(gr, &a, &r);
			else
				score_legacy(gr, &a, &r);
			r.out_of_range |= a.oor;
		}
	}
	if (e->out)
		e->out[gi] = r;
	return r;
}

int jg_groups_aggregate(const jg_groups *g, const jg_test_result *tests, size_t ntests,
			int scoring, jg_group_result *out, jg_group_result *total)
{
	ectx e = { g, tests, scoring != 0, out };
	jg_group_result r;

	if (!g || ntests != g->ntests || (ntests && !tests))
		return jg_error_set(JG_EINTERNAL, "aggregate: %zu results for %zu tests", ntests,
				    g ? g->ntests : 0);
	if (out)
		for (size_t i = 0; i < g->ngroups; i++)
			out[i] = (jg_group_result){ JG_SKIPPED, 0, 0, 0, 0, 0 };
	r = eval(&e, 0);
	if (total)
		*total = r;
	return 0;
}

/* 0 when group gi, or a group above it, breaks before `test`. */
static int may_run(const ectx *e, size_t gi, size_t test)
{
	const struct group *gr = &e->g->grp[gi];
	jg_verdict v;

	if (gr->parent != NONE && !may_run(e, gr->parent, test))
		return 0;
	if (gr->cfg.on_continue)
		return 1;
	for (size_t k = 0; k < gr->nitems; k++) {
		const struct item *it = &gr->items[k];
		if ((it->group ? e->g->grp[it->idx].end : it->idx + 1) > test)
			break;
		v = it->group ? eval(e, it->idx).verdict : e->t[it->idx].verdict;
		if (v != JG_AC && v != JG_SKIPPED)
			return 0;
	}
	return 1;
}

int jg_groups_should_run(const jg_groups *g, const jg_test_result *tests, size_t test)
{
	ectx e = { g, tests, 0, NULL };

	if (!g || test >= g->ntests || (test && !tests))
		return 0;
	return may_run(&e, g->test_group[test], test);
}
