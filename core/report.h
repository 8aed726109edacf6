/* core/report.h - JSON and JUnit XML reports of a jg_report.
 *
 * JSON: schema documented in docs/report-schema.md ("version": 1).
 * JUnit: testsuites > testsuite (one per submission) > testcase (one per
 * test), valid against shared/schemas/junit-10.xsd; output captured from a
 * submission is capped and marked "[truncated N bytes]"; invalid UTF-8 and
 * XML-illegal characters are replaced.  Writers never close `f`.
 */
#ifndef JG_REPORT_H
#define JG_REPORT_H

#include <stdio.h>
#include "result.h"

#define JG_REPORT_SCHEMA_VERSION 1

/* Return 0, or JG_EIO when writing fails, JG_ENOMEM. */
int jg_report_write_json(const jg_report *r, FILE *f);
int jg_report_write_junit(const jg_report *r, FILE *f);

/* Streaming JUnit, for callers that never hold every submission at once
 * (judge grade): the totals are summed with jg_junit_count over every
 * submission first, then begin, one suite per submission (r->subs[si], its
 * `id` attribute `id`), end.  jg_junit_end returns as jg_report_write_junit. */
typedef struct jg_junit_counts_s {
	size_t    tests, failures, errors, skipped;
	long long ms;
} jg_junit_counts;
void jg_junit_count(jg_junit_counts *all, const jg_submission_result *s);
void jg_junit_begin(FILE *f, const char *name, const jg_junit_counts *all);
void jg_junit_suite(FILE *f, const jg_report *r, size_t si, size_t id);
int  jg_junit_end(FILE *f);

/* One submission's JSON object as in the report (caller owns it; NULL on
 * out of memory), and back: fills *out (zeroed first; the caller clears it
 * with jg_submission_result_clear) from such an object, fields missing or
 * of the wrong type left at their defaults.  Returns 0 or JG_ENOMEM. */
struct json_t;
struct json_t *jg_report_submission_json(const jg_submission_result *s);
int jg_report_submission_parse(jg_submission_result *out, const struct json_t *o);
/* A whole report back from its JSON (*out: the caller's, jg_report_free),
 * fields missing or of the wrong type left at their defaults.  Returns 0 or
 * JG_ENOMEM. */
int jg_report_parse(jg_report **out, const struct json_t *o);

/* A free-form JUnit testcase, for reports that are not one suite per
 * submission (judge verify: one testcase per submission and per check). */
typedef struct {
	const char *name;
	const char *classname;
	double      time;       /* seconds */
	const char *type;       /* failure/error type ("WA", "data"...), NULL: "failure" */
	const char *message;    /* one line; NULL: the case passed */
	const char *detail;     /* element text of the failure, may be NULL */
	int         error;      /* 1: an <error> (judge error), not a <failure> */
	int         skipped;    /* 1: <skipped> with `message` */
} jg_junit_case;

/* One <testsuite name=suite> holding the cases, inside <testsuites>;
 * properties are name/value pairs (NULL-terminated, values may be NULL). */
int jg_junit_write_cases(FILE *f, const char *suite, const char *const *properties,
			 const jg_junit_case *cases, size_t n);
int jg_junit_save_cases(const char *path, const char *suite, const char *const *properties,
			const jg_junit_case *cases, size_t n);

/* Writes to a path ("-" is stdout) atomically (temp file + rename). */
int jg_report_save_json(const jg_report *r, const char *path);
int jg_report_save_junit(const jg_report *r, const char *path);

#endif
