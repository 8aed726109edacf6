/* core/store.h - where `judge serve` keeps its jobs: what was submitted,
 * where each stands, and the result.
 *
 * An interface (a table of operations) so that another backend, such as a
 * PostgreSQL shared by several `judge serve` nodes, can replace the one
 * implementation here: SQLite in one file (jg_store_open_sqlite).
 *
 * A job goes queued -> running -> done | error.  claim() hands the oldest
 * queued job to one worker (atomically: two workers never get the same
 * job).  Jobs left running by a server that died (kill -9, power loss after
 * the commit) go back to the queue with requeue_running(), which the server
 * calls once at start: no accepted job is lost.  A job is accepted once
 * put() has returned: the row is committed (SQLite WAL, synchronous=NORMAL:
 * a killed process loses nothing committed; a power cut may lose the last
 * commits).
 *
 * Every operation is safe to call from several threads.  Strings handed
 * out are the caller's (jg_job_free).  Failures are JG_EIO (with the
 * database's message) or JG_ENOMEM; an unknown id is not an error.
 */
#ifndef JG_STORE_H
#define JG_STORE_H

#include <stddef.h>
#include <stdint.h>

typedef enum { JG_JOB_QUEUED = 0, JG_JOB_RUNNING, JG_JOB_DONE, JG_JOB_ERROR } jg_job_state;

#define JG_JOB_ID_LEN 32     /* hex characters of a job id */

typedef enum { JG_CB_NONE = 0, JG_CB_PENDING, JG_CB_DELIVERED, JG_CB_FAILED } jg_callback_state;

typedef struct {
	char        *id;         /* JG_JOB_ID_LEN lower-case hex characters */
	jg_job_state state;
	char        *kind;       /* which API accepted it ("v1", "piston", ...) */
	char        *request;    /* the request, as accepted (JSON text) */
	char        *result;     /* done / error: the result (JSON text), else NULL */
	int64_t      created_ms; /* Unix time in milliseconds */
	int64_t      updated_ms;
	int          attempts;   /* times a worker claimed it */
	jg_callback_state cb_state;   /* delivery of the result to the request's
				       * callback_url */
	int          cb_attempts;     /* deliveries tried */
	int64_t      cb_next_ms;      /* pending: when to try next */
	char        *cb_error;        /* the last failed try's reason, or NULL */
} jg_job;

typedef struct jg_store jg_store;

typedef struct {
	/* Adds a queued job unless `max_queued` (> 0) jobs are queued already:
	 * then returns 1 and adds nothing.  *id (heap) is the new job's. */
	int  (*put)(jg_store *s, const char *kind, const char *request, size_t max_queued, char **id);
	/* The oldest queued job, now running, or *out NULL when none is queued. */
	int  (*claim)(jg_store *s, jg_job **out);
	/* A running job's end: JG_JOB_DONE or JG_JOB_ERROR with its result;
	 * callback 1: its callback is now pending, due at once (in the same
	 * commit, so a crash cannot lose it). */
	int  (*finish)(jg_store *s, const char *id, jg_job_state state, const char *result, int callback);
	/* Back to the queue (a worker that stops before finishing it). */
	int  (*requeue)(jg_store *s, const char *id);
	/* *out NULL when there is no such job. */
	int  (*get)(jg_store *s, const char *id, jg_job **out);
	/* Every running job back to queued; *n how many. */
	int  (*requeue_running)(jg_store *s, size_t *n);
	int  (*count)(jg_store *s, jg_job_state state, size_t *n);
	/* The pending callback due soonest, if due by now_ms; else *out NULL. */
	int  (*callback_due)(jg_store *s, int64_t now_ms, jg_job **out);
	/* Records a delivery try: state, tries so far, the next try's time
	 * (pending) and the last error (or NULL). */
	int  (*callback_set)(jg_store *s, const char *id, jg_callback_state state, int attempts, int64_t next_ms,
			     const char *error);
	void (*close)(jg_store *s);
} jg_store_ops;

struct jg_store {
	const jg_store_ops *ops;
};

/* Opens (creating it and its tables when missing) the SQLite database at
 * path.  Returns 0, JG_EIO ("PATH: message"), JG_ENOMEM. */
int  jg_store_open_sqlite(jg_store **out, const char *path);
void jg_store_close(jg_store *s);        /* NULL is a no-op */
void jg_job_free(jg_job *j);             /* NULL is a no-op */
const char *jg_job_state_name(jg_job_state s);   /* "queued", "running", "done", "error" */
const char *jg_callback_state_name(jg_callback_state s);  /* "none", "pending", "delivered", "failed" */

#endif
