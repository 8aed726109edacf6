/* cmd/run.c - `judge run BUNDLE SUBMISSION... [options]`. */
#define _GNU_SOURCE
#include "cmd.h"
#include "adhoc.h"
#include "bundle.h"
#include "error.h"
#include "fs.h"
#include "fngen.h"
#include "judge.h"
#include "lang.h"
#include "report.h"
#include "submission.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char run_usage[] =
	"Usage: judge run BUNDLE SUBMISSION... [options]\n"
	"       judge run --tests TESTS.json SUBMISSION...\n"
	"       judge run --function NAME --tests TESTS.json [--signature DECL] SUBMISSION...\n"
	"\n"
	"Judge each SUBMISSION against the problem BUNDLE inside Docker containers.\n"
	"BUNDLE is a Kattis problem package: a directory, or a .zip/.tar/.tar.gz/.tgz/\n"
	".tar.xz/.tar.bz2/.tar.zst archive. SUBMISSION is a source file, or a\n"
	"directory/archive holding a multi-file program.\n"
	"\n"
	"The other forms need no bundle. With --tests alone, each test of TESTS.json\n"
	"is [{\"input\": \"STDIN\", \"expected_output\": \"STDOUT\"}, ...]; without any\n"
	"expected_output the program only runs (a clean exit is AC) and each test's\n"
	"stdout and stderr are reported. With --function, each SUBMISSION defines the\n"
	"function NAME (docs/function-problems.md), called with the tests of\n"
	"TESTS.json: [{\"input\": [ARGS...], \"expected_output\": VALUE}, ...].\n"
	"\n"
	"Options:\n"
	"      --function NAME      the function to call (no BUNDLE)\n"
	"      --tests FILE         inline tests, as above (no BUNDLE)\n"
	"      --signature DECL     its types, e.g. \"double median(int[] a, int[] b)\";\n"
	"                           needed for c, cpp and go, inferred otherwise\n"
	"      --unordered          an array result may come in any order\n"
	"      --lang LANG          language of the submissions (default: from the\n"
	"                           extension): c, cpp, python, java, javascript, go\n"
	"      --entry FILE         entry file of a multi-file submission\n"
	"      --json FILE|-        write the JSON report (docs/report-schema.md)\n"
	"      --junit FILE         write a JUnit XML report\n"
	"      --time-limit SEC     CPU time limit per test (overrides the bundle)\n"
	"      --memory-limit MIB   memory limit per test (overrides the bundle)\n"
	"  -j, --jobs N             judge N submissions in parallel (default 1)\n"
	"      --all-tests          run every test, not only up to the first failure\n"
	"      --keep               keep the extracted bundle/submission directories\n"
	"  -v, --verbose            per-test lines and bundle warnings\n"
	"      --docker-host HOST   Docker engine (default $DOCKER_HOST, else\n"
	"                           unix:///var/run/docker.sock)\n"
	"      --languages FILE     extend or override the language definitions\n"
	"  -h, --help               show this help\n"
	"\n"
	"The wall-clock limit of a run is 2 x the CPU limit + 1 s.\n"
	"Exit codes: 0 every submission accepted, 1 some were not,\n"
	"            2 usage error or bad input, 3 judge/infrastructure error.\n";

typedef struct {
	const char *lang, *entry, *json, *junit, *docker_host, *languages;
	const char *function, *tests, *signature;
	int         unordered;
	double      time_limit;
	unsigned long memory_mib;
	int         jobs, all_tests, keep, verbose;
} run_opts;

enum { OPT_LANG = 256, OPT_ENTRY, OPT_JSON, OPT_JUNIT, OPT_TL, OPT_ML, OPT_ALL, OPT_KEEP,
       OPT_HOST, OPT_LANGS, OPT_FUNCTION, OPT_TESTS, OPT_SIGNATURE, OPT_UNORDERED };

static const struct option long_opts[] = {
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "entry", required_argument, NULL, OPT_ENTRY },
	{ "json", required_argument, NULL, OPT_JSON },
	{ "junit", required_argument, NULL, OPT_JUNIT },
	{ "time-limit", required_argument, NULL, OPT_TL },
	{ "memory-limit", required_argument, NULL, OPT_ML },
	{ "jobs", required_argument, NULL, 'j' },
	{ "all-tests", no_argument, NULL, OPT_ALL },
	{ "keep", no_argument, NULL, OPT_KEEP },
	{ "verbose", no_argument, NULL, 'v' },
	{ "docker-host", required_argument, NULL, OPT_HOST },
	{ "languages", required_argument, NULL, OPT_LANGS },
	{ "function", required_argument, NULL, OPT_FUNCTION },
	{ "tests", required_argument, NULL, OPT_TESTS },
	{ "signature", required_argument, NULL, OPT_SIGNATURE },
	{ "unordered", no_argument, NULL, OPT_UNORDERED },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int parse_opt(run_opts *o, int c)
{
	switch (c) {
	case OPT_LANG: o->lang = optarg; return 0;
	case OPT_ENTRY: o->entry = optarg; return 0;
	case OPT_JSON: o->json = optarg; return 0;
	case OPT_JUNIT: o->junit = optarg; return 0;
	case OPT_HOST: o->docker_host = optarg; return 0;
	case OPT_LANGS: o->languages = optarg; return 0;
	case OPT_FUNCTION: o->function = optarg; return 0;
	case OPT_TESTS: o->tests = optarg; return 0;
	case OPT_SIGNATURE: o->signature = optarg; return 0;
	case OPT_UNORDERED: o->unordered = 1; return 0;
	case OPT_ALL: o->all_tests = 1; return 0;
	case OPT_KEEP: o->keep = 1; return 0;
	case 'v': o->verbose = 1; return 0;
	case OPT_TL: return jg_opt_seconds("time-limit", optarg, &o->time_limit);
	case OPT_ML: return jg_opt_memory_mib(optarg, &o->memory_mib);
	case 'j': return jg_opt_jobs(optarg, &o->jobs);
	default:
		return jg_usage_error("run: invalid option");
	}
}

/* ---- output ---- */

static size_t passed(const jg_submission_result *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->ntests; i++)
		n += s->tests[i].verdict == JG_AC;
	return n;
}

static void print_tests(FILE *f, const jg_submission_result *s, int color)
{
	for (size_t i = 0; i < s->ntests; i++) {
		const jg_test_result *t = &s->tests[i];
		fprintf(f, "    %-24s ", t->name);
		jg_print_verdict(f, t->verdict, color, 8);
		if (t->verdict != JG_SKIPPED)
			fprintf(f, " %7.3fs %8.1fMiB", t->time, (double)t->memory / 1048576.0);
		if (t->message)
			fprintf(f, "  %.200s", t->message);
		fputc('\n', f);
	}
}

/* The verdict table goes to `f`: stdout, or stderr when stdout carries JSON. */
static void print_table(FILE *f, const jg_report *r, int verbose)
{
	int color = jg_use_color(f), w = 10;
	for (size_t i = 0; i < r->nsubs; i++)
		if (r->subs[i].path && (int)strlen(r->subs[i].path) > w)
			w = (int)strlen(r->subs[i].path);
	fprintf(f, "%-*s  %-10s  %-7s  %7s  %8s  %9s\n", w, "SUBMISSION", "LANGUAGE", "VERDICT", "TESTS",
		"TIME", "MEMORY");
	for (size_t i = 0; i < r->nsubs; i++) {
		const jg_submission_result *s = &r->subs[i];
		char tests[32];
		snprintf(tests, sizeof(tests), "%zu/%zu", passed(s), s->ntests);
		fprintf(f, "%-*s  %-10s  ", w, s->path ? s->path : "?", s->language ? s->language : "?");
		jg_print_verdict(f, s->verdict, color, 7);
		fprintf(f, "  %7s  %7.3fs  %6.1fMiB\n", tests, s->time_max, (double)s->memory_max / 1048576.0);
		if (s->message && (verbose || s->verdict == JG_JE))
			fprintf(f, "    %.300s\n", s->message);
		if (verbose)
			print_tests(f, s, color);
	}
}

static void progress(void *ud, size_t idx, const jg_submission_result *r, size_t done, size_t total)
{
	(void)ud;
	(void)idx;
	fprintf(stderr, "\rjudge: %zu/%zu judged (last: %s %s)\033[K", done, total,
		r->path ? r->path : "?", jg_verdict_name(r->verdict));
	if (done == total)
		fputc('\n', stderr);
}

static int exit_code(const jg_report *r)
{
	int code = JG_EXIT_OK;
	for (size_t i = 0; i < r->nsubs; i++) {
		jg_verdict want = r->subs[i].has_expected ? r->subs[i].expected : JG_AC;
		if (r->subs[i].verdict == JG_JE)
			return JG_EXIT_JUDGE;
		if (r->subs[i].verdict != want)
			code = JG_EXIT_VERDICT;
	}
	return code;
}

/* ---- the command ---- */

/* Function-call problems: every language needs a harness; c, cpp and go
 * need the types. */
static int check_function_langs(jg_submission *const *subs, int n, const jg_fnsig *sig)
{
	for (int i = 0; i < n; i++) {
		const jg_lang *l = subs[i]->lang;
		if (!sig->typed && l->fn_harness && jg_fngen_typed_only(l->fn_harness))
			return jg_error_set(JG_EINPUT, "%s: the %s harness needs the function's types: give "
					    "--signature, e.g. \"int %s(int a, int b)\"", subs[i]->path,
					    l->name, sig->name);
	}
	return 0;
}

static int open_subs(jg_submission ***subs, char **paths, int n, const jg_langs *langs, const run_opts *o,
		     const jg_fnsig *sig)
{
	jg_submission_opts so = { .lang = o->lang, .entry = o->entry, .function = sig != NULL };
	if (!(*subs = calloc((size_t)n, sizeof(**subs))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (int i = 0; i < n; i++) {
		int rc = jg_submission_open(&(*subs)[i], paths[i], langs, &so);
		if (rc < 0) {
			jg_diag("%s", jg_error_last());
			return rc;
		}
	}
	if (sig && check_function_langs(*subs, n, sig) < 0) {
		jg_diag("%s", jg_error_last());
		return JG_EINPUT;
	}
	return 0;
}

/* ---- ad-hoc function-call problems: --function NAME --tests FILE ---- */

static int adhoc_signature(jg_fnsig **sig, const run_opts *o)
{
	int rc = o->signature ? jg_fnsig_parse_decl(sig, o->function, o->signature, "--signature")
			      : jg_fnsig_untyped(sig, o->function, "--function");
	if (rc == 0 && o->unordered && (*sig)->typed && (*sig)->returns->kind != JG_T_ARRAY) {
		jg_fnsig_free(*sig);
		*sig = NULL;
		return jg_error_set(JG_EINPUT, "--unordered needs an array return type");
	}
	if (rc == 0)
		(*sig)->unordered = o->unordered;
	return rc;
}

/* A bundle made of TESTS.json ([...] or {"test_cases": [...]}): function
 * calls with --function, else stdin/stdout strings (core/adhoc.h). */
static int adhoc_bundle(jg_bundle **out, const run_opts *o)
{
	json_error_t err;
	json_t *j = NULL;
	jg_fnsig *sig = NULL;
	int rc;

	*out = NULL;
	if (o->function && (rc = adhoc_signature(&sig, o)) < 0)
		return rc;
	if (!(j = json_load_file(o->tests, 0, &err))) {
		jg_fnsig_free(sig);
		return jg_error_set(JG_EINPUT, "%s: line %d: not JSON: %s", o->tests, err.line, err.text);
	}
	rc = jg_adhoc_bundle(out, json_is_object(j) ? json_object_get(j, "test_cases") : j, sig,
			     o->function ? o->function : "tests", o->time_limit, o->tests);
	json_decref(j);
	return rc;
}

static int write_reports(const jg_report *r, const run_opts *o)
{
	if (o->json && jg_report_save_json(r, o->json) < 0) {
		jg_diag("%s", jg_error_last());
		return -1;
	}
	if (o->junit && jg_report_save_junit(r, o->junit) < 0) {
		jg_diag("%s", jg_error_last());
		return -1;
	}
	return 0;
}

static void show_warnings(const jg_bundle *b)
{
	for (size_t i = 0; b->warnings && b->warnings[i]; i++)
		jg_diag("warning: %s", b->warnings[i]);
}

static int judge(run_opts *o, char *bundle_path, char **sub_paths, int nsubs)
{
	jg_bundle_opts bo = { .time_limit = o->time_limit };
	jg_judge_opts jo = { .docker_host = o->docker_host, .jobs = o->jobs, .all_tests = o->all_tests,
			     .memory_mib = o->memory_mib };
	jg_langs *langs = NULL;
	jg_bundle *b = NULL;
	jg_submission **subs = NULL;
	jg_report *rep = NULL;
	int rc, code = JG_EXIT_USAGE;

	jg_fs_reap_temp(NULL);        /* what judges killed by SIGKILL left */
	if (jg_load_langs(&langs, o->languages) < 0)
		goto done;
	if ((rc = bundle_path ? jg_bundle_open(&b, bundle_path, &bo) : adhoc_bundle(&b, o)) < 0) {
		jg_diag("%s", jg_error_last());
		code = jg_error_exit_code(rc);
		goto done;
	}
	if (o->verbose)
		show_warnings(b);
	if ((rc = open_subs(&subs, sub_paths, nsubs, langs, o, b->problem.function)) < 0) {
		code = jg_error_exit_code(rc);
		goto done;
	}
	jo.langs = langs;
	if (isatty(STDERR_FILENO))
		jo.on_done = progress;
	rc = jg_judge_run(&rep, b, subs, (size_t)nsubs, &jo);
	if (rc < 0)
		jg_diag("%s", jg_error_last());
	if (rep) {
		print_table(o->json && !strcmp(o->json, "-") ? stderr : stdout, rep, o->verbose);
		code = write_reports(rep, o) < 0 ? JG_EXIT_JUDGE : exit_code(rep);
	}
	if (rc < 0)
		code = jg_error_exit_code(rc);
done:
	jg_report_free(rep);
	for (int i = 0; subs && i < nsubs; i++)
		jg_submission_free(subs[i]);
	free(subs);
	if (o->keep && b && b->extracted_dir) {
		jg_diag("kept %s", b->extracted_dir);
		free(b->extracted_dir);
		b->extracted_dir = NULL;
	}
	jg_bundle_free(b);
	jg_langs_free(langs);
	return code;
}

int cmd_run(int argc, char **argv)
{
	run_opts o = { .jobs = 1 };
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j:vh", long_opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(run_usage, stdout);
			return JG_EXIT_OK;
		}
		if (c == '?' || c == ':')
			return jg_usage_error("run: invalid option");
		if (parse_opt(&o, c) != 0)
			return JG_EXIT_USAGE;
	}
	if (o.function || o.tests) {
		if (!o.tests)
			return jg_usage_error("run: --function needs --tests");
		if (!o.function && (o.signature || o.unordered))
			return jg_usage_error("run: --signature and --unordered need --function");
		if (argc - optind < 1)
			return jg_usage_error("run: needs at least one SUBMISSION");
		return judge(&o, NULL, argv + optind, argc - optind);
	}
	if (o.signature || o.unordered)
		return jg_usage_error("run: --signature and --unordered need --function");
	if (argc - optind < 2)
		return jg_usage_error("run: needs a BUNDLE and at least one SUBMISSION");
	return judge(&o, argv[optind], argv + optind + 1, argc - optind - 1);
}
