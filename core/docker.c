/* core/docker.c - Docker Engine API client (libcurl, unix socket or TCP). */
#define _GNU_SOURCE
#include "docker.h"
#include "buf.h"
#include "error.h"

#include <curl/curl.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RESPONSE_CAP (8u << 20)   /* JSON answers from the engine */
#define CALL_TIMEOUT_MS 30000

struct jg_docker {
	CURL *curl;
	char *base;        /* "http://localhost" or "http://host:port" */
	char *unix_path;   /* socket path or NULL */
	char  version[16];
	char  curl_err[CURL_ERROR_SIZE];
};

struct jg_docker_conn {
	CURL          *curl;
	curl_socket_t  fd;
	char          *pending;  /* stream bytes read along with the headers */
	size_t         npending, ppos;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

int jg_docker_parse_host(const char *host, char **base_url, char **unix_path)
{
	*base_url = *unix_path = NULL;
	if (!strncmp(host, "unix://", 7) && host[7] == '/') {
		*unix_path = strdup(host + 7);
		*base_url = strdup("http://localhost");
	} else if (!strncmp(host, "tcp://", 6) && host[6]) {
		if (asprintf(base_url, "http://%s", host + 6) < 0)
			*base_url = NULL;
		*unix_path = NULL;
		if (*base_url && (*base_url)[strlen(*base_url) - 1] == '/')
			(*base_url)[strlen(*base_url) - 1] = '\0';
	} else {
		return jg_error_set(JG_EINPUT, "unsupported Docker host '%s' (use unix:///path or tcp://host:port)", host);
	}
	if (!*base_url || (!strncmp(host, "unix://", 7) && !*unix_path)) {
		free(*base_url);
		free(*unix_path);
		*base_url = *unix_path = NULL;
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	return 0;
}

int jg_docker_version_cmp(const char *a, const char *b)
{
	unsigned long amaj = strtoul(a, (char **)&a, 10), bmaj = strtoul(b, (char **)&b, 10);
	unsigned long amin = *a == '.' ? strtoul(a + 1, NULL, 10) : 0;
	unsigned long bmin = *b == '.' ? strtoul(b + 1, NULL, 10) : 0;
	if (amaj != bmaj)
		return amaj < bmaj ? -1 : 1;
	return amin < bmin ? -1 : amin > bmin;
}

int jg_docker_pick_version(char out[16], const char *server_api, const char *server_min)
{
	const char *pick = server_api;
	if (!server_api || !*server_api)
		return jg_error_set(JG_EDOCKER, "Docker engine did not report its API version");
	if (jg_docker_version_cmp(server_api, JG_DOCKER_API_MIN) < 0)
		return jg_error_set(JG_EDOCKER, "Docker engine API %s is too old (need %s, Docker 20.10 or newer)",
				    server_api, JG_DOCKER_API_MIN);
	if (jg_docker_version_cmp(pick, JG_DOCKER_API_MAX) > 0)
		pick = JG_DOCKER_API_MAX;
	if (server_min && *server_min && jg_docker_version_cmp(pick, server_min) < 0)
		pick = server_min;
	snprintf(out, 16, "%s", pick);
	return 0;
}

static size_t write_buf(char *p, size_t size, size_t n, void *ud)
{
	return jg_buf_add(ud, p, size * n) == 0 ? size * n : 0;
}

struct request {
	const char *method;
	const char *path;        /* with the version prefix already applied, or raw */
	const char *body;        /* JSON text or NULL */
	FILE       *upload;      /* tar to PUT, or NULL */
	uint64_t    upload_size;
	long        timeout_ms;
};

/* Resets the handle for a request to `url` with a whole-request timeout. */
static void setup_handle(jg_docker *d, const char *url, long timeout_ms)
{
	curl_easy_reset(d->curl);
	curl_easy_setopt(d->curl, CURLOPT_URL, url);
	if (d->unix_path)
		curl_easy_setopt(d->curl, CURLOPT_UNIX_SOCKET_PATH, d->unix_path);
	curl_easy_setopt(d->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(d->curl, CURLOPT_ERRORBUFFER, d->curl_err);
	curl_easy_setopt(d->curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
	curl_easy_setopt(d->curl, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : CALL_TIMEOUT_MS);
	d->curl_err[0] = '\0';
}

static int perform(jg_docker *d, const struct request *rq, long *status, jg_buf *resp)
{
	struct curl_slist *hdrs = NULL;
	char *url = NULL;
	CURLcode cc;
	int rc = 0;

	if (asprintf(&url, "%s%s", d->base, rq->path) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	setup_handle(d, url, rq->timeout_ms);
	curl_easy_setopt(d->curl, CURLOPT_WRITEFUNCTION, write_buf);
	curl_easy_setopt(d->curl, CURLOPT_WRITEDATA, resp);
	hdrs = curl_slist_append(hdrs, "Expect:");
	if (rq->upload) {
		hdrs = curl_slist_append(hdrs, "Content-Type: application/x-tar");
		curl_easy_setopt(d->curl, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(d->curl, CURLOPT_READDATA, rq->upload);
		curl_easy_setopt(d->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)rq->upload_size);
	} else if (!strcmp(rq->method, "POST")) {
		hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
		curl_easy_setopt(d->curl, CURLOPT_POSTFIELDS, rq->body ? rq->body : "");
		curl_easy_setopt(d->curl, CURLOPT_POSTFIELDSIZE, (long)(rq->body ? strlen(rq->body) : 0));
	}
	curl_easy_setopt(d->curl, CURLOPT_CUSTOMREQUEST, rq->method);
	curl_easy_setopt(d->curl, CURLOPT_HTTPHEADER, hdrs);
	cc = curl_easy_perform(d->curl);
	if (cc == CURLE_COULDNT_CONNECT) {
		rc = jg_error_set(JG_EDOCKER, "cannot connect to the Docker engine at %s%s (is dockerd running? "
				  "--docker-host or DOCKER_HOST choose another)", d->unix_path ? "unix://" : "",
				  d->unix_path ? d->unix_path : d->base);
		goto done;
	}
	if (cc != CURLE_OK) {
		rc = jg_error_set(cc == CURLE_OPERATION_TIMEDOUT ? JG_ETIMEOUT : JG_EDOCKER,
				  "Docker engine at %s%s: %s %s: %s", d->unix_path ? "unix://" : "",
				  d->unix_path ? d->unix_path : d->base, rq->method, rq->path,
				  d->curl_err[0] ? d->curl_err : curl_easy_strerror(cc));
		goto done;
	}
	curl_easy_getinfo(d->curl, CURLINFO_RESPONSE_CODE, status);
done:
	curl_slist_free_all(hdrs);
	free(url);
	return rc;
}

/* The engine's {"message": "..."} for an error answer, else the raw text. */
static int engine_error(const char *method, const char *path, long status, const jg_buf *b)
{
	json_t *j = b->data ? json_loads(b->data, 0, NULL) : NULL;
	const char *msg = j ? json_string_value(json_object_get(j, "message")) : NULL;
	int code = JG_EDOCKER;
	if (!msg)
		msg = b->data && *b->data ? b->data : "no message";
	if (status == 404 && strstr(path, "/images/") == path)
		code = JG_ENOIMAGE;
	jg_error_set(code, "Docker engine: %s %s: HTTP %ld: %.300s", method, path, status, msg);
	json_decref(j);
	return code;
}

static int call_raw(jg_docker *d, struct request *rq, long *status, jg_buf *resp)
{
	char *vpath = NULL;
	const char *orig = rq->path;
	int rc;

	if (asprintf(&vpath, "/v%s%s", d->version, rq->path) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rq->path = vpath;
	rc = perform(d, rq, status, resp);
	rq->path = orig;
	if (rc == 0 && *status >= 400)
		rc = engine_error(rq->method, orig, *status, resp);
	free(vpath);
	return rc;
}

int jg_docker_call(jg_docker *d, const char *method, const char *path, json_t *body,
		   long timeout_ms, long *status, json_t **resp)
{
	jg_buf b = JG_BUF_INIT(RESPONSE_CAP);
	struct request rq = { method, path, NULL, NULL, 0, timeout_ms };
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	long st = 0;
	int rc;

	if (body && !text)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rq.body = text;
	rc = call_raw(d, &rq, &st, &b);
	if (status)
		*status = st;
	if (rc == 0 && resp)
		*resp = b.len ? json_loadb(b.data, b.len, 0, NULL) : NULL;
	free(text);
	jg_buf_free(&b);
	return rc;
}

static int negotiate(jg_docker *d)
{
	jg_buf b = JG_BUF_INIT(RESPONSE_CAP);
	struct request rq = { "GET", "/version", NULL, NULL, 0, 10000 };
	json_t *j = NULL;
	long st = 0;
	int rc = perform(d, &rq, &st, &b);

	if (rc < 0)
		goto done;
	if (st != 200 || !(j = json_loadb(b.data ? b.data : "", b.len, 0, NULL))) {
		rc = jg_error_set(JG_EDOCKER, "Docker engine at %s: GET /version answered HTTP %ld",
				  d->unix_path ? d->unix_path : d->base, st);
		goto done;
	}
	rc = jg_docker_pick_version(d->version, json_string_value(json_object_get(j, "ApiVersion")),
				    json_string_value(json_object_get(j, "MinAPIVersion")));
done:
	json_decref(j);
	jg_buf_free(&b);
	return rc;
}

int jg_docker_open(jg_docker **out, const char *host)
{
	jg_docker *d;
	int rc;

	if (!host || !*host)
		host = getenv("DOCKER_HOST");
	if (!host || !*host)
		host = JG_DOCKER_DEFAULT_HOST;
	pthread_once(&curl_once, curl_init_once);
	if (!(d = calloc(1, sizeof(*d))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = jg_docker_parse_host(host, &d->base, &d->unix_path)) < 0)
		goto fail;
	if (!(d->curl = curl_easy_init())) {
		rc = jg_error_set(JG_ENOMEM, "cannot create a curl handle");
		goto fail;
	}
	if ((rc = negotiate(d)) < 0)
		goto fail;
	*out = d;
	return 0;
fail:
	jg_docker_free(d);
	return rc;
}

int jg_docker_clone(jg_docker **out, const jg_docker *d)
{
	jg_docker *c = calloc(1, sizeof(*c));

	*out = NULL;
	if (!c || !(c->base = strdup(d->base)) || (d->unix_path && !(c->unix_path = strdup(d->unix_path))) ||
	    !(c->curl = curl_easy_init())) {
		jg_docker_free(c);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	memcpy(c->version, d->version, sizeof(c->version));
	*out = c;
	return 0;
}

void jg_docker_free(jg_docker *d)
{
	if (!d)
		return;
	if (d->curl)
		curl_easy_cleanup(d->curl);
	free(d->base);
	free(d->unix_path);
	free(d);
}

const char *jg_docker_version(const jg_docker *d) { return d->version; }

static char *escape(jg_docker *d, const char *s)
{
	char *e = curl_easy_escape(d->curl, s, 0);
	char *r = e ? strdup(e) : NULL;
	curl_free(e);
	return r;
}

/* A call whose 404 answer means "absent": 1 found, 0 absent, or negative. */
static int call_maybe_absent(jg_docker *d, const char *method, const char *path)
{
	long st = 0;
	int rc = jg_docker_call(d, method, path, NULL, 0, &st, NULL);
	if (rc < 0 && st == 404) {
		jg_error_clear();
		return 0;
	}
	return rc < 0 ? rc : 1;
}

int jg_docker_image_exists(jg_docker *d, const char *image)
{
	char *path = NULL;
	int rc;

	if (asprintf(&path, "/images/%s/json", image) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rc = call_maybe_absent(d, "GET", path);
	free(path);
	return rc;
}

/* The pull answer is a stream of JSON objects; an {"error": ...} in it means failure. */
static int pull_error(const char *image, const jg_buf *b)
{
	const char *p = b->data ? b->data : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		json_t *j = json_loadb(p, n, 0, NULL);
		const char *err = j ? json_string_value(json_object_get(j, "error")) : NULL;
		if (err) {
			jg_error_set(JG_ENOIMAGE, "cannot pull image '%s': %.300s", image, err);
			json_decref(j);
			return JG_ENOIMAGE;
		}
		json_decref(j);
		p += n + (nl != NULL);
	}
	return 0;
}

int jg_docker_image_pull(jg_docker *d, const char *image)
{
	char *name = strdup(image), *tag = NULL, *path = NULL, *en = NULL, *et = NULL;
	char *slash = name ? strrchr(name, '/') : NULL, *colon;
	jg_buf b = JG_BUF_INIT(RESPONSE_CAP);
	struct request rq = { "POST", NULL, NULL, NULL, 0, 600000 };
	long st = 0;
	int rc;

	if (!name)
		return jg_error_set(JG_ENOMEM, "out of memory");
	colon = strrchr(slash ? slash : name, ':');
	if (colon)
		*colon = '\0';
	tag = colon ? colon + 1 : "latest";
	en = escape(d, name);
	et = escape(d, tag);
	if (!en || !et || asprintf(&path, "/images/create?fromImage=%s&tag=%s", en, et) < 0) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	rq.path = path;
	rc = call_raw(d, &rq, &st, &b);
	if (rc < 0)
		jg_error_set(JG_ENOIMAGE, "cannot pull image '%s': %s", image, jg_error_last());
	rc = rc < 0 ? JG_ENOIMAGE : pull_error(image, &b);
done:
	free(name);
	free(en);
	free(et);
	free(path);
	jg_buf_free(&b);
	return rc;
}

int jg_docker_create(jg_docker *d, json_t *spec, const char *name, char **id)
{
	char *path = NULL;
	json_t *resp = NULL;
	const char *cid;
	int rc;

	if (asprintf(&path, "/containers/create%s%s", name ? "?name=" : "", name ? name : "") < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rc = jg_docker_call(d, "POST", path, spec, 0, NULL, &resp);
	if (rc == 0) {
		cid = json_string_value(json_object_get(resp, "Id"));
		if (!cid || !(*id = strdup(cid)))
			rc = jg_error_set(JG_EDOCKER, "Docker engine: container create answered without an Id");
	}
	json_decref(resp);
	free(path);
	return rc;
}

static int container_post(jg_docker *d, const char *id, const char *verb, json_t *body)
{
	char *path = NULL;
	int rc;
	if (asprintf(&path, "/containers/%s/%s", id, verb) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rc = jg_docker_call(d, "POST", path, body, 0, NULL, NULL);
	free(path);
	return rc;
}

int jg_docker_start(jg_docker *d, const char *id) { return container_post(d, id, "start", NULL); }

int jg_docker_update_memory(jg_docker *d, const char *id, int64_t bytes)
{
	json_t *body = json_pack("{sIsI}", "Memory", (json_int_t)bytes, "MemorySwap", (json_int_t)bytes);
	int rc = body ? container_post(d, id, "update", body) : jg_error_set(JG_ENOMEM, "out of memory");
	json_decref(body);
	return rc;
}

int jg_docker_exit_state(jg_docker *d, const char *id, long timeout_ms, int *exit_code, int *oom_killed)
{
	char *path = NULL;
	json_t *j = NULL, *st;
	int rc;

	if (asprintf(&path, "/containers/%s/json", id) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (long waited = 0;; waited += 50) {
		json_decref(j);
		j = NULL;
		if ((rc = jg_docker_call(d, "GET", path, NULL, 10000, NULL, &j)) < 0)
			goto done;
		st = json_object_get(j, "State");
		if (!json_is_true(json_object_get(st, "Running")))
			break;
		if (waited >= timeout_ms) {
			rc = jg_error_set(JG_EDOCKER, "container %.12s is still running", id);
			goto done;
		}
		usleep(50000);
	}
	*exit_code = (int)json_integer_value(json_object_get(st, "ExitCode"));
	*oom_killed = json_is_true(json_object_get(st, "OOMKilled"));
done:
	json_decref(j);
	free(path);
	return rc;
}

int jg_docker_remove(jg_docker *d, const char *id)
{
	char *path = NULL;
	int rc;
	if (asprintf(&path, "/containers/%s?force=1&v=1", id) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rc = call_maybe_absent(d, "DELETE", path);
	free(path);
	return rc < 0 ? rc : 0;
}

int jg_docker_put_archive(jg_docker *d, const char *id, const char *where, FILE *f, uint64_t size)
{
	char *path = NULL, *ew = escape(d, where);
	jg_buf b = JG_BUF_INIT(RESPONSE_CAP);
	struct request rq = { "PUT", NULL, NULL, f, size, 120000 };
	long st = 0;
	int rc;

	if (!ew || asprintf(&path, "/containers/%s/archive?path=%s", id, ew) < 0) {
		free(ew);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	rq.path = path;
	rc = call_raw(d, &rq, &st, &b);
	free(path);
	free(ew);
	jg_buf_free(&b);
	return rc;
}

struct sink { FILE *f; uint64_t n, max; };

static size_t write_file(char *p, size_t size, size_t n, void *ud)
{
	struct sink *k = ud;
	size_t len = size * n;
	if (k->n + len > k->max)
		return 0;
	k->n += len;
	return fwrite(p, 1, len, k->f);
}

int jg_docker_get_archive(jg_docker *d, const char *id, const char *path, FILE *f, uint64_t max)
{
	char *ep = escape(d, path), *url = NULL;
	struct sink k = { f, 0, max };
	long st = 0;
	CURLcode cc;
	int rc = 0;

	if (!ep || asprintf(&url, "%s/v%s/containers/%s/archive?path=%s", d->base, d->version, id, ep) < 0) {
		free(ep);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	setup_handle(d, url, 120000L);
	curl_easy_setopt(d->curl, CURLOPT_WRITEFUNCTION, write_file);
	curl_easy_setopt(d->curl, CURLOPT_WRITEDATA, &k);
	cc = curl_easy_perform(d->curl);
	curl_easy_getinfo(d->curl, CURLINFO_RESPONSE_CODE, &st);
	if (k.n + 1 > max && cc == CURLE_WRITE_ERROR)
		rc = jg_error_set(JG_ELIMIT, "Docker engine: %s from %.12s is larger than %llu bytes", path, id,
				  (unsigned long long)max);
	else if (cc != CURLE_OK || st != 200)
		rc = jg_error_set(JG_EDOCKER, "Docker engine: GET archive %s from %.12s: %s (HTTP %ld)", path,
				  id, cc != CURLE_OK ? curl_easy_strerror(cc) : "refused", st);
	free(ep);
	free(url);
	return rc;
}

int jg_docker_list(jg_docker *d, const char *label, json_t **out)
{
	json_t *filters = json_pack("{s[s]}", "label", label);
	char *ftext = filters ? json_dumps(filters, JSON_COMPACT) : NULL;
	char *ef = ftext ? escape(d, ftext) : NULL, *path = NULL;
	int rc;

	if (!ef || asprintf(&path, "/containers/json?all=1&filters=%s", ef) < 0)
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	else
		rc = jg_docker_call(d, "GET", path, NULL, 0, NULL, out);
	json_decref(filters);
	free(ftext);
	free(ef);
	free(path);
	return rc;
}

/* ---- volumes ---- */

int jg_docker_volume_create(jg_docker *d, json_t *spec)
{
	return jg_docker_call(d, "POST", "/volumes/create", spec, 0, NULL, NULL);
}

int jg_docker_volume_remove(jg_docker *d, const char *name)
{
	char *en = escape(d, name), *path = NULL;
	int rc;

	if (!en || asprintf(&path, "/volumes/%s", en) < 0) {
		free(en);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	rc = call_maybe_absent(d, "DELETE", path);
	free(en);
	free(path);
	return rc < 0 ? rc : 0;
}

int jg_docker_volume_list(jg_docker *d, const char *label, json_t **out)
{
	json_t *filters = json_pack("{s[s]}", "label", label), *resp = NULL, *vols;
	char *ftext = filters ? json_dumps(filters, JSON_COMPACT) : NULL;
	char *ef = ftext ? escape(d, ftext) : NULL, *path = NULL;
	int rc;

	*out = NULL;
	if (!ef || asprintf(&path, "/volumes?filters=%s", ef) < 0)
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	else
		rc = jg_docker_call(d, "GET", path, NULL, 0, NULL, &resp);
	if (rc == 0) {
		vols = json_object_get(resp, "Volumes");
		*out = json_is_array(vols) ? json_incref(vols) : json_array();
		if (!*out)
			rc = jg_error_set(JG_ENOMEM, "out of memory");
	}
	json_decref(resp);
	json_decref(filters);
	free(ftext);
	free(ef);
	free(path);
	return rc;
}

/* ---- hijacked attach connection ---- */

static int wait_fd(curl_socket_t fd, short events, long timeout_ms)
{
	struct pollfd p = { fd, events, 0 };
	int n;
	do
		n = poll(&p, 1, (int)timeout_ms);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return jg_error_errno(JG_EDOCKER, "poll on the Docker connection");
	return n == 0 ? jg_error_set(JG_ETIMEOUT, "Docker connection timed out after %ld ms", timeout_ms) : 0;
}

static int conn_read_headers(jg_docker_conn *c, const char *id)
{
	char buf[4096];
	size_t have = 0;
	char *end = NULL;

	while (!end) {
		long n = jg_docker_conn_recv(c, buf + have, sizeof(buf) - 1 - have, 10000);
		if (n <= 0)
			return n == 0 ? jg_error_set(JG_EDOCKER, "Docker engine closed the attach connection") : (int)n;
		have += (size_t)n;
		buf[have] = '\0';
		end = strstr(buf, "\r\n\r\n");
		if (!end && have >= sizeof(buf) - 1)
			return jg_error_set(JG_EDOCKER, "Docker engine: attach answer headers too long");
	}
	if (strncmp(buf, "HTTP/1.1 101", 12) && strncmp(buf, "HTTP/1.1 200", 12))
		return jg_error_set(JG_EDOCKER, "Docker engine: attach to %.12s refused: %.200s", id, buf);
	end += 4;
	c->npending = have - (size_t)(end - buf);
	if (c->npending && !(c->pending = malloc(c->npending)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (c->npending)
		memcpy(c->pending, end, c->npending);
	c->ppos = 0;
	return 0;
}

int jg_docker_attach(jg_docker_conn **out, jg_docker *d, const char *id)
{
	jg_docker_conn *c = calloc(1, sizeof(*c));
	char *req = NULL, *url = NULL;
	int rc = 0;

	if (!c || asprintf(&url, "%s/", d->base) < 0 ||
	    asprintf(&req, "POST /v%s/containers/%s/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n"
		     "Host: docker\r\nUpgrade: tcp\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n",
		     d->version, id) < 0) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	c->curl = curl_easy_init();
	if (!c->curl) {
		rc = jg_error_set(JG_ENOMEM, "cannot create a curl handle");
		goto done;
	}
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	if (d->unix_path)
		curl_easy_setopt(c->curl, CURLOPT_UNIX_SOCKET_PATH, d->unix_path);
	curl_easy_setopt(c->curl, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	if (curl_easy_perform(c->curl) != CURLE_OK ||
	    curl_easy_getinfo(c->curl, CURLINFO_ACTIVESOCKET, &c->fd) != CURLE_OK) {
		rc = jg_error_set(JG_EDOCKER, "cannot connect to the Docker engine for attach");
		goto done;
	}
	if ((rc = jg_docker_conn_send(c, req, strlen(req), 10000)) < 0 ||
	    (rc = conn_read_headers(c, id)) < 0)
		goto done;
	*out = c;
	c = NULL;
done:
	jg_docker_conn_close(c);
	free(req);
	free(url);
	return rc;
}

int jg_docker_conn_send(jg_docker_conn *c, const void *buf, size_t n, long timeout_ms)
{
	const char *p = buf;
	while (n > 0) {
		size_t sent = 0;
		CURLcode cc = curl_easy_send(c->curl, p, n, &sent);
		if (cc == CURLE_AGAIN) {
			int rc = wait_fd(c->fd, POLLOUT, timeout_ms);
			if (rc < 0)
				return rc;
			continue;
		}
		if (cc != CURLE_OK)
			return jg_error_set(JG_EDOCKER, "sending to the container: %s", curl_easy_strerror(cc));
		p += sent;
		n -= sent;
	}
	return 0;
}

long jg_docker_conn_recv(jg_docker_conn *c, void *buf, size_t n, long timeout_ms)
{
	if (c->ppos < c->npending) {
		size_t take = c->npending - c->ppos < n ? c->npending - c->ppos : n;
		memcpy(buf, c->pending + c->ppos, take);
		c->ppos += take;
		return (long)take;
	}
	for (;;) {
		size_t got = 0;
		CURLcode cc = curl_easy_recv(c->curl, buf, n, &got);
		if (cc == CURLE_OK)
			return (long)got;
		if (cc != CURLE_AGAIN)
			return jg_error_set(JG_EDOCKER, "reading from the container: %s", curl_easy_strerror(cc));
		int rc = wait_fd(c->fd, POLLIN, timeout_ms);
		if (rc < 0)
			return rc;
	}
}

void jg_docker_conn_close(jg_docker_conn *c)
{
	if (!c)
		return;
	if (c->curl)
		curl_easy_cleanup(c->curl);
	free(c->pending);
	free(c);
}
