/* cmd/serve.c - `judge serve`: the judge over HTTP (libmicrohttpd), with the
 * jobs in SQLite (core/store.h) so that a restart, even after kill -9, loses
 * no accepted job.
 *
 * Threads: libmicrohttpd's (one per connection) parse requests, check them
 * (core/service.h) and queue them in the store; -j worker threads claim
 * queued jobs and judge each in its own container; the main thread waits
 * for SIGINT/SIGTERM, then stops accepting connections, interrupts the runs
 * (their containers are removed, their jobs go back to the queue) and exits.
 *
 * Routes so far (API v1): GET /v1/health, GET /v1/languages,
 * POST /v1/submissions[?wait=true], GET /v1/submissions/{id}.
 */
#define _GNU_SOURCE
#include "assets.h"
#include "cmd.h"
#include "error.h"
#include "fs.h"
#include "callback.h"
#include "compat.h"
#include "docker.h"
#include "judge.h"
#include "problems.h"
#include "report.h"
#include "sandbox.h"
#include "service.h"
#include "store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BODY_MAX    (4u << 20)    /* request body cap */
#define UPLOAD_MAX  (64u << 20)   /* POST /v1/problems body cap */
#define CB_TIMEOUT  10            /* seconds per callback try */
#define CONN_MAX    2000          /* simultaneous connections (a thread each) */
#define JSON_OUT    (JSON_COMPACT | JSON_REAL_PRECISION(12))   /* 0.017, not 0.017000000000000001 */

static const char serve_usage[] =
	"Usage: judge serve [--bind ADDR] [--port N] [--data DIR] [-j N] [--token T]\n"
	"\n"
	"Judge submissions sent over HTTP: API v1 (docs/serve.md, /v1/openapi.json),\n"
	"the APIs of other code runners (docs/compat.md), and a web page at /.\n"
	"\n"
	"Options:\n"
	"      --bind ADDR          address to listen on (default 127.0.0.1); any other\n"
	"                           than a loopback address needs a token\n"
	"      --port N             port (default 8080; 0: any free one, printed)\n"
	"      --data DIR           where jobs (jobs.db) and uploaded problems\n"
	"                           (problems/) live (default ./judge-data)\n"
	"  -j, --jobs N             submissions judged in parallel (default 1)\n"
	"      --token T            require \"Authorization: Bearer T\" (default\n"
	"                           $JUDGE_TOKEN); /v1/health, /v1/openapi.json and\n"
	"                           the page stay open\n"
	"      --cors ORIGINS       allow these browser origins (comma-separated, or *);\n"
	"                           default none\n"
	"      --max-queue N        queued jobs before 503 (default 1000)\n"
	"      --max-wait SEC       longest ?wait=true answer (default 60)\n"
	"      --callback-tries N   tries to deliver a result to a callback_url\n"
	"                           (default 5), the waits between them doubling\n"
	"      --callback-backoff MS  the first wait (default 1000 ms)\n"
	"      --docker-host HOST   Docker engine (default $DOCKER_HOST, else the socket)\n"
	"  -h, --help               show this help\n"
	"\n"
	"SIGINT/SIGTERM stop it: running jobs are interrupted and queued again, and\n"
	"run at the next start, like jobs a killed server left.\n"
	"Exit codes: 0 stopped by a signal, 2 usage error, 3 cannot serve.\n";

typedef struct {
	const char   *bind, *data, *token, *docker_host, *cors;
	long          port;
	int           jobs;
	long          max_queue, max_wait, cb_tries, cb_base_ms;
} serve_opts;

typedef struct {
	serve_opts      o;
	jg_store       *store;
	jg_langs       *langs;
	jg_service_env  env;
	char           *problems;   /* DIR/problems */
	atomic_int      stopping;
	pthread_mutex_t lock;       /* with wake: a worker sleeps until a job is queued; */
	pthread_cond_t  wake;
	pthread_cond_t  ended;      /* and a ?wait=true request until a job ends */
} server;

/* One request being answered. */
typedef struct {
	server                *s;
	struct MHD_Connection *c;
	const char            *arg;    /* the {id} of the route (in idbuf), or NULL */
	char                   idbuf[65];
	const char            *body;
	size_t                 len;
	jg_api                 api;    /* which API the route belongs to */
} call;

/* ---- responses ---- */

/* CORS: the request's Origin when --cors allows it. */
static const char *allowed_origin(server *s, struct MHD_Connection *c)
{
	const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	size_t n;

	if (!origin || !s->o.cors)
		return NULL;
	if (!strcmp(s->o.cors, "*"))
		return "*";
	n = strlen(origin);
	for (const char *p = s->o.cors; *p; p += strcspn(p, ",") + (p[strcspn(p, ",")] == ',')) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, origin, n) && (p[n] == ',' || p[n] == '\0' || p[n] == ' '))
			return origin;
	}
	return NULL;
}

static enum MHD_Result send_buffer(call *k, unsigned status, const char *type, void *data, size_t len,
				   enum MHD_ResponseMemoryMode mode, const char *retry)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, data, mode);
	const char *origin = allowed_origin(k->s, k->c);
	enum MHD_Result ok;

	if (!r) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free(data);
		return MHD_NO;
	}
	if (type)
		MHD_add_response_header(r, "Content-Type", type);
	if (retry)
		MHD_add_response_header(r, "Retry-After", retry);
	if (origin) {
		MHD_add_response_header(r, "Access-Control-Allow-Origin", origin);
		MHD_add_response_header(r, "Vary", "Origin");
	}
	ok = MHD_queue_response(k->c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result respond(call *k, unsigned status, json_t *body, const char *retry)
{
	char *text = body ? json_dumps(body, JSON_OUT) : NULL;

	json_decref(body);
	if (!text)
		return MHD_NO;
	return send_buffer(k, status, "application/json", text, strlen(text), MHD_RESPMEM_MUST_FREE, retry);
}

/* An error body: v1's {"error": msg}, or the one the API's own clients
 * read (core/compat.h). */
static enum MHD_Result fail(call *k, unsigned status, const char *msg)
{
	return respond(k, status, k->api == JG_API_V1 ? json_pack("{s:s}", "error", msg) : jg_compat_error(k->api, msg),
		       NULL);
}

static enum MHD_Result no_content(call *k, unsigned status)
{
	return send_buffer(k, status, NULL, (void *)"", 0, MHD_RESPMEM_PERSISTENT, NULL);
}

static enum MHD_Result store_fail(call *k)
{
	return fail(k, 500, jg_error_last());
}

/* ---- jobs as the APIs show them ---- */

static json_t *callback_view(const jg_job *j)
{
	if (j->cb_state == JG_CB_NONE)
		return NULL;
	return json_pack("{s:s, s:i, s:s?}", "state", jg_callback_state_name(j->cb_state), "attempts",
			 j->cb_attempts, "last_error", j->cb_error);
}

/* v1: {"id", "status", "result" | "error", "callback"}. */
static json_t *job_view_v1(const jg_job *j)
{
	json_t *v = json_pack("{s:s, s:s}", "id", j->id, "status", jg_job_state_name(j->state));
	json_t *res = j->result ? json_loads(j->result, 0, NULL) : NULL, *cb = callback_view(j);
	json_t *req = cb ? json_loads(j->request, 0, NULL) : NULL;

	if (v && res && j->state == JG_JOB_DONE)
		json_object_set(v, "result", res);
	else if (v && res)
		json_object_set(v, "error", json_object_get(res, "error"));
	if (v && cb) {
		json_object_set(cb, "url", json_object_get(req, "callback_url"));
		json_object_set(v, "callback", cb);
	}
	json_decref(req);
	json_decref(res);
	json_decref(cb);
	return v;
}

/* The view of job j in API api (the route's; for callbacks, the API that
 * accepted the job): a job is one, whichever API submitted it. */
static json_t *job_view(const jg_job *j, jg_api api)
{
	json_t *req, *res, *v;

	if (api == JG_API_V1)
		return job_view_v1(j);
	req = json_loads(j->request, 0, NULL);
	res = j->result ? json_loads(j->result, 0, NULL) : NULL;
	v = jg_compat_view(api, j->id, jg_job_state_name(j->state), req,
			   j->state == JG_JOB_DONE ? res : NULL,
			   j->state == JG_JOB_ERROR ? json_string_value(json_object_get(res, "error")) : NULL);
	json_decref(req);
	json_decref(res);
	return v;
}

static enum MHD_Result show_job(call *k, const jg_job *j, unsigned status)
{
	json_t *v = job_view(j, k->api);
	return v ? respond(k, status, v, NULL) : fail(k, 500, "out of memory");
}

/* ---- routes: service ---- */

static enum MHD_Result health(call *k)
{
	server *s = k->s;
	size_t queued = 0, running = 0;

	if (s->store->ops->count(s->store, JG_JOB_QUEUED, &queued) < 0 ||
	    s->store->ops->count(s->store, JG_JOB_RUNNING, &running) < 0)
		return store_fail(k);
	return respond(k, 200, json_pack("{s:s, s:s, s:I, s:I, s:i}", "status", "ok", "version", JG_VERSION,
					 "queued", (json_int_t)queued, "running", (json_int_t)running, "workers",
					 s->o.jobs), NULL);
}

static json_t *language_list(const jg_langs *langs)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < jg_langs_count(langs); i++) {
		const jg_lang *l = jg_langs_at(langs, i);
		json_t *aliases = json_array(), *exts = json_array();
		for (size_t n = 0; l->aliases && l->aliases[n]; n++)
			json_array_append_new(aliases, json_string(l->aliases[n]));
		for (size_t n = 0; l->extensions && l->extensions[n]; n++)
			json_array_append_new(exts, json_string(l->extensions[n]));
		json_array_append_new(list, json_pack("{s:s, s:o, s:o, s:s, s:b}", "name", l->name, "aliases", aliases,
						       "extensions", exts, "image", l->image, "function",
						       l->fn_harness != NULL));
	}
	return list;
}

static enum MHD_Result languages(call *k)
{
	json_t *v = k->api == JG_API_V1 ? language_list(k->s->langs) : jg_compat_languages(k->api, k->s->langs);
	return v ? respond(k, 200, v, NULL) : fail(k, 500, "out of memory");
}

static enum MHD_Result get_job(call *k, unsigned status)
{
	jg_job *j = NULL;
	enum MHD_Result r;

	if (k->s->store->ops->get(k->s->store, k->arg, &j) < 0)
		return store_fail(k);
	if (!j)
		return fail(k, 404, "no such submission");
	r = show_job(k, j, status);
	jg_job_free(j);
	return r;
}

static enum MHD_Result get_submission(call *k)
{
	return get_job(k, 200);
}

/* Sleeps on cv (with s->lock) for at most ms milliseconds. */
static void sleep_on(server *s, pthread_cond_t *cv, long ms)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_nsec += ms * 1000000;
	t.tv_sec += t.tv_nsec / 1000000000;
	t.tv_nsec %= 1000000000;
	pthread_mutex_lock(&s->lock);
	if (!atomic_load(&s->stopping))
		pthread_cond_timedwait(cv, &s->lock, &t);
	pthread_mutex_unlock(&s->lock);
}

/* Waits until job id ends, the server stops, or max_wait passes; *out the
 * job as it then is (NULL: it vanished). */
static int wait_job(server *s, const char *id, jg_job **out)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (s->store->ops->get(s->store, id, out) < 0)
			return -1;
		if (!*out || (*out)->state == JG_JOB_DONE || (*out)->state == JG_JOB_ERROR ||
		    atomic_load(&s->stopping))
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (t.tv_sec - t0.tv_sec >= s->o.max_wait)
			return 0;
		jg_job_free(*out);
		*out = NULL;
		sleep_on(s, &s->ended, 250);   /* woken when any job ends */
	}
}

static enum MHD_Result answer_wait(call *k, const char *id)
{
	jg_job *j = NULL;
	enum MHD_Result r;

	if (wait_job(k->s, id, &j) < 0)
		return store_fail(k);
	if (!j)
		return fail(k, 500, "the submission disappeared");
	r = show_job(k, j, j->state == JG_JOB_DONE ? 200 : 202);
	jg_job_free(j);
	return r;
}

/* The body as this API's request, turned into a v1 request. */
static int to_v1(call *k, json_t **req)
{
	json_error_t err;
	json_t *body = json_loadb(k->body, k->len, 0, &err);
	int rc;

	*req = NULL;
	if (!body)
		return jg_error_set(JG_EINPUT, "the body is not JSON: line %d: %s", err.line, err.text);
	if (k->api == JG_API_V1) {
		*req = body;
		return 0;
	}
	rc = jg_compat_request(req, k->api, k->s->langs, body);
	json_decref(body);
	return rc;
}

static void wake_worker(server *s)
{
	pthread_mutex_lock(&s->lock);
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
}

/* Checks and queues a submission; answers at once (accepted), or when it
 * ends (sync, or ?wait=true). */
static enum MHD_Result submit(call *k, int sync)
{
	const char *wait = MHD_lookup_connection_value(k->c, MHD_GET_ARGUMENT_KIND, "wait");
	json_t *req = NULL, *acc;
	char *id = NULL, *text = NULL;
	enum MHD_Result r;
	int rc;

	if ((rc = to_v1(k, &req)) == 0 && (rc = jg_service_check(&k->s->env, req)) == 0)
		rc = (text = json_dumps(req, JSON_OUT)) ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
	if (rc == 0)
		rc = k->s->store->ops->put(k->s->store, jg_api_name(k->api), text, (size_t)k->s->o.max_queue, &id);
	json_decref(req);
	free(text);
	if (rc < 0)
		return fail(k, rc == JG_EINPUT || rc == JG_ELIMIT ? 400 : 500, jg_error_last());
	if (rc == 1)
		return respond(k, 503, json_pack("{s:s}", "error", "the queue is full"), "5");
	wake_worker(k->s);
	if (sync || (wait && !strcmp(wait, "true")))
		r = answer_wait(k, id);
	else if (k->api == JG_API_V1)
		r = respond(k, 202, json_pack("{s:s, s:s}", "id", id, "status", "queued"), NULL);
	else
		r = (acc = jg_compat_accepted(k->api, id)) ? respond(k, 200, acc, NULL) : fail(k, 500, "out of memory");
	free(id);
	return r;
}

static enum MHD_Result post_async(call *k) { return submit(k, 0); }
static enum MHD_Result post_sync(call *k) { return submit(k, 1); }

/* GET /v1/submissions/{id}/junit: the JUnit XML of a finished job. */
static enum MHD_Result get_junit(call *k)
{
	jg_job *j = NULL;
	json_t *res = NULL;
	jg_report *rep = NULL;
	char *xml = NULL;
	size_t len = 0;
	FILE *f = NULL;
	enum MHD_Result r;

	if (k->s->store->ops->get(k->s->store, k->arg, &j) < 0)
		return store_fail(k);
	if (!j || j->state != JG_JOB_DONE) {
		r = j ? fail(k, 409, "the submission is not finished (GET /v1/submissions/{id})")
		      : fail(k, 404, "no such submission");
		jg_job_free(j);
		return r;
	}
	if ((res = json_loads(j->result, 0, NULL)) && jg_report_parse(&rep, res) == 0 &&
	    (f = open_memstream(&xml, &len)) && jg_report_write_junit(rep, f) == 0 && fclose(f) == 0)
		r = send_buffer(k, 200, "application/xml", xml, len, MHD_RESPMEM_MUST_FREE, NULL);
	else
		r = fail(k, 500, "cannot write the JUnit report"), f ? (void)fclose(f) : (void)0, free(xml);
	jg_report_free(rep);
	json_decref(res);
	jg_job_free(j);
	return r;
}

/* ---- routes: problems ---- */

static enum MHD_Result post_problem(call *k)
{
	json_t *summary = NULL;
	int rc = jg_problems_add(&summary, k->s->problems, k->body, k->len);

	if (rc < 0)
		return fail(k, rc == JG_EINPUT || rc == JG_ELIMIT ? 400 : 500, jg_error_last());
	json_object_del(summary, "root");
	return respond(k, 201, summary, NULL);
}

static enum MHD_Result list_problems(call *k)
{
	json_t *list = NULL;
	return jg_problems_list(&list, k->s->problems) < 0 ? fail(k, 500, jg_error_last()) : respond(k, 200, list, NULL);
}

static enum MHD_Result get_problem(call *k)
{
	json_t *summary = NULL;

	if (jg_problems_get(&summary, k->s->problems, k->arg) < 0)
		return fail(k, 500, jg_error_last());
	return summary ? respond(k, 200, summary, NULL) : fail(k, 404, "no such problem");
}

static enum MHD_Result delete_problem(call *k)
{
	int rc = jg_problems_remove(k->s->problems, k->arg);
	return rc < 0 ? fail(k, 500, jg_error_last()) : rc ? no_content(k, 204) : fail(k, 404, "no such problem");
}

/* ---- the route table ---- */

typedef struct {
	const char *method;
	const char *path;    /* "/x/{id}" matches one more segment (no '/') */
	jg_api      api;
	enum MHD_Result (*fn)(call *k);
	int         open;    /* answered without the token */
} route;

static const route routes[] = {
	{ "GET", "/v1/health", JG_API_V1, health, 1 },
	{ "GET", "/v1/languages", JG_API_V1, languages, 0 },
	{ "POST", "/v1/submissions", JG_API_V1, post_async, 0 },
	{ "GET", "/v1/submissions/{id}", JG_API_V1, get_submission, 0 },
	{ "GET", "/v1/submissions/{id}/junit", JG_API_V1, get_junit, 0 },
	{ "POST", "/v1/problems", JG_API_V1, post_problem, 0 },
	{ "GET", "/v1/problems", JG_API_V1, list_problems, 0 },
	{ "GET", "/v1/problems/{id}", JG_API_V1, get_problem, 0 },
	{ "DELETE", "/v1/problems/{id}", JG_API_V1, delete_problem, 0 },
	/* seed 000 */
	{ "POST", "/api/run_code", JG_API_000, post_async, 0 },
	{ "GET", "/api/get_result/{id}", JG_API_000, get_submission, 0 },
	/* seed 001 */
	{ "POST", "/execute", JG_API_001, post_async, 0 },
	{ "GET", "/execute/{id}", JG_API_001, get_submission, 0 },
	/* seed 002 */
	{ "GET", "/languages", JG_API_002, languages, 0 },
	{ "POST", "/submit", JG_API_002, post_async, 0 },
	{ "GET", "/result/{id}", JG_API_002, get_submission, 0 },
	/* seed 003 */
	{ "POST", "/api/run/", JG_API_003, post_sync, 0 },
	{ "POST", "/api/run", JG_API_003, post_sync, 0 },
	{ "POST", "/api/schedule", JG_API_003, post_async, 0 },
	{ "GET", "/api/schedule/check/{id}", JG_API_003, get_submission, 0 },
	/* seed 004 */
	{ "GET", "/v1/spec", JG_API_004, languages, 0 },
	{ "POST", "/v1/exec", JG_API_004, post_sync, 0 },
	/* Piston v2 */
	{ "GET", "/api/v2/runtimes", JG_API_PISTON, languages, 0 },
	{ "POST", "/api/v2/execute", JG_API_PISTON, post_sync, 0 },
};

/* 1 when url matches path; k->arg is then the {id} in url (or NULL). */
static int match(call *k, const char *path, const char *url)
{
	const char *brace = strstr(path, "{id}");
	size_t n = brace ? (size_t)(brace - path) : strlen(path), m;

	k->arg = NULL;
	if (!brace)
		return !strcmp(path, url);
	if (strncmp(path, url, n) || !url[n])
		return 0;
	m = strcspn(url + n, "/");
	if (strcmp(url + n + m, brace + 4) || m >= sizeof(k->idbuf))
		return 0;
	memcpy(k->idbuf, url + n, m);
	k->idbuf[m] = '\0';
	k->arg = k->idbuf;
	return 1;
}

static int authorized(server *s, struct MHD_Connection *c)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	return !s->o.token || (h && !strncmp(h, "Bearer ", 7) && !strcmp(h + 7, s->o.token));
}

static enum MHD_Result asset(call *k, const char *path)
{
	const jg_asset *a = jg_asset_find(path);
	if (!a)
		return fail(k, 404, "no such route");
	return send_buffer(k, 200, a->type, (void *)a->data, a->len, MHD_RESPMEM_PERSISTENT, NULL);
}

/* CORS preflight: 204 with what may be sent (only for allowed origins). */
static enum MHD_Result preflight(call *k)
{
	struct MHD_Response *r;
	const char *origin = allowed_origin(k->s, k->c);
	enum MHD_Result ok;

	if (!origin)
		return fail(k, 403, "this origin is not allowed (judge serve --cors)");
	if (!(r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT)))
		return MHD_NO;
	MHD_add_response_header(r, "Access-Control-Allow-Origin", origin);
	MHD_add_response_header(r, "Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
	MHD_add_response_header(r, "Access-Control-Allow-Headers", "Authorization, Content-Type");
	MHD_add_response_header(r, "Access-Control-Max-Age", "600");
	MHD_add_response_header(r, "Vary", "Origin");
	ok = MHD_queue_response(k->c, 204, r);
	MHD_destroy_response(r);
	return ok;
}

/* Routes url (the path: libmicrohttpd has split off the query) to its
 * handler: 405 when only the method is wrong; GETs outside the APIs are the
 * embedded files. */
static enum MHD_Result dispatch(call *k, const char *url, const char *method)
{
	int path_known = 0;

	if (!strcmp(method, "OPTIONS"))
		return preflight(k);
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		const route *rt = &routes[i];
		if (!match(k, rt->path, url))
			continue;
		path_known = 1;
		if (strcmp(rt->method, method))
			continue;
		k->api = rt->api;
		if (!rt->open && !authorized(k->s, k->c))
			return fail(k, 401, "missing or wrong bearer token");
		return rt->fn(k);
	}
	if (path_known)
		return fail(k, 405, "method not allowed");
	if (!strcmp(method, "GET") && !strcmp(url, "/v1/openapi.json"))
		return asset(k, "/openapi.json");
	if (!strcmp(method, "GET") && strncmp(url, "/v1/", 4) && strncmp(url, "/api/", 5))
		return asset(k, url);
	return fail(k, 404, "no such route");
}

typedef struct {
	char  *data;
	size_t len, size;   /* bytes held, bytes allocated */
	size_t cap;         /* the route's body cap */
	int    too_big;
} body_buf;

/* Appends a chunk, the buffer doubling (a large upload is not copied once
 * per chunk); past the cap the rest is only counted as too big. */
static int body_add(body_buf *b, const char *data, size_t n)
{
	if (b->len + n > b->cap) {
		b->too_big = 1;
		return 0;
	}
	if (b->len + n + 1 > b->size) {
		size_t size = b->size ? b->size : 4096;
		while (size < b->len + n + 1)
			size *= 2;
		char *p = realloc(b->data, size);
		if (!p)
			return -1;
		b->data = p;
		b->size = size;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	body_buf *b = *con_cls;
	call k = { .s = cls, .c = c };

	(void)version;
	if (!b) {
		if (!(b = calloc(1, sizeof(*b))))
			return MHD_NO;
		b->cap = !strcmp(url, "/v1/problems") ? UPLOAD_MAX : BODY_MAX;
		*con_cls = b;
		return MHD_YES;
	}
	if (*upload_size) {
		if (body_add(b, upload, *upload_size) < 0)
			return MHD_NO;
		*upload_size = 0;
		return MHD_YES;
	}
	if (b->too_big) {
		char msg[64];
		snprintf(msg, sizeof(msg), "the body is larger than %zu MiB", b->cap >> 20);
		return fail(&k, 413, msg);
	}
	k.body = b->data ? b->data : "";
	k.len = b->len;
	return dispatch(&k, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	body_buf *b = *con_cls;
	(void)cls, (void)c, (void)t;
	if (b) {
		free(b->data);
		free(b);
	}
	*con_cls = NULL;
}

/* ---- workers ---- */

static char *error_json(const char *msg)
{
	json_t *j = json_pack("{s:s}", "error", msg);
	char *t = j ? json_dumps(j, JSON_OUT) : NULL;
	json_decref(j);
	return t;
}

static void run_job(server *s, jg_job *j)
{
	json_t *req = json_loads(j->request, 0, NULL), *res = NULL;
	int rc = req ? jg_service_run(&res, &s->env, req) : JG_EINPUT;
	int cb = json_string_value(json_object_get(req, "callback_url")) != NULL;
	char *text = NULL;

	if (rc == JG_EINTR || (rc < 0 && atomic_load(&s->stopping))) {
		s->store->ops->requeue(s->store, j->id);   /* runs again at the next start */
	} else if (rc == 0 && (text = json_dumps(res, JSON_OUT))) {
		s->store->ops->finish(s->store, j->id, JG_JOB_DONE, text, cb);
	} else {
		text = error_json(rc < 0 ? jg_error_last() : "out of memory");
		s->store->ops->finish(s->store, j->id, JG_JOB_ERROR, text ? text : "{}", cb);
	}
	free(text);
	json_decref(res);
	json_decref(req);
	pthread_mutex_lock(&s->lock);
	pthread_cond_broadcast(&s->ended);
	pthread_mutex_unlock(&s->lock);
}

/* Removes the containers of judges that are gone (a server killed with
 * SIGKILL: a container it was creating may appear after every job's own
 * check at its start). Run when a worker runs out of work. */
static void reap_when_idle(server *s)
{
	jg_docker *d = NULL;
	if (jg_docker_open(&d, s->env.docker_host) == 0 && jg_sandbox_reap_leftovers(d) < 0)
		jg_diag("%s", jg_error_last());
	jg_docker_free(d);
}

static void *worker(void *arg)
{
	server *s = arg;
	int ran = 0;
	while (!atomic_load(&s->stopping)) {
		jg_job *j = NULL;
		if (s->store->ops->claim(s->store, &j) < 0)
			jg_diag("%s", jg_error_last());
		if (j) {
			run_job(s, j);
			jg_job_free(j);
			ran = 1;
			continue;
		}
		if (ran)
			reap_when_idle(s);
		ran = 0;
		sleep_on(s, &s->wake, 250);
	}
	return NULL;
}

/* ---- callbacks ---- */

static int64_t wall_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* One try at delivering job j's view to its callback_url, recorded. */
static void deliver(server *s, const jg_job *j)
{
	jg_api api = JG_API_V1;
	json_t *req = json_loads(j->request, 0, NULL), *v = job_view(j, jg_api_parse(&api, j->kind) < 0 ? JG_API_V1 : api);
	const char *url = json_string_value(json_object_get(req, "callback_url"));
	char *body = v ? json_dumps(v, JSON_OUT) : NULL;
	int tries = j->cb_attempts + 1, rc;

	rc = url && body ? jg_callback_post(url, body, CB_TIMEOUT)
			 : jg_error_set(JG_EINPUT, "no callback_url, or out of memory");
	if (rc == 0)
		s->store->ops->callback_set(s->store, j->id, JG_CB_DELIVERED, tries, 0, NULL);
	else if (tries >= s->o.cb_tries)
		s->store->ops->callback_set(s->store, j->id, JG_CB_FAILED, tries, 0, jg_error_last());
	else
		s->store->ops->callback_set(s->store, j->id, JG_CB_PENDING, tries,
					    wall_ms() + jg_callback_delay_ms(tries, s->o.cb_base_ms), jg_error_last());
	if (rc < 0)
		jg_diag("callback of %s to %s: try %d of %ld: %s", j->id, url ? url : "?", tries, s->o.cb_tries,
			jg_error_last());
	free(body);
	json_decref(v);
	json_decref(req);
}

/* Delivers due callbacks, one at a time, until the server stops. */
static void *callbacks(void *arg)
{
	server *s = arg;
	while (!atomic_load(&s->stopping)) {
		jg_job *j = NULL;
		if (s->store->ops->callback_due(s->store, wall_ms(), &j) < 0)
			jg_diag("%s", jg_error_last());
		if (j)
			deliver(s, j);
		else
			usleep(100000);
		jg_job_free(j);
	}
	return NULL;
}

/* ---- the command ---- */

enum { OPT_BIND = 256, OPT_PORT, OPT_DATA, OPT_TOKEN, OPT_QUEUE, OPT_WAIT, OPT_HOST, OPT_CORS, OPT_CB, OPT_CBB };

static const struct option long_opts[] = {
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "port", required_argument, NULL, OPT_PORT },
	{ "data", required_argument, NULL, OPT_DATA },
	{ "jobs", required_argument, NULL, 'j' },
	{ "token", required_argument, NULL, OPT_TOKEN },
	{ "max-queue", required_argument, NULL, OPT_QUEUE },
	{ "max-wait", required_argument, NULL, OPT_WAIT },
	{ "docker-host", required_argument, NULL, OPT_HOST },
	{ "cors", required_argument, NULL, OPT_CORS },
	{ "callback-tries", required_argument, NULL, OPT_CB },
	{ "callback-backoff", required_argument, NULL, OPT_CBB },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int parse_long(const char *opt, const char *arg, long lo, long hi, long *out)
{
	double v;
	if (jg_parse_number(arg, (double)lo, (double)hi, &v) < 0 || v != (double)(long)v)
		return jg_usage_error("serve: --%s: expected a whole number from %ld to %ld", opt, lo, hi);
	*out = (long)v;
	return 0;
}

static int parse_opt(serve_opts *o, int c)
{
	switch (c) {
	case OPT_BIND: o->bind = optarg; return 0;
	case OPT_DATA: o->data = optarg; return 0;
	case OPT_TOKEN: o->token = optarg; return 0;
	case OPT_HOST: o->docker_host = optarg; return 0;
	case OPT_CORS: o->cors = optarg; return 0;
	case OPT_CB: return parse_long("callback-tries", optarg, 1, 100, &o->cb_tries);
	case OPT_CBB: return parse_long("callback-backoff", optarg, 10, 600000, &o->cb_base_ms);
	case OPT_PORT: return parse_long("port", optarg, 0, 65535, &o->port);
	case OPT_QUEUE: return parse_long("max-queue", optarg, 1, 1000000, &o->max_queue);
	case OPT_WAIT: return parse_long("max-wait", optarg, 1, 3600, &o->max_wait);
	case 'j': return jg_opt_jobs(optarg, &o->jobs);
	default: return jg_usage_error("serve: invalid option");
	}
}

static int is_loopback(const char *addr)
{
	return !strncmp(addr, "127.", 4) || !strcmp(addr, "localhost");
}

static struct MHD_Daemon *start_http(server *s)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)s->o.port);
	if (inet_pton(AF_INET, !strcmp(s->o.bind, "localhost") ? "127.0.0.1" : s->o.bind, &sin.sin_addr) != 1) {
		jg_diag("--bind %s: not an IPv4 address", s->o.bind);
		return NULL;
	}
	/* poll/epoll, not select: no FD_SETSIZE bound on connections; beyond
	 * CONN_MAX, new connections are refused at once. */
	return MHD_start_daemon(MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0,
				NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_CONNECTION_TIMEOUT,
				(unsigned)120, MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONN_MAX, MHD_OPTION_END);
}

static int open_store(server *s)
{
	char *path = jg_path_join(s->o.data, "jobs.db");
	size_t n = 0;
	int rc;

	if (mkdir(s->o.data, 0700) < 0 && errno != EEXIST)
		rc = jg_error_errno(JG_EIO, "%s", s->o.data);
	else if ((rc = jg_store_open_sqlite(&s->store, path)) == 0 && (rc = s->store->ops->requeue_running(s->store, &n)) == 0 && n)
		jg_diag("%zu interrupted job(s) queued again", n);
	free(path);
	if (rc < 0)
		jg_diag("%s", jg_error_last());
	return rc;
}

/* DIR/problems, where uploaded problems live; old upload leftovers go. */
static int open_problems(server *s)
{
	if (!(s->problems = jg_path_join(s->o.data, "problems")))
		return -1;
	if (mkdir(s->problems, 0700) < 0 && errno != EEXIST) {
		jg_diag("%s: %s", s->problems, strerror(errno));
		return -1;
	}
	jg_fs_reap_temp(s->problems);   /* uploads a killed server was extracting */
	return 0;
}

static int serve(server *s)
{
	pthread_t *th = calloc((size_t)s->o.jobs, sizeof(*th)), cb;
	struct MHD_Daemon *d = NULL;
	sigset_t set;
	int sig = 0, started = 0, cb_started = 0, code = JG_EXIT_JUDGE;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);     /* every thread inherits it: main takes them */
	signal(SIGPIPE, SIG_IGN);
	if (!th || open_store(s) < 0 || open_problems(s) < 0 || jg_load_langs(&s->langs, NULL) < 0)
		goto done;
	s->env = (jg_service_env){ s->langs, s->o.docker_host, s->problems };
	for (; started < s->o.jobs; started++)
		if (pthread_create(&th[started], NULL, worker, s) != 0)
			goto done;
	if (pthread_create(&cb, NULL, callbacks, s) != 0)
		goto done;
	cb_started = 1;
	if (!(d = start_http(s))) {
		jg_diag("cannot listen on %s:%ld: %s", s->o.bind, s->o.port, strerror(errno));
		goto done;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	jg_diag("serving on http://%s:%u (%d workers, data in %s)", s->o.bind,
		info ? (unsigned)info->port : (unsigned)s->o.port, s->o.jobs, s->o.data);
	sigwait(&set, &sig);
	jg_diag("stopping (signal %d): running jobs are queued again", sig);
	code = JG_EXIT_OK;
done:
	atomic_store(&s->stopping, 1);
	if (d)
		MHD_stop_daemon(d);
	jg_judge_interrupt();
	pthread_mutex_lock(&s->lock);
	pthread_cond_broadcast(&s->wake);
	pthread_cond_broadcast(&s->ended);
	pthread_mutex_unlock(&s->lock);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	if (cb_started)
		pthread_join(cb, NULL);
	free(th);
	free(s->problems);
	jg_store_close(s->store);
	jg_langs_free(s->langs);
	return code;
}

int cmd_serve(int argc, char **argv)
{
	server s = { .o = { .bind = "127.0.0.1", .data = "judge-data", .port = 8080, .jobs = 1, .max_queue = 1000,
			    .max_wait = 60, .cb_tries = JG_CALLBACK_TRIES, .cb_base_ms = 1000 } };
	int c;

	s.o.token = getenv("JUDGE_TOKEN") && *getenv("JUDGE_TOKEN") ? getenv("JUDGE_TOKEN") : NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:h", long_opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(serve_usage, stdout);
			return JG_EXIT_OK;
		}
		if (c == '?' || c == ':')
			return jg_usage_error("serve: invalid option");
		if (parse_opt(&s.o, c) != 0)
			return JG_EXIT_USAGE;
	}
	if (optind < argc)
		return jg_usage_error("serve: unexpected argument '%s'", argv[optind]);
	if (!is_loopback(s.o.bind) && !s.o.token)
		return jg_usage_error("serve: binding %s needs a token (--token or JUDGE_TOKEN)", s.o.bind);
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.wake, NULL);
	pthread_cond_init(&s.ended, NULL);
	c = serve(&s);
	pthread_cond_destroy(&s.ended);
	pthread_cond_destroy(&s.wake);
	pthread_mutex_destroy(&s.lock);
	return c;
}
