/* core/service.c - judge serve's jobs (see service.h). */
#define _GNU_SOURCE
#include "service.h"
#include "adhoc.h"
#include "codec.h"
#include "error.h"
#include "fs.h"
#include "fngen.h"
#include "judge.h"
#include "problems.h"
#include "report.h"
#include "submission.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIME_MAX 60.0

/* ---- the request ---- */

typedef struct {
	const jg_lang *lang;
	json_t        *files;     /* [{"name", "content" (text)}], owned */
	jg_fnsig      *sig;
	json_t        *tests;     /* borrowed; or */
	char          *problem;   /* the uploaded problem's bundle directory */
	double         time_limit;
	uint64_t       memory_mib;   /* 0: the problem's */
	int            all_tests;
} request;

static void request_clear(request *r)
{
	json_decref(r->files);
	jg_fnsig_free(r->sig);
	free(r->problem);
	memset(r, 0, sizeof(*r));
}

static int bad(const char *field, const char *fmt, const char *arg)
{
	char msg[256];
	snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
	return jg_error_set(JG_EINPUT, "%s: %s", field, msg);
}

/* A safe file name: no '/', not "." or "..", printable. */
static int safe_name(const char *n)
{
	if (!n || !*n || strlen(n) > 100 || !strcmp(n, ".") || !strcmp(n, "..") || strchr(n, '/'))
		return 0;
	for (const char *p = n; *p; p++)
		if ((unsigned char)*p < 0x20)
			return 0;
	return 1;
}

static int main_name(const jg_lang *l, char *buf, size_t size)
{
	snprintf(buf, size, "main.%s", l->extensions && l->extensions[0] ? l->extensions[0] : "txt");
	return 0;
}

/* code / code_base64 / files, as one list of {"name", "content"}. */
static int parse_sources(request *r, const json_t *req)
{
	const json_t *code = json_object_get(req, "code"), *b64 = json_object_get(req, "code_base64");
	const json_t *files = json_object_get(req, "files"), *f;
	size_t total = 0, i;
	char name[64], *dec = NULL;

	if (!!code + !!b64 + !!files != 1)
		return bad("code", "give exactly one of code, code_base64 and files%s", NULL);
	if (!(r->files = json_array()))
		return jg_error_set(JG_ENOMEM, "out of memory");
	main_name(r->lang, name, sizeof(name));
	if (code && !json_is_string(code))
		return bad("code", "expected a string%s", NULL);
	if (code)
		return json_array_append_new(r->files, json_pack("{s:s, s:O}", "name", name, "content", code)) < 0
			       ? jg_error_set(JG_ENOMEM, "out of memory") : 0;
	if (b64) {
		size_t len;
		if (!json_is_string(b64) || jg_base64_decode(json_string_value(b64), json_string_length(b64), &dec, &len) < 0)
			return bad("code_base64", "not base64%s", NULL);
		json_array_append_new(r->files, json_pack("{s:s, s:s%}", "name", name, "content", dec, len));
		free(dec);
		return len > JG_SERVICE_CODE_MAX ? bad("code_base64", "larger than 1 MiB%s", NULL) : 0;
	}
	if (!json_is_array(files) || !json_array_size(files) || json_array_size(files) > JG_SERVICE_FILES)
		return bad("files", "expected 1 to 64 {\"name\", \"content\"}%s", NULL);
	json_array_foreach(files, i, f) {
		const char *n = json_string_value(json_object_get(f, "name"));
		const json_t *c = json_object_get(f, "content");
		if (!safe_name(n) || !json_is_string(c))
			return bad("files", "each needs a plain file name and a string content%s", NULL);
		total += json_string_length(c);
		json_array_append(r->files, (json_t *)f);
	}
	return total > JG_SERVICE_CODE_MAX ? bad("files", "larger than 1 MiB in all%s", NULL) : 0;
}

static int parse_function(request *r, const json_t *req)
{
	const json_t *f = json_object_get(req, "function"), *u = json_object_get(f, "unordered");
	const char *name = json_string_value(json_object_get(f, "name"));
	const char *decl = json_string_value(json_object_get(f, "signature"));
	int rc;

	if (!f || json_is_null(f))
		return 0;
	if (!json_is_object(f) || !name)
		return bad("function", "expected {\"name\", \"signature\", \"unordered\"}%s", NULL);
	rc = decl ? jg_fnsig_parse_decl(&r->sig, name, decl, "function.signature")
		  : jg_fnsig_untyped(&r->sig, name, "function.name");
	if (rc == 0 && json_is_true(u)) {
		if (r->sig->typed && r->sig->returns->kind != JG_T_ARRAY)
			return bad("function.unordered", "needs an array return type%s", NULL);
		r->sig->unordered = 1;
	}
	return rc;
}

static int parse_limits(request *r, const json_t *req)
{
	const json_t *tl = json_object_get(req, "time_limit"), *ml = json_object_get(req, "memory_limit");

	r->time_limit = r->problem ? 0 : 1;
	r->memory_mib = r->problem ? 0 : 256;
	if (tl && (!json_is_number(tl) || json_number_value(tl) <= 0 || json_number_value(tl) > TIME_MAX))
		return bad("time_limit", "expected seconds in (0, 60]%s", NULL);
	if (ml && (!json_is_integer(ml) || json_integer_value(ml) < 4 || json_integer_value(ml) > 4096))
		return bad("memory_limit", "expected MiB from 4 to 4096%s", NULL);
	if (tl)
		r->time_limit = json_number_value(tl);
	if (ml)
		r->memory_mib = (uint64_t)json_integer_value(ml);
	return 0;
}

static int parse_callback(const json_t *req)
{
	const json_t *u = json_object_get(req, "callback_url");
	const char *s = json_string_value(u);

	if (!u || json_is_null(u))
		return 0;
	if (!s || strlen(s) > 2048 || (strncmp(s, "http://", 7) && strncmp(s, "https://", 8)) ||
	    strpbrk(s, " \t\r\n"))
		return bad("callback_url", "expected an http:// or https:// URL%s", NULL);
	return 0;
}

/* tests, or problem (an uploaded problem's id). */
static int parse_tests(request *r, const jg_service_env *env, const json_t *req)
{
	const json_t *p = json_object_get(req, "problem"), *all = json_object_get(req, "all_tests");

	r->tests = json_object_get(req, "tests");
	r->all_tests = !json_is_false(all);
	if (all && !json_is_boolean(all))
		return bad("all_tests", "expected true or false%s", NULL);
	if (p && !json_is_null(p)) {
		if (r->tests || json_object_get(req, "function"))
			return bad("problem", "give either problem or tests (and function), not both%s", NULL);
		if (!json_is_string(p) || !env->problems_dir)
			return bad("problem", "expected the id of an uploaded problem (POST /v1/problems)%s", NULL);
		if (!(r->problem = jg_problems_path(env->problems_dir, json_string_value(p))))
			return bad("problem", "%s", jg_error_last());
		return 0;
	}
	if (!json_is_array(r->tests) || !json_array_size(r->tests) || json_array_size(r->tests) > JG_SERVICE_TESTS)
		return bad("tests", "expected 1 to 1000 {\"input\", \"expected_output\"} (or a problem id)%s", NULL);
	return 0;
}

/* stdin/stdout tests: strings, and expected_output in all or (execute
 * mode) in none. */
static int check_io_tests(const json_t *tests)
{
	size_t i, with = 0;
	const json_t *t, *e;
	char at[48];

	json_array_foreach(tests, i, t) {
		snprintf(at, sizeof(at), "tests[%zu]", i);
		e = json_object_get(t, "expected_output");
		if (!json_is_string(json_object_get(t, "input")) || (e && !json_is_string(e)))
			return bad(at, "expected {\"input\": \"stdin\", \"expected_output\": \"stdout\"} "
				   "(strings; without \"function\")%s", NULL);
		with += e != NULL;
	}
	if (with && with < json_array_size(tests))
		return bad("tests", "give expected_output in every test, or (to only run the program) in none%s",
			   NULL);
	return 0;
}

static int parse(request *r, const jg_service_env *env, const json_t *req)
{
	const char *lang = json_string_value(json_object_get(req, "language"));
	int rc;

	memset(r, 0, sizeof(*r));
	if (!json_is_object(req))
		return jg_error_set(JG_EINPUT, "the request must be a JSON object");
	if (!lang)
		return bad("language", "required%s", NULL);
	if (!(r->lang = jg_langs_find(env->langs, lang)))
		return bad("language", "unknown language '%.40s' (GET /v1/languages)", lang);
	if ((rc = parse_tests(r, env, req)) < 0 || (rc = parse_sources(r, req)) < 0 ||
	    (rc = parse_function(r, req)) < 0 || (rc = parse_limits(r, req)) < 0 || (rc = parse_callback(req)) < 0)
		return rc;
	if (!r->sig && r->tests && (rc = check_io_tests(r->tests)) < 0)
		return rc;
	if (r->sig && !r->sig->typed && r->lang->fn_harness && jg_fngen_typed_only(r->lang->fn_harness))
		return bad("function.signature", "required for %s (e.g. \"int add(int a, int b)\")", r->lang->name);
	return 0;
}

int jg_service_check(const jg_service_env *env, const json_t *req)
{
	request r;
	int rc = parse(&r, env, req);
	request_clear(&r);
	return rc;
}

/* ---- a job ---- */

static int write_sources(const request *r, const char *dir, char **path)
{
	size_t i, n = json_array_size(r->files);
	json_t *f;

	json_array_foreach(r->files, i, f) {
		char *p = jg_path_join(dir, json_string_value(json_object_get(f, "name")));
		json_t *c = json_object_get(f, "content");
		int rc = p ? jg_fs_write_file(p, json_string_value(c), json_string_length(c))
			   : jg_error_set(JG_ENOMEM, "out of memory");
		free(p);
		if (rc < 0)
			return rc;
	}
	*path = n == 1 ? jg_path_join(dir, json_string_value(json_object_get(json_array_get(r->files, 0), "name")))
		       : strdup(dir);
	return *path ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
}

static json_t *report_json(const jg_report *rep)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	json_t *j = NULL;

	if (f && jg_report_write_json(rep, f) == 0 && fclose(f) == 0)
		j = json_loadb(text, len, 0, NULL);
	else if (f)
		fclose(f);
	free(text);
	return j;
}

/* The submission's path as the job's own ("main.py"; "submission" for
 * several files), not the worker's temporary directory. */
static int relative_path(jg_submission_result *s, const char *dir)
{
	const char *rel = s->path && !strncmp(s->path, dir, strlen(dir)) ? s->path + strlen(dir) : "";
	char *copy = strdup(*rel == '/' ? rel + 1 : *rel ? rel : "submission");

	if (!copy)
		return -1;
	free(s->path);
	s->path = copy;
	return 0;
}

/* The problem: the uploaded one, or made of the inline tests. */
static int open_bundle(jg_bundle **b, request *r, jg_fnsig *sig)
{
	jg_bundle_opts bo = { .time_limit = r->time_limit };

	if (r->problem)
		return jg_bundle_open(b, r->problem, &bo);
	return jg_adhoc_bundle(b, r->tests, sig, sig ? sig->name : "submission", r->time_limit, "tests");
}

static int judge_request(json_t **result, request *r, const jg_service_env *env, const char *dir)
{
	jg_bundle *b = NULL;
	jg_submission_opts so = { .lang = r->lang->name };
	jg_judge_opts jo = { .docker_host = env->docker_host, .jobs = 1, .langs = env->langs,
			     .memory_mib = r->memory_mib, .all_tests = r->all_tests, .caller_signals = 1 };
	jg_submission *sub = NULL;
	jg_report *rep = NULL;
	char *path = NULL;
	jg_fnsig *sig = r->sig;
	int rc;

	r->sig = NULL;   /* the bundle takes it */
	if ((rc = open_bundle(&b, r, sig)) < 0)
		goto done;
	so.function = b->problem.function != NULL;
	if ((rc = write_sources(r, dir, &path)) < 0 || (rc = jg_submission_open(&sub, path, env->langs, &so)) < 0 ||
	    (rc = jg_judge_run(&rep, b, &sub, 1, &jo)) < 0)
		goto done;
	if (rep->nsubs && relative_path(&rep->subs[0], dir) < 0)
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	else if (!(*result = report_json(rep)))
		rc = jg_error_set(JG_ENOMEM, "out of memory");
done:
	jg_report_free(rep);
	jg_submission_free(sub);
	jg_bundle_free(b);
	free(path);
	return rc;
}

int jg_service_run(json_t **result, const jg_service_env *env, const json_t *req)
{
	request r;
	char *dir = NULL;
	int rc;

	*result = NULL;
	if ((rc = parse(&r, env, req)) == 0 && (rc = jg_fs_mkdtemp(&dir, NULL, "judge-job-")) == 0)
		rc = judge_request(result, &r, env, dir);
	if (dir)
		jg_fs_rmtree(dir);
	free(dir);
	request_clear(&r);
	return rc;
}
