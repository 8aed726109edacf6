/* core/compat.h - the request and response shapes of other code-execution
 * APIs, translated to and from judge serve's v1 API (core/service.h), so
 * that their clients can use `judge serve` unchanged (docs/compat.md):
 *
 *   000     ll-solution-runner   POST /api/run_code, GET /api/get_result/{id}
 *   001     FastAPI + Celery     POST /execute (function calls, callback_url)
 *   002     LeetCode-style       GET /languages, POST /submit, GET /result/{id}
 *   003     remote code exec     POST /api/run/ (sync), POST /api/schedule,
 *                                GET /api/schedule/check/{id}
 *   004     Go engine            GET /v1/spec, POST /v1/exec (sync)
 *   piston  Piston v2            GET /api/v2/runtimes, POST /api/v2/execute (sync)
 *
 * Pure: no I/O, no global state; every function is thread-safe.  The HTTP
 * routes, the store and the judging are the server's (cmd/serve.c).  A job
 * goes: body --jg_compat_request--> v1 request (stored, checked with
 * jg_service_check, judged) --the report--> jg_compat_view.
 *
 * Ownership: every json_t returned is a new reference the caller decrefs;
 * arguments are borrowed and never modified.
 */
#ifndef JG_COMPAT_H
#define JG_COMPAT_H

#include <jansson.h>
#include "lang.h"

typedef enum {
	JG_API_V1 = 0,
	JG_API_000,
	JG_API_001,
	JG_API_002,
	JG_API_003,
	JG_API_004,
	JG_API_PISTON
} jg_api;

#define JG_API_COUNT 7

/* "v1", "000", "001", "002", "003", "004", "piston": the store's job kind.
 * NULL for a value outside the enum. */
const char *jg_api_name(jg_api a);

/* The API named `name` (as jg_api_name spells it).  Returns 0, or JG_EINPUT
 * ("unknown API 'x'"). */
int jg_api_parse(jg_api *out, const char *name);

/* Translates a request body of API `a` into a v1 request (*out, a new
 * reference; NULL on failure).  The language is resolved through `langs`
 * and written under its canonical name.  APIs that report every test set
 * "all_tests": true; the result also carries "compat": {"api", ...}, what
 * jg_compat_view needs later (000's attempt_id, 002's mode, Piston's args
 * and compile stage), which v1 ignores.  JG_API_V1 returns a copy of the
 * body.  `langs` is not NULL.
 * Returns 0, JG_EINPUT with one line naming the API's own field
 * ("tests[2].expected_out: expected a string", "code: not base64"), or
 * JG_ENOMEM.  Caps: 1000 tests, 1 MiB of source, 64 files. */
int jg_compat_request(json_t **out, jg_api a, const jg_langs *langs, const json_t *body);

/* The API's answer to the POST that queued job `id`: 000
 * {"queued_task_id"}, 001 {"message", "id"}, 002 {"job_id", "status"},
 * others {"id", "status": "queued"}.  NULL only when out of memory. */
json_t *jg_compat_accepted(jg_api a, const char *id);

/* The API's view of job `id`.  state: "queued", "running", "done" or
 * "error"; v1req: what jg_compat_request produced; report: the `judge run
 * --json` report (docs/report-schema.md) when done, else NULL; error: the
 * judge error when state is "error", else NULL.  Any of v1req, report and
 * error may be NULL or malformed: the view then says less, never crashes.
 * NULL only when out of memory. */
json_t *jg_compat_view(jg_api a, const char *id, const char *state, const json_t *v1req,
		       const json_t *report, const char *error);

/* The API's error body for a failed request (status chosen by the server):
 * Piston {"message"}, 001 and 003 (FastAPI) {"detail"}, others {"error"}.
 * NULL only when out of memory. */
json_t *jg_compat_error(jg_api a, const char *message);

/* The languages route of the API: 002's GET /languages (["c", ...]),
 * 004's GET /v1/spec ({name: {image, cmd, filename, language, aliases}}),
 * Piston's GET /api/v2/runtimes ([{language, version, aliases}]).  NULL for
 * an API without such a route, else only when out of memory. */
json_t *jg_compat_languages(jg_api a, const jg_langs *langs);

/* The runtime version reported to Piston clients (GET /api/v2/runtimes);
 * a request's "version" must be "*", absent, or a selector matching it. */
const char *jg_compat_piston_version(void);

#endif
