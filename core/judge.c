/* core/judge.c - orchestration: images, tests tar, workers, verdicts. */
#define _GNU_SOURCE
#include "judge.h"
#include "docker.h"
#include "error.h"
#include "fs.h"
#include "fngen.h"
#include "interactive.h"
#include "sandbox.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MIB (1024ull * 1024ull)
#define VALIDATOR_TIME 30.0

typedef struct {
	char **vcompile, **vrun;       /* validator argv, NULL for the default one */
	char  *image;                  /* where it is built */
	char  *tar;                    /* its build, exported once (NULL: nothing to build) */
} validator_cmd;

typedef struct {
	const jg_bundle      *bundle;
	jg_submission *const *subs;
	size_t                nsubs;
	const jg_judge_opts  *opts;
	jg_report            *report;
	const char           *tests_tar;
	uint64_t              tests_bytes;     /* all .in and .ans, sizes the tests tmpfs */
	const char           *supervisor;
	validator_cmd         val;
	int                   check;           /* jg_judge_check_answers: no submissions */
	atomic_size_t         next;
	atomic_size_t         workers;         /* worker numbers handed out */
	size_t                done;
	pthread_mutex_t       lock;
} run_ctx;

static atomic_int interrupted;
static jg_docker *signal_docker;   /* for the watcher thread's cleanup */
static pthread_mutex_t signal_lock = PTHREAD_MUTEX_INITIALIZER;

int jg_judge_interrupted(void) { return atomic_load(&interrupted); }

void jg_judge_interrupt(void) { atomic_store(&interrupted, 1); }

/* ---- signals: a watcher thread removes every container on SIGINT/SIGTERM ---- */

static void *signal_watcher(void *arg)
{
	sigset_t *set = arg;
	int sig = 0;
	if (sigwait(set, &sig) != 0 || sig == SIGUSR2)
		return NULL;
	atomic_store(&interrupted, 1);
	pthread_mutex_lock(&signal_lock);
	if (signal_docker)
		jg_sandbox_remove_all(signal_docker);
	pthread_mutex_unlock(&signal_lock);
	return NULL;
}

/* ---- preparation ---- */

static const char *find_supervisor(const jg_judge_opts *o)
{
	static char path[PATH_MAX];
	char exe[PATH_MAX];
	ssize_t n;

	if (o->supervisor_path)
		return o->supervisor_path;
	if (getenv("JUDGE_SUPERVISOR"))
		return getenv("JUDGE_SUPERVISOR");
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		snprintf(path, sizeof(path), "%s/judge-supervisor", dirname(exe));
		if (access(path, R_OK) == 0)
			return path;
	}
	return JG_SUPERVISOR_PATH;
}

static int ensure_image(jg_docker *d, const char *image)
{
	int rc = jg_docker_image_exists(d, image);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	if (!strcmp(image, JG_RUNTIME_IMAGE))
		return jg_error_set(JG_ENOIMAGE, "runtime image '%s' is missing; build it with: judge image build"
				    " (or: bash harness/image/build.sh)", image);
	return jg_docker_image_pull(d, image);
}

static int ensure_images(jg_docker *d, jg_submission *const *subs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int seen = 0, rc;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(subs[j]->lang->image, subs[i]->lang->image);
		if (!seen && (rc = ensure_image(d, subs[i]->lang->image)) < 0)
			return rc;
	}
	return 0;
}

/* The tests tar in `dir`; kept (and reused) in opts->cache_dir when set. */
static int make_tests_tar(char **tar, const char *dir, const jg_bundle *b, const jg_judge_opts *o)
{
	char **ins = calloc(b->ntests + 1, sizeof(char *)), **anss = calloc(b->ntests + 1, sizeof(char *));
	int rc;

	if (!ins || !anss || !(*tar = jg_path_join(o->cache_dir ? o->cache_dir : dir, "tests.tar"))) {
		free(ins);
		free(anss);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	if (o->cache_dir && access(*tar, R_OK) == 0) {
		free(ins);
		free(anss);
		return 0;
	}
	for (size_t i = 0; i < b->ntests; i++) {
		ins[i] = b->tests[i].in_path;
		anss[i] = b->tests[i].ans_path;
	}
	rc = jg_sandbox_tests_tar(*tar, ins, anss, b->ntests);
	free(ins);
	free(anss);
	return rc;
}

/* A custom validator: `build`/`run` scripts, or sources of one language. */
static int validator_commands(validator_cmd *v, const jg_bundle *b, const jg_langs *langs)
{
	const char *dir = b->problem.validator_dir;
	char *run = dir ? jg_path_join(dir, "run") : NULL, *build = dir ? jg_path_join(dir, "build") : NULL;
	jg_submission *s = NULL;
	jg_expand_vars vars = { 0 };
	int rc = 0;

	if (!dir)
		goto done;
	if (run && access(run, F_OK) == 0) {
		if (!(v->image = strdup(JG_RUNTIME_IMAGE))) {
			rc = jg_error_set(JG_ENOMEM, "out of memory");
			goto done;
		}
		if (access(build, F_OK) == 0)
			rc = jg_strv_push(&v->vcompile, "./build");
		if (rc == 0)
			rc = jg_strv_push(&v->vrun, "./run");
		goto done;
	}
	if ((rc = jg_submission_open(&s, dir, langs, &(jg_submission_opts){ 0 })) < 0) {
		rc = jg_error_set(JG_EINPUT, "output validator %s: %s", dir, jg_error_last());
		goto done;
	}
	if (!(v->image = strdup(s->lang->image))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	vars = (jg_expand_vars){ s->files, s->main, s->mainclass, 1024 };
	if (s->lang->compile && (rc = jg_lang_expand(&v->vcompile, s->lang->compile, &vars)) < 0)
		goto done;
	rc = jg_lang_expand(&v->vrun, s->lang->run, &vars);
done:
	jg_submission_free(s);
	free(run);
	free(build);
	return rc;
}

/* Builds the validator once, in a container of its own, and exports it. */
static int build_validator(run_ctx *c, jg_docker *d, const char *workdir)
{
	const jg_problem *p = &c->bundle->problem;
	jg_sandbox_spec s = { .image = c->val.image, .supervisor_path = c->supervisor,
			      .vcompile = c->val.vcompile, .vrun = c->val.vrun,
			      .vsrc_dir = p->validator_dir, .cpu_limit = 1, .memory = 64 * MIB,
			      .output = MIB, .compile_time = p->compilation_time,
			      .compile_memory = p->compilation_memory_mib * MIB,
			      .validator_time = VALIDATOR_TIME };
	jg_compile_result cr = { 0 };
	jg_sandbox *sb = NULL;
	int rc;

	if (!(c->val.tar = jg_path_join(c->opts->cache_dir ? c->opts->cache_dir : workdir, "validator.tar")))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (c->opts->cache_dir && access(c->val.tar, R_OK) == 0)
		return 0;   /* built by an earlier run of this bundle */
	if ((rc = ensure_image(d, c->val.image)) < 0 || (rc = jg_sandbox_open(&sb, d, &s)) < 0 ||
	    (rc = jg_sandbox_vcompile(sb, &cr)) < 0)
		goto done;
	if (strcmp(cr.status, "ok") != 0) {
		rc = jg_error_set(JG_EINPUT, "%s: the output validator does not build (%s): %.1500s",
				  p->validator_dir, cr.status, cr.output ? cr.output : "");
		goto done;
	}
	rc = jg_sandbox_export(sb, c->val.tar);
done:
	jg_compile_result_clear(&cr);
	jg_sandbox_free(sb);
	return rc;
}

/* The CPU time limit of the run: the caller's override, else the problem's. */
static double cpu_limit(const jg_judge_opts *o, const jg_bundle *b)
{
	return o->time_limit > 0 ? o->time_limit : b->problem.time_limit;
}

/* The per-run memory limit in MiB: --memory-limit, else the problem's. */
static uint64_t memory_mib(const jg_judge_opts *o, const jg_bundle *b)
{
	return o->memory_mib ? o->memory_mib : b->problem.memory_mib;
}

/* ---- judging one submission ---- */

static int set_text(char **dst, const char *src)
{
	free(*dst);
	*dst = strdup(src ? src : "");
	return *dst ? 0 : JG_ENOMEM;
}

static void fail_je(jg_submission_result *r, const char *why)
{
	r->verdict = JG_JE;
	set_text(&r->message, why);
}

static int init_tests(jg_submission_result *r, const jg_bundle *b)
{
	if (!(r->tests = calloc(b->ntests, sizeof(*r->tests))))
		return JG_ENOMEM;
	r->ntests = b->ntests;
	for (size_t i = 0; i < b->ntests; i++) {
		r->tests[i].verdict = JG_SKIPPED;
		r->tests[i].exit_code = -1;
		if (set_text(&r->tests[i].name, b->tests[i].name) < 0)
			return JG_ENOMEM;
	}
	return 0;
}

static void fill_spec(jg_sandbox_spec *s, run_ctx *c, const jg_submission *sub, char **compile, char **run,
		      const char *cpuset)
{
	const jg_problem *p = &c->bundle->problem;
	uint64_t mem_mib = memory_mib(c->opts, c->bundle);

	memset(s, 0, sizeof(*s));
	s->image = sub->lang->image;
	s->supervisor_path = c->supervisor;
	s->env = sub->lang->env;
	s->compile = compile;
	s->run = run;
	s->vrun = c->val.vrun;
	s->vflags = p->validator_flags;
	s->src_dir = sub->dir;
	s->src_files = sub->files;
	s->support_files = sub->support;
	s->validator_tar = c->val.tar;                   /* built once, or */
	s->vsrc_dir = c->val.vrun && !c->val.tar ? p->validator_dir : NULL; /* used as is */
	s->tests_tar = c->tests_tar;
	s->ntests = c->bundle->ntests;
	s->tests_bytes = c->tests_bytes;
	s->cpu_limit = cpu_limit(c->opts, c->bundle);
	s->memory = mem_mib * MIB;
	s->output = p->output_mib * MIB;
	s->compile_time = p->compilation_time;
	s->compile_memory = p->compilation_memory_mib * MIB;
	s->validator_time = VALIDATOR_TIME;
	s->multipass = p->multi_pass ? p->validation_passes : 0;
	s->cpuset = cpuset;
	s->execute = p->execute;
}

/* Returns 0 when compiled (or nothing to compile); 1 when the verdict is decided. */
static int compile_step(jg_sandbox *sb, jg_submission_result *r)
{
	jg_compile_result cr;
	int rc = jg_sandbox_compile(sb, &cr);

	if (rc < 0) {
		fail_je(r, jg_error_last());
		return 1;
	}
	set_text(&r->compile_status, !strcmp(cr.status, "timeout") ? "failed" : cr.status);
	r->compile_output = cr.output && *cr.output ? strdup(cr.output) : NULL;
	r->compile_truncated = cr.truncated;
	if (!strcmp(cr.status, "failed") || !strcmp(cr.status, "timeout"))
		r->verdict = JG_CE;
	if (!strcmp(cr.status, "timeout"))
		set_text(&r->message, "compilation time limit exceeded");
	if (!strcmp(cr.status, "je"))
		fail_je(r, cr.output);
	rc = r->verdict == JG_CE || r->verdict == JG_JE;
	jg_compile_result_clear(&cr);
	return rc;
}

/* Sets the group's output validator flags when they differ from the last. */
static int group_vflags(jg_sandbox *sb, run_ctx *c, size_t i, const char **last)
{
	const char *f = c->opts->test_vflags ? c->opts->test_vflags(c->opts->ud, i) : NULL;
	if (!f)
		f = c->bundle->problem.validator_flags;
	if (*last && !strcmp(*last, f))
		return 0;
	*last = f;
	return jg_sandbox_set_vflags(sb, f);
}

static const char *test_args(run_ctx *c, size_t i)
{
	return c->opts->test_args ? c->opts->test_args(c->opts->ud, i) : NULL;
}

static void run_tests(jg_sandbox *sb, run_ctx *c, jg_submission_result *r)
{
	const char *vflags = c->bundle->problem.validator_flags;
	for (size_t i = 0; i < r->ntests; i++) {
		jg_test_result *t = &r->tests[i];
		if (jg_judge_interrupted()) {
			fail_je(r, "interrupted");
			return;
		}
		if (group_vflags(sb, c, i, &vflags) < 0 || jg_sandbox_test_args(sb, i, test_args(c, i), t) < 0) {
			t->verdict = JG_JE;
			set_text(&t->message, jg_error_last());
			fail_je(r, jg_error_last());
			return;
		}
		if (t->verdict != JG_AC && !c->opts->all_tests)
			return;
	}
}

/* Judges again at opts->high_limit in the same container (compiled once):
 * only the verdict and the largest time are kept. */
static void high_pass(jg_sandbox *sb, run_ctx *c, jg_submission_result *r)
{
	jg_submission_result h = { 0 };
	uint64_t mem = memory_mib(c->opts, c->bundle) * MIB, out = c->bundle->problem.output_mib * MIB;

	if (init_tests(&h, c->bundle) < 0)
		fail_je(&h, "out of memory");
	else if (jg_sandbox_set_limits(sb, c->opts->high_limit, mem, out) < 0)
		fail_je(&h, jg_error_last());
	else
		run_tests(sb, c, &h);
	jg_submission_result_summarize(&h);
	r->has_high = 1;
	r->verdict_high = h.verdict;
	r->time_max_high = h.time_max;
	if (h.verdict == JG_JE)
		fail_je(r, h.message ? h.message : "judge error in the second time-limit pass");
	jg_submission_result_clear(&h);
}

/* One submission on its way: the container is opened by prepare_one (on a
 * prefetch thread while the worker's previous submission runs), then
 * finish_one compiles and runs the tests.  The argv vectors live as long
 * as the sandbox, which refers to them. */
typedef struct {
	size_t      idx;
	jg_docker  *d;
	const char *cpuset;
	char      **compile, **run;
	jg_fngen   *gen;         /* function-call problems: the harness files */
	jg_sandbox *sb;          /* NULL when opening failed (the result says why) */
	run_ctx    *c;
} pending;

/* The supervisor's "function" words for the problem. */
static const char *function_words(const jg_fnsig *s)
{
	return s->typed ? (s->unordered ? "typed unordered" : "typed ordered") : "untyped ordered";
}

/* Function-call problems: the harness of the submission's language and the
 * argv of its `function:` templates.  Returns 0, or 1 when the verdict is
 * decided (a language without a harness is CE, a failure JE). */
static int function_setup(pending *p, const jg_submission *sub, uint64_t mem_mib, jg_submission_result *r)
{
	const jg_lang *l = sub->lang;
	jg_expand_vars vars = { NULL, sub->main, sub->mainclass, mem_mib };
	int rc;

	if (!l->fn_harness) {
		r->verdict = JG_CE;
		set_text(&r->compile_status, "failed");
		set_text(&r->message, "this language has no function-call harness (no `function:` block "
			 "in its definition)");
		return 1;
	}
	if ((rc = jg_fngen_build(&p->gen, l, p->c->bundle->problem.function, sub->dir, sub->files, NULL)) < 0) {
		fail_je(r, jg_error_last());
		return 1;
	}
	vars.files = p->gen->build;
	if ((l->fn_compile && jg_lang_expand(&p->compile, l->fn_compile, &vars) < 0) ||
	    jg_lang_expand(&p->run, l->fn_run, &vars) < 0) {
		fail_je(r, jg_error_last());
		return 1;
	}
	set_text(&r->compile_status, l->fn_compile ? "skipped" : "none");
	return 0;
}

static void prepare_one(pending *p)
{
	run_ctx *c = p->c;
	jg_submission_result *r = &c->report->subs[p->idx];
	const jg_submission *sub = c->subs[p->idx];
	uint64_t mem_mib = memory_mib(c->opts, c->bundle);
	jg_expand_vars vars = { sub->files, sub->main, sub->mainclass, mem_mib };
	jg_sandbox_spec spec;
	int interactive = c->bundle->problem.validation == JG_VALIDATION_INTERACTIVE && !c->opts->input_validators;

	set_text(&r->path, sub->path);
	set_text(&r->language, sub->lang->name);
	set_text(&r->compile_status, sub->lang->compile ? "skipped" : "none");
	if (init_tests(r, c->bundle) < 0)
		return fail_je(r, "out of memory");
	if (c->bundle->problem.function && !c->opts->input_validators) {
		if (function_setup(p, sub, mem_mib, r))
			return;
	} else if ((sub->lang->compile && jg_lang_expand(&p->compile, sub->lang->compile, &vars) < 0) ||
		   jg_lang_expand(&p->run, sub->lang->run, &vars) < 0) {
		return fail_je(r, jg_error_last());
	}
	if (jg_judge_interrupted())
		return fail_je(r, "interrupted");
	fill_spec(&spec, c, sub, p->compile, p->run, p->cpuset);
	if (p->gen) {
		spec.function = function_words(c->bundle->problem.function);
		spec.harness_dir = p->gen->dir;
		spec.harness_files = p->gen->files;
	}
	/* Interactive: the validator gets a container of its own (interactive.h);
	 * input validators read the .in files as usual. */
	if (!p->d || (interactive ? jg_interactive_open(&p->sb, p->d, &spec, c->val.image)
				  : jg_sandbox_open(&p->sb, p->d, &spec)) < 0) {
		p->sb = NULL;
		fail_je(r, p->d ? jg_error_last() : "no Docker connection");
	}
}

static void finish_one(pending *p)
{
	run_ctx *c = p->c;
	jg_submission_result *r = &c->report->subs[p->idx];

	if (p->sb && !compile_step(p->sb, r)) {
		run_tests(p->sb, c, r);
		jg_submission_result_summarize(r);
		if (c->opts->high_limit > 0 && r->verdict != JG_JE)
			high_pass(p->sb, c, r);
	}
	jg_sandbox_free(p->sb);
	jg_strv_free(p->compile);
	jg_strv_free(p->run);
	jg_fngen_free(p->gen);
	p->sb = NULL;
	p->gen = NULL;
	p->compile = p->run = NULL;
	jg_submission_result_summarize(r);
}

#define CHECK_NAME "output validator"

/* jg_judge_check_answers' one pseudo-submission: the validator's verdict on
 * every answer file, in a container of the validator's image. */
static void check_one(run_ctx *c, jg_docker *d)
{
	jg_submission_result *r = &c->report->subs[0];
	const jg_problem *p = &c->bundle->problem;
	jg_sandbox_spec s = { .image = c->val.image, .supervisor_path = c->supervisor,
			      .vrun = c->val.vrun, .vflags = p->validator_flags,
			      .validator_tar = c->val.tar, .tests_tar = c->tests_tar,
			      .vsrc_dir = c->val.tar ? NULL : p->validator_dir,
			      .ntests = c->bundle->ntests, .tests_bytes = c->tests_bytes,
			      .cpu_limit = 1, .memory = 64 * MIB, .output = MIB,
			      .compile_time = p->compilation_time,
			      .compile_memory = p->compilation_memory_mib * MIB,
			      .validator_time = VALIDATOR_TIME };
	const char *vflags = p->validator_flags;
	jg_sandbox *sb = NULL;

	set_text(&r->path, CHECK_NAME);
	set_text(&r->compile_status, "none");
	if (init_tests(r, c->bundle) < 0)
		return fail_je(r, "out of memory");
	if (!d || jg_sandbox_open(&sb, d, &s) < 0) {
		fail_je(r, d ? jg_error_last() : "no Docker connection");
		goto done;
	}
	for (size_t i = 0; i < r->ntests && !jg_judge_interrupted(); i++) {
		if (group_vflags(sb, c, i, &vflags) < 0 || jg_sandbox_check(sb, i, &r->tests[i]) < 0) {
			r->tests[i].verdict = JG_JE;
			fail_je(r, jg_error_last());
			break;
		}
	}
done:
	jg_sandbox_free(sb);
	jg_submission_result_summarize(r);
}

/* Preparation failed (Docker down, image missing, disk full...): every
 * submission is a judge error with the reason, and the report says so. */
static void abort_report(run_ctx *c, const char *why)
{
	for (size_t i = 0; i < c->nsubs; i++) {
		jg_submission_result *r = &c->report->subs[i];
		set_text(&r->path, c->check ? CHECK_NAME : c->subs[i]->path);
		set_text(&r->language, c->check ? NULL : c->subs[i]->lang->name);
		if (!r->tests && init_tests(r, c->bundle) < 0)
			r->ntests = 0;
		fail_je(r, why);
		jg_submission_result_summarize(r);
	}
	c->report->incomplete = 1;
}

static void submission_done(run_ctx *c, size_t i)
{
	pthread_mutex_lock(&c->lock);
	c->done++;
	if (c->opts->on_done)
		c->opts->on_done(c->opts->ud, i, &c->report->subs[i], c->done, c->nsubs);
	if (c->opts->release_results)
		jg_submission_result_clear(&c->report->subs[i]);
	pthread_mutex_unlock(&c->lock);
}

static void *prefetch_main(void *arg)
{
	prepare_one(arg);
	return NULL;
}

/* The answer checker: one pseudo-submission, nothing to overlap. */
static void check_worker(run_ctx *c, jg_docker *d)
{
	size_t i;
	while ((i = atomic_fetch_add(&c->next, 1)) < c->nsubs) {
		check_one(c, d);
		submission_done(c, i);
	}
}

/* Judges submissions until none is left.  While one runs, the next one's
 * container is created on a second thread with a second engine connection
 * (the two connections alternate, so neither is ever used by two threads),
 * so that container creation overlaps with running. */
static void judge_worker(run_ctx *c, jg_docker *dh[2], const char *cpuset)
{
	pending cur = { .c = c, .cpuset = cpuset, .d = dh[0] }, nxt;
	pthread_t th;

	if ((cur.idx = atomic_fetch_add(&c->next, 1)) >= c->nsubs)
		return;
	prepare_one(&cur);
	for (;;) {
		int threaded = 0;
		/* the connection the current submission does not use */
		nxt = (pending){ .c = c, .cpuset = cpuset, .d = dh[1] && cur.d == dh[0] ? dh[1] : dh[0] };
		nxt.idx = atomic_fetch_add(&c->next, 1);
		if (nxt.idx < c->nsubs && dh[1])
			threaded = pthread_create(&th, NULL, prefetch_main, &nxt) == 0;
		finish_one(&cur);
		submission_done(c, cur.idx);
		if (nxt.idx >= c->nsubs)
			return;
		if (threaded)
			pthread_join(th, NULL);
		else
			prepare_one(&nxt);
		cur = nxt;
	}
}

static void *worker(void *arg)
{
	run_ctx *c = arg;
	jg_docker *dh[2] = { NULL, NULL };
	size_t w = atomic_fetch_add(&c->workers, 1);
	const char *cpuset = c->opts->ncpusets ? c->opts->cpusets[w % c->opts->ncpusets] : NULL;

	if (jg_docker_open(&dh[0], c->opts->docker_host) < 0)
		dh[0] = NULL;
	if (c->check) {
		check_worker(c, dh[0]);
	} else {
		if (dh[0] && jg_docker_open(&dh[1], c->opts->docker_host) < 0)
			dh[1] = NULL;
		judge_worker(c, dh, cpuset);
	}
	jg_docker_free(dh[0]);
	jg_docker_free(dh[1]);
	return NULL;
}

/* ---- the whole run ---- */

static int new_report(jg_report **out, const jg_bundle *b, size_t nsubs, uint64_t mem_mib)
{
	jg_report *r = calloc(1, sizeof(*r));
	if (!r || !(r->subs = calloc(nsubs ? nsubs : 1, sizeof(*r->subs))) ||
	    !(r->problem_name = strdup(b->problem.name ? b->problem.name : ""))) {
		jg_report_free(r);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	r->nsubs = nsubs;
	r->time_limit = b->problem.time_limit;   /* jg_judge_run sets the effective one */
	r->memory_limit = mem_mib * MIB;
	*out = r;
	return 0;
}

static void run_workers(run_ctx *c)
{
	size_t n = (size_t)(c->opts->jobs > 0 ? c->opts->jobs : 1);
	pthread_t *t = calloc(n < c->nsubs ? n : c->nsubs, sizeof(pthread_t));
	size_t started = 0;

	if (n > c->nsubs)
		n = c->nsubs;
	for (size_t i = 0; t && i < n; i++)
		if (pthread_create(&t[i], NULL, worker, c) == 0)
			started++;
	if (started == 0)
		worker(c);         /* no threads: judge on this one */
	for (size_t i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	free(t);
}

static int prepare(run_ctx *c, jg_docker *d, char *workdir, char **tar)
{
	int rc;
	if ((rc = jg_sandbox_reap_leftovers(d)) < 0 ||
	    (!c->check && (rc = ensure_images(d, c->subs, c->nsubs)) < 0) ||
	    (rc = make_tests_tar(tar, workdir, c->bundle, c->opts)) < 0 ||
	    (rc = validator_commands(&c->val, c->bundle, c->opts->langs)) < 0 ||
	    (c->val.vcompile && (rc = build_validator(c, d, workdir)) < 0))
		return rc;
	c->tests_tar = *tar;
	for (size_t i = 0; i < c->bundle->ntests; i++)
		c->tests_bytes += c->bundle->tests[i].in_size + c->bundle->tests[i].ans_size;
	return 0;
}

static int run_all(jg_report **out, const jg_bundle *b, jg_submission *const *subs, size_t nsubs,
		   const jg_judge_opts *opts, int check)
{
	run_ctx c = { .bundle = b, .subs = subs, .nsubs = nsubs, .opts = opts, .check = check };
	jg_docker *d = NULL;
	char *workdir = NULL, *tar = NULL;
	sigset_t set, old;
	pthread_t watcher;
	int rc, watching = 0;

	*out = NULL;
	pthread_mutex_init(&c.lock, NULL);
	c.supervisor = find_supervisor(opts);
	if ((rc = new_report(&c.report, b, nsubs, memory_mib(opts, b))) < 0)
		goto done;
	c.report->time_limit = cpu_limit(opts, b);
	if ((rc = jg_docker_open(&d, opts->docker_host)) < 0 ||
	    (rc = jg_fs_mkdtemp(&workdir, NULL, "judge-run-")) < 0 ||
	    (rc = prepare(&c, d, workdir, &tar)) < 0) {
		if (rc != JG_EINPUT && rc != JG_ELIMIT) {
			abort_report(&c, jg_error_last());
			*out = c.report;
			c.report = NULL;
		}
		goto done;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR2);
	if (!opts->caller_signals) {
		pthread_sigmask(SIG_BLOCK, &set, &old);
		signal_docker = d;
		watching = pthread_create(&watcher, NULL, signal_watcher, &set) == 0;
	}
	run_workers(&c);
	if (watching) {
		pthread_kill(watcher, SIGUSR2);
		pthread_join(watcher, NULL);
	}
	if (!opts->caller_signals) {
		pthread_mutex_lock(&signal_lock);
		signal_docker = NULL;
		pthread_mutex_unlock(&signal_lock);
	}
	if (jg_judge_interrupted()) {
		jg_sandbox_remove_all(d);
		c.report->incomplete = 1;
		rc = jg_error_set(JG_EINTR, "interrupted: containers removed, reports are incomplete");
	}
	if (!opts->caller_signals)
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	*out = c.report;
	c.report = NULL;
done:
	if (workdir)
		jg_fs_rmtree(workdir);
	jg_report_free(c.report);
	jg_strv_free(c.val.vcompile);
	jg_strv_free(c.val.vrun);
	free(c.val.image);
	free(c.val.tar);
	jg_docker_free(d);
	free(workdir);
	free(tar);
	pthread_mutex_destroy(&c.lock);
	return rc;
}

int jg_judge_run(jg_report **out, const jg_bundle *b, jg_submission *const *subs, size_t nsubs,
		 const jg_judge_opts *opts)
{
	return run_all(out, b, subs, nsubs, opts, 0);
}

int jg_judge_check_answers(jg_report **out, const jg_bundle *b, const jg_judge_opts *opts)
{
	*out = NULL;
	if (b->problem.validation != JG_VALIDATION_CUSTOM || !b->problem.validator_dir ||
	    b->problem.multi_pass)   /* an answer is not a first pass's output */
		return 0;
	return run_all(out, b, NULL, 1, opts, 1);
}
