/* core/verify.c - judge verify: the package, its validators, its reference
 * submissions and its time limit (see verify.h for the order of work). */
#define _GNU_SOURCE
#include "verify.h"
#include "datacheck.h"
#include "error.h"
#include "expect.h"
#include "buf.h"
#include "fs.h"
#include "judge.h"
#include "score.h"
#include "submission.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INPUT_VALIDATOR_TIME 30.0   /* CPU seconds per .in */

typedef struct {
	const jg_verify_opts *o;
	jg_bundle            *b;
	jg_expect            *e;
	jg_groups            *g;
	jg_verification      *v;
	jg_submission       **subs;      /* parallel to e->subs; NULL: skipped */
	char                **vflags;    /* output validator flags per test */
	char                 *cache;     /* tests tar and validator, shared by the runs */
	const char           *phase;
	size_t                done, total;
	int                   judge_error;
} vctx;

/* ---- small helpers ---- */

static int note(jg_verify_sub *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int note(jg_verify_sub *s, const char *fmt, ...)
{
	va_list ap;
	char *t;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&t, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	rc = jg_strv_push(&s->notes, t);
	free(t);
	return rc;
}

double jg_verify_derive_tl(double slowest, double multiplier, double resolution)
{
	double steps;
	if (resolution <= 0)
		resolution = 1;
	steps = ceil(slowest * multiplier / resolution - 1e-9);
	return (steps < 1 ? 1 : steps) * resolution;
}

int jg_verify_meets(unsigned expected_set, jg_verdict got)
{
	return !expected_set || (expected_set & JG_VSET(got)) != 0;
}

static void on_done(void *ud, size_t idx, const jg_submission_result *r, size_t done, size_t total)
{
	vctx *c = ud;
	(void)idx, (void)done, (void)total;
	c->done++;
	if (c->o->on_done)
		c->o->on_done(c->o->ud, c->phase, r, c->done, c->total);
}

static const char *input_flags(void *ud, size_t test)
{
	vctx *c = ud;
	const char *f = c->g ? jg_groups_input_flags(c->g, test) : NULL;
	return f && *f ? f : NULL;
}

static const char *output_flags(void *ud, size_t test)
{
	vctx *c = ud;
	return c->vflags ? c->vflags[test] : NULL;
}

static jg_judge_opts judge_opts(vctx *c)
{
	jg_judge_opts j = { .docker_host = c->o->docker_host, .jobs = c->o->jobs > 0 ? c->o->jobs : 1,
			    .langs = c->o->langs, .cache_dir = c->cache, .on_done = on_done,
			    .test_vflags = output_flags, .ud = c };
	return j;
}

/* A run failed as a whole: a judge error, remembered for the exit code. */
static int judge_failed(vctx *c, int rc)
{
	c->judge_error = 1;
	if (rc == JG_EINTR)
		c->v->interrupted = 1;
	return rc;
}

/* ---- the package ---- */

static int size_report(jg_verification *v, size_t nsubs)
{
	if (!(v->report->subs = calloc(nsubs + 1, sizeof(*v->report->subs))) ||
	    !(v->subs = calloc(nsubs + 1, sizeof(*v->subs))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	v->report->nsubs = nsubs;
	return 0;
}


static int fold_lines(jg_findings *f, jg_severity sev, char **lines)
{
	int rc = 0;
	for (size_t i = 0; lines && lines[i] && rc == 0; i++)
		rc = jg_findings_add(f, sev, NULL, "%s", lines[i]);
	return rc;
}

static int output_flag_table(vctx *c)
{
	const char *base = c->b->problem.validator_flags;
	if (!(c->vflags = calloc(c->b->ntests + 1, sizeof(char *))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; i < c->b->ntests; i++) {
		const char *g = c->g ? jg_groups_output_flags(c->g, i) : "";
		if (asprintf(&c->vflags[i], "%s%s%s", base, *base && *g ? " " : "", g) < 0)
			return jg_error_set(JG_ENOMEM, "out of memory");
	}
	return 0;
}

static int open_package(vctx *c, const char *path)
{
	jg_bundle_opts bo = { .time_limit = c->o->time_limit, .lenient = 1 };
	char **warnings = NULL;
	int rc;

	if ((rc = jg_bundle_open(&c->b, path, &bo)) < 0)
		return rc;
	/* b->errors (unpaired test files) reach the findings via jg_datacheck_run */
	if ((rc = fold_lines(&c->v->findings, JG_FINDING_WARNING, c->b->warnings)) < 0)
		return rc;
	if ((rc = jg_groups_load(&c->g, c->b, &warnings)) == 0)
		rc = fold_lines(&c->v->findings, JG_FINDING_WARNING, warnings);
	jg_strv_free(warnings);
	if (rc < 0)
		return rc;
	if ((rc = jg_expect_load(&c->e, c->b->root)) < 0 || (rc = size_report(c->v, c->e->nsubs)) < 0)
		return rc;
	if ((rc = fold_lines(&c->v->findings, JG_FINDING_WARNING, c->e->warnings)) < 0)
		return rc;
	c->v->scoring = c->b->problem.scoring;
	return output_flag_table(c);
}

/* ---- input validators and answer files ---- */

static const char *first_line(const char *s, char *buf, size_t cap)
{
	size_t n = 0;
	while (s && s[n] && s[n] != '\n' && n + 1 < cap)
		n++;
	memcpy(buf, s ? s : "", n);
	buf[n] = '\0';
	return buf;
}

/* The last non-empty line of s (a Python traceback's exception line). */
static const char *last_line(const char *s, char *buf, size_t cap)
{
	const char *end, *start;
	if (!s)
		return first_line(NULL, buf, cap);
	end = s + strlen(s);
	while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		end--;
	for (start = end; start > s && start[-1] != '\n'; start--)
		;
	return first_line(start, buf, (size_t)(end - start) + 1 < cap ? (size_t)(end - start) + 1 : cap);
}

static int test_file(vctx *c, size_t t, const char *ext, char *buf, size_t cap)
{
	return snprintf(buf, cap, "data/%s.%s", c->b->tests[t].name, ext);
}

/* One input validator's results: exit 42 valid, 43 invalid, else broken. */
static int input_findings(vctx *c, const char *name, const jg_submission_result *r)
{
	jg_findings *f = &c->v->findings;
	char file[600], why[300];
	int rc = 0;

	if (r->verdict == JG_CE)
		return jg_findings_add(f, JG_FINDING_ERROR, name, "the input validator does not compile: %s",
				       first_line(r->compile_output, why, sizeof(why)));
	if (r->verdict == JG_JE) {
		judge_failed(c, 0);
		return jg_findings_add(f, JG_FINDING_ERROR, name, "judge error: %s",
				       r->message ? r->message : "unknown");
	}
	for (size_t t = 0; t < r->ntests && rc == 0; t++) {
		const jg_test_result *x = &r->tests[t];
		test_file(c, t, "in", file, sizeof(file));
		if (x->exit_code == 42)
			continue;
		if (x->exit_code == 43)
			rc = jg_findings_add(f, JG_FINDING_ERROR, file, "rejected by input validator %s: %s", name,
					     first_line(x->stderr_head ? x->stderr_head : x->stdout_head, why, sizeof(why)));
		else
			rc = jg_findings_add(f, JG_FINDING_ERROR, file, "input validator %s failed (%s%s%s)%s%s",
					     name, jg_verdict_name(x->verdict), x->message ? ": " : "",
					     x->message ? x->message : "exit code not 42 or 43",
					     x->stderr_head ? ": " : "", last_line(x->stderr_head, why, sizeof(why)));
	}
	return rc;
}

static int open_validators(vctx *c, char **paths, jg_submission ***subs, size_t *n)
{
	int rc = 0;
	*subs = calloc(jg_strv_len(paths) + 1, sizeof(jg_submission *));
	if (!*subs)
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; paths[i] && rc == 0; i++) {
		if (jg_submission_open(&(*subs)[*n], paths[i], c->o->langs,
				       &(jg_submission_opts){ .build_run = 1 }) == 0)
			(*n)++;
		else
			rc = jg_findings_add(&c->v->findings, JG_FINDING_ERROR, paths[i] + strlen(c->b->root) + 1,
					     "input validator not usable: %s", jg_error_last());
	}
	return rc;
}

static int run_input_validators(vctx *c)
{
	char **paths = NULL;
	jg_submission **vals = NULL;
	jg_report *rep = NULL;
	jg_judge_opts j = judge_opts(c);
	size_t n = 0;
	int rc;

	if ((rc = jg_datacheck_input_validators(&paths, c->b->root)) < 0 || !paths || !paths[0])
		goto done;
	if (c->b->problem.validation == JG_VALIDATION_DEFAULT && !paths[0])
		goto done;
	if ((rc = open_validators(c, paths, &vals, &n)) < 0 || n == 0)
		goto done;
	j.time_limit = INPUT_VALIDATOR_TIME;
	j.all_tests = 1;
	j.input_validators = 1;
	j.test_args = input_flags;
	j.test_vflags = NULL;
	c->phase = "input validators";
	if ((rc = jg_judge_run(&rep, c->b, vals, n, &j)) < 0) {
		rc = judge_failed(c, rc);
		goto done;
	}
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = input_findings(c, vals[i]->path + strlen(c->b->root) + 1, &rep->subs[i]);
done:
	for (size_t i = 0; vals && i < n; i++)
		jg_submission_free(vals[i]);
	free(vals);
	jg_strv_free(paths);
	jg_report_free(rep);
	return rc;
}

/* Every .ans through the output validator: errors on samples, warnings on
 * secret data. */
static int check_answers(vctx *c)
{
	jg_judge_opts j = judge_opts(c);
	jg_report *rep = NULL;
	char file[600];
	int rc;

	c->phase = "answer files";
	if ((rc = jg_judge_check_answers(&rep, c->b, &j)) < 0)
		return judge_failed(c, rc);
	for (size_t t = 0; rep && t < rep->subs[0].ntests && rc == 0; t++) {
		const jg_test_result *x = &rep->subs[0].tests[t];
		int sample = !strncmp(c->b->tests[t].name, "sample/", 7);
		test_file(c, t, "ans", file, sizeof(file));
		if (x->verdict == JG_JE)
			judge_failed(c, 0);
		if (x->verdict != JG_AC)
			rc = jg_findings_add(&c->v->findings, sample ? JG_FINDING_ERROR : JG_FINDING_WARNING,
					     file, "the output validator %s it (%s%s%s)",
					     x->verdict == JG_WA ? "rejects" : "fails on",
					     jg_verdict_name(x->verdict), x->message ? ": " : "",
					     x->message ? x->message : "");
	}
	jg_report_free(rep);
	return rc;
}

/* ---- submissions ---- */

static int open_submissions(vctx *c)
{
	size_t n = c->e->nsubs;
	int rc = 0;

	if (!(c->subs = calloc(n + 1, sizeof(*c->subs))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		const jg_expect_sub *x = &c->e->subs[i];
		jg_submission_opts so = { .entry = x->entry, .function = c->b->problem.function != NULL };
		jg_verify_sub *s = &c->v->subs[i];
		if (!(s->rel = strdup(x->rel)))
			return jg_error_set(JG_ENOMEM, "out of memory");
		s->ok = 1;
		if (jg_submission_open(&c->subs[i], x->path, c->o->langs, &so) < 0) {
			s->skipped = 1;
			rc = note(s, "skipped: %s", jg_error_last());
		}
	}
	return rc;
}

static int is_accepted(const jg_expect_sub *x)
{
	return x->expected == JG_VSET(JG_AC) && !x->partial;
}

/* Moves a run's results into the verification's report. */
static void take_results(vctx *c, jg_report *rep, const size_t *idx, size_t n)
{
	for (size_t k = 0; k < n && k < rep->nsubs; k++) {
		jg_submission_result *dst = &c->v->report->subs[idx[k]];
		jg_submission_result_clear(dst);
		*dst = rep->subs[k];
		memset(&rep->subs[k], 0, sizeof(rep->subs[k]));
	}
	if (rep->incomplete)
		c->v->report->incomplete = 1;
}

/* Judges the submissions selected by `pick` at `tl` (and at `high` > 0). */
static int judge_phase(vctx *c, int (*pick)(const jg_expect_sub *), double tl, double high,
		       const char *phase)
{
	jg_submission **subs = calloc(c->e->nsubs + 1, sizeof(*subs));
	size_t *idx = calloc(c->e->nsubs + 1, sizeof(*idx)), n = 0;
	jg_judge_opts j = judge_opts(c);
	jg_report *rep = NULL;
	int rc = 0;

	if (!subs || !idx) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	/* Longest first: submissions expected to time out go to the workers
	 * before the rest, so that no core idles at the end behind one of them. */
	for (int slow = 1; slow >= 0; slow--)
		for (size_t i = 0; i < c->e->nsubs; i++)
			if (c->subs[i] && pick(&c->e->subs[i]) &&
			    !!(c->e->subs[i].expected & JG_VSET(JG_TLE)) == slow)
				subs[n] = c->subs[i], idx[n++] = i;
	if (n == 0)
		goto done;
	j.time_limit = tl;
	j.high_limit = high;
	j.all_tests = c->v->scoring;
	c->phase = phase;
	rc = jg_judge_run(&rep, c->b, subs, n, &j);
	if (rep)
		take_results(c, rep, idx, n);
	if (rc < 0)
		rc = judge_failed(c, rc);
done:
	jg_report_free(rep);
	free(subs);
	free(idx);
	return rc;
}

static int not_accepted(const jg_expect_sub *x) { return !is_accepted(x); }

/* The slowest accepted run, or -1 when none got AC. */
static double slowest_ac(vctx *c, size_t *who)
{
	double slowest = -1;
	for (size_t i = 0; i < c->e->nsubs; i++) {
		const jg_submission_result *r = &c->v->report->subs[i];
		if (c->subs[i] && is_accepted(&c->e->subs[i]) && r->verdict == JG_AC && r->time_max > slowest)
			slowest = r->time_max, *who = i;
	}
	return slowest;
}

static int set_time_limit(vctx *c)
{
	const jg_problem *p = &c->b->problem;
	jg_verification *v = c->v;
	size_t who = 0;
	double slowest = slowest_ac(c, &who), need = slowest * p->time_multiplier;
	int fixed = p->time_limit_source != JG_TL_DEFAULT;

	if (slowest < 0) {
		v->time_limit = p->time_limit;
		if (asprintf(&v->tl_note, "%s %.3g s (no accepted submission to measure)",
			     fixed ? "fixed" : "default", v->time_limit) < 0)
			return jg_error_set(JG_ENOMEM, "out of memory");
		return fixed ? 0 : jg_findings_add(&v->findings, JG_FINDING_WARNING, "submissions/accepted",
						   "no accepted submission: the time limit cannot be derived");
	}
	v->tl_derived = !fixed;
	v->time_limit = fixed ? p->time_limit : jg_verify_derive_tl(slowest, p->time_multiplier, p->time_resolution);
	if (asprintf(&v->tl_note, "%s %.3g s; slowest accepted: %s %.3f s x %g = %.3f s", fixed ? "fixed" : "derived",
		     v->time_limit, c->e->subs[who].rel, slowest, p->time_multiplier, need) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (fixed && need > v->time_limit + 1e-9)
		return jg_findings_add(&v->findings, JG_FINDING_ERROR, "problem.yaml",
				       "time limit %.3g s is too tight: slowest accepted submission %s takes %.3f s, x %g = %.3f s",
				       v->time_limit, c->e->subs[who].rel, slowest, p->time_multiplier, need);
	return 0;
}

/* ---- expectations ---- */

static int check_rules(const jg_expect_sub *x, const jg_submission_result *r, jg_verify_sub *s)
{
	unsigned seen = 0;
	int rc = 0;

	for (size_t t = 0; t < r->ntests; t++)
		if (r->tests[t].verdict != JG_SKIPPED)
			seen |= JG_VSET(r->tests[t].verdict);
	if (r->verdict == JG_CE)
		seen |= JG_VSET(JG_CE);
	for (size_t t = 0; x->permitted && t < r->ntests && rc == 0; t++) {
		jg_verdict got = r->tests[t].verdict;
		if (got != JG_SKIPPED && !(x->permitted & JG_VSET(got))) {
			s->ok = 0;
			rc = note(s, "test %s got %s, not permitted by submissions.yaml", r->tests[t].name,
				  jg_verdict_name(got));
			break;
		}
	}
	if (rc == 0 && x->required && !(seen & x->required)) {
		char buf[64];
		s->ok = 0;
		rc = note(s, "no test got any of %s, required by submissions.yaml",
			  jg_verdict_set_str(x->required, buf, sizeof(buf)));
	}
	return rc;
}

static int check_high(vctx *c, const jg_submission_result *r, jg_verify_sub *s)
{
	if (!r->has_high || r->verdict_high == r->verdict)
		return 0;
	if (s->checked)
		s->ok = 0;
	return note(s, "sensitive to time limit: %s at %.3g s (max %.3f s), %s at %.3g s (max %.3f s)",
		    jg_verdict_name(r->verdict), c->v->time_limit, r->time_max,
		    jg_verdict_name(r->verdict_high), c->v->tl_high, r->time_max_high);
}

/* "sample:AC secret:WA" (scoring: "secret/g1:AC(20/20)"), groups with tests. */
static int group_summary(vctx *c, const jg_group_result *gr, char **out)
{
	jg_buf b = JG_BUF_INIT(0);
	size_t ng = c->g ? jg_groups_count(c->g) : 0;

	for (size_t i = 0; i < ng; i++) {
		const char *name = jg_groups_name(c->g, i);
		if (!*name || !strcmp(name, "data") || gr[i].ntests == 0)
			continue;
		jg_buf_printf(&b, "%s%s:%s", b.len ? " " : "", name, jg_verdict_name(gr[i].verdict));
		if (c->v->scoring)
			jg_buf_printf(&b, "(%g/%g)", gr[i].score, gr[i].max_score);
	}
	free(*out);
	*out = jg_buf_detach(&b);
	jg_buf_free(&b);
	return *out ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
}

static int check_score(vctx *c, const jg_expect_sub *x, jg_submission_result *r, jg_verify_sub *s)
{
	size_t ng = c->g ? jg_groups_count(c->g) : 0;
	jg_group_result *gr = calloc(ng + 1, sizeof(*gr)), total = { 0 };
	int rc = 0;

	if (!gr)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (r->verdict == JG_CE || r->verdict == JG_JE)
		goto done;        /* nothing ran: no group results to show */
	if (c->g && (rc = jg_groups_aggregate(c->g, r->tests, r->ntests, c->v->scoring, gr, &total)) < 0)
		goto done;
	rc = group_summary(c, gr, &s->groups);
	if (rc < 0 || !c->v->scoring)
		goto done;
	r->has_score = 1;
	r->score = total.score;
	r->max_score = total.max_score;
	if (x->partial && !(total.score > 0 && total.score < total.max_score)) {
		s->ok = 0;
		rc = note(s, "partially accepted expected, got score %g of %g", total.score, total.max_score);
	} else if (is_accepted(x) && total.score < total.max_score) {
		s->ok = 0;
		rc = note(s, "accepted expected to get the full score, got %g of %g", total.score, total.max_score);
	}
done:
	free(gr);
	return rc;
}

static int evaluate(vctx *c, size_t i)
{
	const jg_expect_sub *x = &c->e->subs[i];
	jg_submission_result *r = &c->v->report->subs[i];
	jg_verify_sub *s = &c->v->subs[i];
	int rc;

	r->has_expected = x->expected != 0;
	r->expected = x->main;
	r->expected_set = x->expected;
	if (s->skipped) {
		r->verdict = JG_SKIPPED;
		return 0;
	}
	s->checked = x->expected || x->permitted || x->required || x->partial;
	if (!jg_verify_meets(x->expected, r->verdict)) {
		char buf[64];
		s->ok = 0;
		if ((rc = note(s, "expected %s, got %s", jg_verdict_set_str(x->expected, buf, sizeof(buf)),
			       jg_verdict_name(r->verdict))) < 0)
			return rc;
	}
	if (r->verdict == JG_JE)
		judge_failed(c, 0);
	if ((rc = check_high(c, r, s)) < 0 || (rc = check_rules(x, r, s)) < 0)
		return rc;
	return check_score(c, x, r, s);
}

/* ---- the whole verification ---- */


static int fill_report(vctx *c)
{
	jg_report *r = c->v->report;
	const jg_problem *p = &c->b->problem;

	free(r->problem_name);
	if (!(r->problem_name = strdup(p->name ? p->name : "")))
		return jg_error_set(JG_ENOMEM, "out of memory");
	r->time_limit = c->v->time_limit;
	r->memory_limit = p->memory_mib * 1048576ull;
	for (size_t i = 0; i < c->e->nsubs; i++) {
		jg_submission_result *s = &r->subs[i];
		if (!s->path && !(s->path = strdup(c->e->subs[i].path)))
			return jg_error_set(JG_ENOMEM, "out of memory");
		if (!s->language && c->subs[i] && !(s->language = strdup(c->subs[i]->lang->name)))
			return jg_error_set(JG_ENOMEM, "out of memory");
	}
	return 0;
}

static int judge_submissions(vctx *c)
{
	const jg_problem *p = &c->b->problem;
	int fixed = p->time_limit_source != JG_TL_DEFAULT, rc;
	double provisional = c->o->provisional_tl > 0 ? c->o->provisional_tl : JG_VERIFY_PROVISIONAL_TL;

	for (size_t i = 0; i < c->e->nsubs; i++)
		c->total += c->subs[i] != NULL;
	if ((rc = judge_phase(c, is_accepted, fixed ? p->time_limit : provisional, 0, "accepted")) < 0 ||
	    (rc = set_time_limit(c)) < 0)
		return rc;
	c->v->tl_high = c->v->time_limit * p->time_safety_margin;
	return judge_phase(c, not_accepted, c->v->time_limit, c->v->tl_high, "other");
}

static int verify(vctx *c, const char *problem)
{
	int rc;
	if ((rc = open_package(c, problem)) < 0)
		return rc;
	if ((rc = jg_datacheck_run(&c->v->findings, c->b)) < 0 ||
	    (rc = jg_fs_mkdtemp(&c->cache, NULL, "judge-verify-")) < 0 ||
	    (rc = run_input_validators(c)) < 0 || (rc = check_answers(c)) < 0 ||
	    (rc = open_submissions(c)) < 0 || (rc = judge_submissions(c)) < 0 ||
	    (rc = fill_report(c)) < 0)
		return rc;
	for (size_t i = 0; i < c->e->nsubs && rc == 0; i++)
		rc = evaluate(c, i);
	return rc;
}

int jg_verify_run(jg_verification **out, const char *problem, const jg_verify_opts *opts)
{
	vctx c = { .o = opts };
	int rc;

	*out = NULL;
	if (!(c.v = calloc(1, sizeof(*c.v))) || !(c.v->report = calloc(1, sizeof(*c.v->report)))) {
		jg_verification_free(c.v);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	rc = verify(&c, problem);
	c.v->judge_error = c.judge_error;
	if (rc < 0 && !c.judge_error) {       /* the package could not be read */
		jg_verification_free(c.v);
		c.v = NULL;
	}
	*out = c.v;
	if (c.cache)
		jg_fs_rmtree(c.cache);
	free(c.cache);
	jg_strv_free(c.vflags);
	for (size_t i = 0; c.subs && c.e && i < c.e->nsubs; i++)
		jg_submission_free(c.subs[i]);
	free(c.subs);
	jg_expect_free(c.e);
	jg_groups_free(c.g);
	jg_bundle_free(c.b);
	return rc;
}

void jg_verification_free(jg_verification *v)
{
	if (!v)
		return;
	for (size_t i = 0; v->subs && i < v->report->nsubs; i++) {
		free(v->subs[i].rel);
		free(v->subs[i].groups);
		jg_strv_free(v->subs[i].notes);
	}
	free(v->subs);
	jg_report_free(v->report);
	jg_findings_clear(&v->findings);
	free(v->tl_note);
	free(v);
}
