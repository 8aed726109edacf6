/* core/interactive.c - the judge's side of an interactive pair (see the header). */
#define _GNU_SOURCE
#include "interactive.h"
#include "error.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIB (1024ull * 1024ull)
#define HANDSHAKE_MS 15000   /* the supervisors give up on their peer after 10 s */
#define REPLY_SLACK_MS 30000 /* beyond a run's wall limit: cleanup, slow engine */

typedef struct {
	jg_docker  *docker;          /* the caller's connection (also the submission's) */
	jg_docker  *vdocker;         /* the validator's sandbox's own (opened in parallel) */
	jg_sandbox *val;             /* the validator's sandbox */
	char       *volume;
	unsigned    passes;          /* 1, or the most passes per test */
	double      validator_time;  /* seconds of CPU per run of the validator */
} pair;

static long ms(double s) { return (long)(s * 1000.0 + 0.5); }

/* Records "interactive, SIDE: <the last error>" (copied first: jg_error_set
 * writes into the buffer jg_error_last returns). */
static int side_error(int rc, const char *side)
{
	char cause[512];
	snprintf(cause, sizeof(cause), "%s", jg_error_last());
	return jg_error_set(rc, "interactive run, %s: %s", side, cause);
}

static void pair_release(void *ud)
{
	pair *p = ud;
	if (!p)
		return;
	jg_sandbox_free(p->val);
	jg_sandbox_volume_remove(p->docker, p->volume);
	jg_docker_free(p->vdocker);
	free(p->volume);
	free(p);
}

static int pair_vflags(void *ud, const char *flags)
{
	pair *p = ud;
	int rc = jg_sandbox_set_vflags(p->val, flags);
	return rc < 0 ? side_error(rc, "the validator's container") : 0;
}

/* Step 1: both supervisors open their FIFO ends at the same time; neither
 * child starts before both answered.  Both answers are always read. */
static int handshake(pair *p, jg_sandbox *sub)
{
	int rv, rs;
	char first[600] = "";

	if ((rv = jg_sandbox_send_iopen(p->val)) < 0)
		return side_error(rv, "the validator's container");
	if ((rs = jg_sandbox_send_iopen(sub)) < 0) {
		side_error(rs, "the submission's container");
		snprintf(first, sizeof(first), "%s", jg_error_last());
		jg_sandbox_wait_iopen(p->val, HANDSHAKE_MS);
		return jg_error_set(rs, "%s", first);
	}
	if ((rv = jg_sandbox_wait_iopen(p->val, HANDSHAKE_MS)) < 0) {
		side_error(rv, "the validator's container");
		snprintf(first, sizeof(first), "%s", jg_error_last());
	}
	if ((rs = jg_sandbox_wait_iopen(sub, HANDSHAKE_MS)) < 0 && rv == 0)
		return side_error(rs, "the submission's container");
	return rv < 0 ? jg_error_set(rv, "%s", first) : 0;
}

static void move_text(char **dst, char **src)
{
	free(*dst);
	*dst = *src;
	*src = NULL;
}

/* Prefixes "pass N: " to the message of a failed later pass. */
static void pass_prefix(jg_test_result *r, unsigned pass)
{
	char *m = NULL;
	if (pass > 1 && asprintf(&m, "pass %u: %s", pass, r->message ? r->message : "") >= 0) {
		free(r->message);
		r->message = m;
	}
}

/* Folds one pass (the submission's reply s, the validator's v) into r; see
 * the precedence in the header. */
static void combine(jg_test_result *r, jg_test_result *s, const jg_run_info *si, jg_test_result *v,
		    const jg_run_info *vi, unsigned pass)
{
	int val_first = vi->exit_at_us > 0 && si->exit_at_us > 0 && vi->exit_at_us < si->exit_at_us;

	r->time = pass > 1 && r->time > s->time ? r->time : s->time;
	r->wall = pass > 1 && r->wall > s->wall ? r->wall : s->wall;
	r->memory = pass > 1 && r->memory > s->memory ? r->memory : s->memory;
	r->exit_code = s->exit_code;
	r->signal = s->signal;
	r->limit = JG_LIMIT_NONE;
	r->has_score = v->has_score;
	r->score = v->score;
	free(r->stdout_head);            /* stdout went to the validator */
	r->stdout_head = NULL;
	r->stdout_truncated = 0;
	move_text(&r->stderr_head, &s->stderr_head);
	r->stderr_truncated = s->stderr_truncated;
	if (s->verdict == JG_JE) {
		r->verdict = JG_JE;
		move_text(&r->message, &s->message);
	} else if (v->verdict == JG_JE) {
		r->verdict = JG_JE;
		move_text(&r->message, &v->message);
	} else if (v->verdict == JG_WA && val_first) {
		r->verdict = JG_WA;
		move_text(&r->message, &v->message);
	} else if (s->verdict != JG_AC) {
		r->verdict = s->verdict;       /* TLE, then RTE, MLE, OLE */
		r->limit = s->limit;
		move_text(&r->message, &s->message);
	} else {
		r->verdict = v->verdict;
		move_text(&r->message, &v->message);
	}
	if (r->verdict != JG_AC)
		pass_prefix(r, pass);
	else {
		free(r->stderr_head);    /* as for other problems: kept for failures */
		r->stderr_head = NULL;
		r->stderr_truncated = 0;
	}
}

/* One pass: the handshake, both runs, both replies.  Returns 0 with s, si,
 * v, vi filled, or a judge error. */
static int one_pass(pair *p, jg_sandbox *sub, size_t idx, const char *args, unsigned pass,
		    jg_test_result *s, jg_run_info *si, jg_test_result *v, jg_run_info *vi)
{
	long sub_wall = ms(JG_WALL_LIMIT(jg_sandbox_cpu_limit(sub)));
	long val_wall = sub_wall + ms(p->validator_time);
	int rc;

	if ((rc = handshake(p, sub)) < 0)
		return rc;
	/* Step 2: the validator first, so that it is about to read when the
	 * submission starts (either order is correct). */
	if ((rc = jg_sandbox_send_ival(p->val, idx, pass, val_wall)) < 0)
		return side_error(rc, "the validator's container");
	if ((rc = jg_sandbox_send_irun(sub, idx, args)) < 0 ||
	    (rc = jg_sandbox_wait_run(sub, s, si, sub_wall + REPLY_SLACK_MS)) < 0)
		return side_error(rc, "the submission's container");
	if ((rc = jg_sandbox_wait_run(p->val, v, vi, val_wall + REPLY_SLACK_MS)) < 0)
		return side_error(rc, "the validator's container");
	return 0;
}

/* jg_sandbox_test_args() of the submission's sandbox. */
static int pair_test(void *ud, jg_sandbox *sub, size_t idx, const char *args, jg_test_result *r)
{
	pair *p = ud;
	int rc = 0, more = 1;

	for (unsigned pass = 1; more && rc == 0; pass++) {
		jg_test_result s = { .exit_code = -1 }, v = { .exit_code = -1 };
		jg_run_info si = { 0 }, vi = { 0 };

		if ((rc = one_pass(p, sub, idx, args, pass, &s, &si, &v, &vi)) == 0) {
			combine(r, &s, &si, &v, &vi, pass);
			more = r->verdict == JG_AC && vi.next_pass;
			if (more && pass >= p->passes)   /* the supervisor enforces it */
				rc = jg_error_set(JG_EINTERNAL, "interactive run: pass %u of at most %u",
						  pass + 1, p->passes);
		}
		jg_test_result_clear(&s);
		jg_test_result_clear(&v);
	}
	return rc;
}

/* The validator's container: its image, its program, the tests. */
static void validator_spec(jg_sandbox_spec *v, const jg_sandbox_spec *s, const char *volume,
			   const char *image)
{
	memset(v, 0, sizeof(*v));
	v->image = image;
	v->supervisor_path = s->supervisor_path;
	v->vrun = s->vrun;
	v->vflags = s->vflags;
	v->vsrc_dir = s->vsrc_dir;
	v->validator_tar = s->validator_tar;
	v->tests_tar = s->tests_tar;
	v->tests_bytes = s->tests_bytes;
	v->ntests = s->ntests;
	v->cpu_limit = s->validator_time;
	v->memory = JG_INTERACTIVE_VALIDATOR_MEMORY;
	v->output = 64 * MIB;
	v->compile_time = s->compile_time;
	v->compile_memory = JG_INTERACTIVE_VALIDATOR_MEMORY;
	v->validator_time = s->validator_time;
	v->ipc_volume = volume;
	v->ipc_role = JG_IPC_VALIDATOR;
	v->multipass = s->multipass;
}

/* The validator's sandbox is opened on a thread of its own, with its own
 * engine connection, while the caller's thread opens the submission's: the
 * two containers start at the same time.  The error message is thread-local,
 * so it is copied out. */
typedef struct {
	pair           *p;
	jg_sandbox_spec spec;
	int             rc;
	char            err[600];
} val_opener;

static void *open_validator(void *arg)
{
	val_opener *o = arg;
	if ((o->rc = jg_sandbox_open(&o->p->val, o->p->vdocker, &o->spec)) < 0)
		snprintf(o->err, sizeof(o->err), "%s", jg_error_last());
	return NULL;
}

int jg_interactive_open(jg_sandbox **out, jg_docker *d, const jg_sandbox_spec *spec,
			const char *validator_image)
{
	pair *p = calloc(1, sizeof(*p));
	val_opener vo = { .p = p };
	jg_sandbox_spec ss;
	jg_sandbox *sub = NULL;
	pthread_t thread;
	int rc, threaded;

	*out = NULL;
	if (!p)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (!spec->vrun || !validator_image) {
		free(p);
		return jg_error_set(JG_EINPUT, "an interactive problem needs a custom output validator");
	}
	p->docker = d;
	p->passes = spec->multipass ? spec->multipass : 1;
	p->validator_time = spec->validator_time;
	if ((rc = jg_sandbox_volume_create(d, &p->volume)) < 0) {
		rc = side_error(rc, "the pipes' volume");
		goto fail;
	}
	if ((rc = jg_docker_clone(&p->vdocker, d)) < 0)
		goto fail;
	validator_spec(&vo.spec, spec, p->volume, validator_image);
	threaded = pthread_create(&thread, NULL, open_validator, &vo) == 0;
	if (!threaded)
		open_validator(&vo);
	ss = *spec;
	ss.ipc_volume = p->volume;
	ss.ipc_role = JG_IPC_SUBMISSION;
	ss.vcompile = ss.vrun = NULL;      /* the validator runs next door */
	ss.vsrc_dir = ss.validator_tar = NULL;
	ss.tests_tar = NULL;               /* the submission sees only the pipes */
	ss.tests_bytes = 0;
	ss.ntests = 0;
	ss.multipass = 0;
	rc = jg_sandbox_open(&sub, d, &ss);
	if (threaded)
		pthread_join(thread, NULL);
	if (vo.rc < 0) {
		jg_sandbox_free(sub);
		rc = jg_error_set(vo.rc, "interactive run, the validator's container: %s", vo.err);
		goto fail;
	}
	if (rc < 0)
		goto fail;
	jg_sandbox_set_runner(sub, &(jg_sandbox_runner){ pair_test, pair_vflags, pair_release, p });
	*out = sub;
	return 0;
fail:
	pair_release(p);
	return rc;
}
