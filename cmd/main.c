/* cmd/main.c - `judge` entry point: global options and subcommand dispatch. */
#define _GNU_SOURCE
#include "cmd.h"

#include <getopt.h>
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
	if (!strcmp(argv[1], "image"))
		return cmd_image(argc - 1, argv + 1);
	return jg_usage_error("unknown command '%s'", argv[1]);
}
