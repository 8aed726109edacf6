/* core/report_json.c - the JSON report; schema in docs/report-schema.md.
 *
 * The builders below return a new json_t, or NULL after
 * jg_error_set(JG_ENOMEM).  Every string from a submission goes through
 * jg_utf8_sanitize() because jansson refuses invalid UTF-8.
 */
#include "report.h"
#include "report_util.h"
#include "error.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 15 significant digits print millisecond values exactly ("0.123", not
 * "0.12299999999999999"). */
#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

static const char *const limit_names[] = { NULL, "cpu", "wall", "memory", "output" };

static int nomem(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory building the JSON report");
}

/* Takes v (which may be NULL after a failed allocation) into o. */
static int put(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) < 0)
		return nomem();
	return 0;
}

static int add(json_t *a, json_t *v)
{
	if (!v || json_array_append_new(a, v) < 0)
		return nomem();
	return 0;
}

/* Sanitised string; null for NULL. */
static json_t *str(const char *s)
{
	char *clean;
	json_t *v;

	if (!s)
		return json_null();
	if (!(clean = jg_utf8_sanitize(s, strlen(s))))
		return NULL;
	v = json_string(clean);
	free(clean);
	return v;
}

/* A string the schema never allows to be null: NULL becomes "". */
static json_t *str_req(const char *s) { return str(s ? s : ""); }

static json_t *verdict(jg_verdict v) { return json_string(jg_verdict_name(v)); }

/* Seconds rounded to whole milliseconds. */
static json_t *seconds(double s) { return json_real((double)jg_report_ms(s) / 1000.0); }

static json_t *bytes(uint64_t n)
{
	return json_integer(n > (uint64_t)INT64_MAX ? INT64_MAX : (json_int_t)n);
}

/* null when v is the "none" value. */
static json_t *opt_int(int v, int none) { return v == none ? json_null() : json_integer(v); }

static json_t *limit(jg_limit l)
{
	if (l <= JG_LIMIT_NONE || l > JG_LIMIT_OUTPUT)
		return json_null();
	return json_string(limit_names[l]);
}

/* o itself, or NULL (o freed) when filling it failed. */
static json_t *finish(json_t *o, int failed)
{
	if (failed) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *test_json(const jg_test_result *t)
{
	json_t *o = json_object();

	if (!o)
		return nomem(), NULL;
	return finish(o, put(o, "name", str_req(t->name)) < 0
		|| put(o, "verdict", verdict(t->verdict)) < 0
		|| put(o, "time", seconds(t->time)) < 0
		|| put(o, "wall", seconds(t->wall)) < 0
		|| put(o, "memory", bytes(t->memory)) < 0
		|| put(o, "exit_code", opt_int(t->exit_code, -1)) < 0
		|| put(o, "signal", opt_int(t->signal, 0)) < 0
		|| put(o, "limit", limit(t->limit)) < 0
		|| put(o, "message", str(t->message)) < 0
		|| put(o, "stdout", str(t->stdout_head)) < 0
		|| put(o, "stdout_truncated", bytes(t->stdout_truncated)) < 0
		|| put(o, "stderr", str(t->stderr_head)) < 0
		|| put(o, "stderr_truncated", bytes(t->stderr_truncated)) < 0
		|| put(o, "score", t->has_score ? json_real(t->score) : json_null()) < 0);
}

static json_t *compile_json(const jg_submission_result *s)
{
	json_t *o = json_object();

	if (!o)
		return nomem(), NULL;
	return finish(o, put(o, "status", str(s->compile_status)) < 0
		|| put(o, "output", str(s->compile_output)) < 0
		|| put(o, "output_truncated", bytes(s->compile_truncated)) < 0);
}

static json_t *tests_json(const jg_submission_result *s)
{
	json_t *a = json_array();
	int failed = 0;

	if (!a)
		return nomem(), NULL;
	for (size_t i = 0; !failed && i < s->ntests; i++)
		failed = add(a, test_json(&s->tests[i])) < 0;
	return finish(a, failed);
}

/* Every acceptable verdict (judge verify), or null when only `expected`. */
static json_t *expected_any(const jg_submission_result *s)
{
	json_t *a;
	int failed = 0;

	if (!s->has_expected || !s->expected_set)
		return json_null();
	if (!(a = json_array()))
		return nomem(), NULL;
	for (int v = 0; !failed && v < JG_VERDICT_COUNT; v++)
		if (s->expected_set & (1u << v))
			failed = add(a, verdict((jg_verdict)v)) < 0;
	return finish(a, failed);
}

/* The second time-limit pass of judge verify, or null. */
static json_t *high_json(const jg_submission_result *s)
{
	json_t *o;
	if (!s->has_high)
		return json_null();
	if (!(o = json_object()))
		return nomem(), NULL;
	return finish(o, put(o, "verdict", verdict(s->verdict_high)) < 0
		|| put(o, "time_max", seconds(s->time_max_high)) < 0);
}

static json_t *submission_json(const jg_submission_result *s)
{
	json_t *o = json_object();

	if (!o)
		return nomem(), NULL;
	return finish(o, put(o, "path", str_req(s->path)) < 0
		|| put(o, "language", str(s->language)) < 0
		|| put(o, "verdict", verdict(s->verdict)) < 0
		|| put(o, "expected", s->has_expected ? verdict(s->expected) : json_null()) < 0
		|| put(o, "expected_any", expected_any(s)) < 0
		|| put(o, "compile", compile_json(s)) < 0
		|| put(o, "time_max", seconds(s->time_max)) < 0
		|| put(o, "memory_max", bytes(s->memory_max)) < 0
		|| put(o, "message", str(s->message)) < 0
		|| put(o, "second_pass", high_json(s)) < 0
		|| put(o, "score", s->has_score ? json_real(s->score) : json_null()) < 0
		|| put(o, "max_score", s->has_score ? json_real(s->max_score) : json_null()) < 0
		|| put(o, "tests", tests_json(s)) < 0);
}

static json_t *problem_json(const jg_report *r)
{
	json_t *o = json_object();
	double tl = isfinite(r->time_limit) ? r->time_limit : 0;

	if (!o)
		return nomem(), NULL;
	return finish(o, put(o, "name", str_req(r->problem_name)) < 0
		|| put(o, "time_limit", json_real(tl)) < 0
		|| put(o, "memory_limit", bytes(r->memory_limit)) < 0);
}

static json_t *submissions_json(const jg_report *r)
{
	json_t *a = json_array();
	int failed = 0;

	if (!a)
		return nomem(), NULL;
	for (size_t i = 0; !failed && i < r->nsubs; i++)
		failed = add(a, submission_json(&r->subs[i])) < 0;
	return finish(a, failed);
}

static json_t *report_json(const jg_report *r)
{
	json_t *o = json_object();

	if (!o)
		return nomem(), NULL;
	return finish(o, put(o, "version", json_integer(JG_REPORT_SCHEMA_VERSION)) < 0
		|| put(o, "incomplete", json_boolean(r->incomplete)) < 0
		|| put(o, "problem", problem_json(r)) < 0
		|| put(o, "submissions", submissions_json(r)) < 0);
}

int jg_report_write_json(const jg_report *r, FILE *f)
{
	json_t *root = report_json(r);
	int rc;

	if (!root)
		return JG_ENOMEM;
	if (json_dumpf(root, f, DUMP_FLAGS) < 0 || fputc('\n', f) == EOF)
		rc = jg_error_errno(JG_EIO, "cannot write the JSON report");
	else
		rc = jg_report_finish(f);
	json_decref(root);
	return rc;
}

json_t *jg_report_submission_json(const jg_submission_result *s)
{
	return submission_json(s);
}

/* ---- reading a submission object back (judge grade's records) ---- */

static int get_text(char **dst, const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	if (!s)
		return 0;
	if (!(*dst = strdup(s)))
		return nomem();
	return 0;
}

static double get_num(const json_t *o, const char *key, double dflt)
{
	json_t *v = json_object_get(o, key);
	return json_is_number(v) ? json_number_value(v) : dflt;
}

static jg_verdict get_verdict(const json_t *o, const char *key)
{
	jg_verdict v = JG_JE;
	const char *s = json_string_value(json_object_get(o, key));
	if (!s || jg_verdict_parse(&v, s) < 0)
		return JG_JE;
	return v;
}

static jg_limit get_limit(const json_t *o)
{
	const char *s = json_string_value(json_object_get(o, "limit"));
	for (int l = JG_LIMIT_CPU; s && l <= JG_LIMIT_OUTPUT; l++)
		if (!strcmp(s, limit_names[l]))
			return (jg_limit)l;
	return JG_LIMIT_NONE;
}

static int parse_test(jg_test_result *t, const json_t *o)
{
	json_t *sc = json_object_get(o, "score");

	t->verdict = get_verdict(o, "verdict");
	t->time = get_num(o, "time", 0);
	t->wall = get_num(o, "wall", 0);
	t->memory = (uint64_t)get_num(o, "memory", 0);
	t->exit_code = (int)get_num(o, "exit_code", -1);
	t->signal = (int)get_num(o, "signal", 0);
	t->limit = get_limit(o);
	t->stdout_truncated = (size_t)get_num(o, "stdout_truncated", 0);
	t->stderr_truncated = (size_t)get_num(o, "stderr_truncated", 0);
	t->has_score = json_is_number(sc);
	t->score = t->has_score ? json_number_value(sc) : 0;
	return get_text(&t->name, o, "name") < 0 || get_text(&t->message, o, "message") < 0 ||
	       get_text(&t->stdout_head, o, "stdout") < 0 || get_text(&t->stderr_head, o, "stderr") < 0
		? JG_ENOMEM : 0;
}

static int parse_tests(jg_submission_result *s, const json_t *a)
{
	size_t n = json_array_size(a);

	if (n == 0)
		return 0;
	if (!(s->tests = calloc(n, sizeof(*s->tests))))
		return nomem();
	for (size_t i = 0; i < n; i++) {
		s->ntests++;
		if (parse_test(&s->tests[i], json_array_get(a, i)) < 0)
			return JG_ENOMEM;
	}
	return 0;
}

/* expected, expected_any and second_pass (judge verify's). */
static void parse_expected(jg_submission_result *s, const json_t *o)
{
	const json_t *any = json_object_get(o, "expected_any"), *high = json_object_get(o, "second_pass"), *v;
	size_t i;

	s->has_expected = json_is_string(json_object_get(o, "expected"));
	s->expected = s->has_expected ? get_verdict(o, "expected") : JG_AC;
	json_array_foreach(any, i, v) {
		jg_verdict x;
		if (json_is_string(v) && jg_verdict_parse(&x, json_string_value(v)) == 0)
			s->expected_set |= 1u << x;
	}
	if ((s->has_high = json_is_object(high))) {
		s->verdict_high = get_verdict(high, "verdict");
		s->time_max_high = get_num(high, "time_max", 0);
	}
}

int jg_report_submission_parse(jg_submission_result *s, const json_t *o)
{
	const json_t *c = json_object_get(o, "compile");
	json_t *sc = json_object_get(o, "score");

	memset(s, 0, sizeof(*s));
	s->verdict = get_verdict(o, "verdict");
	s->time_max = get_num(o, "time_max", 0);
	s->memory_max = (uint64_t)get_num(o, "memory_max", 0);
	s->has_score = json_is_number(sc);
	s->score = s->has_score ? json_number_value(sc) : 0;
	s->max_score = get_num(o, "max_score", 0);
	s->compile_truncated = (size_t)get_num(c, "output_truncated", 0);
	parse_expected(s, o);
	if (get_text(&s->path, o, "path") < 0 || get_text(&s->language, o, "language") < 0 ||
	    get_text(&s->message, o, "message") < 0 || get_text(&s->compile_status, c, "status") < 0 ||
	    get_text(&s->compile_output, c, "output") < 0)
		return JG_ENOMEM;
	return parse_tests(s, json_object_get(o, "tests"));
}

int jg_report_parse(jg_report **out, const json_t *o)
{
	const json_t *p = json_object_get(o, "problem"), *subs = json_object_get(o, "submissions");
	jg_report *r = calloc(1, sizeof(*r));
	size_t n = json_array_size(subs);
	int rc = 0;

	*out = NULL;
	if (!r || (n && !(r->subs = calloc(n, sizeof(*r->subs))))) {
		jg_report_free(r);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	r->incomplete = json_is_true(json_object_get(o, "incomplete"));
	r->time_limit = get_num(p, "time_limit", 0);
	r->memory_limit = (uint64_t)get_num(p, "memory_limit", 0);
	if (get_text(&r->problem_name, p, "name") < 0)
		rc = JG_ENOMEM;
	for (; rc == 0 && r->nsubs < n; r->nsubs++)
		rc = jg_report_submission_parse(&r->subs[r->nsubs], json_array_get(subs, r->nsubs));
	if (rc < 0) {
		jg_report_free(r);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	*out = r;
	return 0;
}
