/* cmd/cmd.h - subcommands of the judge CLI, one file each.
 * Each returns the process exit code: 0 all as expected, 1 some verdict not
 * as expected, 2 usage or bad input, 3 judge/infrastructure error. */
#ifndef JG_CMD_H
#define JG_CMD_H

#include <stdio.h>
#include "lang.h"
#include "result.h"

enum { JG_EXIT_OK = 0, JG_EXIT_VERDICT = 1, JG_EXIT_USAGE = 2, JG_EXIT_JUDGE = 3 };

int cmd_run(int argc, char **argv);
int cmd_image(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_grade(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* "judge: <message>" on stderr. */
void jg_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Usage error: message, then "Try 'judge --help'". Returns JG_EXIT_USAGE. */
int jg_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* 1 when colour may be used on `f` (a TTY and NO_COLOR unset). */
int jg_use_color(FILE *f);
/* The verdict name padded to `width`, coloured when `color`. */
void jg_print_verdict(FILE *f, jg_verdict v, int color, int width);
/* Parses a number in [lo, hi]: 0, or -1 when it is not one. */
int jg_parse_number(const char *s, double lo, double hi, double *out);
/* The options every judging command takes, checked alike: 0, or the usage
 * error's exit code (message printed) naming the option. */
int jg_opt_seconds(const char *opt, const char *arg, double *out);    /* (0, 3600] */
int jg_opt_memory_mib(const char *arg, unsigned long *out);           /* whole, >= 4 */
int jg_opt_jobs(const char *arg, int *out);                           /* 1..256 */
/* The built-in language definitions merged with `extra` (may be NULL);
 * reports failures with jg_diag. */
int jg_load_langs(jg_langs **langs, const char *extra);

#endif
