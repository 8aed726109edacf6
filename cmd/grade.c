/* cmd/grade.c - `judge grade ASSIGNMENT SUBMISSIONS [options]` and
 * `judge report merge OUT SHARD...`. */
#define _GNU_SOURCE
#include "cmd.h"
#include "assignment.h"
#include "bundle.h"
#include "error.h"
#include "fs.h"
#include "grade.h"
#include "grade_out.h"
#include "judge.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char grade_usage[] =
	"Usage: judge grade ASSIGNMENT SUBMISSIONS [options]\n"
	"\n"
	"Grade every student's submission in SUBMISSIONS (a directory or archive as\n"
	"Moodle, Canvas, GitHub Classroom or Blackboard export it, or one entry per\n"
	"student) against ASSIGNMENT (a problem bundle, with points, hidden tests and\n"
	"rules in its assignment.yaml: docs/grading.md).\n"
	"\n"
	"Options:\n"
	"  -o, --out DIR            state and feedback directory (default: grade-out);\n"
	"                           a rerun into it skips students already graded\n"
	"                           with the same files, bundle and options\n"
	"      --layout L           auto (default), moodle, canvas, github,\n"
	"                           blackboard, plain, single\n"
	"      --csv FILE           gradebook, one row per student\n"
	"      --json FILE|-        JSON report (judge run schema + student, score, max)\n"
	"      --junit FILE         JUnit XML, one testsuite per student\n"
	"      --gradescope DIR     DIR/<id>/results.json (DIR/results.json for one student)\n"
	"      --github             GitHub Actions annotations, job summary, Points X/Y\n"
	"      --no-feedback        no OUT/feedback/<id>.txt files\n"
	"  -j, --jobs N             N containers in parallel (default 1)\n"
	"      --cpus LIST          pin the k-th container slot to the k-th CPU of LIST\n"
	"                           (\"0,1\", \"2-3\")\n"
	"      --shard K/N          grade only the K-th of N deterministic shards\n"
	"      --no-resume          grade every student again\n"
	"      --lang LANG          language of every submission (default: by extension)\n"
	"      --time-limit SEC     CPU time limit per test (overrides the bundle)\n"
	"      --memory-limit MIB   memory limit per test (overrides the bundle)\n"
	"  -q, --quiet              no progress on stderr\n"
	"      --docker-host HOST   Docker engine (default $DOCKER_HOST)\n"
	"      --languages FILE     extend or override the language definitions\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit codes: 0 every student has full marks, 1 some do not, 2 usage error or\n"
	"bad input, 3 judge error (those students are graded again by the next run).\n";

static const char merge_usage[] =
	"Usage: judge report merge OUT SHARD... [--csv FILE] [--json FILE|-] [--junit FILE]\n"
	"                          [--gradescope DIR] [--github] [--no-feedback]\n"
	"\n"
	"Merge the results of `judge grade --shard` jobs: each SHARD is a shard's\n"
	"--json report or its OUT/results.jsonl.  OUT gets the merged results.jsonl\n"
	"and feedback/, and every output asked for is generated again.\n";

typedef struct {
	jg_grade_opts     g;
	jg_grade_outputs  out;
	const char       *languages;
	char             *cpus_buf;
	char            **cpus;
	int               quiet, no_feedback;
	unsigned long     memory_mib;
	double            time_limit;
	double            started, last_line;   /* CLOCK_MONOTONIC seconds */
} grade_cli;

enum { OPT_LAYOUT = 300, OPT_CSV, OPT_JSON, OPT_JUNIT, OPT_GS, OPT_GH, OPT_NOFB, OPT_CPUS, OPT_SHARD,
       OPT_NORESUME, OPT_LANG, OPT_TL, OPT_ML, OPT_HOST, OPT_LANGS };

static const struct option long_opts[] = {
	{ "out", required_argument, NULL, 'o' },
	{ "layout", required_argument, NULL, OPT_LAYOUT },
	{ "csv", required_argument, NULL, OPT_CSV },
	{ "json", required_argument, NULL, OPT_JSON },
	{ "junit", required_argument, NULL, OPT_JUNIT },
	{ "gradescope", required_argument, NULL, OPT_GS },
	{ "github", no_argument, NULL, OPT_GH },
	{ "no-feedback", no_argument, NULL, OPT_NOFB },
	{ "jobs", required_argument, NULL, 'j' },
	{ "cpus", required_argument, NULL, OPT_CPUS },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "no-resume", no_argument, NULL, OPT_NORESUME },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "time-limit", required_argument, NULL, OPT_TL },
	{ "memory-limit", required_argument, NULL, OPT_ML },
	{ "quiet", no_argument, NULL, 'q' },
	{ "docker-host", required_argument, NULL, OPT_HOST },
	{ "languages", required_argument, NULL, OPT_LANGS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* "0,1" / "2-3,5": one cpuset per listed CPU (a range gives each of its CPUs). */
static int parse_cpus(grade_cli *o, const char *s)
{
	char *save = NULL, *tok;
	int rc = 0;

	if (!(o->cpus_buf = strdup(s)))
		return jg_usage_error("out of memory");
	for (tok = strtok_r(o->cpus_buf, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
		char *end, *e2, one[24];
		long a = strtol(tok, &end, 10), b = a;
		if (*end == '-')
			b = strtol(end + 1, &e2, 10), end = e2;
		if (end == tok || *end || a < 0 || b < a || b > 4095)
			return jg_usage_error("--cpus: '%s' is not a list of CPUs such as 0,1 or 2-3", s);
		for (long k = a; k <= b && rc == 0; k++) {
			snprintf(one, sizeof(one), "%ld", k);
			rc = jg_strv_push(&o->cpus, one);
		}
	}
	if (!o->cpus)
		return jg_usage_error("--cpus: '%s' names no CPU", s);
	return rc == 0 ? 0 : jg_usage_error("out of memory");
}

static int parse_shard(grade_cli *o, const char *s)
{
	unsigned k, n;
	char c;
	if (sscanf(s, "%u/%u%c", &k, &n, &c) != 2 || n == 0 || k == 0 || k > n || n > 10000)
		return jg_usage_error("--shard: '%s' is not K/N with 1 <= K <= N", s);
	o->g.shard_k = k;
	o->g.shard_n = n;
	return 0;
}

static int parse_opt(grade_cli *o, int c)
{
	switch (c) {
	case 'o': o->g.out_dir = optarg; return 0;
	case OPT_LAYOUT:
		if (jg_layout_parse(&o->g.layout, optarg) < 0)
			return jg_usage_error("--layout: %s", jg_error_last());
		return 0;
	case OPT_CSV: o->out.csv = optarg; return 0;
	case OPT_JSON: o->out.json = optarg; return 0;
	case OPT_JUNIT: o->out.junit = optarg; return 0;
	case OPT_GS: o->out.gradescope = optarg; return 0;
	case OPT_GH: o->out.github = 1; return 0;
	case OPT_NOFB: o->no_feedback = 1; return 0;
	case OPT_CPUS: return parse_cpus(o, optarg);
	case OPT_SHARD: return parse_shard(o, optarg);
	case OPT_NORESUME: o->g.no_resume = 1; return 0;
	case OPT_LANG: o->g.lang = optarg; return 0;
	case OPT_HOST: o->g.judge.docker_host = optarg; return 0;
	case OPT_LANGS: o->languages = optarg; return 0;
	case 'q': o->quiet = 1; return 0;
	case OPT_TL: return jg_opt_seconds("time-limit", optarg, &o->time_limit);
	case OPT_ML: return jg_opt_memory_mib(optarg, &o->memory_mib);
	case 'j': return jg_opt_jobs(optarg, &o->g.judge.jobs);
	default: return jg_usage_error("grade: invalid option");
	}
}

/* ---- progress ---- */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(void *ud, const jg_grade_counts *k)
{
	grade_cli *o = ud;
	double now = now_s(), el = now - o->started, rate = el > 0 ? (double)(k->done - k->reused) / el : 0;
	size_t left = k->students - k->done;
	long eta = rate > 0 ? (long)((double)left / rate) : -1;
	int tty = isatty(STDERR_FILENO), width = 30, fill;

	if (o->quiet)
		return;
	if (tty) {
		fill = k->students ? (int)(width * k->done / k->students) : width;
		char etabuf[32] = "--:--";
		if (eta >= 0)
			snprintf(etabuf, sizeof(etabuf), "%ld:%02ld", eta / 60, eta % 60);
		fprintf(stderr, "\r[%.*s%*s] %zu/%zu  %.1f/s  ETA %s  not full %zu  JE %zu\033[K",
			fill, "##############################", width - fill, "", k->done, k->students, rate,
			etabuf, k->not_full, k->je);
		if (k->done == k->students)
			fputc('\n', stderr);
		return;
	}
	if (k->done == k->students || now - o->last_line >= 10 || k->done == 0) {
		o->last_line = now;
		fprintf(stderr, "judge: graded %zu/%zu (%zu reused), %.1f/s, ETA %lds, %zu not full, %zu JE\n",
			k->done, k->students, k->reused, rate, eta < 0 ? 0 : eta, k->not_full, k->je);
	}
}

/* ---- the command ---- */

static char *feedback_dir(const char *out)
{
	return jg_path_join(out, "feedback");
}

static int write_outputs(grade_cli *o, int incomplete)
{
	char *results = jg_path_join(o->g.out_dir, JG_GRADE_RESULTS), *fb = NULL;
	jg_grade_totals t;
	int rc;

	o->out.incomplete = incomplete;
	if (!o->no_feedback)
		o->out.feedback = fb = feedback_dir(o->g.out_dir);
	rc = results ? jg_grade_write(results, &o->out, &t) : JG_ENOMEM;
	free(results);
	free(fb);
	if (rc < 0) {
		jg_diag("%s", jg_error_last());
		return jg_error_exit_code(rc);
	}
	if (!o->quiet)
		fprintf(stderr, "judge: %zu students, %zu with full marks, %zu judge errors; points %g/%g\n",
			t.students, t.full, t.je, t.score, t.max);
	return t.je ? JG_EXIT_JUDGE : t.full < t.students ? JG_EXIT_VERDICT : JG_EXIT_OK;
}

static int grade(grade_cli *o, const char *bundle_path, const char *subs)
{
	jg_bundle_opts bo = { .time_limit = o->time_limit };
	jg_langs *langs = NULL;
	jg_bundle *b = NULL;
	jg_assignment *a = NULL;
	jg_grade_counts k = { 0 };
	int rc, code = JG_EXIT_USAGE;

	jg_fs_reap_temp(NULL);
	if (jg_load_langs(&langs, o->languages) < 0)
		goto done;
	if ((rc = jg_bundle_open(&b, bundle_path, &bo)) < 0 || (rc = jg_assignment_load(&a, b)) < 0) {
		jg_diag("%s", jg_error_last());
		code = jg_error_exit_code(rc);
		goto done;
	}
	o->g.judge.time_limit = o->time_limit;
	o->g.judge.memory_mib = o->memory_mib;
	o->g.judge.cpusets = o->cpus;
	o->g.judge.ncpusets = jg_strv_len(o->cpus);
	o->g.progress = progress;
	o->g.ud = o;
	o->started = o->last_line = now_s();
	rc = jg_grade_run(&k, b, a, langs, subs, &o->g);
	if (rc < 0)
		jg_diag("%s", jg_error_last());
	if (rc < 0 && (rc == JG_EINPUT || rc == JG_ELIMIT || k.done == 0)) {
		code = jg_error_exit_code(rc);
		goto done;
	}
	if (rc == 0 && k.students == 0) {
		jg_diag("no student in %s%s", subs, o->g.shard_n ? " for this shard" : "");
		code = JG_EXIT_OK;
		goto done;
	}
	o->out.only = k.ids;
	code = write_outputs(o, rc == JG_EINTR);
	o->out.only = NULL;
	if (rc < 0)
		code = jg_error_exit_code(rc);
done:
	jg_strv_free(k.ids);
	jg_assignment_free(a);
	jg_bundle_free(b);
	jg_langs_free(langs);
	return code;
}

static int parse_args(grade_cli *o, int argc, char **argv, const char *usage, const char *shortopts)
{
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, long_opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return -1;
		}
		if (c == '?' || c == ':')
			return jg_usage_error("invalid option"), -2;
		if (parse_opt(o, c) != 0)
			return -2;
	}
	return 0;
}

static void free_cli(grade_cli *o)
{
	free(o->cpus_buf);
	jg_strv_free(o->cpus);
}

int cmd_grade(int argc, char **argv)
{
	grade_cli o = { .g = { .out_dir = "grade-out", .judge = { .jobs = 1 } } };
	int rc = parse_args(&o, argc, argv, grade_usage, "o:j:qh");

	if (rc == 0 && o.out.json && !strcmp(o.out.json, "-") && o.out.github)
		rc = (jg_usage_error("grade: --json - and --github both write to stdout; give --json a file"), -2);
	if (rc == 0 && argc - optind != 2)
		rc = (jg_usage_error("grade: needs an ASSIGNMENT and SUBMISSIONS"), -2);
	if (rc == 0)
		rc = grade(&o, argv[optind], argv[optind + 1]);
	else
		rc = rc == -1 ? JG_EXIT_OK : JG_EXIT_USAGE;
	free_cli(&o);
	return rc;
}

/* judge report merge OUT SHARD... */
static int merge(grade_cli *o, char **shards, int n)
{
	char *results = jg_path_join(o->g.out_dir, JG_GRADE_RESULTS);
	FILE *f;
	int rc = 0;

	if (!results || (mkdir(o->g.out_dir, 0755) < 0 && errno != EEXIST) || !(f = fopen(results, "w"))) {
		jg_diag("%s: %s", o->g.out_dir, strerror(errno));
		free(results);
		return JG_EXIT_JUDGE;
	}
	fclose(f);
	for (int i = 0; rc == 0 && i < n; i++)
		rc = jg_grade_merge_into(results, shards[i]);
	free(results);
	if (rc < 0) {
		jg_diag("%s", jg_error_last());
		return jg_error_exit_code(rc);
	}
	return write_outputs(o, 0);
}

int cmd_report(int argc, char **argv)
{
	grade_cli o = { .g = { .judge = { .jobs = 1 } } };
	int rc;

	if (argc < 2 || strcmp(argv[1], "merge")) {
		if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
			fputs(merge_usage, stdout);
			return JG_EXIT_OK;
		}
		return jg_usage_error("report: expected 'merge'");
	}
	rc = parse_args(&o, argc - 1, argv + 1, merge_usage, "qh");
	if (rc == 0 && argc - 1 - optind < 2)
		rc = (jg_usage_error("report merge: needs OUT and at least one SHARD"), -2);
	if (rc == 0) {
		o.g.out_dir = argv[1 + optind];
		rc = merge(&o, argv + 2 + optind, argc - 2 - optind);
	} else {
		rc = rc == -1 ? JG_EXIT_OK : JG_EXIT_USAGE;
	}
	free_cli(&o);
	return rc;
}
