/* core/lang.h - language definitions, loaded from harness/languages.yaml and
 * optionally extended/overridden by a user file (--languages FILE).
 *
 * A definition says how to compile and run a submission inside a container:
 * argv templates with placeholders, expanded by jg_lang_expand():
 *   {files}      every source file (expands to several arguments)
 *   {main}       the entry file, relative to the work directory
 *   {mainclass}  Java main class
 *   {memory_mib} the run memory limit in MiB (Java's -Xmx)
 * The jg_langs set owns all definitions and their strings.
 */
#ifndef JG_LANG_H
#define JG_LANG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	char  *name;        /* canonical: c, cpp, python, java, javascript, go */
	char **aliases;     /* NULL-terminated, includes nothing but aliases */
	char **extensions;  /* without dot, NULL-terminated */
	char  *image;       /* Docker image, e.g. "judge-runtime:1" */
	char **compile;     /* argv template, NULL when interpreted */
	char **run;         /* argv template */
	char **env;         /* "KEY=VALUE", NULL-terminated, may be NULL */
	char **entry;       /* entry file names tried in order (main.py, ...), may be NULL */
	int    jvm;         /* memory: jvm -> heap from {memory_mib}, no rlimits on address space */
	/* function-call problems (the `function:` block), all NULL when absent */
	char  *fn_harness;  /* the harness generator: c, cpp, python, javascript, java, go */
	char **fn_compile;  /* argv templates used instead of compile/run; {files} */
	char **fn_run;      /*   is what the generator says (core/fngen.h) */
} jg_lang;

#define JG_RUNTIME_IMAGE "judge-runtime:1"   /* the default image (harness/image) */

/* The Kattis "build/run" convention as a language: a directory whose
 * optional `build` script is run once and whose `run` program is run per
 * test (arguments appended).  Every file of the directory is kept. */
extern const jg_lang jg_lang_build_run;

typedef struct jg_langs jg_langs;

/* Loads a languages file. Returns 0, JG_EINPUT ("FILE: line N: problem"), JG_EIO. */
int  jg_langs_load(jg_langs **out, const char *path);
/* Adds or replaces (by name) definitions from another file. Same errors. */
int  jg_langs_merge(jg_langs *langs, const char *path);
void jg_langs_free(jg_langs *langs);  /* NULL is a no-op */

size_t         jg_langs_count(const jg_langs *langs);
const jg_lang *jg_langs_at(const jg_langs *langs, size_t i);
/* By canonical name or alias, case-insensitive; NULL when unknown. */
const jg_lang *jg_langs_find(const jg_langs *langs, const char *name);
/* By the extension of `filename`; NULL when unknown. */
const jg_lang *jg_langs_by_ext(const jg_langs *langs, const char *filename);

typedef struct {
	char *const *files;     /* NULL-terminated */
	const char  *main;
	const char  *mainclass;
	uint64_t     memory_mib;
} jg_expand_vars;

/* Expands a template into a new NULL-terminated argv (free with jg_strv_free).
 * Returns 0, JG_EINPUT (unknown placeholder), JG_ENOMEM. */
int jg_lang_expand(char ***out, char *const *tmpl, const jg_expand_vars *vars);

/* The default languages file: $JUDGE_LANGUAGES, else the installed/source
 * harness/languages.yaml. */
const char *jg_langs_default_path(void);

#endif
