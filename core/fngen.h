/* core/fngen.h - the harness of one function-call submission: the files
 * that go beside the student's sources so that the language's `function:`
 * templates (harness/languages.yaml) build a program that reads the JSON
 * arguments on stdin, calls the student's function and writes the JSON
 * result to fd 3 (docs/function-problems.md).
 *
 * The generators, by the name a language's `function.harness` gives:
 *   python, javascript, java  the static harness of harness/function/ and
 *                             judge_function.json (the signature); {files}
 *                             is the student's sources
 *   c, cpp                    judge_main.c / judge_main.cpp, generated from the
 *                             signature: it declares the function (C) or
 *                             checks its types at compile time (C++), then
 *                             #includes the student's sources; {files} is
 *                             judge_main.*
 *   go                        judge_main.go, generated, with a compile-time
 *                             check of the function's type; a student file
 *                             without a package clause is compiled as a copy
 *                             that has one (//line keeps its line numbers)
 * The generated files live in a private temporary directory owned by the
 * jg_fngen; jg_fngen_free() removes it.
 */
#ifndef JG_FNGEN_H
#define JG_FNGEN_H

#include "fnsig.h"
#include "lang.h"

#define JG_FNGEN_NAMES "c, cpp, python, javascript, java, go"

/* 1 when `name` is a known generator. */
int jg_fngen_known(const char *name);
/* 1 when the generator `name` needs a typed signature (c, cpp, go). */
int jg_fngen_typed_only(const char *name);

typedef struct {
	char  *dir;       /* the private directory holding the harness files */
	char **files;     /* harness files, relative to dir, NULL-terminated */
	char **build;     /* what {files} expands to in the function templates
			   * (names relative to the work directory) */
} jg_fngen;

/* The directory of the static harness files: $JUDGE_HARNESS_DIR, else the
 * source tree's harness/function. */
const char *jg_fngen_harness_dir(void);

/* Builds the harness of `l` (l->fn_harness) for signature s and the
 * student's sources `files` (relative to src_dir) in a new directory under
 * workdir (NULL: $TMPDIR).  Returns 0, JG_EINPUT (the language has no
 * `function:` block, or needs a typed signature: "the c harness needs the
 * function's types: give --signature"), JG_EIO, JG_ENOMEM. */
int  jg_fngen_build(jg_fngen **out, const jg_lang *l, const jg_fnsig *s, const char *src_dir,
		    char *const *files, const char *workdir);
void jg_fngen_free(jg_fngen *g);      /* removes dir; NULL is a no-op */

#endif
