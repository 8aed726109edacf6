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

/* UTF-8 of U+FFFD REPLACEMENT CHARACTER. */
#define JG_UTF8_REPLACEMENT "\xef\xbf\xbd"

/* Decodes one UTF-8 sequence at s (n >= 1 bytes available).  Returns its
 * length (1..4) and stores the code point in *cp, or 0 when the bytes do not
 * start a valid sequence (overlong forms, surrogates, values above
 * U+10FFFF, stray continuation bytes and truncated sequences are invalid). */
size_t jg_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* A heap copy of s[0..n) in which every byte that is not part of a valid
 * UTF-8 sequence is replaced by U+FFFD.  Returns NULL after
 * jg_error_set(JG_ENOMEM). */
char *jg_utf8_sanitize(const char *s, size_t n);

/* The largest length <= max at which s (n bytes long) can be cut without
 * splitting a UTF-8 sequence; n when n <= max. */
size_t jg_utf8_cut(const char *s, size_t n, size_t max);

/* Seconds as whole milliseconds, rounded to nearest; NaN, infinities and
 * negative values give 0. */
long long jg_report_ms(double seconds);

/* Flushes f; returns 0, or JG_EIO when that or any earlier write failed. */
int jg_report_finish(FILE *f);

#endif
