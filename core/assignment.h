/* core/assignment.h - what `judge grade` adds to a bundle: points, hidden
 * tests and submission rules, from the bundle's optional assignment.yaml
 * (documented in docs/grading.md).
 *
 *   points:             # default: 1 point per test
 *     default: 1        # points of a test no other key names
 *     tests:  {"secret/03-big": 3}       # one test
 *     groups: {"secret/big": 10}         # a directory of tests, all or nothing
 *   hidden: [secret/big]  # fnmatch patterns or directories of test names; default: every
 *                         # test outside sample/ is hidden
 *   languages: [c, cpp]   # allowed languages (default: any)
 *   required_files: [sum.c]
 *   forbidden:
 *     - pattern: '#include\s*<algorithm>'   # POSIX extended regex (GNU \s \w ok)
 *       message: "do not use <algorithm>"
 *       files: "*.cpp"                       # optional fnmatch on file names
 *
 * The grading items are what scores: each test that no group takes is an
 * item of its own; each group in points.groups is one item passed only when
 * all its tests are AC.  Items keep the bundle's test order.
 */
#ifndef JG_ASSIGNMENT_H
#define JG_ASSIGNMENT_H

#include <regex.h>
#include <stddef.h>
#include "bundle.h"
#include "result.h"

typedef struct {
	char   *name;       /* test name, or group directory */
	double  points;
	size_t  first, count;  /* its tests: indices into `tests` of jg_assignment */
} jg_grade_item;

typedef struct {
	regex_t re;
	char   *pattern;
	char   *message;    /* shown to the student; never NULL */
	char   *files;      /* fnmatch pattern, or NULL for every file */
} jg_forbidden;

typedef struct {
	char          *file;        /* the assignment.yaml path, NULL when absent */
	jg_grade_item *items;
	size_t         nitems;
	size_t        *tests;       /* test indices (bundle order), grouped by item */
	int           *hidden;      /* per bundle test: 1 when hidden */
	size_t         ntests;
	double         max;         /* sum of the items' points */
	char         **languages;   /* NULL: any */
	char         **required;    /* NULL: none */
	jg_forbidden  *forbidden;
	size_t         nforbidden;
	char         **warnings;    /* unknown keys...; NULL-terminated or NULL */
} jg_assignment;

/* Reads <bundle>/assignment.yaml when present (defaults otherwise).
 * Returns 0, or JG_EINPUT ("assignment.yaml:LINE:COL: ..." or naming the
 * key: an unknown test or group, negative points, a bad regex), JG_ENOMEM. */
int  jg_assignment_load(jg_assignment **out, const jg_bundle *b);
void jg_assignment_free(jg_assignment *a);   /* NULL is a no-op */

/* One student's program against the rules: files are (name, path) pairs
 * as the student named them.  Returns 0 with *why NULL when it complies,
 * 0 with *why a heap-allocated one-line reason when not; JG_EIO when a
 * file cannot be read. */
int jg_assignment_check(char **why, const jg_assignment *a, const char *language,
			const char *const *names, const char *const *paths, size_t nfiles);

/* Score of a judged submission: the points of its passed items. */
double jg_assignment_score(const jg_assignment *a, const jg_submission_result *s);
/* 1 when item i is passed (every test of it AC). */
int jg_assignment_item_passed(const jg_assignment *a, size_t i, const jg_submission_result *s);

#endif
