/* cmd/verify.c - `judge verify PROBLEM [options]`. */
#define _GNU_SOURCE
#include "cmd.h"
#include "buf.h"
#include "error.h"
#include "expect.h"
#include "fs.h"
#include "report.h"
#include "verify.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char verify_usage[] =
	"Usage: judge verify PROBLEM [options]\n"
	"\n"
	"Check a problem package (a directory or an archive, Kattis legacy or\n"
	"2023-07 layout, DOMjudge packages too) before a contest:\n"
	"  - every reference submission under submissions/ gets the verdict its\n"
	"    directory, @EXPECTED_RESULTS@ tag or submissions.yaml rule expects\n"
	"    (docs/verify-expectations.md);\n"
	"  - the time limit: derived from the slowest accepted submission when the\n"
	"    package fixes none, TL = max(1, ceil(slowest x ac_to_time_limit / res))\n"
	"    x res; a fixed one tighter than that is an error; every other\n"
	"    submission is judged at TL and at TL x time_limit_to_tle, and differing\n"
	"    verdicts are reported as \"sensitive to time limit\";\n"
	"  - the data: .in/.ans pairs, empty groups, line endings, UTF-8, final\n"
	"    newlines, answers larger than the output limit; input validators on\n"
	"    every .in (exit 42 = valid); the output validator on every .ans.\n"
	"\n"
	"Prints a verdict matrix on stdout, then the findings.\n"
	"\n"
	"Options:\n"
	"      --json FILE|-        write the JSON report (the schema of judge run,\n"
	"                           with `expected` filled)\n"
	"      --junit FILE         write JUnit XML: one testcase per submission\n"
	"                           (a failure when it does not get what is expected)\n"
	"                           and one per package error\n"
	"  -j, --jobs N             judge N submissions in parallel (default 1)\n"
	"      --strict             warnings fail too (exit 1)\n"
	"      --time-limit SEC     fix the time limit (overrides the package)\n"
	"      --provisional-time-limit SEC\n"
	"                           limit for accepted submissions while the time\n"
	"                           limit is not known yet (default 10)\n"
	"  -v, --verbose            per-test lines\n"
	"      --docker-host HOST   Docker engine (default $DOCKER_HOST, else\n"
	"                           unix:///var/run/docker.sock)\n"
	"      --languages FILE     extend or override the language definitions\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit codes: 0 the package is sound, 1 some submission does not get what is\n"
	"expected or an error was found (or a warning, with --strict), 2 usage error\n"
	"or a package that cannot be read at all, 3 judge/infrastructure error.\n";

typedef struct {
	const char *json, *junit, *docker_host, *languages;
	double      time_limit, provisional;
	int         jobs, strict, verbose;
} verify_opts;

enum { OPT_JSON = 256, OPT_JUNIT, OPT_STRICT, OPT_TL, OPT_PTL, OPT_HOST, OPT_LANGS };

static const struct option long_opts[] = {
	{ "json", required_argument, NULL, OPT_JSON },
	{ "junit", required_argument, NULL, OPT_JUNIT },
	{ "jobs", required_argument, NULL, 'j' },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "time-limit", required_argument, NULL, OPT_TL },
	{ "provisional-time-limit", required_argument, NULL, OPT_PTL },
	{ "verbose", no_argument, NULL, 'v' },
	{ "docker-host", required_argument, NULL, OPT_HOST },
	{ "languages", required_argument, NULL, OPT_LANGS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int parse_opt(verify_opts *o, int c)
{
	switch (c) {
	case OPT_JSON: o->json = optarg; return 0;
	case OPT_JUNIT: o->junit = optarg; return 0;
	case OPT_HOST: o->docker_host = optarg; return 0;
	case OPT_LANGS: o->languages = optarg; return 0;
	case OPT_STRICT: o->strict = 1; return 0;
	case 'v': o->verbose = 1; return 0;
	case OPT_TL: return jg_opt_seconds("time-limit", optarg, &o->time_limit);
	case OPT_PTL: return jg_opt_seconds("provisional-time-limit", optarg, &o->provisional);
	case 'j': return jg_opt_jobs(optarg, &o->jobs);
	default:
		return jg_usage_error("verify: invalid option");
	}
}

/* ---- the matrix ---- */

static int name_width(const jg_verification *v)
{
	int w = 10;
	for (size_t i = 0; i < v->report->nsubs; i++)
		if ((int)strlen(v->subs[i].rel) > w)
			w = (int)strlen(v->subs[i].rel);
	return w > 60 ? 60 : w;
}

static const char *expected_text(const jg_submission_result *r, char *buf, size_t cap)
{
	if (!r->has_expected)
		return "-";
	return jg_verdict_set_str(r->expected_set ? r->expected_set : JG_VSET(r->expected), buf, cap);
}

static void print_row(FILE *f, const jg_verification *v, size_t i, int w, int color)
{
	const jg_submission_result *r = &v->report->subs[i];
	const jg_verify_sub *s = &v->subs[i];
	char exp[64];

	fprintf(f, "%-*s  %-10s  %-11s  ", w, s->rel, r->language ? r->language : "?",
		expected_text(r, exp, sizeof(exp)));
	jg_print_verdict(f, r->verdict, color, 7);
	fputs("  ", f);
	if (r->has_high)
		jg_print_verdict(f, r->verdict_high, color, 7);
	else
		fprintf(f, "%-7s", "-");
	fprintf(f, "  %7.3fs  %-4s  %s", r->time_max, s->skipped ? "skip" : !s->checked ? "-" : s->ok ? "ok" : "FAIL",
		s->groups ? s->groups : "");
	if (r->has_score)
		fprintf(f, "  score %g/%g", r->score, r->max_score);
	fputc('\n', f);
	for (size_t k = 0; s->notes && s->notes[k]; k++)
		fprintf(f, "    %.300s\n", s->notes[k]);
	if (r->message && r->verdict == JG_JE)
		fprintf(f, "    %.300s\n", r->message);
}

static void print_tests(FILE *f, const jg_submission_result *s, int color)
{
	for (size_t i = 0; i < s->ntests; i++) {
		const jg_test_result *t = &s->tests[i];
		fprintf(f, "      %-24s ", t->name);
		jg_print_verdict(f, t->verdict, color, 8);
		if (t->verdict != JG_SKIPPED)
			fprintf(f, " %7.3fs %8.1fMiB", t->time, (double)t->memory / 1048576.0);
		if (t->message)
			fprintf(f, "  %.200s", t->message);
		fputc('\n', f);
	}
}

static void print_matrix(FILE *f, const jg_verification *v, int verbose)
{
	int w = name_width(v), color = jg_use_color(f);
	char high[32];

	fprintf(f, "problem %s: time limit %s\n", v->report->problem_name,
		v->tl_note ? v->tl_note : "?");
	snprintf(high, sizeof(high), "@%gs", v->tl_high);
	fprintf(f, "%-*s  %-10s  %-11s  %-7s  %-7s  %8s  %-4s  %s\n", w, "SUBMISSION", "LANGUAGE", "EXPECTED",
		"GOT", high, "TIME", "", "GROUPS");
	for (size_t i = 0; i < v->report->nsubs; i++) {
		print_row(f, v, i, w, color);
		if (verbose)
			print_tests(f, &v->report->subs[i], color);
	}
}

static void print_findings(FILE *f, const jg_verification *v, size_t *errors, size_t *warnings)
{
	for (size_t i = 0; i < v->findings.n; i++) {
		const jg_finding *x = &v->findings.items[i];
		int err = x->severity == JG_FINDING_ERROR;
		*errors += err;
		*warnings += !err;
		fprintf(f, "%s: %s%s%s\n", err ? "error" : "warning", x->file ? x->file : "",
			x->file ? ": " : "", x->message);
	}
}

/* ---- JUnit: one testcase per submission and per finding ---- */

static char *join_notes(char **notes)
{
	jg_buf b = JG_BUF_INIT(0);
	char *s;
	for (size_t i = 0; notes && notes[i]; i++)
		jg_buf_printf(&b, "%s%s", i ? "; " : "", notes[i]);
	s = jg_buf_detach(&b);
	jg_buf_free(&b);
	return s;
}

static void sub_case(jg_junit_case *c, const jg_verification *v, size_t i, char **msg)
{
	const jg_submission_result *r = &v->report->subs[i];
	const jg_verify_sub *s = &v->subs[i];

	c->name = s->rel;
	c->classname = "verify.submissions";
	c->time = r->time_max;
	c->type = jg_verdict_name(r->verdict);
	if (s->skipped || r->verdict == JG_JE || !s->ok) {
		*msg = join_notes(s->notes);
		c->message = *msg && **msg ? *msg : r->message ? r->message : jg_verdict_name(r->verdict);
	}
	c->skipped = s->skipped;
	c->error = r->verdict == JG_JE;
	c->detail = r->compile_output;
}

static int write_junit(const jg_verification *v, const char *path, int strict)
{
	size_t n = v->report->nsubs, m = 0;
	jg_junit_case *cases = calloc(n + v->findings.n + 1, sizeof(*cases));
	char **msgs = calloc(n + v->findings.n + 1, sizeof(char *));
	const char *props[] = { "time_limit", v->tl_note, NULL, NULL };
	int rc = -1;

	if (!cases || !msgs)
		goto done;
	for (size_t i = 0; i < n; i++)
		sub_case(&cases[m++], v, i, &msgs[i]);
	for (size_t i = 0; i < v->findings.n; i++) {
		const jg_finding *x = &v->findings.items[i];
		int err = x->severity == JG_FINDING_ERROR;
		jg_junit_case *c = &cases[m++];
		c->name = x->file ? x->file : "package";
		c->classname = err ? "verify.errors" : "verify.warnings";
		c->type = err ? "error" : "warning";
		if (err || strict)
			c->message = x->message;
	}
	rc = jg_junit_save_cases(path, v->report->problem_name, props, cases, m);
done:
	for (size_t i = 0; msgs && i < n; i++)
		free(msgs[i]);
	free(msgs);
	free(cases);
	return rc;
}

/* ---- the command ---- */

static int outcome(const jg_verification *v, size_t errors, size_t warnings, int strict)
{
	int bad = errors > 0 || (strict && warnings > 0);
	if (v->judge_error)
		return JG_EXIT_JUDGE;
	for (size_t i = 0; i < v->report->nsubs; i++)
		bad |= !v->subs[i].ok;
	return bad ? JG_EXIT_VERDICT : JG_EXIT_OK;
}

static int write_reports(const jg_verification *v, const verify_opts *o)
{
	if (o->json && jg_report_save_json(v->report, o->json) < 0) {
		jg_diag("%s", jg_error_last());
		return -1;
	}
	if (o->junit && write_junit(v, o->junit, o->strict) < 0) {
		jg_diag("%s", jg_error_last());
		return -1;
	}
	return 0;
}

static size_t count_ok(const jg_verification *v, size_t *checked)
{
	size_t ok = 0;
	for (size_t i = 0; i < v->report->nsubs; i++) {
		*checked += v->subs[i].checked;
		ok += v->subs[i].checked && v->subs[i].ok;
	}
	return ok;
}

static void progress(void *ud, const char *phase, const jg_submission_result *r, size_t done, size_t total)
{
	(void)ud;
	if (strcmp(phase, "accepted") && strcmp(phase, "other"))
		fprintf(stderr, "\rjudge: %s done\033[K", phase);
	else
		fprintf(stderr, "\rjudge: %zu/%zu judged (last: %s %s)\033[K", done, total,
			r->path ? r->path : "?", jg_verdict_name(r->verdict));
	if (done == total)
		fputc('\n', stderr);
}

static int verify(const verify_opts *o, const char *problem)
{
	jg_verify_opts vo = { .docker_host = o->docker_host, .jobs = o->jobs, .time_limit = o->time_limit,
			      .provisional_tl = o->provisional };
	jg_langs *langs = NULL;
	jg_verification *v = NULL;
	FILE *out = o->json && !strcmp(o->json, "-") ? stderr : stdout;
	size_t errors = 0, warnings = 0, checked = 0, ok;
	int rc, code;

	jg_fs_reap_temp(NULL);
	if (jg_load_langs(&langs, o->languages) < 0)
		return JG_EXIT_USAGE;
	vo.langs = langs;
	if (isatty(STDERR_FILENO))
		vo.on_done = progress;
	rc = jg_verify_run(&v, problem, &vo);
	if (rc < 0)
		jg_diag("%s", jg_error_last());
	if (!v) {
		jg_langs_free(langs);
		return jg_error_exit_code(rc);
	}
	print_matrix(out, v, o->verbose);
	print_findings(out, v, &errors, &warnings);
	ok = count_ok(v, &checked);
	fprintf(out, "%zu submissions: %zu checked, %zu as expected, %zu not; %zu errors, %zu warnings\n",
		v->report->nsubs, checked, ok, checked - ok, errors, warnings);
	code = write_reports(v, o) < 0 ? JG_EXIT_JUDGE : outcome(v, errors, warnings, o->strict);
	if (rc < 0)
		code = JG_EXIT_JUDGE;
	jg_verification_free(v);
	jg_langs_free(langs);
	return code;
}

int cmd_verify(int argc, char **argv)
{
	verify_opts o = { .jobs = 1 };
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j:vh", long_opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(verify_usage, stdout);
			return JG_EXIT_OK;
		}
		if (c == '?' || c == ':')
			return jg_usage_error("verify: invalid option");
		if (parse_opt(&o, c) != 0)
			return JG_EXIT_USAGE;
	}
	if (argc - optind != 1)
		return jg_usage_error("verify: needs exactly one PROBLEM");
	return verify(&o, argv[optind]);
}
