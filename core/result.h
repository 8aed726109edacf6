/* core/result.h - verdicts and the results of judging, as the reports see them.
 *
 * A jg_report owns its submissions, which own their tests; every string is
 * heap-allocated and owned by the struct that holds it (NULL allowed where
 * noted).  jg_report_free() releases everything.  Times are seconds, memory
 * is bytes.
 */
#ifndef JG_RESULT_H
#define JG_RESULT_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
	JG_AC = 0,   /* accepted */
	JG_WA,       /* wrong answer */
	JG_TLE,      /* time limit exceeded (CPU or wall) */
	JG_MLE,      /* memory limit exceeded */
	JG_RTE,      /* run-time error: crash, signal, non-zero exit */
	JG_OLE,      /* output limit exceeded */
	JG_CE,       /* compile error */
	JG_JE,       /* judge error: never the submission's fault */
	JG_SKIPPED,  /* test not run (an earlier test failed) */
	JG_VERDICT_COUNT
} jg_verdict;

const char *jg_verdict_name(jg_verdict v);               /* "AC", ..., "SKIPPED" */
/* Parses "AC".."JE"/"SKIPPED" (case-insensitive). Returns 0 or JG_EINPUT. */
int jg_verdict_parse(jg_verdict *out, const char *s);

/* Which limit stopped a run, as measured by the supervisor. */
typedef enum {
	JG_LIMIT_NONE = 0, JG_LIMIT_CPU, JG_LIMIT_WALL, JG_LIMIT_MEMORY,
	JG_LIMIT_OUTPUT
} jg_limit;

typedef struct {
	char      *name;          /* "sample/1", "secret/group1/03" */
	jg_verdict verdict;
	double     time;          /* CPU seconds, user+sys */
	double     wall;          /* wall-clock seconds */
	uint64_t   memory;        /* peak bytes */
	int        exit_code;     /* -1 when killed by a signal or not run */
	int        signal;        /* 0 when none */
	jg_limit   limit;         /* which limit was hit, if any */
	char      *message;       /* one line from validator/judge; NULL if none */
	char      *stdout_head;   /* captured prefix of stdout; NULL if none */
	size_t     stdout_truncated;
	char      *stderr_head;   /* captured prefix of stderr; NULL if none */
	size_t     stderr_truncated;
	int        has_score;     /* the validator wrote score.txt (scoring problems) */
	double     score;
} jg_test_result;

typedef struct {
	char       *path;         /* as given on the command line */
	char       *language;     /* canonical name, NULL if unknown */
	jg_verdict  verdict;
	int         has_expected; /* judge verify fills expected */
	jg_verdict  expected;     /* the main expected verdict */
	unsigned    expected_set; /* every acceptable verdict, bits (1u << v); 0: just expected */
	int         has_high;     /* judge verify: also judged at TL x time_limit_to_tle */
	jg_verdict  verdict_high; /* the verdict at that higher limit */
	double      time_max_high;
	int         has_score;    /* scoring problems: score out of max_score */
	double      score;
	double      max_score;
	char       *compile_status; /* "ok", "failed", "none" (interpreted), "skipped" */
	char       *compile_output; /* capped compiler output, NULL if none */
	size_t      compile_truncated;
	double      time_max;
	uint64_t    memory_max;
	char       *message;      /* submission-level note (JE reason...), NULL if none */
	jg_test_result *tests;
	size_t      ntests;
} jg_submission_result;

typedef struct {
	int      incomplete;      /* interrupted or aborted: not every test ran */
	char    *problem_name;
	double   time_limit;      /* seconds */
	uint64_t memory_limit;    /* bytes */
	jg_submission_result *subs;
	size_t   nsubs;
} jg_report;

void jg_test_result_clear(jg_test_result *t);
void jg_submission_result_clear(jg_submission_result *s);
void jg_report_free(jg_report *r);       /* frees r itself; NULL is a no-op */

/* Fills time_max/memory_max and the submission verdict from its tests: the
 * first test (in order) that is neither AC nor SKIPPED decides; CE/JE set at
 * submission level are kept. */
void jg_submission_result_summarize(jg_submission_result *s);

#endif
