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
#include "cmd.h"
#include "error.h"
#include "fs.h"
#include "judge.h"
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

#define BODY_MAX   (4u << 20)   /* request body cap */

static const char serve_usage[] =
	"Usage: judge serve [--bind ADDR] [--port N] [--data DIR] [-j N] [--token T]\n"
	"\n"
	"Judge submissions sent over HTTP (API v1: docs/serve.md).\n"
	"\n"
	"Options:\n"
	"      --bind ADDR          address to listen on (default 127.0.0.1); any other\n"
	"                           than a loopback address needs a token\n"
	"      --port N             port (default 8080; 0: any free one, printed)\n"
	"      --data DIR           where the job database lives (default ./judge-data)\n"
	"  -j, --jobs N             submissions judged in parallel (default 1)\n"
	"      --token T            require \"Authorization: Bearer T\" (default\n"
	"                           $JUDGE_TOKEN); /v1/health stays open\n"
	"      --max-queue N        queued jobs before 503 (default 1000)\n"
	"      --max-wait SEC       longest ?wait=true answer (default 60)\n"
	"      --docker-host HOST   Docker engine (default $DOCKER_HOST, else the socket)\n"
	"  -h, --help               show this help\n"
	"\n"
	"SIGINT/SIGTERM stop it: running jobs are interrupted and queued again, and\n"
	"run at the next start, like jobs a killed server left.\n"
	"Exit codes: 0 stopped by a signal, 2 usage error, 3 cannot serve.\n";

typedef struct {
	const char   *bind, *data, *token, *docker_host;
	long          port;
	int           jobs;
	long          max_queue, max_wait;
} serve_opts;

typedef struct {
	serve_opts      o;
	jg_store       *store;
	jg_langs       *langs;
	atomic_int      stopping;
	pthread_mutex_t lock;       /* with wake: a worker sleeps until a job is queued */
	pthread_cond_t  wake;
} server;

/* ---- responses ---- */

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, json_t *body, const char *retry)
{
	char *text = json_dumps(body, JSON_COMPACT);
	struct MHD_Response *r;
	enum MHD_Result ok;

	json_decref(body);
	if (!text)
		return MHD_NO;
	r = MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(text);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", "application/json");
	if (retry)
		MHD_add_response_header(r, "Retry-After", retry);
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result fail(struct MHD_Connection *c, unsigned status, const char *msg)
{
	return respond(c, status, json_pack("{s:s}", "error", msg), NULL);
}

/* {"id", "status", "result" | "error"} of a job. */
static json_t *job_view(const jg_job *j)
{
	json_t *v = json_pack("{s:s, s:s}", "id", j->id, "status", jg_job_state_name(j->state));
	json_t *res = j->result ? json_loads(j->result, 0, NULL) : NULL;

	if (v && res)
		json_object_set_new(v, j->state == JG_JOB_DONE ? "result" : "error",
				    j->state == JG_JOB_DONE ? res : json_incref(json_object_get(res, "error")));
	if (res && j->state != JG_JOB_DONE)
		json_decref(res);
	return v;
}

/* ---- routes ---- */

static enum MHD_Result health(server *s, struct MHD_Connection *c)
{
	size_t queued = 0, running = 0;
	if (s->store->ops->count(s->store, JG_JOB_QUEUED, &queued) < 0 ||
	    s->store->ops->count(s->store, JG_JOB_RUNNING, &running) < 0)
		return fail(c, 500, jg_error_last());
	return respond(c, 200, json_pack("{s:s, s:s, s:I, s:I, s:i}", "status", "ok", "version", JG_VERSION,
					 "queued", (json_int_t)queued, "running", (json_int_t)running, "workers",
					 s->o.jobs), NULL);
}

static enum MHD_Result languages(server *s, struct MHD_Connection *c)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < jg_langs_count(s->langs); i++) {
		const jg_lang *l = jg_langs_at(s->langs, i);
		json_t *aliases = json_array(), *exts = json_array();
		for (size_t k = 0; l->aliases && l->aliases[k]; k++)
			json_array_append_new(aliases, json_string(l->aliases[k]));
		for (size_t k = 0; l->extensions && l->extensions[k]; k++)
			json_array_append_new(exts, json_string(l->extensions[k]));
		json_array_append_new(list, json_pack("{s:s, s:o, s:o, s:s, s:b}", "name", l->name, "aliases", aliases,
						       "extensions", exts, "image", l->image, "function",
						       l->fn_harness != NULL));
	}
	return respond(c, 200, list, NULL);
}

static enum MHD_Result get_submission(server *s, struct MHD_Connection *c, const char *id)
{
	jg_job *j = NULL;
	enum MHD_Result r;

	if (s->store->ops->get(s->store, id, &j) < 0)
		return fail(c, 500, jg_error_last());
	if (!j)
		return fail(c, 404, "no such submission");
	r = respond(c, 200, job_view(j), NULL);
	jg_job_free(j);
	return r;
}

/* ?wait=true: polls until the job ends or max_wait passes. */
static enum MHD_Result wait_for(server *s, struct MHD_Connection *c, const char *id)
{
	struct timespec t0, t;
	jg_job *j = NULL;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (s->store->ops->get(s->store, id, &j) < 0)
			return fail(c, 500, jg_error_last());
		if (!j || j->state == JG_JOB_DONE || j->state == JG_JOB_ERROR || atomic_load(&s->stopping))
			break;
		jg_job_free(j);
		j = NULL;
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (t.tv_sec - t0.tv_sec >= s->o.max_wait)
			return get_submission(s, c, id);
		usleep(20000);
	}
	if (!j)
		return fail(c, 500, "the submission disappeared");
	enum MHD_Result r = respond(c, j->state == JG_JOB_DONE ? 200 : 202, job_view(j), NULL);
	jg_job_free(j);
	return r;
}

static enum MHD_Result post_submission(server *s, struct MHD_Connection *c, const char *body, size_t len)
{
	json_error_t err;
	json_t *req = json_loadb(body, len, 0, &err);
	const char *wait = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "wait");
	char *id = NULL, msg[300];
	int rc;

	if (!req) {
		snprintf(msg, sizeof(msg), "the body is not JSON: line %d: %s", err.line, err.text);
		return fail(c, 400, msg);
	}
	rc = jg_service_check(s->langs, req);
	if (rc == 0)
		rc = s->store->ops->put(s->store, "v1", body, (size_t)s->o.max_queue, &id);
	json_decref(req);
	if (rc < 0)
		return fail(c, rc == JG_EINPUT || rc == JG_ELIMIT ? 400 : 500, jg_error_last());
	if (rc == 1)
		return respond(c, 503, json_pack("{s:s}", "error", "the queue is full"), "5");
	pthread_mutex_lock(&s->lock);
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	enum MHD_Result r = wait && !strcmp(wait, "true")
		? wait_for(s, c, id)
		: respond(c, 202, json_pack("{s:s, s:s}", "id", id, "status", "queued"), NULL);
	free(id);
	return r;
}

static int authorized(server *s, struct MHD_Connection *c, const char *url)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	if (!s->o.token || !strcmp(url, "/v1/health"))
		return 1;
	return h && !strncmp(h, "Bearer ", 7) && !strcmp(h + 7, s->o.token);
}

static enum MHD_Result route(server *s, struct MHD_Connection *c, const char *url, const char *method,
			     const char *body, size_t len)
{
	int get = !strcmp(method, "GET"), post = !strcmp(method, "POST");
	const char *sub = "/v1/submissions/";

	if (!authorized(s, c, url))
		return fail(c, 401, "missing or wrong bearer token");
	if (!strcmp(url, "/v1/health"))
		return get ? health(s, c) : fail(c, 405, "method not allowed");
	if (!strcmp(url, "/v1/languages"))
		return get ? languages(s, c) : fail(c, 405, "method not allowed");
	if (!strcmp(url, "/v1/submissions"))
		return post ? post_submission(s, c, body, len) : fail(c, 405, "method not allowed");
	if (!strncmp(url, sub, strlen(sub)) && url[strlen(sub)] && !strchr(url + strlen(sub), '/'))
		return get ? get_submission(s, c, url + strlen(sub)) : fail(c, 405, "method not allowed");
	return fail(c, 404, "no such route");
}

typedef struct {
	char  *data;
	size_t len;
	int    too_big;
} body_buf;

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	body_buf *b = *con_cls;

	(void)version;
	if (!b) {
		if (!(b = calloc(1, sizeof(*b))))
			return MHD_NO;
		*con_cls = b;
		return MHD_YES;
	}
	if (*upload_size) {
		if (b->len + *upload_size > BODY_MAX) {
			b->too_big = 1;
		} else {
			char *p = realloc(b->data, b->len + *upload_size + 1);
			if (!p)
				return MHD_NO;
			memcpy(p + b->len, upload, *upload_size);
			b->data = p;
			b->len += *upload_size;
			b->data[b->len] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (b->too_big)
		return fail(c, 413, "the body is larger than 4 MiB");
	return route(cls, c, url, method, b->data ? b->data : "", b->len);
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
	char *t = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	return t;
}

static void run_job(server *s, jg_job *j)
{
	json_t *req = json_loads(j->request, 0, NULL), *res = NULL;
	int rc = req ? jg_service_run(&res, s->langs, req, s->o.docker_host) : JG_EINPUT;
	char *text = NULL;

	if (rc == JG_EINTR || (rc < 0 && atomic_load(&s->stopping))) {
		s->store->ops->requeue(s->store, j->id);   /* runs again at the next start */
	} else if (rc == 0 && (text = json_dumps(res, JSON_COMPACT))) {
		s->store->ops->finish(s->store, j->id, JG_JOB_DONE, text);
	} else {
		text = error_json(rc < 0 ? jg_error_last() : "out of memory");
		s->store->ops->finish(s->store, j->id, JG_JOB_ERROR, text ? text : "{}");
	}
	free(text);
	json_decref(res);
	json_decref(req);
}

static void *worker(void *arg)
{
	server *s = arg;
	while (!atomic_load(&s->stopping)) {
		jg_job *j = NULL;
		if (s->store->ops->claim(s->store, &j) < 0)
			jg_diag("%s", jg_error_last());
		if (j) {
			run_job(s, j);
			jg_job_free(j);
			continue;
		}
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_nsec += 250000000;
		if (t.tv_nsec >= 1000000000)
			t.tv_sec++, t.tv_nsec -= 1000000000;
		pthread_mutex_lock(&s->lock);
		if (!atomic_load(&s->stopping))
			pthread_cond_timedwait(&s->wake, &s->lock, &t);
		pthread_mutex_unlock(&s->lock);
	}
	return NULL;
}

/* ---- the command ---- */

enum { OPT_BIND = 256, OPT_PORT, OPT_DATA, OPT_TOKEN, OPT_QUEUE, OPT_WAIT, OPT_HOST };

static const struct option long_opts[] = {
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "port", required_argument, NULL, OPT_PORT },
	{ "data", required_argument, NULL, OPT_DATA },
	{ "jobs", required_argument, NULL, 'j' },
	{ "token", required_argument, NULL, OPT_TOKEN },
	{ "max-queue", required_argument, NULL, OPT_QUEUE },
	{ "max-wait", required_argument, NULL, OPT_WAIT },
	{ "docker-host", required_argument, NULL, OPT_HOST },
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
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL,
				on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_CONNECTION_TIMEOUT,
				(unsigned)120, MHD_OPTION_END);
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

static int serve(server *s)
{
	pthread_t *th = calloc((size_t)s->o.jobs, sizeof(*th));
	struct MHD_Daemon *d = NULL;
	sigset_t set;
	int sig = 0, started = 0, code = JG_EXIT_JUDGE;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);     /* every thread inherits it: main takes them */
	signal(SIGPIPE, SIG_IGN);
	if (!th || open_store(s) < 0 || jg_load_langs(&s->langs, NULL) < 0)
		goto done;
	for (; started < s->o.jobs; started++)
		if (pthread_create(&th[started], NULL, worker, s) != 0)
			goto done;
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
	pthread_mutex_unlock(&s->lock);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	jg_store_close(s->store);
	jg_langs_free(s->langs);
	return code;
}

int cmd_serve(int argc, char **argv)
{
	server s = { .o = { .bind = "127.0.0.1", .data = "judge-data", .port = 8080, .jobs = 1, .max_queue = 1000,
			    .max_wait = 60 } };
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
	c = serve(&s);
	pthread_cond_destroy(&s.wake);
	pthread_mutex_destroy(&s.lock);
	return c;
}
