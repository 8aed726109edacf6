/* core/grade_out.c - CSV, JSON, JUnit, Gradescope, GitHub and feedback
 * outputs of a graded batch, streamed from results.jsonl (grade_out.h). */
#define _GNU_SOURCE
#include "grade_out.h"

#include "error.h"
#include "fs.h"
#include "report.h"
#include "result.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SUMMARY_MAX (900u * 1024)   /* bytes of Markdown per run: GitHub takes 1 MiB */
#define GITHUB_ERRORS 10            /* annotations GitHub shows per step */
#define DIFF_LINES 100              /* lines of each side a feedback diff compares */
#define FEEDBACK_OUT 2048           /* bytes of a test's output shown in feedback */

typedef struct {
	char  *id;
	off_t  at;
} idx_ent;

typedef struct {
	const jg_grade_outputs *o;
	jg_grade_totals        *t;
	FILE   *csv, *json, *junit, *summary;
	char   *tmp[3];                 /* csv, json, junit: written here, renamed at the end */
	size_t  nrec, summary_bytes, summary_left, errors_shown, errors_left;
	char    token[33];              /* ::stop-commands:: token */
	jg_junit_counts jc;
	int     failed;
} octx;

/* ---- escaping ---- */

char *jg_github_escape(const char *s, int property)
{
	size_t n = strlen(s);
	char *out = malloc(3 * n + 1), *p = out;

	if (!out)
		return NULL;
	for (; *s; s++) {
		if (*s == '%' || *s == '\r' || *s == '\n' || (property && (*s == ':' || *s == ',')))
			p += sprintf(p, "%%%02X", (unsigned char)*s);
		else
			*p++ = *s;
	}
	*p = '\0';
	return out;
}

char *jg_csv_field(const char *s, int text)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	int formula = text && strchr("=+-@\t\r", *s) && *s;
	char *out = malloc(2 * strlen(s) + 4), *p = out;

	if (!out)
		return NULL;
	if (quote)
		*p++ = '"';
	if (formula)
		*p++ = '\'';
	for (; *s; s++) {
		if (*s == '"')
			*p++ = '"';
		*p++ = *s;
	}
	if (quote)
		*p++ = '"';
	*p = '\0';
	return out;
}

/* Markdown table cell: no pipes, no markup, no line breaks. */
static void md_cell(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (strchr("|\\`*_[]<>#!~", *s))
			fprintf(f, "&#%d;", *s);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
}

/* ---- reading records ---- */

static const char *rec_str(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static const char *rec_id(const json_t *r) { return rec_str(json_object_get(r, "student"), "id"); }
static const char *rec_name(const json_t *r) { return rec_str(json_object_get(r, "student"), "name"); }
static double rec_num(const json_t *o, const char *k) { return json_number_value(json_object_get(o, k)); }

static int cmp_idx(const void *a, const void *b)
{
	return strcmp(((const idx_ent *)a)->id, ((const idx_ent *)b)->id);
}

static int cmp_id(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

static int wanted(char *const *only, const char *id)
{
	size_t n = 0;
	if (!only)
		return 1;
	while (only[n])
		n++;
	return bsearch(id, only, n, sizeof(*only), cmp_id) != NULL;
}

/* Offsets of the last record of each id, sorted by id. */
static int index_file(FILE *f, idx_ent **out, size_t *n, char *const *only)
{
	char *line = NULL;
	size_t cap = 0, k = 0;
	off_t at = 0;
	ssize_t len;
	idx_ent *v = NULL;

	while ((len = getline(&line, &cap, f)) > 0) {
		json_t *o = json_loads(line, 0, NULL);
		idx_ent *nv;
		if (o && *rec_id(o) && wanted(only, rec_id(o)) && (nv = realloc(v, (k + 1) * sizeof(*v)))) {
			v = nv;
			v[k].at = at;
			if ((v[k].id = strdup(rec_id(o))))
				k++;
		}
		json_decref(o);
		at += len;
	}
	free(line);
	if (k > 1)
		qsort(v, k, sizeof(*v), cmp_idx);
	/* keep the last record of an id: the largest offset among equals */
	size_t w = 0;
	for (size_t i = 0; i < k; i++) {
		if (w > 0 && !strcmp(v[w - 1].id, v[i].id)) {
			if (v[i].at > v[w - 1].at)
				v[w - 1].at = v[i].at;
			free(v[i].id);
			continue;
		}
		v[w++] = v[i];
	}
	*out = v;
	*n = w;
	return 0;
}

static json_t *read_at(FILE *f, off_t at)
{
	char *line = NULL;
	size_t cap = 0;
	json_t *o = NULL;

	if (fseeko(f, at, SEEK_SET) == 0 && getline(&line, &cap, f) > 0)
		o = json_loads(line, 0, NULL);
	free(line);
	return o;
}

/* Student-facing copy: hidden tests keep their name, verdict and figures. */
static void redact(json_t *r)
{
	static const char *const keys[] = { "message", "stdout", "stderr", "expected_output" };
	json_t *tests = json_object_get(r, "tests");

	for (size_t i = 0; i < json_array_size(tests); i++) {
		json_t *t = json_array_get(tests, i);
		if (!json_is_true(json_object_get(t, "hidden")))
			continue;
		for (size_t k = 0; k < sizeof(keys) / sizeof(*keys); k++)
			json_object_set_new(t, keys[k], json_null());
		json_object_set_new(t, "stdout_truncated", json_integer(0));
		json_object_set_new(t, "stderr_truncated", json_integer(0));
	}
}

/* ---- feedback: what a student sees of one test ---- */

static size_t split_lines(char **v, size_t max, char *s)
{
	size_t n = 0;
	while (*s && n < max) {
		v[n++] = s;
		char *e = strchr(s, '\n');
		if (!e)
			break;
		*e = '\0';
		s = e + 1;
	}
	return n;
}

/* A line diff of expected vs got (longest common subsequence). */
static void put_diff(FILE *f, const char *expected, const char *got)
{
	char *a = strdup(expected), *b = strdup(got), *x[DIFF_LINES], *y[DIFF_LINES];
	size_t n, m;
	unsigned short (*L)[DIFF_LINES + 1] = calloc(DIFF_LINES + 1, sizeof(*L));

	if (!a || !b || !L)
		goto done;
	n = split_lines(x, DIFF_LINES, a);
	m = split_lines(y, DIFF_LINES, b);
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			L[i][j] = !strcmp(x[i], y[j]) ? L[i + 1][j + 1] + 1
				: L[i + 1][j] > L[i][j + 1] ? L[i + 1][j] : L[i][j + 1];
	fputs("    --- expected\n    +++ your output\n", f);
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && !strcmp(x[i], y[j]))
			fprintf(f, "     %s\n", x[i++]), j++;
		else if (i < n && (j == m || L[i + 1][j] >= L[i][j + 1]))
			fprintf(f, "    -%s\n", x[i++]);
		else
			fprintf(f, "    +%s\n", y[j++]);
	}
done:
	free(a);
	free(b);
	free(L);
}

static void put_test_feedback(FILE *f, const json_t *t)
{
	const char *v = rec_str(t, "verdict"), *msg = rec_str(t, "message");
	const json_t *exp = json_object_get(t, "expected_output");
	int hidden = json_is_true(json_object_get(t, "hidden"));

	fprintf(f, "  %s: %s%s%s\n", rec_str(t, "name"), v, hidden ? " (hidden test)" : *msg ? ": " : "",
		hidden ? "" : msg);
	if (hidden || !strcmp(v, "AC") || !strcmp(v, "SKIPPED"))
		return;
	if (json_is_string(exp) && !strcmp(v, "WA"))
		put_diff(f, json_string_value(exp), rec_str(t, "stdout"));
	if (*rec_str(t, "stderr"))
		fprintf(f, "    stderr: %.*s\n", FEEDBACK_OUT, rec_str(t, "stderr"));
}

/* The whole feedback text of a student (redacted record). */
static void put_feedback(FILE *f, const json_t *r)
{
	const json_t *tests = json_object_get(r, "tests"), *c = json_object_get(r, "compile");

	fprintf(f, "%s (%s): %s, %g/%g points%s\n", rec_name(r), rec_id(r), rec_str(r, "verdict"),
		rec_num(r, "score"), rec_num(r, "max"), json_is_true(json_object_get(r, "late")) ? " (late)" : "");
	if (*rec_str(r, "reason"))
		fprintf(f, "not judged: %s\n", rec_str(r, "reason"));
	else if (*rec_str(r, "message"))
		fprintf(f, "note: %s\n", rec_str(r, "message"));
	if (!strcmp(rec_str(r, "verdict"), "CE") && *rec_str(c, "output"))
		fprintf(f, "compiler output:\n%s\n", rec_str(c, "output"));
	for (size_t i = 0; i < json_array_size(tests); i++)
		put_test_feedback(f, json_array_get(tests, i));
}

static char *feedback_text(const json_t *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	put_feedback(f, r);
	fclose(f);
	return buf;
}

/* A file name for a student id: [A-Za-z0-9._@-], never starting with '.'. */
static char *safe_name(const char *id)
{
	char *s = strdup(*id ? id : "_");
	for (char *p = s; p && *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') &&
		    !strchr("._@-", *p))
			*p = '_';
	if (s && *s == '.')
		*s = '_';
	return s;
}

static int write_text_file(const char *dir, const char *name, const char *text)
{
	char *path = jg_path_join(dir, name);
	FILE *f = path ? fopen(path, "w") : NULL;
	int rc = 0;

	if (!f || fputs(text, f) == EOF || fclose(f) != 0)
		rc = jg_error_errno(JG_EIO, "%s", path ? path : dir);
	else
		f = NULL;
	if (f)
		fclose(f);
	free(path);
	return rc;
}

/* ---- the outputs, one record at a time ---- */

static void csv_header(octx *c, const json_t *r)
{
	const json_t *items = json_object_get(r, "items");

	fputs("name,id,score,max,verdict,late,reason", c->csv);
	for (size_t i = 0; i < json_array_size(items); i++) {
		char *f = jg_csv_field(rec_str(json_array_get(items, i), "name"), 1);
		fprintf(c->csv, ",%s", f ? f : "");
		free(f);
	}
	fputs("\r\n", c->csv);
}

static void csv_row(octx *c, const json_t *r)
{
	const json_t *items = json_object_get(r, "items");
	const char *text[] = { rec_name(r), rec_id(r) };

	for (int k = 0; k < 2; k++) {
		char *f = jg_csv_field(text[k], 1);
		fprintf(c->csv, "%s,", f ? f : "");
		free(f);
	}
	char *reason = jg_csv_field(*rec_str(r, "reason") ? rec_str(r, "reason") : rec_str(r, "message"), 1);
	fprintf(c->csv, "%g,%g,%s,%s,%s", rec_num(r, "score"), rec_num(r, "max"), rec_str(r, "verdict"),
		json_is_true(json_object_get(r, "late")) ? "yes" : "no", reason ? reason : "");
	free(reason);
	for (size_t i = 0; i < json_array_size(items); i++)
		fprintf(c->csv, ",%g", rec_num(json_array_get(items, i), "points"));
	fputs("\r\n", c->csv);
}

static void json_row(octx *c, const json_t *r)
{
	json_t *copy = json_copy((json_t *)r);
	char *s;

	json_object_del(copy, "hash");
	s = copy ? json_dumps(copy, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) : NULL;
	fprintf(c->json, "%s\n    %s", c->nrec ? "," : "", s ? s : "null");
	free(s);
	json_decref(copy);
}

static void json_begin(octx *c, const json_t *first)
{
	const json_t *p = json_object_get(first, "problem");
	char *ps = p ? json_dumps(p, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) : NULL;
	fprintf(c->json, "{\n  \"version\": %d,\n  \"incomplete\": %s,\n  \"problem\": %s,\n  \"submissions\": [\n",
		JG_REPORT_SCHEMA_VERSION, c->o->incomplete ? "true" : "false", ps ? ps : "null");
	free(ps);
}

/* As a jg_submission_result for the JUnit writer; the suite is named after
 * the student. */
static int junit_sub(jg_submission_result *s, const json_t *r)
{
	char *label = NULL;
	if (jg_report_submission_parse(s, r) < 0 ||
	    asprintf(&label, "%s (%s)", rec_id(r), rec_name(r)) < 0)
		return JG_ENOMEM;
	free(s->path);
	s->path = label;
	return 0;
}

static void junit_row(octx *c, const json_t *r, int count_only, const char *problem)
{
	jg_submission_result s;
	jg_report rep = { .problem_name = (char *)problem, .subs = &s, .nsubs = 1,
			  .incomplete = c->o->incomplete };

	if (junit_sub(&s, r) < 0) {
		jg_error_set(JG_ENOMEM, "out of memory writing the JUnit report");
		c->failed = 1;
	}
	else if (count_only)
		jg_junit_count(&c->jc, &s);
	else
		jg_junit_suite(c->junit, &rep, 0, c->nrec);
	jg_submission_result_clear(&s);
}

static json_t *gradescope_json(const json_t *r)
{
	const json_t *items = json_object_get(r, "items"), *tests = json_object_get(r, "tests");
	json_t *o, *arr = json_array();
	char *fb = feedback_text(r);
	double wall = 0;

	for (size_t i = 0; i < json_array_size(tests); i++)
		wall += rec_num(json_array_get(tests, i), "wall");
	for (size_t i = 0; arr && i < json_array_size(items); i++) {
		const json_t *it = json_array_get(items, i);
		json_array_append_new(arr, json_pack("{sssfsfssss}", "name", rec_str(it, "name"),
			"score", rec_num(it, "points"), "max_score", rec_num(it, "max"),
			"status", json_is_true(json_object_get(it, "passed")) ? "passed" : "failed",
			"visibility", "visible"));
	}
	/* each item's output: the feedback lines of its tests */
	for (size_t i = 0, k = 0; arr && i < json_array_size(items); i++) {
		const char *name = rec_str(json_array_get(items, i), "name");
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		for (; f && k < json_array_size(tests); k++) {
			const json_t *t = json_array_get(tests, k);
			const char *tn = rec_str(t, "name");
			size_t nl = strlen(name);
			if (strcmp(tn, name) && (strncmp(tn, name, nl) || tn[nl] != '/'))
				break;
			put_test_feedback(f, t);
		}
		if (f)
			fclose(f);
		json_object_set_new(json_array_get(arr, i), "output", json_string(buf ? buf : ""));
		free(buf);
	}
	o = json_pack("{sfsfsfssso}", "score", rec_num(r, "score"), "max_score", rec_num(r, "max"),
		      "execution_time", wall, "output", fb ? fb : "", "tests", arr ? arr : json_array());
	free(fb);
	return o;
}

static void gradescope_row(octx *c, const json_t *r, int single)
{
	json_t *g = gradescope_json(r);
	char *dir = NULL, *name = safe_name(rec_id(r)), *text;

	if (!g || !name) {
		c->failed = 1;
		goto done;
	}
	dir = single ? strdup(c->o->gradescope) : jg_path_join(c->o->gradescope, name);
	if (!dir || (mkdir(dir, 0755) < 0 && errno != EEXIST)) {
		jg_error_errno(JG_EIO, "%s", dir ? dir : c->o->gradescope);
		c->failed = 1;
		goto done;
	}
	text = json_dumps(g, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (!text || write_text_file(dir, "results.json", text) < 0)
		c->failed = 1;
	free(text);
done:
	json_decref(g);
	free(dir);
	free(name);
}

static void feedback_row(octx *c, const json_t *r)
{
	char *name = safe_name(rec_id(r)), *file = NULL, *text = feedback_text(r);

	if (!name || !text || asprintf(&file, "%s.txt", name) < 0 ||
	    write_text_file(c->o->feedback, file, text) < 0)
		c->failed = 1;
	free(name);
	free(file);
	free(text);
}

/* ---- GitHub ---- */

static void github_row(octx *c, const json_t *r)
{
	double score = rec_num(r, "score"), max = rec_num(r, "max");
	char *title = NULL, *msg = NULL, *et = NULL, *em = NULL, *fb;

	if (c->summary && c->summary_bytes < SUMMARY_MAX) {
		long before = ftell(c->summary);
		fputs("| ", c->summary);
		md_cell(c->summary, rec_name(r));
		fputs(" | ", c->summary);
		md_cell(c->summary, rec_id(r));
		fprintf(c->summary, " | %g/%g | %s | %s |\n", score, max, rec_str(r, "verdict"),
			json_is_true(json_object_get(r, "late")) ? "late" : "");
		c->summary_bytes += (size_t)(ftell(c->summary) - before);
	} else if (c->summary) {
		c->summary_left++;
	}
	if (score >= max && strcmp(rec_str(r, "verdict"), "JE"))
		return;
	if (c->errors_shown >= GITHUB_ERRORS) {
		c->errors_left++;
	} else if (asprintf(&title, "%s (%s)", rec_name(r), rec_id(r)) >= 0 &&
		   asprintf(&msg, "%s: %g/%g points%s%s", rec_str(r, "verdict"), score, max,
			    *rec_str(r, "reason") ? ": " : "", rec_str(r, "reason")) >= 0 &&
		   (et = jg_github_escape(title, 1)) && (em = jg_github_escape(msg, 0))) {
		printf("::error title=%s::%s\n", et, em);
		c->errors_shown++;
	}
	/* the student's own text goes between stop-commands markers: nothing
	 * in it can be taken for a workflow command */
	if ((fb = feedback_text(r))) {
		char *g = jg_github_escape(title ? title : rec_id(r), 0);
		printf("::group::%s\n::stop-commands::%s\n%s::%s::\n::endgroup::\n", g ? g : "", c->token, fb,
		       c->token);
		free(g);
	}
	free(fb);
	free(title);
	free(msg);
	free(et);
	free(em);
}

static void random_token(char *out, size_t n)
{
	unsigned char b[16] = { 0 };
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (read(fd, b, sizeof(b)) < 0)
			memset(b, 0, sizeof(b));
		close(fd);
	}
	for (size_t i = 0; i < sizeof(b) && 2 * i + 2 < n; i++)
		sprintf(out + 2 * i, "%02x", b[i] ^ (unsigned char)(getpid() >> (i % 4)));
}

static void github_begin(octx *c, const char *problem)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");

	random_token(c->token, sizeof(c->token));
	if (path && *path && (c->summary = fopen(path, "a"))) {
		fputs("## judge grade: ", c->summary);
		md_cell(c->summary, problem);
		fputs("\n\n| Student | Id | Score | Verdict | Late |\n|---|---|---|---|---|\n", c->summary);
	}
}

static void github_end(octx *c)
{
	if (c->errors_left)
		printf("::warning title=judge::%zu more students below full marks (see the job summary)\n",
		       c->errors_left);
	printf("::notice title=Autograding complete::Points %g/%g\n", c->t->score, c->t->max);
	if (c->summary) {
		if (c->summary_left)
			fprintf(c->summary, "\n%zu more students not listed (summary size limit)\n", c->summary_left);
		fprintf(c->summary, "\n**Points %g/%g**, %zu of %zu students with full marks\n", c->t->score,
			c->t->max, c->t->full, c->t->students);
		if (fclose(c->summary) != 0)
			c->failed = 1;
		c->summary = NULL;
	}
	fflush(stdout);
}

/* ---- driver ---- */

/* Outputs are written to "<path>.tmp.<pid>" and renamed over <path> once
 * complete, so a failure never leaves a half-written report in place. */
static FILE *open_out(const char *path, char **tmp)
{
	FILE *f;

	*tmp = NULL;
	if (!strcmp(path, "-"))
		return stdout;
	if (asprintf(tmp, "%s.tmp.%d", path, (int)getpid()) < 0) {
		*tmp = NULL;
		jg_error_set(JG_ENOMEM, "out of memory");
		return NULL;
	}
	if (!(f = fopen(*tmp, "w"))) {
		jg_error_errno(JG_EIO, "%s", path);
		free(*tmp);
		*tmp = NULL;
	}
	return f;
}

static int close_out(FILE *f, const char *path, char **tmp, int keep)
{
	int bad = ferror(f) || fflush(f) != 0;

	if (f != stdout)
		bad |= fsync(fileno(f)) != 0 || fclose(f) != 0;
	if (!bad && keep && *tmp && rename(*tmp, path) != 0)
		bad = 1;
	if (*tmp && (bad || !keep))
		unlink(*tmp);
	free(*tmp);
	*tmp = NULL;
	return bad ? jg_error_errno(JG_EIO, "%s: cannot write", path) : 0;
}

static void tally(octx *c, const json_t *r)
{
	double score = rec_num(r, "score"), max = rec_num(r, "max");
	c->t->students++;
	c->t->score += score;
	c->t->max += max;
	c->t->je += !strcmp(rec_str(r, "verdict"), "JE");
	c->t->full += score >= max && strcmp(rec_str(r, "verdict"), "JE") != 0;
}

static void one_record(octx *c, json_t *r, const char *problem, int single)
{
	if (c->csv)
		csv_row(c, r);
	if (c->json)
		json_row(c, r);
	redact(r);
	if (c->junit)
		junit_row(c, r, 0, problem);
	if (c->o->gradescope)
		gradescope_row(c, r, single);
	if (c->o->feedback)
		feedback_row(c, r);
	if (c->o->github)
		github_row(c, r);
	c->nrec++;
}

static int open_outputs(octx *c, const json_t *first, const char *problem)
{
	const jg_grade_outputs *o = c->o;

	if ((o->csv && !(c->csv = open_out(o->csv, &c->tmp[0]))) ||
	    (o->json && !(c->json = open_out(o->json, &c->tmp[1]))) ||
	    (o->junit && !(c->junit = open_out(o->junit, &c->tmp[2]))))
		return JG_EIO;
	if (o->feedback && mkdir(o->feedback, 0755) < 0 && errno != EEXIST)
		return jg_error_errno(JG_EIO, "%s", o->feedback);
	if (o->gradescope && mkdir(o->gradescope, 0755) < 0 && errno != EEXIST)
		return jg_error_errno(JG_EIO, "%s", o->gradescope);
	if (c->csv)
		csv_header(c, first);
	if (c->json)
		json_begin(c, first);
	if (c->junit)
		jg_junit_begin(c->junit, problem, &c->jc);
	if (o->github)
		github_begin(c, problem);
	return 0;
}

/* keep: the outputs are complete (renamed into place), else dropped. */
static int close_outputs(octx *c, int keep)
{
	int rc = 0;
	if (c->json)
		fputs("\n  ]\n}\n", c->json);
	if (c->junit)
		rc |= jg_junit_end(c->junit) < 0;
	if (c->o->github && keep)
		github_end(c);
	if (c->summary)
		fclose(c->summary);
	c->summary = NULL;
	keep = keep && !rc && !c->failed;
	if (c->csv)
		rc |= close_out(c->csv, c->o->csv, &c->tmp[0], keep) < 0;
	if (c->json)
		rc |= close_out(c->json, c->o->json, &c->tmp[1], keep) < 0;
	if (c->junit)
		rc |= close_out(c->junit, c->o->junit, &c->tmp[2], keep) < 0;
	return rc || c->failed ? JG_EIO : 0;
}

static int write_all(octx *c, FILE *f, const idx_ent *v, size_t n)
{
	json_t *first = read_at(f, v[0].at);
	const char *problem = rec_str(json_object_get(first, "problem"), "name");
	char *pname = strdup(*problem ? problem : "judge grade");
	int rc;

	for (size_t i = 0; c->o->junit && i < n; i++) {   /* JUnit's totals come first */
		json_t *r = read_at(f, v[i].at);
		if (r) {
			redact(r);
			junit_row(c, r, 1, pname);
		}
		json_decref(r);
	}
	rc = open_outputs(c, first, pname);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *r = read_at(f, v[i].at);
		if (r) {
			tally(c, r);
			one_record(c, r, pname, n == 1);
		}
		json_decref(r);
	}
	if (close_outputs(c, rc == 0) < 0 && rc == 0)
		rc = JG_EIO;
	json_decref(first);
	free(pname);
	return rc;
}

int jg_grade_write(const char *results, const jg_grade_outputs *o, jg_grade_totals *t)
{
	octx c = { .o = o, .t = t };
	FILE *f = fopen(results, "r");
	idx_ent *v = NULL;
	size_t n = 0;
	int rc;

	memset(t, 0, sizeof(*t));
	if (!f)
		return jg_error_errno(JG_EIO, "%s", results);
	index_file(f, &v, &n, o->only);
	rc = n ? write_all(&c, f, v, n) : jg_error_set(JG_EINPUT, "%s: no graded student", results);
	for (size_t i = 0; i < n; i++)
		free(v[i].id);
	free(v);
	fclose(f);
	return rc;
}

/* ---- merging shards ---- */

static int append_record(FILE *to, const json_t *r)
{
	char *s = json_dumps(r, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	int rc = s && fprintf(to, "%s\n", s) >= 0 ? 0 : JG_EIO;
	free(s);
	return rc;
}

int jg_grade_merge_into(const char *to_path, const char *from)
{
	json_error_t err;
	json_t *doc = json_load_file(from, 0, &err), *subs;
	FILE *to;
	int rc = 0;

	if (!doc) {          /* not one JSON document: a results.jsonl, line by line */
		FILE *f = fopen(from, "r");
		char *line = NULL;
		size_t cap = 0, n = 0;
		if (!f)
			return jg_error_errno(JG_EINPUT, "%s", from);
		if (!(to = fopen(to_path, "a"))) {
			fclose(f);
			return jg_error_errno(JG_EIO, "%s", to_path);
		}
		while (rc == 0 && getline(&line, &cap, f) > 0) {
			json_t *r = json_loads(line, 0, NULL);
			if (r && *rec_id(r))
				rc = append_record(to, r), n++;
			json_decref(r);
		}
		free(line);
		fclose(f);
		rc |= fclose(to) != 0;
		if (rc)
			return jg_error_errno(JG_EIO, "%s", to_path);
		return n ? 0 : jg_error_set(JG_EINPUT, "%s: line %d: %s (neither a judge grade JSON report "
					    "nor a results.jsonl)", from, err.line, err.text);
	}
	subs = json_object_get(doc, "submissions");
	if (!json_is_array(subs) || (json_array_size(subs) && !*rec_id(json_array_get(subs, 0)))) {
		json_decref(doc);
		return jg_error_set(JG_EINPUT, "%s: not a judge grade report (no submissions with a student)", from);
	}
	if (!(to = fopen(to_path, "a"))) {
		json_decref(doc);
		return jg_error_errno(JG_EIO, "%s", to_path);
	}
	for (size_t i = 0; rc == 0 && i < json_array_size(subs); i++)
		rc = append_record(to, json_array_get(subs, i));
	rc |= fclose(to) != 0;
	json_decref(doc);
	return rc ? jg_error_errno(JG_EIO, "%s", to_path) : 0;
}
