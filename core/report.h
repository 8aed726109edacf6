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

/* Writes to a path ("-" is stdout) atomically (temp file + rename). */
int jg_report_save_json(const jg_report *r, const char *path);
int jg_report_save_junit(const jg_report *r, const char *path);

#endif
