/* core/grade_out.h - every report of a graded batch, generated from its
 * results.jsonl (core/grade.h) one record at a time: the file is indexed
 * (student id -> offset of the last record of that id), then each record
 * is read, written to every output and freed, in order of student id.
 *
 * Student-facing outputs (JUnit, Gradescope, GitHub, feedback files) never
 * show a hidden test's input, expected output, output or validator
 * message: only its verdict.  The instructor's CSV and JSON keep everything.
 * Formats: docs/grading.md.
 */
#ifndef JG_GRADE_OUT_H
#define JG_GRADE_OUT_H

#include <stddef.h>

typedef struct {
	const char *csv;          /* gradebook, or NULL */
	const char *json;         /* judge run schema + student, or NULL ("-": stdout) */
	const char *junit;        /* one testsuite per student, or NULL */
	const char *gradescope;   /* DIR/<id>/results.json (DIR/results.json when
				   * the batch is one student), or NULL */
	const char *feedback;     /* DIR/<id>.txt, or NULL */
	int         github;       /* annotations on stdout, $GITHUB_STEP_SUMMARY */
	int         incomplete;   /* the batch was interrupted: the JSON says so */
	char *const *only;        /* NULL, or the sorted ids to report (a rerun into an
				   * OUT that holds students of other runs) */
} jg_grade_outputs;

typedef struct {
	size_t students, full, je;
	double score, max;        /* sums over students */
} jg_grade_totals;

/* Returns 0, JG_EIO (an output cannot be written, naming it), JG_ENOMEM;
 * JG_EINPUT when results.jsonl holds no record. */
int jg_grade_write(const char *results, const jg_grade_outputs *o, jg_grade_totals *t);

/* Appends every record of `from` (a results.jsonl, or a --json report of
 * judge grade) to the open results file `to`.  Returns 0, JG_EINPUT naming
 * `from` when it is neither, JG_EIO. */
int jg_grade_merge_into(const char *to, const char *from);

/* GitHub workflow-command escaping (exposed for tests): data escapes % CR
 * LF; properties also ':' and ','.  Returns a heap string or NULL. */
char *jg_github_escape(const char *s, int property);

/* A field for a CSV cell (RFC 4180 quoting; a text that a spreadsheet would
 * run as a formula gets a leading '), heap-allocated or NULL. */
char *jg_csv_field(const char *s, int text);

#endif
