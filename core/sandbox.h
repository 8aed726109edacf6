/* core/sandbox.h - one hardened container per submission, driven through the
 * in-container supervisor (harness/supervisor/supervisor.c explains what
 * happens inside).
 *
 * Lifecycle: jg_sandbox_open() creates the container (labelled, never
 * privileged, no network, read-only root, capped tmpfs, no swap, pids cap,
 * all capabilities dropped but CHOWN/SETUID/SETGID/KILL, no-new-privileges),
 * uploads the supervisor, its config, the sources and the tests, attaches,
 * starts it and waits for the supervisor's READY.  Then compile, vcompile and
 * test calls, any number, in any order.  jg_sandbox_free() always removes the
 * container (and its volume), whatever state it is in.
 *
 * Errors are judge errors (JG_EDOCKER, JG_ETIMEOUT, JG_EINTERNAL...), never a
 * verdict: verdicts come back as data in the result structs.
 *
 * Interactive problems pair two sandboxes (core/interactive.h): the
 * submission's and the validator's, each given the same ipc_volume and its
 * own ipc_role.  The steps of one interactive pass are exposed below as
 * send/wait halves so that both containers work at the same time; the
 * volume is created and removed here too (labelled like the containers,
 * registered for jg_sandbox_remove_all(), reaped by
 * jg_sandbox_reap_leftovers()).
 */
#ifndef JG_SANDBOX_H
#define JG_SANDBOX_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "docker.h"
#include "result.h"

#define JG_SANDBOX_LABEL      "org.judge.sandbox"
#define JG_SANDBOX_RUN_UID    60001
#define JG_SANDBOX_VAL_UID    60002
#define JG_SANDBOX_CAPTURE    4096      /* bytes of stdout kept per failed test */
#define JG_SANDBOX_STDERR     4096      /* bytes of stderr kept per failed test */
#define JG_SANDBOX_EXEC_CAP   65536     /* execute mode: stdout and stderr kept per test */
#define JG_SANDBOX_COMPILE_OUT 65536    /* bytes of compiler output kept */
#define JG_SANDBOX_IPC_DIR    "/ipc"     /* where an interactive pair's volume is mounted */

/* Wall-clock limit of a run: a documented multiple of the CPU limit. */
#define JG_WALL_LIMIT(cpu_s)  (2.0 * (cpu_s) + 1.0)

/* Which side of an interactive pair a sandbox is (supervisor config "ipc"). */
typedef enum { JG_IPC_NONE = 0, JG_IPC_SUBMISSION, JG_IPC_VALIDATOR } jg_ipc_role;

typedef struct {
	const char   *image;
	const char   *supervisor_path;   /* static judge-supervisor on the host */
	char *const  *env;               /* KEY=VALUE for compile and run, may be NULL */
	char *const  *compile;           /* expanded argv, NULL when none */
	char *const  *run;
	char *const  *vcompile;          /* validator build argv, NULL when none */
	char *const  *vrun;              /* validator argv, NULL for the default validator */
	const char   *vflags;            /* validator_flags */
	const char   *src_dir;           /* submission files, relative names in src_files */
	char *const  *src_files;
	char *const  *support_files;     /* copied beside the sources, or NULL */
	const char   *vsrc_dir;          /* validator sources (copied whole), or NULL */
	const char   *validator_tar;     /* a validator built once (jg_sandbox_export), or NULL */
	const char   *tests_tar;         /* jg_sandbox_tests_tar(), or NULL for no tests */
	uint64_t      tests_bytes;       /* their total size: sizes the /tests tmpfs */
	size_t        ntests;
	double        cpu_limit;         /* seconds */
	uint64_t      memory;            /* bytes, per run */
	uint64_t      output;            /* bytes, stdout cap per run */
	double        compile_time;      /* seconds */
	uint64_t      compile_memory;    /* bytes */
	double        validator_time;    /* seconds */
	const char   *ipc_volume;        /* interactive: the pair's volume, mounted at /ipc; or NULL */
	jg_ipc_role   ipc_role;          /* interactive: this sandbox's side */
	unsigned      multipass;         /* multi-pass problems: most passes per test
					  * (limits.validation_passes); 0: not multi-pass */
	const char   *cpuset;            /* HostConfig.CpusetCpus ("0", "2-3"), or NULL */
	const char   *function;          /* function-call problems: the supervisor's
					  * "function" words ("typed ordered",
					  * "untyped unordered"...): the result comes
					  * on fd 3 and compares as JSON; else NULL */
	const char   *harness_dir;       /* function-call problems: the harness files
					  * (core/fngen.h), copied beside the sources
					  * after them; or NULL */
	char *const  *harness_files;
	int           execute;           /* runs without an expected output (the
					  * problem's `execute`): a clean exit is AC;
					  * stdout and stderr of every test are kept,
					  * up to JG_SANDBOX_EXEC_CAP bytes each */
} jg_sandbox_spec;

typedef struct jg_sandbox jg_sandbox;

typedef struct {
	char    *status;      /* "ok", "failed", "timeout", "none", "je" */
	char    *output;      /* capped compiler output (owned) */
	size_t   truncated;
	double   time;
	double   wall;
} jg_compile_result;

/* Builds the /containers/create body (pure; exposed for tests). */
json_t *jg_sandbox_container_spec(const jg_sandbox_spec *spec, uint64_t cgroup_memory);
/* Size of the tmpfs that holds the tests (their bytes, page rounding, margin). */
uint64_t jg_sandbox_tests_tmpfs(const jg_sandbox_spec *spec);

/* Writes tests/N.in and tests/N.ans for the given files into a tar at
 * `tar_path`, streaming (never holding a file in memory). */
int jg_sandbox_tests_tar(const char *tar_path, char *const *in_paths, char *const *ans_paths, size_t n);

/* Writes the supervisor config text for `spec` into `out` (exposed for tests). */
int jg_sandbox_config_text(char **out, const jg_sandbox_spec *spec);

/* Removes containers left by judges on this host that are no longer running. */
int jg_sandbox_reap_leftovers(jg_docker *d);

int  jg_sandbox_open(jg_sandbox **out, jg_docker *d, const jg_sandbox_spec *spec);
int  jg_sandbox_compile(jg_sandbox *sb, jg_compile_result *r);
int  jg_sandbox_vcompile(jg_sandbox *sb, jg_compile_result *r);
/* After jg_sandbox_vcompile(): fetches the built validator as a tar at
 * `tar_path`, to be given to other sandboxes as spec.validator_tar. */
int  jg_sandbox_export(jg_sandbox *sb, const char *tar_path);
/* Runs test number `idx` (as in the tests tar); fills verdict and measures
 * (and score/has_score when the validator wrote score.txt). */
int  jg_sandbox_test(jg_sandbox *sb, size_t idx, jg_test_result *r);
/* The same with `args` (space-separated words, one line, or NULL) appended to
 * the run argv: input validators get their group's flags so.  Exit code and
 * verdict are as for any run (an input validator's 42 is "RTE, exit 42"). */
int  jg_sandbox_test_args(jg_sandbox *sb, size_t idx, const char *args, jg_test_result *r);
/* Runs the custom output validator with test idx's .ans as the team output
 * (verdict AC/WA/JE and its message; AC without running when the problem
 * uses the default validator). */
int  jg_sandbox_check(jg_sandbox *sb, size_t idx, jg_test_result *r);
/* Sets the output validator flags for the following tests (group flags). */
int  jg_sandbox_set_vflags(jg_sandbox *sb, const char *flags);
/* Changes the run limits for the following tests. */
int  jg_sandbox_set_limits(jg_sandbox *sb, double cpu_limit, uint64_t memory, uint64_t output);
/* The CPU limit the following tests run with (seconds). */
double jg_sandbox_cpu_limit(const jg_sandbox *sb);
void jg_sandbox_free(jg_sandbox *sb);      /* removes the container; NULL is a no-op */
void jg_compile_result_clear(jg_compile_result *r);

/* Removes every container and volume this process created (signal handler
 * safe path: call from the main thread after a signal was seen). */
void jg_sandbox_remove_all(jg_docker *d);

/* ---- tests that run elsewhere ----
 * A runner replaces the plain "test" command of one sandbox: core/interactive.c
 * installs one on the submission's sandbox of an interactive pair, so that
 * the caller judges it like any other.  jg_sandbox_test_args() then calls
 * test() (arguments already checked), jg_sandbox_set_vflags() calls
 * set_vflags(), and jg_sandbox_free() calls release() once its own
 * container is gone.  Each returns 0 or a negative JG_E* (judge error). */
typedef struct {
	int  (*test)(void *ud, jg_sandbox *sb, size_t idx, const char *args, jg_test_result *r);
	int  (*set_vflags)(void *ud, const char *flags);
	void (*release)(void *ud);
	void  *ud;
} jg_sandbox_runner;

void jg_sandbox_set_runner(jg_sandbox *sb, const jg_sandbox_runner *runner);

/* ---- interactive problems: the pair's volume and the steps of one pass ---- */

/* Creates a volume for a pair's FIFOs: a tmpfs of the local driver (1 MiB,
 * root 0700, nosuid nodev noexec), labelled like the containers, registered
 * for jg_sandbox_remove_all().  *name is heap-allocated. */
int  jg_sandbox_volume_create(jg_docker *d, char **name);
/* Removes it (after the containers that mount it) and unregisters it. */
void jg_sandbox_volume_remove(jg_docker *d, const char *name);

/* What an R reply says beyond the test result. */
typedef struct {
	int64_t exit_at_us;   /* CLOCK_MONOTONIC us when the child was reaped; 0: not run */
	int     next_pass;    /* ival: the validator asked for another pass */
} jg_run_info;

/* "iopen": sends it; waits for "O".  A peer that never opens its ends makes
 * the supervisor answer E: JG_EINTERNAL, the supervisor stays usable. */
int  jg_sandbox_send_iopen(jg_sandbox *sb);
int  jg_sandbox_wait_iopen(jg_sandbox *sb, long timeout_ms);
/* "irun N [ARGS]" (submission side) and "ival N PASS WALL_MS" (validator
 * side); each answers with an R reply read by jg_sandbox_wait_run(). */
int  jg_sandbox_send_irun(jg_sandbox *sb, size_t idx, const char *args);
int  jg_sandbox_send_ival(jg_sandbox *sb, size_t idx, unsigned pass, long wall_ms);
int  jg_sandbox_wait_run(jg_sandbox *sb, jg_test_result *r, jg_run_info *info, long timeout_ms);

#endif
