/* core/fncmp.c - JSON result comparison (see fncmp.h). */
#define _GNU_SOURCE
#include "fncmp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHOW_MAX 120

typedef struct {
	const jg_fncmp_opts *o;
	char path[160];         /* where the first difference is: "[3][1]" or ".key" */
	const json_t *exp_at, *got_at;
} cmpctx;

static int equal(cmpctx *c, const json_t *e, const json_t *g, size_t depth);

void jg_fncmp_show(const json_t *v, char *buf, size_t max)
{
	char *s = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
	if (!s)
		snprintf(buf, max, "%s", v ? "(not printable)" : "nothing");
	else if (strlen(s) < max)
		snprintf(buf, max, "%s", s);
	else
		snprintf(buf, max, "%.*s...", (int)(max - 4), s);
	free(s);
}

static int numbers_equal(const jg_fncmp_opts *o, const json_t *e, const json_t *g)
{
	double a, b;
	if (json_is_integer(e) && json_is_integer(g))
		return json_integer_value(e) == json_integer_value(g);
	a = json_number_value(e);
	b = json_number_value(g);
	return fabs(b - a) <= o->abs_tol || fabs(b - a) <= o->rel_tol * fabs(a);
}

/* A total order for sorting the elements of unordered arrays: kind first,
 * then value (numbers by value, so that tolerant pairs end up side by side). */
static int rank(const json_t *v)
{
	return json_is_number(v) ? 0 : json_is_string(v) ? 1 : json_is_boolean(v) ? 2 :
	       json_is_null(v) ? 3 : json_is_array(v) ? 4 : 5;
}

static int order(const void *pa, const void *pb)
{
	const json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
	int ra = rank(a), rb = rank(b);

	if (ra != rb)
		return ra - rb;
	if (ra == 0) {
		double x = json_number_value(a), y = json_number_value(b);
		return (x > y) - (x < y);
	}
	if (ra == 1)
		return strcmp(json_string_value(a), json_string_value(b));
	if (ra == 2)
		return json_is_true(a) - json_is_true(b);
	if (ra == 4) {
		size_t n = json_array_size(a) < json_array_size(b) ? json_array_size(a) : json_array_size(b);
		for (size_t i = 0; i < n; i++) {
			const json_t *x = json_array_get(a, i), *y = json_array_get(b, i);
			int d = order(&x, &y);
			if (d)
				return d;
		}
		return (json_array_size(a) > n) - (json_array_size(b) > n);
	}
	return 0;
}

static const json_t **sorted(const json_t *arr)
{
	size_t n = json_array_size(arr);
	const json_t **v = malloc((n ? n : 1) * sizeof(*v));
	for (size_t i = 0; v && i < n; i++)
		v[i] = json_array_get(arr, i);
	if (v)
		qsort(v, n, sizeof(*v), order);
	return v;
}

static int mismatch(cmpctx *c, const json_t *e, const json_t *g)
{
	if (!c->exp_at) {
		c->exp_at = e;
		c->got_at = g;
	}
	return 0;
}

static void path_push(cmpctx *c, size_t at, size_t i)
{
	if (at < sizeof(c->path))
		snprintf(c->path + at, sizeof(c->path) - at, "[%zu]", i);
}

static int arrays_equal(cmpctx *c, const json_t *e, const json_t *g, size_t depth)
{
	size_t n = json_array_size(e), at = strlen(c->path);
	const json_t **se = NULL, **sg = NULL;
	int eq = 1;

	if (n != json_array_size(g))
		return mismatch(c, e, g);
	if (depth == 0 && c->o->unordered) {
		se = sorted(e);
		sg = sorted(g);
		if (!se || !sg)
			eq = mismatch(c, e, g);
	}
	for (size_t i = 0; eq && i < n; i++) {
		path_push(c, at, i);
		eq = se ? equal(c, se[i], sg[i], depth + 1)
			: equal(c, json_array_get(e, i), json_array_get(g, i), depth + 1);
	}
	if (eq)
		c->path[at] = '\0';
	free(se);
	free(sg);
	return eq;
}

static int objects_equal(cmpctx *c, const json_t *e, const json_t *g, size_t depth)
{
	const char *key;
	json_t *v;
	size_t at = strlen(c->path);

	if (json_object_size(e) != json_object_size(g))
		return mismatch(c, e, g);
	json_object_foreach((json_t *)e, key, v) {
		const json_t *w = json_object_get(g, key);
		if (at < sizeof(c->path))
			snprintf(c->path + at, sizeof(c->path) - at, ".%s", key);
		if (!w)
			return mismatch(c, v, NULL);
		if (!equal(c, v, w, depth + 1))
			return 0;
	}
	c->path[at] = '\0';
	return 1;
}

/* Untyped: the expected string holds the JSON of the value. */
static int lenient_string(cmpctx *c, const json_t *e, const json_t *g, size_t depth)
{
	json_t *parsed = json_loads(json_string_value(e), JSON_DECODE_ANY, NULL);
	cmpctx sub = { c->o, "", NULL, NULL };
	int eq = parsed && !json_is_string(parsed) ? equal(&sub, parsed, g, depth) :
		 parsed && json_is_string(g) && json_equal(parsed, g);

	json_decref(parsed);
	return eq;
}

static int equal(cmpctx *c, const json_t *e, const json_t *g, size_t depth)
{
	if (json_is_string(e) && c->o->untyped && !(json_is_string(g) && json_equal(e, g)))
		return lenient_string(c, e, g, depth) || mismatch(c, e, g);
	if (json_is_number(e) && json_is_number(g))
		return numbers_equal(c->o, e, g) || mismatch(c, e, g);
	if (json_typeof(e) != json_typeof(g))
		return mismatch(c, e, g);
	if (json_is_array(e))
		return arrays_equal(c, e, g, depth);
	if (json_is_object(e))
		return objects_equal(c, e, g, depth);
	return json_equal((json_t *)e, (json_t *)g) || mismatch(c, e, g);
}

int jg_fncmp(const json_t *expected, const json_t *got, const jg_fncmp_opts *o, char *msg, size_t size)
{
	cmpctx c = { o, "", NULL, NULL };
	char es[SHOW_MAX], gs[SHOW_MAX];

	if (equal(&c, expected, got, 0)) {
		if (size)
			msg[0] = '\0';
		return 1;
	}
	jg_fncmp_show(expected, es, sizeof(es));
	jg_fncmp_show(got, gs, sizeof(gs));
	if (!c.path[0]) {
		snprintf(msg, size, "expected %s, got %s", es, gs);
		return 0;
	}
	{
		char ea[48], ga[48];
		jg_fncmp_show(c.exp_at, ea, sizeof(ea));
		jg_fncmp_show(c.got_at, ga, sizeof(ga));
		snprintf(msg, size, "expected %s, got %s (at %s: %s vs %s)", es, gs, c.path, ea, ga);
	}
	return 0;
}
