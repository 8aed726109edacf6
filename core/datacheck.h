/* core/datacheck.h - host-side checks of a problem package's test data
 * (judge verify), and where its input validators are.
 *
 * jg_datacheck_run() looks at a bundle opened with opts.lenient and appends
 * findings (core/findings.h), each naming a file relative to the bundle
 * root, in this order:
 *
 *   error    data/secret/3.in      no matching .ans    (b->errors, folded in)
 *   error    data/secret           no secret test cases
 *   warning  data/sample           no sample test cases
 *   warning  data/secret/g2        empty test group (no test case below it)
 *   then for each test, its .in and its .ans:
 *   error    x.ans                 answer larger than the output limit
 *   warning  x.ans                 answer larger than half the output limit
 *   warning  x.ans                 empty answer file
 *   warning  x.in / x.ans          CRLF line endings (first on line N)
 *                                  carriage return without a newline (line N)
 *                                  not valid UTF-8 (first bad byte at offset N)
 *                                  no newline at the end of the file
 *   error    x.in / x.ans          cannot read: REASON
 *
 * Empty .in files are fine: problems without input exist.  An empty .ans
 * is a warning (a generator that failed, most often), except in
 * interactive problems, whose .ans is often unused.  The output limit is
 * problem.output_mib MiB; an answer over it would fail every correct
 * submission.  Empty groups are looked for below data/sample and
 * data/secret (hidden entries aside; symlinked directories are checked,
 * not entered); an empty directory is reported, not the ones inside it.
 *
 * Files are read as a stream, JG_DATACHECK_CHUNK bytes at a time, never
 * whole: test data of hundreds of MiB costs no more memory than a byte.
 */
#ifndef JG_DATACHECK_H
#define JG_DATACHECK_H

#include "bundle.h"
#include "findings.h"

#define JG_DATACHECK_CHUNK 65536   /* bytes read at a time (exposed for tests) */

/* Appends the findings about b's test data to out.  Findings are data:
 * returns 0, or JG_ENOMEM. */
int jg_datacheck_run(jg_findings *out, const jg_bundle *b);

/* Lists the input validators of the bundle at root: every entry of
 * input_validators/ and of input_format_validators/ (the legacy name), a
 * source file or a directory (with build/run scripts, or a multi-file
 * program), hidden entries aside, as "root/DIR/ENTRY", sorted.  *out_paths
 * is NULL-terminated (free with jg_strv_free), NULL when there are none.
 * Returns 0, JG_EINPUT ("ROOT/input_validators/x: leads outside the
 * bundle", "ROOT/input_validators: not a directory"), JG_EIO, JG_ENOMEM. */
int jg_datacheck_input_validators(char ***out_paths, const char *root);

/* 1 when path is a directory holding a `build` or a `run` file: a program
 * built and started by its own scripts (build, when present, runs first;
 * then run starts it).  0 otherwise: a source file, or a directory holding
 * a multi-file program in a known language (see core/submission.h). */
int jg_datacheck_is_build_run_dir(const char *path);

#endif
