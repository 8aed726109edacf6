/* cmd/main.c - `judge` entry point: global options and subcommand dispatch. */
#define _GNU_SOURCE
#include "cmd.h"

#include "error.h"

#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
	"Usage: judge COMMAND [options] [args]\n"
	"\n"
	"Judge submissions against a problem bundle inside Docker containers.\n"
	"\n"
	"Commands:\n"
	"  run BUNDLE SUBMISSION...   judge submissions, print a verdict table,\n"
	"                             write JSON/JUnit reports\n"
	"  verify PROBLEM             check a problem package: every reference\n"
	"                             submission gets its expected verdict, the time\n"
	"                             limit, the data and the validators are sound\n"
	"  grade ASSIGNMENT SUBMISSIONS\n"
	"                             batch-grade students' submissions (Moodle,\n"
	"                             Canvas, GitHub Classroom, Blackboard exports):\n"
	"                             CSV, JSON, JUnit, Gradescope, GitHub outputs\n"
	"  report merge OUT SHARD...  merge the results of sharded grade jobs\n"
	"  serve [--port N] [-j N]    judge submissions sent over HTTP (API v1)\n"
	"  image build [--offline]    build the default runtime image\n"
	"\n"
	"Options:\n"
	"  -h, --help                 show this help (also: judge COMMAND --help)\n"
	"      --version              show the version\n"
	"\n"
	"Exit codes: 0 all as expected, 1 some verdict not as expected,\n"
	"            2 usage error or bad input, 3 judge/infrastructure error.\n";

/* Writes s with control characters shown as '?': a diagnostic stays one
 * line whatever file or entry names it quotes. */
static void put_line(const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, stderr);
}

static void vdiag(const char *fmt, va_list ap)
{
	char *msg = NULL;
	fputs("judge: ", stderr);
	if (vasprintf(&msg, fmt, ap) >= 0)
		put_line(msg);
	free(msg);
	fputc('\n', stderr);
}

void jg_diag(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(fmt, ap);
	va_end(ap);
}

int jg_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(fmt, ap);
	va_end(ap);
	fputs("Try 'judge --help' for more information.\n", stderr);
	return JG_EXIT_USAGE;
}

int jg_use_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && !(nc && *nc);
}

static const char *verdict_color(jg_verdict v)
{
	switch (v) {
	case JG_AC: return "\033[32m";
	case JG_JE: return "\033[35m";
	case JG_SKIPPED: return "\033[90m";
	default: return "\033[31m";
	}
}

void jg_print_verdict(FILE *f, jg_verdict v, int color, int width)
{
	if (color)
		fprintf(f, "%s%-*s\033[0m", verdict_color(v), width, jg_verdict_name(v));
	else
		fprintf(f, "%-*s", width, jg_verdict_name(v));
}

int jg_parse_number(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !isfinite(v) || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

int jg_opt_seconds(const char *opt, const char *arg, double *out)
{
	if (jg_parse_number(arg, 0.001, 3600, out) < 0)
		return jg_usage_error("--%s: '%s' is not a number of seconds in (0, 3600]", opt, arg);
	return 0;
}

int jg_opt_memory_mib(const char *arg, unsigned long *out)
{
	double v;
	if (jg_parse_number(arg, 4, 1 << 20, &v) < 0 || v != floor(v))
		return jg_usage_error("--memory-limit: '%s' is not a whole number of MiB >= 4", arg);
	*out = (unsigned long)v;
	return 0;
}

int jg_opt_jobs(const char *arg, int *out)
{
	double v;
	if (jg_parse_number(arg, 1, 256, &v) < 0 || v != floor(v))
		return jg_usage_error("-j: '%s' is not a number from 1 to 256", arg);
	*out = (int)v;
	return 0;
}

int jg_load_langs(jg_langs **langs, const char *extra)
{
	int rc = jg_langs_load(langs, jg_langs_default_path());
	if (rc == 0 && extra)
		rc = jg_langs_merge(*langs, extra);
	if (rc < 0)
		jg_diag("%s", jg_error_last());
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return jg_usage_error("missing command");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage_text, stdout);
		return JG_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("judge %s\n", JG_VERSION);
		return JG_EXIT_OK;
	}
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(argv[1], "verify"))
		return cmd_verify(argc - 1, argv + 1);
	if (!strcmp(argv[1], "grade"))
		return cmd_grade(argc - 1, argv + 1);
	if (!strcmp(argv[1], "serve"))
		return cmd_serve(argc - 1, argv + 1);
	if (!strcmp(argv[1], "report"))
		return cmd_report(argc - 1, argv + 1);
	if (!strcmp(argv[1], "image"))
		return cmd_image(argc - 1, argv + 1);
	return jg_usage_error("unknown command '%s'", argv[1]);
}
