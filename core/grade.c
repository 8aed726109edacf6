/* core/grade.c - a batch of students: stage, check the rules, hash, judge,
 * and append one record per student to OUT/results.jsonl (see grade.h). */
#define _GNU_SOURCE
#include "grade.h"

#include "error.h"
#include "fs.h"
#include "hash.h"
#include "report.h"
#include "submission.h"
#include "extract.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXPECTED_MAX 4096      /* bytes of a visible test's answer kept for feedback */
#define LINE_MAX_BYTES (64u << 20)

typedef struct {
	char    *id;
	uint64_t hash;
} done_rec;

typedef struct {
	const jg_student *st;
	uint64_t          hash;
	jg_submission    *sub;       /* NULL when not judged */
	char             *reason;    /* why it is not judged, or NULL */
	char             *je;        /* a judge failure while preparing it, or NULL */
	int               written;
} student_job;

typedef struct {
	const jg_bundle     *b;
	const jg_assignment *a;
	const jg_grade_opts *o;
	FILE                *out;        /* results.jsonl, append */
	int                  io_failed;
	done_rec            *prev;       /* earlier records, sorted by id */
	size_t               nprev;
	student_job         *jobs;
	size_t               njobs;
	size_t              *judged;     /* job index of each judged submission */
	const char          *input;      /* SUBMISSIONS as given */
	const char          *tmpdir;     /* where the roster extracted it, or NULL */
	jg_grade_counts      counts;
} gctx;

unsigned jg_grade_shard_of(const char *id, unsigned n)
{
	/* FNV's low bits are poor for short similar ids: mixed first (fmix64) */
	uint64_t h = jg_hash_str(JG_HASH_INIT, id);
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return n ? (unsigned)(h % n) : 0;
}

/* ---- earlier records (resume) ---- */

static int cmp_done(const void *x, const void *y)
{
	return strcmp(((const done_rec *)x)->id, ((const done_rec *)y)->id);
}

/* One line of results.jsonl; lines that do not parse (a write cut short by
 * a kill) are skipped, JE records are not kept (they are retried). */
static int take_line(gctx *c, const char *line)
{
	json_t *o = json_loads(line, 0, NULL);
	const char *id = json_string_value(json_object_get(json_object_get(o, "student"), "id"));
	const char *hash = json_string_value(json_object_get(o, "hash"));
	const char *v = json_string_value(json_object_get(o, "verdict"));
	done_rec *n;
	int rc = 0;

	if (id && hash && v && strcmp(v, "JE") && (n = realloc(c->prev, (c->nprev + 1) * sizeof(*n)))) {
		c->prev = n;
		n[c->nprev].hash = strtoull(hash, NULL, 16);
		if (!(n[c->nprev].id = strdup(id)))
			rc = jg_error_set(JG_ENOMEM, "out of memory");
		else
			c->nprev++;
	}
	json_decref(o);
	return rc;
}

static int load_previous(gctx *c, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;

	if (!f)
		return errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s", path);
	while (rc == 0 && getline(&line, &cap, f) > 0)
		rc = take_line(c, line);
	free(line);
	fclose(f);
	if (c->nprev > 1)
		qsort(c->prev, c->nprev, sizeof(*c->prev), cmp_done);
	return rc;
}

/* 1 when an earlier record of this student has this hash. */
static int seen(const gctx *c, const char *id, uint64_t hash)
{
	size_t lo = 0, hi = c->nprev;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int d = strcmp(c->prev[mid].id, id);
		if (d == 0) {
			/* several records of one id: any with this hash will do */
			size_t k = mid;
			while (k > 0 && !strcmp(c->prev[k - 1].id, id))
				k--;
			for (; k < c->nprev && !strcmp(c->prev[k].id, id); k++)
				if (c->prev[k].hash == hash)
					return 1;
			return 0;
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ---- records ---- */

static int put(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory building a grade record");
	return 0;
}

/* The first EXPECTED_MAX bytes of a test's answer file, as valid UTF-8. */
static json_t *expected_head(const jg_testcase *t)
{
	char buf[EXPECTED_MAX + 1], *clean;
	FILE *f = fopen(t->ans_path, "rb");
	size_t n = f ? fread(buf, 1, EXPECTED_MAX, f) : 0;
	json_t *v;

	if (f)
		fclose(f);
	buf[n] = '\0';
	if (!(clean = jg_utf8_sanitize(buf, n)))
		return NULL;
	v = json_string(clean);
	free(clean);
	return v;
}

/* Marks hidden tests and keeps the answer of visible failed ones (not for
 * function-call problems: their message holds the expected value, and the
 * output to tell it from is the returned value, not the student's prints). */
static int annotate_tests(gctx *c, json_t *tests, const jg_submission_result *s)
{
	for (size_t i = 0; i < json_array_size(tests) && i < c->b->ntests; i++) {
		json_t *t = json_array_get(tests, i);
		int hidden = c->a->hidden[i];
		int failed = i < s->ntests && s->tests[i].verdict != JG_AC && s->tests[i].verdict != JG_SKIPPED;
		int keep = !hidden && failed && !c->b->problem.function;
		if (put(t, "hidden", json_boolean(hidden)) < 0 ||
		    put(t, "expected_output", keep ? expected_head(&c->b->tests[i]) : json_null()) < 0)
			return JG_ENOMEM;
	}
	return 0;
}

static json_t *items_json(const gctx *c, const jg_submission_result *s, int judged)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < c->a->nitems; i++) {
		const jg_grade_item *it = &c->a->items[i];
		int ok = judged && jg_assignment_item_passed(c->a, i, s);
		if (json_array_append_new(a, json_pack("{sssfsfsb}", "name", it->name, "points",
						       ok ? it->points : 0.0, "max", it->points, "passed", ok)) < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *record(gctx *c, const student_job *j, jg_submission_result *s)
{
	char hex[17];
	int judged = !j->reason && s->verdict != JG_JE;
	double score = judged ? jg_assignment_score(c->a, s) : 0;
	json_t *o = json_object(), *sub;

	s->has_score = 1;
	s->score = score;
	s->max_score = c->a->max;
	if (!o || !(sub = jg_report_submission_json(s))) {
		json_decref(o);
		return NULL;
	}
	jg_hash_hex(hex, j->hash);
	if (put(o, "student", json_pack("{ssss}", "id", j->st->id, "name", j->st->name)) < 0 ||
	    put(o, "late", json_boolean(j->st->late)) < 0 || put(o, "hash", json_string(hex)) < 0 ||
	    put(o, "problem", json_pack("{sssfsI}", "name", c->b->problem.name ? c->b->problem.name : "",
					"time_limit", c->o->judge.time_limit > 0 ? c->o->judge.time_limit
					: c->b->problem.time_limit, "memory_limit",
					(json_int_t)((c->o->judge.memory_mib ? c->o->judge.memory_mib
						      : c->b->problem.memory_mib) << 20))) < 0 ||
	    put(o, "max", json_real(c->a->max)) < 0 ||
	    put(o, "reason", j->reason ? json_string(j->reason) : json_null()) < 0 ||
	    put(o, "items", items_json(c, s, judged)) < 0 ||
	    json_object_update(o, sub) < 0 || annotate_tests(c, json_object_get(o, "tests"), s) < 0) {
		json_decref(o);
		o = NULL;
	}
	json_decref(sub);
	return o;
}

static void count(gctx *c, jg_verdict v, double score)
{
	c->counts.done++;
	c->counts.je += v == JG_JE;
	c->counts.not_full += v == JG_JE || score < c->a->max;
}

/* Appends one record as one line, flushed and synced. */
static void append(gctx *c, student_job *j, jg_submission_result *s)
{
	json_t *o = record(c, j, s);
	char *line = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) : NULL;

	if (!line || fprintf(c->out, "%s\n", line) < 0 || fflush(c->out) != 0 || fsync(fileno(c->out)) < 0)
		c->io_failed = 1;
	free(line);
	json_decref(o);
	j->written = 1;
	count(c, s->verdict, s->score);
	if (c->o->progress)
		c->o->progress(c->o->ud, &c->counts);
}

/* Where a student's files are, as the user named the export: paths inside
 * an extracted archive are shown as ARCHIVE/rest. */
static char *display_path(const gctx *c, const student_job *j)
{
	const char *p = j->st->root ? j->st->root : j->st->nfiles ? j->st->files[0].path : NULL;
	size_t n = c->tmpdir ? strlen(c->tmpdir) : 0;
	char *out = NULL;

	if (!p)
		return strdup(c->input);
	if (n && !strncmp(p, c->tmpdir, n) && (p[n] == '/' || !p[n]))
		return asprintf(&out, "%s%s", c->input, p + n) < 0 ? NULL : out;
	return strdup(p);
}

/* ---- staging one student ---- */

/* mkdir -p of the directories in `rel` below base. */
static int make_parents(const char *base, const char *rel)
{
	char *p = jg_path_join(base, rel), *s;

	if (!p)
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (s = p + strlen(base) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST) {
			int rc = jg_error_errno(JG_EIO, "%s", p);
			free(p);
			return rc;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

/* Flat layouts scatter a student's files under platform names: they are
 * copied into a directory of their own under the names the student gave. */
static int stage(char **path, const jg_student *st, const char *work, size_t k)
{
	char name[32];
	char *dir;
	int rc = 0;

	if (st->root)
		return (*path = strdup(st->root)) ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
	snprintf(name, sizeof(name), "s%zu", k);
	if (!(dir = jg_path_join(work, name)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (mkdir(dir, 0755) < 0)
		rc = jg_error_errno(JG_EIO, "%s", dir);
	for (size_t i = 0; rc == 0 && i < st->nfiles; i++) {
		char *to = jg_path_join(dir, st->files[i].name);
		rc = !to ? jg_error_set(JG_ENOMEM, "out of memory")
			 : make_parents(dir, st->files[i].name) < 0 ? JG_EIO : jg_fs_copy_file(st->files[i].path, to, 0);
		free(to);
	}
	/* one uploaded archive: the archive itself is the submission */
	if (rc == 0 && st->nfiles == 1 && jg_archive_detect(st->files[0].path) > 0) {
		char *f = jg_path_join(dir, st->files[0].name);
		free(dir);
		dir = f;
	}
	if (rc == 0 && !dir)
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	*path = rc == 0 ? dir : (free(dir), NULL);
	return rc;
}

static int hash_student(uint64_t *h, uint64_t base, const jg_student *st)
{
	*h = base;
	for (size_t i = 0; i < st->nfiles; i++) {
		int rc;
		*h = jg_hash_str(*h, st->files[i].name);
		if ((rc = jg_hash_file(h, st->files[i].path)) < 0)
			return rc;
	}
	return 0;
}

/* Why a student's submission is not judged, or NULL (then j->sub is set).
 * Only judge failures (I/O, memory) are errors. */
static int prepare_student(gctx *c, student_job *j, const jg_langs *langs, const char *work, size_t k)
{
	jg_submission_opts so = { .lang = c->o->lang, .workdir = work, .function = c->b->problem.function != NULL };
	const char **names = NULL, **paths = NULL;
	char *path = NULL;
	int rc;

	if (j->st->nfiles == 0)
		return (j->reason = strdup("empty submission: no files")) ? 0 : JG_ENOMEM;
	if ((rc = stage(&path, j->st, work, k)) < 0)
		return rc;
	rc = jg_submission_open(&j->sub, path, langs, &so);
	if (rc == JG_EINPUT || rc == JG_ELIMIT) {
		/* "<staging path>: no entry point..." names the student's files instead */
		const char *m = jg_error_last();
		size_t n = strlen(path);
		rc = asprintf(&j->reason, "%s", !strncmp(m, path, n) && m[n] == ':' ? m + n + 2 : m) < 0
			? (j->reason = NULL, JG_ENOMEM) : 0;
	}
	free(path);
	if (rc < 0 || j->reason)
		return rc;
	names = calloc(j->st->nfiles + 1, sizeof(*names));
	paths = calloc(j->st->nfiles + 1, sizeof(*paths));
	if (!names || !paths)
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; rc == 0 && i < j->st->nfiles; i++)
		names[i] = j->st->files[i].name, paths[i] = j->st->files[i].path;
	if (rc == 0)
		rc = jg_assignment_check(&j->reason, c->a, j->sub->lang->name, names, paths, j->st->nfiles);
	free(names);
	free(paths);
	if (j->reason) {
		jg_submission_free(j->sub);
		j->sub = NULL;
	}
	return rc;
}

/* A result for a student nothing ran for: CE (reason) or JE (judge). */
static int unjudged_result(jg_submission_result *s, const gctx *c, const student_job *j,
			   jg_verdict v, const char *why)
{
	memset(s, 0, sizeof(*s));
	s->verdict = v;
	if (!(s->tests = calloc(c->b->ntests + 1, sizeof(*s->tests))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	s->ntests = c->b->ntests;
	for (size_t i = 0; i < s->ntests; i++) {
		s->tests[i].verdict = JG_SKIPPED;
		s->tests[i].exit_code = -1;
		if (!(s->tests[i].name = strdup(c->b->tests[i].name)))
			return jg_error_set(JG_ENOMEM, "out of memory");
	}
	s->path = display_path(c, j);
	s->compile_status = strdup("skipped");
	s->message = strdup(why);
	return s->path && s->compile_status && s->message ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
}

static void write_unjudged(gctx *c, student_job *j, jg_verdict v, const char *why)
{
	jg_submission_result s;
	if (unjudged_result(&s, c, j, v, why) < 0)
		c->io_failed = 1;
	append(c, j, &s);
	jg_submission_result_clear(&s);
}

/* ---- judging ---- */

static void on_done(void *ud, size_t idx, const jg_submission_result *r, size_t done, size_t total)
{
	gctx *c = ud;
	student_job *j = &c->jobs[c->judged[idx]];
	jg_submission_result *s = (jg_submission_result *)r;   /* ours until released */
	char *path = display_path(c, j);

	(void)done;
	(void)total;
	if (path) {
		free(s->path);
		s->path = path;
	}
	append(c, j, s);
}

static int judge_all(gctx *c, const jg_langs *langs)
{
	jg_submission **subs = calloc(c->njobs + 1, sizeof(*subs));
	jg_judge_opts jo = c->o->judge;
	jg_report *rep = NULL;
	size_t n = 0;
	int rc;

	if (!subs || !(c->judged = calloc(c->njobs + 1, sizeof(size_t)))) {
		free(subs);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < c->njobs; i++)
		if (c->jobs[i].sub && !c->jobs[i].written)
			c->judged[n] = i, subs[n++] = c->jobs[i].sub;
	jo.langs = langs;
	jo.all_tests = 1;
	jo.on_done = on_done;
	jo.ud = c;
	jo.release_results = 1;
	rc = n ? jg_judge_run(&rep, c->b, subs, n, &jo) : 0;
	/* what never reached on_done (preparation failed, interrupted) */
	for (size_t k = 0; k < n; k++) {
		student_job *j = &c->jobs[c->judged[k]];
		if (!j->written)
			write_unjudged(c, j, JG_JE, rep && rep->subs[k].message ? rep->subs[k].message
				       : rc < 0 ? jg_error_last() : "not judged");
	}
	jg_report_free(rep);
	free(subs);
	return rc;
}

/* ---- the batch ---- */

static int open_out(gctx *c)
{
	char *path;
	int rc = 0;

	if (mkdir(c->o->out_dir, 0755) < 0 && errno != EEXIST)
		return jg_error_errno(JG_EIO, "%s", c->o->out_dir);
	if (!(path = jg_path_join(c->o->out_dir, JG_GRADE_RESULTS)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (!c->o->no_resume)
		rc = load_previous(c, path);
	if (rc == 0 && !(c->out = fopen(path, c->o->no_resume ? "w" : "a")))
		rc = jg_error_errno(JG_EIO, "%s", path);
	free(path);
	return rc;
}

static int bundle_hash(uint64_t *h, const gctx *c)
{
	char opts[256];
	const jg_judge_opts *j = &c->o->judge;

	snprintf(opts, sizeof(opts), "v1 tl=%g mem=%llu lang=%s", j->time_limit,
		 (unsigned long long)j->memory_mib, c->o->lang ? c->o->lang : "");
	*h = jg_hash_str(JG_HASH_INIT, opts);
	return jg_hash_tree(h, c->b->root);
}

static int plan(gctx *c, const jg_roster *r, const jg_langs *langs, const char *work)
{
	uint64_t base;
	int rc = bundle_hash(&base, c);

	if (rc == 0 && !(c->jobs = calloc(r->nstudents + 1, sizeof(*c->jobs))))
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; rc == 0 && i < r->nstudents; i++) {
		student_job *j = &c->jobs[c->njobs];
		if (c->o->shard_n && jg_grade_shard_of(r->students[i].id, c->o->shard_n) != c->o->shard_k - 1)
			continue;
		j->st = &r->students[i];
		c->njobs++;
		if ((rc = hash_student(&j->hash, base, j->st)) < 0)
			break;
		if (seen(c, j->st->id, j->hash)) {
			j->written = 1;
			c->counts.reused++;
			c->counts.done++;
			continue;
		}
		/* a judge failure (disk, memory) makes this student JE, not the batch */
		if ((rc = prepare_student(c, j, langs, work, i)) < 0 && rc != JG_ENOMEM)
			rc = (j->je = strdup(jg_error_last())) ? 0 : JG_ENOMEM;
	}
	c->counts.students = c->njobs;
	return rc;
}

static void free_ctx(gctx *c)
{
	for (size_t i = 0; i < c->njobs; i++) {
		jg_submission_free(c->jobs[i].sub);
		free(c->jobs[i].reason);
		free(c->jobs[i].je);
	}
	for (size_t i = 0; i < c->nprev; i++)
		free(c->prev[i].id);
	free(c->prev);
	free(c->jobs);
	free(c->judged);
	if (c->out)
		fclose(c->out);
}

int jg_grade_run(jg_grade_counts *counts, const jg_bundle *b, const jg_assignment *a,
		 const jg_langs *langs, const char *submissions, const jg_grade_opts *o)
{
	gctx c = { .b = b, .a = a, .o = o, .input = submissions };
	jg_roster *r = NULL;
	char *work = NULL;
	int rc;

	memset(counts, 0, sizeof(*counts));
	if ((rc = jg_roster_open(&r, submissions, o->layout)) == 0)
		c.tmpdir = r->tmpdir;
	if (rc < 0 || (rc = open_out(&c)) < 0 ||
	    (rc = jg_fs_mkdtemp(&work, NULL, "judge-grade-")) < 0 || (rc = plan(&c, r, langs, work)) < 0)
		goto done;
	if (o->progress)
		o->progress(o->ud, &c.counts);
	for (size_t i = 0; i < c.njobs; i++)
		if ((c.jobs[i].reason || c.jobs[i].je) && !c.jobs[i].written)
			write_unjudged(&c, &c.jobs[i], c.jobs[i].je ? JG_JE : JG_CE,
				       c.jobs[i].je ? c.jobs[i].je : c.jobs[i].reason);
	rc = judge_all(&c, langs);
	if (rc == 0 && c.io_failed)
		rc = jg_error_errno(JG_EIO, "%s/%s: cannot write a record", o->out_dir, JG_GRADE_RESULTS);
done:
	*counts = c.counts;
	for (size_t i = 0; i < c.njobs; i++)      /* roster order: sorted by id */
		if (jg_strv_push(&counts->ids, c.jobs[i].st->id) < 0 && rc == 0)
			rc = JG_ENOMEM;
	free_ctx(&c);
	if (work)
		jg_fs_rmtree(work);
	free(work);
	jg_roster_free(r);
	return rc;
}
