/* core/fntest.h - the tests of function-call problems: reading them in the
 * formats a bundle may hold, checking them against the signature, and
 * writing them in the one form the harnesses read (docs/function-problems.md):
 *   N.in   the JSON array of the arguments, one line
 *   N.ans  the expected return value as JSON, one line
 *
 * Accepted sources: NAME.json holding {"input": [ARGS], "expected_output":
 * VALUE} (VALUE may be a string holding the JSON of the value, as the seed
 * services take it), or NAME.in (a JSON array) with NAME.ans (a JSON value).
 * Errors are JG_EINPUT with "FILE: problem" (FILE as `disp` names it),
 * JG_EIO or JG_ENOMEM.
 */
#ifndef JG_FNTEST_H
#define JG_FNTEST_H

#include <jansson.h>
#include "fnsig.h"

#define JG_FNTEST_MAX (64u << 20)    /* largest test file read, bytes (parsed whole) */

/* One test object {"input", "expected_output"} (where: "FILE: test 3")
 * written to in_out and ans_out. */
int jg_fntest_write_case(const jg_fnsig *s, json_t *tcase, const char *in_out, const char *ans_out,
			 const char *where);

/* A test from json_path (ans_path NULL), or from the in_path/ans_path pair;
 * disp_in and disp_ans name them in messages. */
int jg_fntest_convert(const jg_fnsig *s, const char *json_path, const char *in_path, const char *ans_path,
		      const char *disp_in, const char *disp_ans, const char *in_out, const char *ans_out);

#endif
