/* core/score.h - test data groups (testdata.yaml) and verdict/score aggregation.
 *
 * A bundle's test data form a tree of groups, one per directory: the root
 * data/ (named ""), data/sample, data/secret and every directory below
 * those two ("secret/group1", "secret/group1/small").  A test belongs to
 * the deepest directory holding it.  jg_groups_load() reads the
 * testdata.yaml of every group (test_group.yaml, the 2023-07 name, when a
 * directory has no testdata.yaml); settings are inherited key by key from
 * the closest ancestor that sets them.  docs/scoring.md is the reference
 * for problem authors: keys, defaults, aggregation rules, deviations.
 *
 * Groups are numbered 0..jg_groups_count()-1 in lexicographic order of
 * their names, so the root is 0 and a parent comes before its subgroups.
 * Tests are numbered as in the bundle (b->tests), whose order is the
 * judging order; the tests of a group and its subgroups are contiguous.
 *
 * A jg_groups owns all its strings and is read-only after loading, so
 * several threads may query one at once.  Functions taking a test or group
 * index require it to be in range (checked: out of range gives "", 0 or
 * SIZE_MAX as documented, never a crash).
 */
#ifndef JG_SCORE_H
#define JG_SCORE_H

#include <stddef.h>

#include "bundle.h"
#include "result.h"

typedef struct jg_groups jg_groups;

/* The result of one group (or of the whole problem: the root). */
typedef struct {
	jg_verdict verdict;      /* JG_SKIPPED: nothing in it ran, or nothing failed
				  * but not everything ran; see docs/scoring.md */
	double     score;        /* scoring problems; 0 for pass-fail ones */
	double     max_score;    /* the most this group can score (INFINITY:
				  * 2023-07 "unbounded"); 0 for pass-fail problems */
	size_t     ntests;       /* tests in the group and its subgroups */
	size_t     nac;          /* of which accepted */
	int        out_of_range; /* some score in the group (or below) fell outside
				  * its range / maximum and was clamped into it */
} jg_group_result;

/* Builds the group tree of bundle b; the result keeps no pointer into b,
 * which may be freed first.  Warnings (unknown keys, unsupported features)
 * are appended to *warnings (NULL-terminated vector, may be NULL on entry;
 * warnings itself may be NULL to drop them).  Returns 0, or after
 * jg_error_set(): JG_EINPUT (malformed testdata.yaml, one line naming the
 * file and, when known, the line: "<root>/data/secret/testdata.yaml:3:
 * range: expected ..."), JG_ELIMIT (a file over 1 MiB, a data/ tree over
 * the walk caps), JG_EIO, JG_ENOMEM, or JG_EINTERNAL (b's test list is not
 * what jg_bundle_open() makes).  *out is NULL on failure. */
int  jg_groups_load(jg_groups **out, const jg_bundle *b, char ***warnings);
void jg_groups_free(jg_groups *g);                       /* NULL is a no-op */

size_t      jg_groups_count(const jg_groups *g);         /* >= 1 (the root) */
/* "" for the root, then "sample", "secret", "secret/group1", ...; "" when
 * i is out of range.  Owned by g. */
const char *jg_groups_name(const jg_groups *g, size_t i);
/* The parent group's index; SIZE_MAX for the root (and out of range). */
size_t      jg_groups_parent(const jg_groups *g, size_t i);
/* 1 when group i has no test in it or below it (a data check warns). */
int         jg_groups_empty(const jg_groups *g, size_t i);
/* The group a test belongs to (its deepest directory); SIZE_MAX if out of range. */
size_t      jg_groups_of_test(const jg_groups *g, size_t test);

/* The validator flags in effect for a test, "" when none; owned by g.  The
 * output validator flags go after problem.yaml's validator_flags. */
const char *jg_groups_input_flags(const jg_groups *g, size_t test);
const char *jg_groups_output_flags(const jg_groups *g, size_t test);
/* 1 when the test's own group says on_reject: continue. Only the innermost
 * group: jg_groups_should_run() applies the whole rule. */
int         jg_groups_continue_on_reject(const jg_groups *g, size_t test);
/* 1 when test `test` must be judged, given the results of tests
 * 0..test-1 in tests[] (not-run ones JG_SKIPPED; tests may be NULL when
 * test is 0): 0 when some enclosing group with on_reject: break already
 * has a failed test or subgroup (by that subgroup's aggregated verdict),
 * or when test is out of range.  Costs O(test) per call. */
int         jg_groups_should_run(const jg_groups *g, const jg_test_result *tests,
				 size_t test);

/* Aggregates the results of every test (tests[i] is test i; ntests must be
 * the bundle's test count, else JG_EINTERNAL).  Tests not judged must carry
 * JG_SKIPPED.  scoring: 0 for pass-fail problems (scores and maxima are 0),
 * 1 for scoring problems.  out: NULL, or jg_groups_count() entries filled
 * per group (empty groups: JG_SKIPPED, all zero); total: NULL, or the
 * root's result.  Uses only verdict, has_score and score of each test.
 * Returns 0 or JG_EINTERNAL. */
int jg_groups_aggregate(const jg_groups *g, const jg_test_result *tests, size_t ntests,
			int scoring, jg_group_result *out, jg_group_result *total);

#endif
