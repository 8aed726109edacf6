/* core/grade.h - `judge grade`: every student of a batch against one
 * assignment, never aborting the batch for one student's sake.
 *
 * The state of a batch is OUT/results.jsonl: one JSON record per student
 * per line (docs/grading.md), appended and fsync'ed as each student
 * finishes, so a killed batch loses at most the students in flight.  A
 * later run into the same OUT skips every student whose record carries the
 * same content hash (bundle, options, the student's files) and is not JE.
 * Every report (CSV, JSON, JUnit, Gradescope, GitHub, feedback files) is
 * generated from results.jsonl afterwards (core/grade_out.h), one record
 * at a time, so memory does not grow with the number of students.
 *
 * A student whose submission cannot be judged at all (empty, not code,
 * unknown or disallowed language, a rule of assignment.yaml broken) gets
 * verdict CE, score 0 and a reason; a failure of the judge gets JE (exit 3)
 * and is retried by the next run.
 */
#ifndef JG_GRADE_H
#define JG_GRADE_H

#include "assignment.h"
#include "bundle.h"
#include "judge.h"
#include "lang.h"
#include "roster.h"

#define JG_GRADE_RESULTS "results.jsonl"

typedef struct {
	size_t students;     /* in this shard */
	size_t done;         /* graded so far (reused included) */
	size_t reused;       /* taken from an earlier run */
	size_t not_full;     /* below full marks so far */
	size_t je;           /* judge errors so far */
	char **ids;          /* jg_grade_run: the ids of this run's students, sorted,
			      * NULL-terminated (the caller frees it with
			      * jg_strv_free); NULL in progress calls */
} jg_grade_counts;

typedef struct {
	const char   *out_dir;       /* created when missing */
	jg_layout     layout;
	const char   *lang;          /* force every student's language, or NULL */
	int           no_resume;     /* grade everyone again */
	unsigned      shard_k;       /* 1..shard_n; shard_n 0: no sharding */
	unsigned      shard_n;
	jg_judge_opts judge;         /* jobs, cpusets, limits, docker host; the
				      * callbacks and release_results are set here */
	/* Called (serialised) after each student, and once at the start. */
	void (*progress)(void *ud, const jg_grade_counts *c);
	void         *ud;
} jg_grade_opts;

/* Returns 0 with *counts filled when every student has a record (JE ones
 * included); JG_EINPUT/JG_ELIMIT when SUBMISSIONS cannot be read at all;
 * JG_EIO when OUT cannot be written; JG_EINTR when interrupted (the
 * records written so far stay). */
int jg_grade_run(jg_grade_counts *counts, const jg_bundle *b, const jg_assignment *a,
		 const jg_langs *langs, const char *submissions, const jg_grade_opts *o);

/* Which shard (0-based) a student id falls in, of n: stable across runs
 * and hosts (FNV-1a of the id, mixed, modulo n). */
unsigned jg_grade_shard_of(const char *id, unsigned n);

#endif
