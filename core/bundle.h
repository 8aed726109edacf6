/* core/bundle.h - a problem bundle: the Kattis problem package (legacy flavour,
 * plus the 2023-07 keys limits.time_limit / limits.time_multipliers).
 *
 * jg_bundle_open() reads a directory, or extracts an archive into a private
 * temporary directory (removed by jg_bundle_free), parses problem.yaml with
 * libfyaml, resolves the time limit and lists the test cases:
 * every NAME.in/NAME.ans pair under data/sample/, then under data/secret/ (any depth), each in
 * lexicographic order of the path.  The bundle owns every string in it.
 * A function-call problem (problem.yaml `function:`) also takes NAME.json
 * tests, and has every test checked and rewritten (core/fntest.h).
 */
#ifndef JG_BUNDLE_H
#define JG_BUNDLE_H

#include <stddef.h>
#include <stdint.h>
#include "fnsig.h"

#define JG_DEFAULT_TIME_LIMIT 1.0      /* seconds, when nothing fixes one */

typedef enum {
	JG_VALIDATION_DEFAULT = 0,
	JG_VALIDATION_CUSTOM,
	JG_VALIDATION_INTERACTIVE
} jg_validation;

typedef enum {
	JG_TL_CLI = 0,      /* --time-limit */
	JG_TL_YAML,         /* limits.time_limit in problem.yaml */
	JG_TL_FILE,         /* .timelimit */
	JG_TL_INI,          /* timelimit = in domjudge-problem.ini */
	JG_TL_DEFAULT
} jg_tl_source;

typedef struct {
	char         *name;               /* problem.yaml name, else the directory name */
	double        time_limit;         /* seconds, resolved */
	jg_tl_source  time_limit_source;
	double        time_multiplier;    /* limits.time_multiplier / ac_to_time_limit; default 5 */
	double        time_safety_margin; /* limits.time_safety_margin / time_limit_to_tle; default 2 */
	double        time_resolution;    /* limits.time_resolution (2023-07); default 1 */
	int           scoring;            /* type: scoring, or legacy validation: custom score */
	uint64_t      memory_mib;         /* limits.memory; default 2048 */
	uint64_t      output_mib;         /* limits.output; default 8 */
	double        compilation_time;   /* limits.compilation_time, seconds; default 60 */
	uint64_t      compilation_memory_mib; /* limits.compilation_memory; default 2048 */
	jg_validation validation;
	char         *validator_flags;    /* "" when none */
	char         *validator_dir;      /* output_validators/<name>/ (absolute), NULL if none */
	int           multi_pass;         /* type: multi-pass, or legacy validation: custom multi-pass
					   * (implies a custom validator) */
	unsigned      validation_passes;  /* limits.validation_passes: most passes per test of a
					   * multi-pass problem; default 2 */
	jg_fnsig     *function;           /* function: a function-call problem (the
					   * submission is a function; tests are
					   * JSON), else NULL */
	int           execute;            /* ad-hoc runs with no expected output
					   * (core/adhoc.h): a clean exit is AC, and
					   * each test's stdout and stderr are kept */
} jg_problem;

typedef struct {
	char    *name;      /* path under data/ without extension: "sample/1" */
	char    *in_path;   /* absolute */
	char    *ans_path;  /* absolute */
	uint64_t in_size;
	uint64_t ans_size;
} jg_testcase;

typedef struct {
	char        *root;           /* absolute path of the bundle directory */
	char        *extracted_dir;  /* temp dir when the bundle was an archive, else NULL */
	char        *gen_dir;        /* function-call problems: temp dir holding every test
				      * rewritten as N.in / N.ans (fntest.h), which
				      * in_path / ans_path then name; else NULL */
	jg_problem   problem;
	jg_testcase *tests;
	size_t       ntests;
	char       **warnings;       /* NULL-terminated; unknown keys etc. (shown with -v) */
	char       **errors;         /* opts.lenient only: NULL-terminated, NULL when none;
				      * one line per unpaired test file, relative to
				      * root, "FILE: MESSAGE" with no ": " in MESSAGE:
				      * "data/secret/3.in: no matching .ans",
				      * "data/secret/4.ans: no matching .in" */
} jg_bundle;

typedef struct {
	double      time_limit;      /* > 0: --time-limit overrides everything */
	const char *workdir;         /* where archives are extracted; NULL: $TMPDIR */
	int         lenient;         /* 1 (judge verify): an unpaired .in or .ans is left
				      * out and recorded in b->errors, and a bundle with
				      * no test cases opens (ntests 0) */
} jg_bundle_opts;

/* Returns 0, JG_EINPUT (one line naming the file and the problem, e.g.
 * "problems/x/data/secret/3.in: no matching .ans"), JG_ELIMIT, JG_EIO or
 * JG_ENOMEM.  A bundle with no test cases is JG_EINPUT.  An .ans without
 * its .in is ignored.  opts->lenient turns both pairing problems into
 * b->errors lines and accepts a bundle with no test cases. */
int  jg_bundle_open(jg_bundle **out, const char *path, const jg_bundle_opts *opts);
void jg_bundle_free(jg_bundle *b);   /* removes extracted_dir; NULL is a no-op */

/* Parses problem.yaml text into p (defaults first). Exposed for unit tests
 * and fuzzing. `file` names the source in messages. Warnings are appended to
 * *warnings (NULL-terminated vector, may be NULL on entry). */
int  jg_problem_parse_yaml(jg_problem *p, const char *text, size_t len,
			   const char *file, char ***warnings);
void jg_problem_defaults(jg_problem *p);
void jg_problem_clear(jg_problem *p);

#endif
