/* core/judge.h - judges a set of submissions against one bundle.
 *
 * Opens the Docker engine, removes containers left by judges that died,
 * makes sure every needed image exists (pulling images that are not the
 * local runtime image), packs the tests once, and runs up to `jobs`
 * submissions in parallel, one container each (two for interactive
 * problems, the validator's and the submission's: core/interactive.h).  The first non-AC test in
 * order decides a submission's verdict; unless all_tests is set, the tests
 * after it are SKIPPED.  Failures of the judge itself make the submission JE
 * (with the reason in its message), never a submission verdict.
 */
#ifndef JG_JUDGE_H
#define JG_JUDGE_H

#include "bundle.h"
#include "lang.h"
#include "result.h"
#include "submission.h"


typedef struct {
	const char *docker_host;     /* NULL: $DOCKER_HOST or the local socket */
	int         jobs;            /* submissions in parallel, >= 1 */
	int         all_tests;       /* do not stop at the first failing test */
	uint64_t    memory_mib;      /* > 0 overrides the problem's memory limit */
	const char *supervisor_path; /* NULL: next to the judge binary, else the build's */
	const jg_langs *langs;       /* for the custom validator's language */
	double      time_limit;      /* > 0 overrides the bundle's time limit for this run */
	double      high_limit;      /* > 0: judge again at this limit in the same container
				      * (verify's second pass): fills has_high/verdict_high */
	int         input_validators; /* the programs are input validators: they read
				      * the .in files as for any problem, never
				      * through an interactive pair */
	const char *cache_dir;       /* NULL, or a directory where the tests tar and the
				      * built validator are kept across runs of one bundle */
	char *const *cpusets;        /* NULL, or ncpusets CPU lists ("0", "2-3"): the
				      * k-th worker's containers are pinned to
				      * cpusets[k % ncpusets] (stable timing with -j) */
	size_t      ncpusets;
	int         caller_signals;  /* the caller handles SIGINT/SIGTERM (judge serve, whose
				      * runs overlap): no watcher thread; the caller
				      * stops runs with jg_judge_interrupt() */
	int         release_results; /* streaming: each submission's result is cleared
				      * right after on_done (which keeps what it needs),
				      * so memory stays flat over any number of them */
	/* Called (serialised) as each submission finishes; may be NULL. */
	void (*on_done)(void *ud, size_t idx, const jg_submission_result *r, size_t done, size_t total);
	/* Extra run arguments for test `test` (input validators' flags); NULL, or
	 * returning NULL, for none. */
	const char *(*test_args)(void *ud, size_t test);
	/* Output validator flags for test `test` (group flags); NULL: the problem's. */
	const char *(*test_vflags)(void *ud, size_t test);
	void       *ud;
} jg_judge_opts;

/* Returns 0 with *out filled (every submission has a result, JE ones
 * included), or a negative code when nothing could be judged at all (Docker
 * down, image missing, ...): JG_EDOCKER, JG_ENOIMAGE, JG_EINTR, ... */
int jg_judge_run(jg_report **out, const jg_bundle *b, jg_submission *const *subs, size_t nsubs,
		 const jg_judge_opts *opts);

/* Runs the problem's custom output validator on every test's answer file as
 * if it were a submission's output.  *out gets one pseudo-submission
 * ("output validator") whose tests hold AC/WA/JE and the validator's
 * message.  Problems with the default or an interactive validator, and
 * multi-pass problems, give nothing to check: *out is NULL and 0 is
 * returned.  Errors as jg_judge_run. */
int jg_judge_check_answers(jg_report **out, const jg_bundle *b, const jg_judge_opts *opts);

/* 1 once SIGINT/SIGTERM arrived during jg_judge_run, or jg_judge_interrupt()
 * was called. */
int jg_judge_interrupted(void);
/* Stops every run of the process as a signal would (for callers with
 * caller_signals): each returns JG_EINTR once its containers are removed.
 * For good: later runs are interrupted at once. */
void jg_judge_interrupt(void);

#endif
