/* core/docker.h - Docker Engine API client over a unix socket or TCP (libcurl).
 *
 * A jg_docker is one connection context (one CURL easy handle, reused for
 * keep-alive); it is not thread-safe: give each thread its own.  The API
 * version is negotiated at open: the server's ApiVersion, capped at
 * JG_DOCKER_API_MAX, and never below the server's MinAPIVersion, so the same
 * client speaks to Docker 20.10 (1.41) and Docker 25-29 (>= 1.44).
 * Every call has a timeout.  Failures return JG_EDOCKER (or JG_ENOIMAGE,
 * JG_ETIMEOUT) with the engine's own message in jg_error_last().
 */
#ifndef JG_DOCKER_H
#define JG_DOCKER_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#define JG_DOCKER_API_MIN "1.41"
#define JG_DOCKER_API_MAX "1.47"
#define JG_DOCKER_DEFAULT_HOST "unix:///var/run/docker.sock"

typedef struct jg_docker jg_docker;           /* opaque */
typedef struct jg_docker_conn jg_docker_conn; /* a hijacked attach connection */

/* host NULL or "": $DOCKER_HOST, else the local unix socket. Accepts
 * unix:///path and tcp://host:port. Connects and negotiates the version. */
int  jg_docker_open(jg_docker **out, const char *host);
void jg_docker_free(jg_docker *d);            /* NULL is a no-op */
/* Another context for the same engine and API version (no request made),
 * for another thread.  Returns 0 or JG_ENOMEM. */
int  jg_docker_clone(jg_docker **out, const jg_docker *d);
const char *jg_docker_version(const jg_docker *d);   /* "1.41" */

/* Pure helpers, exposed for tests. */
/* Splits a DOCKER_HOST into a curl base URL and a unix socket path (or NULL). */
int jg_docker_parse_host(const char *host, char **base_url, char **unix_path);
/* Chooses the API version from the server's /version answer. */
int jg_docker_pick_version(char out[16], const char *server_api, const char *server_min);
/* Compares dotted versions: <0, 0, >0. */
int jg_docker_version_cmp(const char *a, const char *b);

/* Generic JSON request. `path` starts with '/' and excludes the version
 * prefix. body may be NULL. On HTTP status >= 400 returns JG_EDOCKER with the
 * engine's message; *status is always set when the engine answered.
 * *resp (may be NULL to ignore) receives the parsed JSON body or NULL. */
int jg_docker_call(jg_docker *d, const char *method, const char *path, json_t *body,
		   long timeout_ms, long *status, json_t **resp);

/* 1 when the image exists locally, 0 when not, negative on error. */
int jg_docker_image_exists(jg_docker *d, const char *image);
/* POST /images/create with an explicit tag (":latest" when none given). */
int jg_docker_image_pull(jg_docker *d, const char *image);

int jg_docker_create(jg_docker *d, json_t *spec, const char *name, char **id);
int jg_docker_start(jg_docker *d, const char *id);
/* Force-removes the container and its anonymous volumes; a missing one is fine. */
int jg_docker_remove(jg_docker *d, const char *id);
int jg_docker_update_memory(jg_docker *d, const char *id, int64_t bytes);
/* How a container ended: waits up to timeout_ms for it to stop, then reads
 * State.ExitCode and State.OOMKilled (1 when the kernel's OOM killer killed
 * any of its processes).  JG_EDOCKER when it is still running. */
int jg_docker_exit_state(jg_docker *d, const char *id, long timeout_ms, int *exit_code, int *oom_killed);
/* Uploads a tar (size bytes read from f) and extracts it at `path`. */
int jg_docker_put_archive(jg_docker *d, const char *id, const char *path, FILE *f, uint64_t size);
/* Downloads `path` from the container as a tar into f (at most max bytes,
 * else JG_ELIMIT). The tar is never extracted on the host by the judge. */
int jg_docker_get_archive(jg_docker *d, const char *id, const char *path, FILE *f, uint64_t max);
/* GET /containers/json?all=1 filtered by a label ("key" or "key=value"). */
int jg_docker_list(jg_docker *d, const char *label, json_t **out);

/* POST /volumes/create with `spec` ({"Name", "Driver", "DriverOpts", "Labels"}). */
int jg_docker_volume_create(jg_docker *d, json_t *spec);
/* DELETE /volumes/{name}; a missing one is fine (a volume still mounted by a
 * container is an error: remove the containers first). */
int jg_docker_volume_remove(jg_docker *d, const char *name);
/* GET /volumes filtered by a label: *out gets the engine's "Volumes" array
 * (an empty array when none). */
int jg_docker_volume_list(jg_docker *d, const char *label, json_t **out);

/* Hijacks POST /containers/{id}/attach (stdin, stdout, stderr, stream). */
int  jg_docker_attach(jg_docker_conn **out, jg_docker *d, const char *id);
/* Writes all of buf. Returns 0, JG_EDOCKER, JG_ETIMEOUT. */
int  jg_docker_conn_send(jg_docker_conn *c, const void *buf, size_t n, long timeout_ms);
/* Reads what is available (waits up to timeout_ms for something). Returns
 * bytes read (>0), 0 at end of stream, or JG_EDOCKER / JG_ETIMEOUT. */
long jg_docker_conn_recv(jg_docker_conn *c, void *buf, size_t n, long timeout_ms);
void jg_docker_conn_close(jg_docker_conn *c); /* NULL is a no-op */

#endif
