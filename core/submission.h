/* core/submission.h - what a SUBMISSION argument is: a source file, or a
 * directory/archive holding a multi-file program.
 *
 * The language comes from --lang, else from the extension of the file (or of
 * the entry file).  The entry point follows the language's convention
 * (main.*, the Java class with `main`, __main__.py/main.py) unless --entry
 * names it.  Archives are extracted (with the extract module's caps) into a
 * private directory removed by jg_submission_free().
 */
#ifndef JG_SUBMISSION_H
#define JG_SUBMISSION_H

#include "lang.h"

typedef struct {
	char          *path;       /* as given */
	char          *dir;        /* absolute directory holding the files */
	char          *tmpdir;     /* our extraction directory, or NULL */
	char         **files;      /* source files relative to dir, sorted, NULL-terminated */
	char         **support;    /* the tree's other files (headers, data the program
				    * reads), copied beside the sources but not compiled;
				    * each <= 1 MiB, NULL when none */
	const jg_lang *lang;       /* borrowed from the jg_langs */
	char          *main;       /* entry file relative to dir */
	char          *mainclass;  /* Java main class, else NULL */
} jg_submission;

typedef struct {
	const char *lang;      /* --lang, or NULL */
	const char *entry;     /* --entry, or NULL */
	const char *workdir;   /* where archives are extracted; NULL: $TMPDIR */
	int         build_run; /* a directory with a top-level `build` or `run`
				* file is a jg_lang_build_run program */
	int         function;  /* for a function-call problem: a Java submission
				* needs no class with `main` */
} jg_submission_opts;

/* Returns 0, JG_EINPUT ("PATH: cannot tell the language; use --lang", "PATH:
 * no entry point: ...", "PATH: empty submission"), JG_ELIMIT, JG_EIO. */
int  jg_submission_open(jg_submission **out, const char *path, const jg_langs *langs,
			const jg_submission_opts *opts);
void jg_submission_free(jg_submission *s);  /* NULL is a no-op */

#endif
