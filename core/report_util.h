/* core/report_util.h - private helpers shared by the JSON and JUnit writers.
 *
 * Not part of the public API: only core/report*.c (and their unit tests)
 * include it.
 */
#ifndef JG_REPORT_UTIL_H
#define JG_REPORT_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "utf8.h"

/* Seconds as whole milliseconds, rounded to nearest, capped at 1e9 s; NaN,
 * infinities and negative values give 0. */
long long jg_report_ms(double seconds);

/* Flushes f; returns 0, or JG_EIO when that or any earlier write failed. */
int jg_report_finish(FILE *f);

#endif
