/* tests/unit/test_store.c - the job store of `judge serve` (SQLite). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fs.h"
#include "store.h"

static char *tmpdir;

static int setup(void **state)
{
	return jg_fs_mkdtemp(&tmpdir, NULL, "test-store-");
}

static int teardown(void **state)
{
	jg_fs_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

static jg_store *open_store(const char *name)
{
	char *p = jg_path_join(tmpdir, name);
	jg_store *s = NULL;
	if (jg_store_open_sqlite(&s, p) < 0)
		fail_msg("%s", jg_error_last());
	free(p);
	return s;
}

static char *put(jg_store *s, const char *request)
{
	char *id = NULL;
	assert_int_equal(s->ops->put(s, "v1", request, 0, &id), 0);
	assert_non_null(id);
	assert_int_equal(strlen(id), JG_JOB_ID_LEN);
	return id;
}

static void test_lifecycle(void **state)
{
	jg_store *s = open_store("life.db");
	char *a = put(s, "{\"n\":1}"), *b = put(s, "{\"n\":2}");
	jg_job *j = NULL;
	size_t n;

	assert_string_not_equal(a, b);
	assert_int_equal(s->ops->count(s, JG_JOB_QUEUED, &n), 0);
	assert_int_equal(n, 2);
	/* oldest first */
	assert_int_equal(s->ops->claim(s, &j), 0);
	assert_string_equal(j->id, a);
	assert_int_equal(j->state, JG_JOB_RUNNING);
	assert_string_equal(j->request, "{\"n\":1}");
	assert_string_equal(j->kind, "v1");
	assert_int_equal(j->attempts, 1);
	jg_job_free(j);
	assert_int_equal(s->ops->finish(s, a, JG_JOB_DONE, "{\"verdict\":\"AC\"}", 0), 0);
	assert_int_equal(s->ops->get(s, a, &j), 0);
	assert_int_equal(j->state, JG_JOB_DONE);
	assert_string_equal(j->result, "{\"verdict\":\"AC\"}");
	assert_string_equal(jg_job_state_name(j->state), "done");
	jg_job_free(j);
	/* an unknown id is not an error */
	assert_int_equal(s->ops->get(s, "0123456789abcdef0123456789abcdef", &j), 0);
	assert_null(j);
	assert_int_equal(s->ops->claim(s, &j), 0);
	assert_string_equal(j->id, b);
	jg_job_free(j);
	assert_int_equal(s->ops->claim(s, &j), 0);
	assert_null(j);                       /* nothing queued */
	assert_int_equal(s->ops->finish(s, b, JG_JOB_QUEUED, NULL, 0), JG_EINTERNAL);
	free(a);
	free(b);
	jg_store_close(s);
}

static void test_bounded(void **state)
{
	jg_store *s = open_store("bounded.db");
	char *id = NULL;
	jg_job *j = NULL;

	for (int i = 0; i < 3; i++) {
		assert_int_equal(s->ops->put(s, "v1", "{}", 3, &id), 0);
		free(id);
	}
	assert_int_equal(s->ops->put(s, "v1", "{}", 3, &id), 1);   /* full */
	assert_null(id);
	assert_int_equal(s->ops->claim(s, &j), 0);                 /* one runs: room again */
	jg_job_free(j);
	assert_int_equal(s->ops->put(s, "v1", "{}", 3, &id), 0);
	free(id);
	jg_store_close(s);
}

/* A server killed while a job runs: reopened, the job is queued again. */
static void test_restart(void **state)
{
	jg_store *s = open_store("restart.db");
	char *a = put(s, "{\"n\":1}"), *b = put(s, "{\"n\":2}");
	jg_job *j = NULL;
	size_t n = 99;

	assert_int_equal(s->ops->claim(s, &j), 0);
	jg_job_free(j);
	jg_store_close(s);                   /* as if killed: a running, b queued */
	s = open_store("restart.db");
	assert_int_equal(s->ops->requeue_running(s, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s->ops->count(s, JG_JOB_QUEUED, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(s->ops->claim(s, &j), 0);
	assert_string_equal(j->id, a);       /* still first, second attempt */
	assert_int_equal(j->attempts, 2);
	jg_job_free(j);
	/* a worker that gives a job back */
	assert_int_equal(s->ops->requeue(s, a), 0);
	assert_int_equal(s->ops->get(s, a, &j), 0);
	assert_int_equal(j->state, JG_JOB_QUEUED);
	jg_job_free(j);
	free(a);
	free(b);
	jg_store_close(s);
}

typedef struct {
	jg_store *s;
	int       claimed;
	char    **ids;
} claimer;

static void *claim_all(void *arg)
{
	claimer *c = arg;
	jg_job *j;
	while (c->s->ops->claim(c->s, &j) == 0 && j) {
		c->ids[c->claimed++] = strdup(j->id);
		c->s->ops->finish(c->s, j->id, JG_JOB_DONE, "{}", 0);
		jg_job_free(j);
	}
	return NULL;
}

/* Workers claiming at once never get the same job. */
static void test_concurrent(void **state)
{
	enum { N = 200, T = 4 };
	jg_store *s = open_store("concurrent.db");
	claimer c[T];
	pthread_t th[T];
	int total = 0;

	for (int i = 0; i < N; i++)
		free(put(s, "{}"));
	for (int t = 0; t < T; t++) {
		c[t] = (claimer){ s, 0, calloc(N, sizeof(char *)) };
		pthread_create(&th[t], NULL, claim_all, &c[t]);
	}
	for (int t = 0; t < T; t++)
		pthread_join(th[t], NULL);
	for (int t = 0; t < T; t++)
		total += c[t].claimed;
	assert_int_equal(total, N);
	for (int t = 0; t < T; t++)
		for (int i = 0; i < c[t].claimed; i++)
			for (int u = t; u < T; u++)
				for (int k = (u == t ? i + 1 : 0); k < c[u].claimed; k++)
					assert_string_not_equal(c[t].ids[i], c[u].ids[k]);
	for (int t = 0; t < T; t++) {
		for (int i = 0; i < c[t].claimed; i++)
			free(c[t].ids[i]);
		free(c[t].ids);
	}
	jg_store_close(s);
}

static void test_open_errors(void **state)
{
	jg_store *s = NULL;
	char *bad = jg_path_join(tmpdir, "no/such/dir/jobs.db"), *junk = jg_path_join(tmpdir, "junk.db");
	FILE *f = fopen(junk, "w");

	assert_int_equal(jg_store_open_sqlite(&s, bad), JG_EIO);
	assert_null(s);
	assert_non_null(strstr(jg_error_last(), bad));
	fputs("this is not a database, it is text long enough to be read as a header.........\n", f);
	fclose(f);
	assert_int_equal(jg_store_open_sqlite(&s, junk), JG_EIO);
	assert_non_null(strstr(jg_error_last(), "not a database"));
	jg_store_close(NULL);
	jg_job_free(NULL);
	free(bad);
	free(junk);
}

/* A finished job's callback: pending at once, then tried, then delivered
 * or failed; only due ones are handed out. */
static void test_callbacks(void **state)
{
	jg_store *s = open_store("cb.db");
	char *a = put(s, "{\"n\":1}"), *b = put(s, "{\"n\":2}");
	jg_job *j = NULL;
	int64_t far = (int64_t)1 << 50;

	for (int k = 0; k < 2; k++) {
		assert_int_equal(s->ops->claim(s, &j), 0);
		assert_int_equal(s->ops->finish(s, j->id, JG_JOB_DONE, "{}", !strcmp(j->id, a)), 0);
		jg_job_free(j);
	}
	assert_int_equal(s->ops->callback_due(s, far, &j), 0);
	assert_non_null(j);
	assert_string_equal(j->id, a);          /* b has no callback */
	assert_int_equal(j->cb_state, JG_CB_PENDING);
	assert_int_equal(j->cb_attempts, 0);
	jg_job_free(j);
	assert_int_equal(s->ops->callback_set(s, a, JG_CB_PENDING, 1, far, "connection refused"), 0);
	assert_int_equal(s->ops->callback_due(s, far - 1, &j), 0);
	assert_null(j);                          /* not due yet */
	assert_int_equal(s->ops->callback_due(s, far, &j), 0);
	assert_non_null(j);
	assert_int_equal(j->cb_attempts, 1);
	assert_string_equal(j->cb_error, "connection refused");
	jg_job_free(j);
	assert_int_equal(s->ops->callback_set(s, a, JG_CB_FAILED, 5, 0, "HTTP 500"), 0);
	assert_int_equal(s->ops->callback_due(s, far, &j), 0);
	assert_null(j);
	assert_int_equal(s->ops->get(s, a, &j), 0);
	assert_int_equal(j->cb_state, JG_CB_FAILED);
	assert_string_equal(jg_callback_state_name(j->cb_state), "failed");
	assert_string_equal(j->result, "{}");    /* the result stays */
	jg_job_free(j);
	assert_int_equal(s->ops->get(s, b, &j), 0);
	assert_int_equal(j->cb_state, JG_CB_NONE);
	jg_job_free(j);
	free(a);
	free(b);
	jg_store_close(s);
}

/* A database of the first schema (no cb_ columns) opens, gains them, and
 * keeps its jobs. */
static void test_migrate(void **state)
{
	char *p = jg_path_join(tmpdir, "old.db"), *cmd = NULL;
	jg_store *s = NULL;
	jg_job *j = NULL;

	assert_true(asprintf(&cmd, "sqlite3 %s \"CREATE TABLE jobs (id TEXT PRIMARY KEY, state INTEGER NOT NULL, "
			     "kind TEXT NOT NULL, request TEXT NOT NULL, result TEXT, created_ms INTEGER NOT NULL, "
			     "updated_ms INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0); INSERT INTO jobs "
			     "VALUES ('00112233445566778899aabbccddeeff', 0, 'v1', '{}', NULL, 1, 1, 0);\"", p) > 0);
	if (system(cmd) != 0)
		skip();                              /* no sqlite3 shell here */
	assert_int_equal(jg_store_open_sqlite(&s, p), 0);
	assert_int_equal(s->ops->claim(s, &j), 0);
	assert_non_null(j);
	assert_string_equal(j->id, "00112233445566778899aabbccddeeff");
	assert_int_equal(s->ops->finish(s, j->id, JG_JOB_DONE, "{}", 1), 0);
	jg_job_free(j);
	assert_int_equal(s->ops->callback_due(s, (int64_t)1 << 50, &j), 0);
	assert_non_null(j);
	jg_job_free(j);
	jg_store_close(s);
	/* and a second open finds the columns there */
	assert_int_equal(jg_store_open_sqlite(&s, p), 0);
	jg_store_close(s);
	free(cmd);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_restart),
		cmocka_unit_test(test_concurrent),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_callbacks),
		cmocka_unit_test(test_migrate),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
