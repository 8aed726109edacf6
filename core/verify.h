/* core/verify.h - pre-validates a contest problem package (judge verify).
 *
 * jg_verify_run() reads the package leniently (a missing .ans is a finding,
 * not a failure), checks its data, runs its input validators on every .in
 * and its output validator on every .ans, then judges its reference
 * submissions (core/expect.h says what each is expected to get):
 *
 *   1. submissions expected to be accepted, at the fixed time limit or, when
 *      none is fixed, at a generous provisional one;
 *   2. the time limit: derived from the slowest of them,
 *        TL = max(1, ceil(slowest x ac_to_time_limit / res)) x res,
 *      or, when fixed, checked against slowest x ac_to_time_limit;
 *   3. every other submission at TL and again at TL x time_limit_to_tle in
 *      the same container (compiled once); differing verdicts make the
 *      package "sensitive to time limit".
 *
 * Everything it finds wrong is data: findings (errors and warnings) and per
 * submission a `ok` flag and notes.  Only judge errors (Docker down, image
 * missing, interrupted) and unreadable packages are returned as errors.
 */
#ifndef JG_VERIFY_H
#define JG_VERIFY_H

#include "bundle.h"
#include "findings.h"
#include "lang.h"
#include "result.h"

#define JG_VERIFY_PROVISIONAL_TL 10.0   /* seconds: accepted runs before TL is known */

typedef struct {
	const char     *docker_host;
	int             jobs;
	const jg_langs *langs;
	double          time_limit;      /* > 0: --time-limit fixes TL */
	double          provisional_tl;  /* 0: JG_VERIFY_PROVISIONAL_TL */
	/* Progress: called (serialised) as each run finishes; may be NULL. */
	void (*on_done)(void *ud, const char *phase, const jg_submission_result *r,
			size_t done, size_t total);
	void           *ud;
} jg_verify_opts;

typedef struct {
	char     *rel;        /* "accepted/sol.cpp", relative to submissions/ */
	int       checked;    /* 1: has an expectation to meet */
	int       ok;         /* checked and met (unchecked ones are 1) */
	int       skipped;    /* unknown language: listed, not judged */
	char     *groups;     /* "sample:AC secret:WA(12/20)" */
	char    **notes;      /* NULL-terminated one-line notes, may be NULL */
} jg_verify_sub;

typedef struct {
	jg_report     *report;       /* one entry per submission, expected filled */
	jg_verify_sub *subs;         /* parallel to report->subs */
	jg_findings    findings;     /* about the package, submissions excluded */
	double         time_limit;   /* the TL used (fixed or derived), seconds */
	int            tl_derived;   /* 1: derived from accepted submissions */
	char          *tl_note;      /* how it was set: "derived: accepted/slow.py 0.310 s x 5" */
	double         tl_high;      /* TL x time_limit_to_tle */
	int            scoring;      /* scoring problem: scores filled */
	int            interrupted;
	int            judge_error;  /* some run failed for the judge's reasons (JE) */
} jg_verification;

/* Returns 0 with *out filled (findings and mismatches included; judge_error
 * set when some run was a JE), or a negative code: JG_EINPUT/JG_ELIMIT when
 * the package cannot be read at all (*out NULL), JG_EDOCKER, JG_ENOIMAGE,
 * JG_EINTR... when judging failed as a whole (*out then holds what was done,
 * judge_error set). */
int  jg_verify_run(jg_verification **out, const char *problem, const jg_verify_opts *opts);
void jg_verification_free(jg_verification *v);     /* NULL is a no-op */

/* TL = max(1, ceil(slowest x multiplier / res)) x res (exposed for tests). */
double jg_verify_derive_tl(double slowest, double multiplier, double resolution);

/* 1 when a submission that got `got` (per-test verdicts in tests) meets the
 * expectation of a submission result (expected_set) (exposed for tests). */
int jg_verify_meets(unsigned expected_set, jg_verdict got);

#endif
