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
