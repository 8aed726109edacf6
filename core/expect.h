/* core/expect.h - what each reference submission of a problem package is
 * expected to get, for `judge verify`.
 *
 * jg_expect_load() walks <bundle>/submissions/: every file or directory
 * directly inside a subdirectory is one submission (a directory is one
 * multi-file program).  Its expectations come from, in this order:
 *   - the directory name (accepted, wrong_answer, ... see jg_expect_dir());
 *   - a DOMjudge "@EXPECTED_RESULTS@: A, B" tag in one of its files, which
 *     narrows an official directory's set or sets an unofficial one's;
 *   - submissions/submissions.yaml (or expectations.yaml), 2023-07 rules
 *     with `permitted` / `required` verdict lists, matched by glob;
 *   - DOMjudge's submissions.json (bundle root or submissions/), which may
 *     name an `entry_point`.
 * docs/verify-expectations.md describes all of it for problem authors.
 *
 * Nothing here judges anything: the caller compares verdicts with the sets.
 * A jg_expect owns its submissions, which own their strings; everything is
 * heap-allocated and released by jg_expect_free().  On failure *out is NULL
 * and nothing is leaked.  Problems that do not stop the walk (typos in
 * directory names, stray files, unknown tag words, unknown YAML keys) become
 * warnings, one line each naming the file.
 */
#ifndef JG_EXPECT_H
#define JG_EXPECT_H

#include <stddef.h>

#include "result.h"

typedef unsigned jg_verdict_set;                 /* bits (1u << jg_verdict) */
#define JG_VSET(v) (1u << (v))

typedef struct {
	char          *path;      /* absolute path of the file or directory */
	char          *rel;       /* relative to submissions/: "accepted/sol.cpp" */
	char          *dir;       /* the submissions/ subdirectory: "accepted" */
	int            official;  /* dir is one of the official names */
	int            partial;   /* partially_accepted: 0 < score < max expected */
	jg_verdict_set expected;  /* verdicts that satisfy it; 0: not checked */
	jg_verdict_set required;  /* submissions.yaml `required`: some test's verdict
				     must be in it; 0: none */
	jg_verdict_set permitted; /* submissions.yaml `permitted`: each test's verdict
				     must be in it; 0: no rule */
	char          *entry;     /* entry point (submissions.json entry_point, else
				     submissions.yaml entrypoint), or NULL */
	jg_verdict     main;      /* the verdict to show as "expected": the first of
				     expected in the order AC WA TLE RTE MLE OLE CE,
				     or JG_AC when expected == 0 */
} jg_expect_sub;

typedef struct {
	jg_expect_sub *subs;      /* sorted by rel (strcmp) */
	size_t         nsubs;
	char         **warnings;  /* NULL-terminated, each one line naming the file;
				     NULL when there are none */
} jg_expect;

/* Maps a directory name (exact, case-sensitive) to its set; returns 1 when
 * official, 0 otherwise (*out = 0). */
int jg_expect_dir(jg_verdict_set *out, const char *name);

/* Returns the official name `name` is likely a typo of (case, '-' for '_',
 * missing '_', a plural 's', or a small edit distance), or NULL: also for
 * the official names themselves and the 2023-07 names rejected and
 * brute_force. */
const char *jg_expect_typo(const char *name);

/* Parses the first @EXPECTED_RESULTS@ in text[0..len) (NUL bytes allowed):
 * 1 found (*out set), 0 none, JG_EINPUT on an unknown word or an empty list
 * (the message says which). */
int jg_expect_tag(jg_verdict_set *out, const char *text, size_t len);

/* Discovers the submissions under bundle_root/submissions/ (none is fine:
 * nsubs 0).  Messages name files under bundle_root as the caller spelled it.
 * Returns 0, JG_EINPUT (bad submissions.yaml/json, one line naming the file
 * and the problem; more than 10000 submissions), JG_EIO, JG_ENOMEM. */
int jg_expect_load(jg_expect **out, const char *bundle_root);
void jg_expect_free(jg_expect *e);   /* NULL is a no-op */

/* "AC", "RTE|MLE|OLE" ... into buf (cut to fit); "-" for 0. Returns buf. */
const char *jg_verdict_set_str(jg_verdict_set s, char *buf, size_t cap);

/* Parses one word, case-insensitive, '-' and '_' alike: "AC", "WA", "TLE",
 * "RTE", "MLE", "OLE", "CE", DOMjudge's CORRECT, WRONG-ANSWER, TIMELIMIT,
 * RUN-ERROR, COMPILER-ERROR, NO-OUTPUT, OUTPUT-LIMIT, MEMORY-LIMIT and the
 * Kattis ACCEPTED, WRONG_ANSWER, TIME_LIMIT_EXCEEDED, RUN_TIME_ERROR.
 * Returns 0 or JG_EINPUT (*out untouched). */
int jg_verdict_set_parse_word(jg_verdict_set *out, const char *word);

#endif
