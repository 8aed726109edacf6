/* core/store_sqlite.c - the job store in one SQLite file (see store.h).
 *
 * One connection, serialized by SQLite itself (SQLITE_OPEN_FULLMUTEX); each
 * operation is one statement or one IMMEDIATE transaction, so claims never
 * race.  Table:
 *   jobs(id TEXT PRIMARY KEY, state INTEGER, kind TEXT, request TEXT,
 *        result TEXT, created_ms INTEGER, updated_ms INTEGER, attempts INTEGER,
 *        cb_state INTEGER, cb_attempts INTEGER, cb_next_ms INTEGER, cb_error TEXT)
 * with an index on (state, created_ms) for claim() and count(), and one on
 * (cb_state, cb_next_ms) for callback_due().  The cb_ columns were added
 * after the first version: opening an older database adds them.
 */
#define _GNU_SOURCE
#include "store.h"
#include "error.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

typedef struct {
	jg_store        base;
	sqlite3        *db;
	pthread_mutex_t lock;    /* makes claim()'s transaction and its reads one step */
} sqlite_store;

static const char schema[] =
	"PRAGMA journal_mode=WAL;"
	"PRAGMA synchronous=NORMAL;"
	"CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, state INTEGER NOT NULL, kind TEXT NOT NULL,"
	" request TEXT NOT NULL, result TEXT, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
	" attempts INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, created_ms);";

/* Columns added since the first schema (ALTER TABLE fails harmlessly with
 * "duplicate column" when present). */
static const char *const added_columns[] = {
	"cb_state INTEGER NOT NULL DEFAULT 0", "cb_attempts INTEGER NOT NULL DEFAULT 0",
	"cb_next_ms INTEGER NOT NULL DEFAULT 0", "cb_error TEXT", NULL
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int db_error(sqlite_store *s, const char *what)
{
	return jg_error_set(JG_EIO, "job store: %s: %s", what, sqlite3_errmsg(s->db));
}

static char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

static int new_id(char **out)
{
	unsigned char raw[JG_JOB_ID_LEN / 2];
	char *id = malloc(JG_JOB_ID_LEN + 1);

	if (!id)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw)) {
		free(id);
		return jg_error_errno(JG_EIO, "getrandom");
	}
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(id + 2 * i, 3, "%02x", raw[i]);
	*out = id;
	return 0;
}

/* ---- rows ---- */

#define JOB_COLUMNS "id, state, kind, request, result, created_ms, updated_ms, attempts, " \
	"cb_state, cb_attempts, cb_next_ms, cb_error"

static int read_job(sqlite3_stmt *st, jg_job **out)
{
	jg_job *j = calloc(1, sizeof(*j));

	if (!j)
		return jg_error_set(JG_ENOMEM, "out of memory");
	j->id = column_text(st, 0);
	j->state = (jg_job_state)sqlite3_column_int(st, 1);
	j->kind = column_text(st, 2);
	j->request = column_text(st, 3);
	j->result = column_text(st, 4);
	j->created_ms = sqlite3_column_int64(st, 5);
	j->updated_ms = sqlite3_column_int64(st, 6);
	j->attempts = sqlite3_column_int(st, 7);
	j->cb_state = (jg_callback_state)sqlite3_column_int(st, 8);
	j->cb_attempts = sqlite3_column_int(st, 9);
	j->cb_next_ms = sqlite3_column_int64(st, 10);
	j->cb_error = column_text(st, 11);
	if (!j->id || !j->kind || !j->request) {
		jg_job_free(j);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	*out = j;
	return 0;
}

static int prepare(sqlite_store *s, sqlite3_stmt **st, const char *sql)
{
	return sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK ? 0 : db_error(s, "prepare");
}

/* Runs a statement that returns at most one job (*out stays NULL when none). */
static int fetch_one(sqlite_store *s, sqlite3_stmt *st, jg_job **out, const char *what)
{
	int rc = 0;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		rc = read_job(st, out);
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = db_error(s, what);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Runs a statement that returns no rows; *changes how many rows it touched. */
static int exec_stmt(sqlite_store *s, sqlite3_stmt *st, size_t *changes)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(s, "write");
	if (rc == 0 && changes)
		*changes = (size_t)sqlite3_changes(s->db);
	sqlite3_finalize(st);
	return rc;
}

/* ---- operations ---- */

static int count_state(sqlite_store *s, jg_job_state state, size_t *n)
{
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "SELECT count(*) FROM jobs WHERE state = ?");

	if (rc < 0)
		return rc;
	sqlite3_bind_int(st, 1, (int)state);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(st, 0);
	else
		rc = db_error(s, "count");
	sqlite3_finalize(st);
	return rc;
}

static int op_count(jg_store *base, jg_job_state state, size_t *n)
{
	return count_state((sqlite_store *)base, state, n);
}

static int insert(sqlite_store *s, const char *id, const char *kind, const char *request)
{
	sqlite3_stmt *st;
	int64_t t = now_ms();
	int rc = prepare(s, &st, "INSERT INTO jobs (" JOB_COLUMNS ") VALUES (?, ?, ?, ?, NULL, ?, ?, 0, 0, 0, 0, NULL)");

	if (rc < 0)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, JG_JOB_QUEUED);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, request, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, t);
	sqlite3_bind_int64(st, 6, t);
	return exec_stmt(s, st, NULL);
}

static int op_put(jg_store *base, const char *kind, const char *request, size_t max_queued, char **id)
{
	sqlite_store *s = (sqlite_store *)base;
	size_t queued = 0;
	int rc;

	*id = NULL;
	pthread_mutex_lock(&s->lock);
	if ((rc = max_queued ? count_state(s, JG_JOB_QUEUED, &queued) : 0) == 0 && max_queued && queued >= max_queued)
		rc = 1;
	if (rc == 0 && (rc = new_id(id)) == 0 && (rc = insert(s, *id, kind, request)) < 0) {
		free(*id);
		*id = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	return rc;
}

/* Marks one queued job running; *out the job, NULL when none. */
static int take_oldest(sqlite_store *s, jg_job **out)
{
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "UPDATE jobs SET state = 1, attempts = attempts + 1, updated_ms = ? WHERE id = "
				 "(SELECT id FROM jobs WHERE state = 0 ORDER BY created_ms, rowid LIMIT 1) "
				 "RETURNING " JOB_COLUMNS);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, now_ms());
	return fetch_one(s, st, out, "claim");
}

static int op_claim(jg_store *base, jg_job **out)
{
	sqlite_store *s = (sqlite_store *)base;
	int rc;

	*out = NULL;
	pthread_mutex_lock(&s->lock);
	rc = take_oldest(s, out);
	pthread_mutex_unlock(&s->lock);
	return rc;
}

static int set_state(sqlite_store *s, const char *id, jg_job_state from, jg_job_state to, const char *result,
		     int callback)
{
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "UPDATE jobs SET state = ?, result = ?, updated_ms = ?, cb_state = ?, "
				 "cb_next_ms = ?3 WHERE id = ? AND state = ?");

	if (rc < 0)
		return rc;
	sqlite3_bind_int(st, 1, (int)to);
	if (result)
		sqlite3_bind_text(st, 2, result, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_int64(st, 3, now_ms());
	sqlite3_bind_int(st, 4, callback ? JG_CB_PENDING : JG_CB_NONE);
	sqlite3_bind_text(st, 5, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, (int)from);
	return exec_stmt(s, st, NULL);
}

static int op_finish(jg_store *base, const char *id, jg_job_state state, const char *result, int callback)
{
	if (state != JG_JOB_DONE && state != JG_JOB_ERROR)
		return jg_error_set(JG_EINTERNAL, "job store: finish with state %d", (int)state);
	return set_state((sqlite_store *)base, id, JG_JOB_RUNNING, state, result, callback);
}

static int op_requeue(jg_store *base, const char *id)
{
	return set_state((sqlite_store *)base, id, JG_JOB_RUNNING, JG_JOB_QUEUED, NULL, 0);
}

static int op_callback_due(jg_store *base, int64_t now, jg_job **out)
{
	sqlite_store *s = (sqlite_store *)base;
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "SELECT " JOB_COLUMNS " FROM jobs WHERE cb_state = 1 AND cb_next_ms <= ? "
				 "ORDER BY cb_next_ms LIMIT 1");

	*out = NULL;
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, now);
	return fetch_one(s, st, out, "callback_due");
}

static int op_callback_set(jg_store *base, const char *id, jg_callback_state state, int attempts, int64_t next,
			   const char *error)
{
	sqlite_store *s = (sqlite_store *)base;
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "UPDATE jobs SET cb_state = ?, cb_attempts = ?, cb_next_ms = ?, cb_error = ? "
				 "WHERE id = ?");

	if (rc < 0)
		return rc;
	sqlite3_bind_int(st, 1, (int)state);
	sqlite3_bind_int(st, 2, attempts);
	sqlite3_bind_int64(st, 3, next);
	if (error)
		sqlite3_bind_text(st, 4, error, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, id, -1, SQLITE_STATIC);
	return exec_stmt(s, st, NULL);
}

static int op_get(jg_store *base, const char *id, jg_job **out)
{
	sqlite_store *s = (sqlite_store *)base;
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "SELECT " JOB_COLUMNS " FROM jobs WHERE id = ?");

	*out = NULL;
	if (rc < 0)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	return fetch_one(s, st, out, "get");
}

static int op_requeue_running(jg_store *base, size_t *n)
{
	sqlite_store *s = (sqlite_store *)base;
	sqlite3_stmt *st;
	int rc = prepare(s, &st, "UPDATE jobs SET state = 0, updated_ms = ? WHERE state = 1");

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, now_ms());
	return exec_stmt(s, st, n);
}

static void op_close(jg_store *base)
{
	sqlite_store *s = (sqlite_store *)base;
	sqlite3_close(s->db);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static const jg_store_ops sqlite_ops = {
	op_put, op_claim, op_finish, op_requeue, op_get, op_requeue_running, op_count, op_callback_due,
	op_callback_set, op_close
};

/* Adds the columns an older database lacks. */
static int migrate(sqlite_store *s, const char *path)
{
	for (size_t i = 0; added_columns[i]; i++) {
		char sql[160], *err = NULL;
		snprintf(sql, sizeof(sql), "ALTER TABLE jobs ADD COLUMN %s", added_columns[i]);
		if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK && (!err || !strstr(err, "duplicate column"))) {
			int rc = jg_error_set(JG_EIO, "%s: %s", path, err ? err : sqlite3_errmsg(s->db));
			sqlite3_free(err);
			return rc;
		}
		sqlite3_free(err);
	}
	return sqlite3_exec(s->db, "CREATE INDEX IF NOT EXISTS jobs_callback ON jobs (cb_state, cb_next_ms)", NULL,
			    NULL, NULL) == SQLITE_OK ? 0 : db_error(s, path);
}

int jg_store_open_sqlite(jg_store **out, const char *path)
{
	sqlite_store *s = calloc(1, sizeof(*s));
	char *err = NULL;
	int rc = 0;

	*out = NULL;
	if (!s)
		return jg_error_set(JG_ENOMEM, "out of memory");
	s->base.ops = &sqlite_ops;
	pthread_mutex_init(&s->lock, NULL);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
			    NULL) != SQLITE_OK)
		rc = jg_error_set(JG_EIO, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
	else if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK ||
		 sqlite3_exec(s->db, schema, NULL, NULL, &err) != SQLITE_OK)
		rc = jg_error_set(JG_EIO, "%s: %s", path, err ? err : sqlite3_errmsg(s->db));
	sqlite3_free(err);
	if (rc == 0)
		rc = migrate(s, path);
	if (rc < 0) {
		op_close(&s->base);
		return rc;
	}
	*out = &s->base;
	return 0;
}

void jg_store_close(jg_store *s)
{
	if (s)
		s->ops->close(s);
}

void jg_job_free(jg_job *j)
{
	if (!j)
		return;
	free(j->id);
	free(j->kind);
	free(j->request);
	free(j->result);
	free(j->cb_error);
	free(j);
}

const char *jg_job_state_name(jg_job_state s)
{
	static const char *const names[] = { "queued", "running", "done", "error" };
	return (unsigned)s < 4 ? names[s] : "?";
}

const char *jg_callback_state_name(jg_callback_state s)
{
	static const char *const names[] = { "none", "pending", "delivered", "failed" };
	return (unsigned)s < 4 ? names[s] : "?";
}
