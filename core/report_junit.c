/* core/report_junit.c - the JUnit XML report, valid against
 * shared/schemas/junit-10.xsd; layout documented in docs/report-schema.md.
 *
 * Written and escaped by hand.  Nothing is allocated: write errors are
 * detected once at the end through ferror().  Every byte from a submission
 * goes through put_escaped(): invalid UTF-8, control characters and
 * U+FFFE/U+FFFF become U+FFFD, markup characters become entities.
 */
#include "report.h"
#include "report_util.h"
#include "error.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ATTR_MAX 256              /* bytes of a message attribute */
#define STREAM_MAX (32 * 1024)    /* bytes of stdout, and of stderr, per test */
#define MESSAGE_MAX (4 * 1024)    /* bytes of a message in element text */
#define COMPILE_MAX (64 * 1024)   /* bytes of compiler output */

enum { TEXT, ATTR };                        /* escaping contexts */
enum { PASS, FAIL, ERROR, SKIP };           /* what a testcase holds */

#define counts jg_junit_counts_s

/* One decoded character, escaped for its context. */
static void put_char(FILE *f, const char *s, size_t len, uint32_t cp, int ctx)
{
	switch (cp) {
	case '&': fputs("&amp;", f); return;
	case '<': fputs("&lt;", f); return;
	case '>': fputs("&gt;", f); return;
	case '"': fputs("&quot;", f); return;
	case '\'': fputs("&apos;", f); return;
	case '\r':   /* parsers would turn a raw CR into LF */
		fputs(ctx == ATTR ? " " : "&#13;", f);
		return;
	case '\t': case '\n':
		fputc(ctx == ATTR ? ' ' : (int)cp, f);
		return;
	}
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff)
		fputs(JG_UTF8_REPLACEMENT, f);
	else
		fwrite(s, 1, len, f);
}

static void put_escaped(FILE *f, const char *s, size_t n, int ctx)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = jg_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			fputs(JG_UTF8_REPLACEMENT, f);
			i++;
			continue;
		}
		put_char(f, s + i, len, cp, ctx);
		i += len;
	}
}

static void attr(FILE *f, const char *name, const char *value)
{
	fprintf(f, " %s=\"", name);
	put_escaped(f, value ? value : "", value ? strlen(value) : 0, ATTR);
	fputc('"', f);
}

/* A one-line message of at most ATTR_MAX bytes (plus "..."). */
static void attr_msg(FILE *f, const char *name, const char *value)
{
	size_t n = strlen(value), keep = jg_utf8_cut(value, n, ATTR_MAX);

	fprintf(f, " %s=\"", name);
	put_escaped(f, value, keep, ATTR);
	fputs(keep < n ? "...\"" : "\"", f);
}

static void attr_num(FILE *f, const char *name, size_t v)
{
	fprintf(f, " %s=\"%zu\"", name, v);
}

static void attr_ms(FILE *f, const char *name, long long ms)
{
	fprintf(f, " %s=\"%lld.%03lld\"", name, ms / 1000, ms % 1000);
}

/* Text capped at `cap` bytes, ending in a newline unless empty;
 * "[truncated N bytes]" counts what was cut here plus `earlier` bytes cut
 * before the report. */
static void text_capped(FILE *f, const char *s, size_t cap, size_t earlier)
{
	size_t n = strlen(s), keep = jg_utf8_cut(s, n, cap);

	put_escaped(f, s, keep, TEXT);
	if (keep && s[keep - 1] != '\n')
		fputc('\n', f);
	if (keep < n || earlier)
		fprintf(f, "[truncated %zu bytes]\n", n - keep + earlier);
}

/* Identifier-safe form of s for classnames: [A-Za-z0-9_-], others '_'. */
static char ident_char(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-')
		return (char)c;
	return '_';
}

static void put_ident(FILE *f, const char *s)
{
	if (!s || !*s)
		s = "_";
	for (; *s; s++)
		fputc(ident_char((unsigned char)*s), f);
}

static int ident_eq(const char *a, const char *b)
{
	a = a && *a ? a : "_";
	b = b && *b ? b : "_";
	for (; *a && *b; a++, b++)
		if (ident_char((unsigned char)*a) != ident_char((unsigned char)*b))
			return 0;
	return *a == *b;
}

/* "judge.<problem>.<path>", with "~<index>" when an earlier submission's
 * path gives the same identifier ('~' never comes out of ident_char). */
static void put_classname(FILE *f, const jg_report *r, size_t i)
{
	fputs("judge.", f);
	put_ident(f, r->problem_name);
	fputc('.', f);
	put_ident(f, r->subs[i].path);
	for (size_t j = 0; j < i; j++) {
		if (ident_eq(r->subs[j].path, r->subs[i].path)) {
			fprintf(f, "~%zu", i);
			return;
		}
	}
}

static int is_ce(const jg_submission_result *s) { return s->verdict == JG_CE; }

static int kind_of(const jg_submission_result *s, const jg_test_result *t)
{
	if (is_ce(s))
		return SKIP;
	switch (t->verdict) {
	case JG_AC: return PASS;
	case JG_WA: case JG_TLE: case JG_MLE: case JG_RTE: case JG_OLE: return FAIL;
	case JG_SKIPPED: return SKIP;
	default: return ERROR;
	}
}

/* A submission-level judge error no test shows gets a "judge" testcase. */
static int needs_judge_case(const jg_submission_result *s)
{
	if (s->verdict != JG_JE)
		return 0;
	for (size_t i = 0; i < s->ntests; i++)
		if (s->tests[i].verdict == JG_JE)
			return 0;
	return 1;
}

static void count_kind(struct counts *c, int kind)
{
	c->tests++;
	c->failures += kind == FAIL;
	c->errors += kind == ERROR;
	c->skipped += kind == SKIP;
}

static struct counts count_submission(const jg_submission_result *s)
{
	struct counts c = { 0 };

	if (is_ce(s))
		count_kind(&c, ERROR);
	if (needs_judge_case(s))
		count_kind(&c, ERROR);
	for (size_t i = 0; i < s->ntests; i++) {
		count_kind(&c, kind_of(s, &s->tests[i]));
		c.ms += jg_report_ms(s->tests[i].time);
	}
	return c;
}

static const char *default_message(const jg_test_result *t, char *buf, size_t size)
{
	static const char *const limits[] = { "", " (cpu)", " (wall)", " (memory)", " (output)" };
	const char *lim = (unsigned)t->limit <= JG_LIMIT_OUTPUT ? limits[t->limit] : "";

	switch (t->verdict) {
	case JG_WA: return "wrong answer";
	case JG_TLE: snprintf(buf, size, "time limit exceeded%s", lim); return buf;
	case JG_MLE: return "memory limit exceeded";
	case JG_OLE: return "output limit exceeded";
	case JG_CE: return "compile error";
	case JG_RTE:
		if (t->signal)
			snprintf(buf, size, "run-time error (signal %d)", t->signal);
		else
			snprintf(buf, size, "run-time error (exit code %d)", t->exit_code);
		return buf;
	default: return "judge error";
	}
}

static void put_stream(FILE *f, const char *name, const char *s, size_t truncated)
{
	if (!s || (!*s && !truncated))
		return;
	fprintf(f, "%s:\n", name);
	text_capped(f, s, STREAM_MAX, truncated);
}

/* The text of a <failure> or <error>: everything known about the run. */
static void put_details(FILE *f, const jg_test_result *t)
{
	fprintf(f, "verdict: %s\n", jg_verdict_name(t->verdict));
	fprintf(f, "time: %.3f s CPU, %.3f s wall\n",
		(double)jg_report_ms(t->time) / 1000.0, (double)jg_report_ms(t->wall) / 1000.0);
	fprintf(f, "memory: %llu bytes\n", (unsigned long long)t->memory);
	if (t->signal)
		fprintf(f, "signal: %d\n", t->signal);
	else if (t->exit_code != -1)
		fprintf(f, "exit code: %d\n", t->exit_code);
	if (t->limit > JG_LIMIT_NONE && t->limit <= JG_LIMIT_OUTPUT) {
		static const char *const names[] = { "", "cpu", "wall", "memory", "output" };
		fprintf(f, "limit: %s\n", names[t->limit]);
	}
	if (t->message && *t->message) {
		fputs("message: ", f);
		text_capped(f, t->message, MESSAGE_MAX, 0);
	}
	put_stream(f, "stdout", t->stdout_head, t->stdout_truncated);
	put_stream(f, "stderr", t->stderr_head, t->stderr_truncated);
}

static void put_testcase_open(FILE *f, const jg_report *r, size_t si, const char *name, long long ms)
{
	fputs("    <testcase", f);
	attr(f, "name", name);
	fputs(" classname=\"", f);
	put_classname(f, r, si);
	fputc('"', f);
	attr_ms(f, "time", ms);
}

static void put_test(FILE *f, const jg_report *r, size_t si, const jg_test_result *t)
{
	const jg_submission_result *s = &r->subs[si];
	int kind = kind_of(s, t);
	char buf[128];
	const char *msg = t->message ? t->message : default_message(t, buf, sizeof(buf));

	put_testcase_open(f, r, si, t->name, jg_report_ms(t->time));
	if (kind == PASS) {
		fputs("/>\n", f);
		return;
	}
	fputs(">\n      <", f);
	if (kind == SKIP) {
		fputs("skipped", f);
		attr_msg(f, "message", is_ce(s) ? "not run: compile error"
			 : t->message ? t->message : "not run");
		fputs("/>\n    </testcase>\n", f);
		return;
	}
	fputs(kind == FAIL ? "failure" : "error", f);
	attr(f, "type", jg_verdict_name(t->verdict));
	attr_msg(f, "message", msg);
	fputc('>', f);
	put_details(f, t);
	fprintf(f, "</%s>\n    </testcase>\n", kind == FAIL ? "failure" : "error");
}

/* A testcase named `name` holding one <error type=`type`>. */
static void put_error_case(FILE *f, const jg_report *r, size_t si, const char *name,
			   const char *type, const char *msg, const char *body, size_t truncated)
{
	put_testcase_open(f, r, si, name, 0);
	fputs(">\n      <error", f);
	attr(f, "type", type);
	attr_msg(f, "message", msg);
	fputc('>', f);
	if (body)
		text_capped(f, body, COMPILE_MAX, truncated);
	fputs("</error>\n    </testcase>\n", f);
}

static void put_property(FILE *f, const char *name, const char *value)
{
	if (!value)
		return;
	fputs("      <property", f);
	attr(f, "name", name);
	attr_msg(f, "value", value);
	fputs("/>\n", f);
}

static void put_properties(FILE *f, const jg_report *r, const jg_submission_result *s)
{
	char time[64], mem[32];

	snprintf(time, sizeof(time), "%.3f", (double)jg_report_ms(s->time_max) / 1000.0);
	snprintf(mem, sizeof(mem), "%llu", (unsigned long long)s->memory_max);
	fputs("    <properties>\n", f);
	put_property(f, "verdict", jg_verdict_name(s->verdict));
	put_property(f, "expected", s->has_expected ? jg_verdict_name(s->expected) : NULL);
	put_property(f, "language", s->language);
	put_property(f, "compile", s->compile_status);
	put_property(f, "time_max", time);
	put_property(f, "memory_max", mem);
	put_property(f, "message", s->message);
	put_property(f, "incomplete", r->incomplete ? "true" : NULL);
	fputs("    </properties>\n", f);
}

static void put_suite(FILE *f, const jg_report *r, size_t si, size_t id)
{
	const jg_submission_result *s = &r->subs[si];
	struct counts c = count_submission(s);

	fputs("  <testsuite", f);
	attr(f, "name", s->path);
	attr_num(f, "tests", c.tests);
	attr_num(f, "failures", c.failures);
	attr_num(f, "errors", c.errors);
	attr_num(f, "skipped", c.skipped);
	attr_ms(f, "time", c.ms);
	attr_num(f, "id", id);
	fputs(" package=\"judge.", f);
	put_ident(f, r->problem_name);
	fputs("\">\n", f);
	put_properties(f, r, s);
	if (is_ce(s))
		put_error_case(f, r, si, "compile", "CE", s->message ? s->message : "compile error",
			       s->compile_output ? s->compile_output : "(no compiler output)",
			       s->compile_truncated);
	if (needs_judge_case(s))
		put_error_case(f, r, si, "judge", "JE", s->message ? s->message : "judge error",
			       s->message, 0);
	for (size_t i = 0; i < s->ntests; i++)
		put_test(f, r, si, &s->tests[i]);
	fputs("  </testsuite>\n", f);
}

void jg_junit_count(jg_junit_counts *all, const jg_submission_result *s)
{
	struct counts c = count_submission(s);
	all->tests += c.tests;
	all->failures += c.failures;
	all->errors += c.errors;
	all->skipped += c.skipped;
	all->ms += c.ms;
}

void jg_junit_begin(FILE *f, const char *name, const jg_junit_counts *all)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", f);
	attr(f, "name", name);
	attr_num(f, "tests", all->tests);
	attr_num(f, "failures", all->failures);
	attr_num(f, "errors", all->errors);
	attr_ms(f, "time", all->ms);
	fputs(">\n", f);
}

void jg_junit_suite(FILE *f, const jg_report *r, size_t si, size_t id)
{
	put_suite(f, r, si, id);
}

int jg_junit_end(FILE *f)
{
	fputs("</testsuites>\n", f);
	return jg_report_finish(f);
}

int jg_report_write_junit(const jg_report *r, FILE *f)
{
	jg_junit_counts all = { 0 };

	for (size_t i = 0; i < r->nsubs; i++)
		jg_junit_count(&all, &r->subs[i]);
	jg_junit_begin(f, r->problem_name, &all);
	for (size_t i = 0; i < r->nsubs; i++)
		put_suite(f, r, i, i);
	return jg_junit_end(f);
}

/* ---- free-form cases (judge verify) ---- */

static void put_case(FILE *f, const jg_junit_case *c)
{
	const char *el = c->skipped ? "skipped" : c->error ? "error" : "failure";

	fputs("    <testcase", f);
	attr(f, "name", c->name);
	attr(f, "classname", c->classname ? c->classname : "judge");
	attr_ms(f, "time", jg_report_ms(c->time));
	if (!c->message) {
		fputs("/>\n", f);
		return;
	}
	fprintf(f, ">\n      <%s", el);
	if (!c->skipped)
		attr(f, "type", c->type ? c->type : "failure");
	attr_msg(f, "message", c->message);
	if (c->skipped || !c->detail) {
		fputs("/>\n    </testcase>\n", f);
		return;
	}
	fputc('>', f);
	text_capped(f, c->detail, COMPILE_MAX, 0);
	fprintf(f, "</%s>\n    </testcase>\n", el);
}

int jg_junit_write_cases(FILE *f, const char *suite, const char *const *properties,
			 const jg_junit_case *cases, size_t n)
{
	struct counts k = { 0 };

	for (size_t i = 0; i < n; i++) {
		k.ms += jg_report_ms(cases[i].time);
		count_kind(&k, !cases[i].message ? PASS : cases[i].skipped ? SKIP
			   : cases[i].error ? ERROR : FAIL);
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", f);
	attr(f, "name", suite);
	attr_num(f, "tests", k.tests);
	attr_num(f, "failures", k.failures);
	attr_num(f, "errors", k.errors);
	attr_ms(f, "time", k.ms);
	fputs(">\n  <testsuite", f);
	attr(f, "name", suite);
	attr_num(f, "tests", k.tests);
	attr_num(f, "failures", k.failures);
	attr_num(f, "errors", k.errors);
	attr_num(f, "skipped", k.skipped);
	attr_ms(f, "time", k.ms);
	fputs(" id=\"0\" package=\"judge.", f);
	put_ident(f, suite);
	fputs("\">\n    <properties>\n", f);
	for (size_t i = 0; properties && properties[i]; i += 2)
		put_property(f, properties[i], properties[i + 1]);
	fputs("    </properties>\n", f);
	for (size_t i = 0; i < n; i++)
		put_case(f, &cases[i]);
	fputs("  </testsuite>\n</testsuites>\n", f);
	return jg_report_finish(f);
}
