/* core/adhoc.h - a bundle made of inline tests, with no problem package:
 * the tests of `judge run --function` (and of `judge serve` submissions).
 *
 * The tests are written as data/secret/001.in/.ans ... in a private
 * directory that the bundle owns (b->gen_dir: jg_bundle_free removes it),
 * then opened as any bundle.
 */
#ifndef JG_ADHOC_H
#define JG_ADHOC_H

#include <jansson.h>
#include "bundle.h"
#include "fnsig.h"

/* tests: a non-empty JSON array of {"input", "expected_output"}.  With sig
 * (a function-call problem, which the bundle takes over, also on failure)
 * input is the argument list and expected_output the value (fntest.h);
 * without, both are strings: the program's stdin and its expected stdout;
 * when no test has an "expected_output", the bundle is in execute mode
 * (problem.execute: each test only runs the program on its input).
 * `name` names the problem; `where` the tests in messages ("tests.json:
 * test 3: ...").  time_limit > 0 fixes the time limit (else the default).
 * Returns 0, JG_EINPUT, JG_EIO, JG_ENOMEM. */
int jg_adhoc_bundle(jg_bundle **out, json_t *tests, jg_fnsig *sig, const char *name, double time_limit,
		    const char *where);

#endif
