/* core/service.h - one `judge serve` job: a submission with inline tests,
 * as the v1 API takes it (POST /v1/submissions), checked when it arrives
 * and judged later by a worker.
 *
 * Request (JSON object):
 *   language        required  a language name or alias (GET /v1/languages)
 *   code            the source as text, or
 *   code_base64     the source base64-encoded, or
 *   files           [{"name": "a.c", "content": "..."}]: a multi-file program
 *   tests           [{"input", "expected_output"}]: strings (stdin,
 *                   expected stdout; with no expected_output in any test,
 *                   execute mode: the program only runs, core/adhoc.h), or
 *                   with `function` the argument list and the value
 *                   (docs/function-problems.md), or
 *   problem         the id of an uploaded problem (core/problems.h)
 *   function        {"name", "signature" (optional), "unordered" (optional)}
 *   time_limit      seconds (default 1, or the problem's), at most 60
 *   memory_limit    MiB (default 256, or the problem's), 4 to 4096
 *   all_tests       false: stop at the first failing test (default true)
 *   callback_url    http(s) URL the result is POSTed to (the server's job)
 * Caps: the source(s) JG_SERVICE_CODE_MAX bytes in all, JG_SERVICE_FILES
 * files, JG_SERVICE_TESTS tests.
 */
#ifndef JG_SERVICE_H
#define JG_SERVICE_H

#include <jansson.h>
#include "lang.h"

#define JG_SERVICE_CODE_MAX (1u << 20)
#define JG_SERVICE_FILES    64
#define JG_SERVICE_TESTS    1000

/* What requests are judged with (borrowed). */
typedef struct {
	const jg_langs *langs;
	const char     *docker_host;    /* NULL: $DOCKER_HOST or the socket */
	const char     *problems_dir;   /* uploaded problems; NULL: none */
} jg_service_env;

/* 0 when the request can be judged; JG_EINPUT with a one-line message
 * naming the field ("language: unknown language 'cobol'", "code_base64: not
 * base64", "problem: no such problem 'x'") otherwise. */
int jg_service_check(const jg_service_env *env, const json_t *req);

/* Judges the request (checked again) in its own container; *result (new
 * reference) is the report of `judge run --json`.  Returns 0, JG_EINPUT
 * (the request is bad, or its problem was deleted), or a judge error
 * (JG_EDOCKER, ...). */
int jg_service_run(json_t **result, const jg_service_env *env, const json_t *req);

#endif
