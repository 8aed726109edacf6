/* core/fncmp.h - compares the value a function returned with the expected
 * one (function-call problems, docs/function-problems.md).
 *
 * Linked into the judge and into the static in-container supervisor: it
 * depends on libc and jansson only (no jg_error); the outcome is the return
 * value and a one-line message in the caller's buffer.
 *
 * Equality is JSON value equality, with these rules:
 *  - two integers compare exactly (64-bit); any other pair of numbers
 *    compares with the tolerances: |got - exp| <= abs, or <= rel * |exp|
 *    (JG_FNCMP_TOL each when the problem sets none);
 *  - untyped (ad-hoc) only: an expected string also matches a got value
 *    equal to the JSON the string holds ("5" matches 5, "2" matches 2.0,
 *    "[1,2]" matches [1,2]);
 *  - unordered: when both are arrays, their elements compare as multisets
 *    (top level only);
 *  - objects: the same keys, equal values; key order is free.
 */
#ifndef JG_FNCMP_H
#define JG_FNCMP_H

#include <jansson.h>
#include <stddef.h>

#define JG_FNCMP_TOL 1e-6

typedef struct {
	double abs_tol, rel_tol;   /* >= 0 */
	int    unordered;
	int    untyped;            /* ad-hoc: lenient strings (see above) */
} jg_fncmp_opts;

/* 1 when got equals expected, 0 when not (msg: "expected 2.5, got 2" or, for
 * a difference inside, "at [3][1]: expected 4, got 5"; values shortened). */
int jg_fncmp(const json_t *expected, const json_t *got, const jg_fncmp_opts *o, char *msg, size_t size);

/* The JSON text of v for a message, shortened to at most `max` bytes with
 * "..." (max >= 8). */
void jg_fncmp_show(const json_t *v, char *buf, size_t max);

#endif
