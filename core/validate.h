/* core/validate.h - the default output validator, with Kattis semantics.
 *
 * Linked into the judge and into the static in-container supervisor, so it
 * depends on libc only (no jg_error): failures are reported through the
 * caller's message buffer.
 *
 * Token-based comparison: whitespace runs separate tokens; case-insensitive
 * unless case_sensitive; whitespace amounts/kinds ignored unless
 * space_change_sensitive.  Once any float tolerance is set, answer tokens that
 * parse as floating point numbers (integers included) compare numerically:
 * with both absolute and relative given, either passing is enough.
 * Memory use is bounded whatever the line or token lengths.
 *
 * Details of this implementation:
 *  - whitespace is exactly ' ', \t, \n, \v, \f, \r; every other byte,
 *    NUL included, belongs to tokens; case folding is ASCII only;
 *  - with space_change_sensitive each whitespace run is itself a token that
 *    must match byte for byte (leading and trailing runs included);
 *  - "a number" is whatever strtod() parses completely (decimal, exponent,
 *    hex, inf/infinity, nan), read in the C locale; tokens over 4 KiB never
 *    are; a numeric answer needs a numeric team token;
 *  - nan in the answer accepts only nan; an infinity only the same infinity;
 *    a finite answer never accepts nan or an infinity;
 *  - tolerances must be finite and non-negative; a later flag overrides an
 *    earlier one (float_tolerance sets both).
 */
#ifndef JG_VALIDATE_H
#define JG_VALIDATE_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
	int    case_sensitive;
	int    space_change_sensitive;
	int    has_abs, has_rel;
	double float_abs;       /* float_absolute_tolerance, or float_tolerance */
	double float_rel;       /* float_relative_tolerance, or float_tolerance */
} jg_vflags;

/* Parses Kattis validator_flags, e.g. "case_sensitive float_tolerance 1e-6".
 * NULL or "" gives the defaults. Returns 0, or -1 with a one-line reason in
 * err (unknown flag, missing or bad number). */
int jg_vflags_parse(jg_vflags *out, const char *flags, char *err, size_t errlen);

enum { JG_VALIDATE_WA = 0, JG_VALIDATE_AC = 1, JG_VALIDATE_ERROR = -1 };

/* Compares the team's output with the judge's answer. Returns JG_VALIDATE_AC,
 * JG_VALIDATE_WA (msg: one line describing the first difference, e.g.
 * "token 3 on line 2: expected '42', got '41'"), or JG_VALIDATE_ERROR (read
 * failure, msg says which). msg is always NUL-terminated when msglen > 0. */
int jg_validate_streams(FILE *answer, FILE *team, const jg_vflags *flags,
			char *msg, size_t msglen);

#endif
