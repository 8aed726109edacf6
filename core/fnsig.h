/* core/fnsig.h - the signature of a function-call problem (LeetCode style:
 * the submission is a function, the tests are JSON argument lists and JSON
 * return values; docs/function-problems.md).
 *
 * A signature is a function name, typed parameters and a return type.  The
 * types are a small tree (jg_type) so that more kinds (linked lists, binary
 * trees) can be added later as new jg_tkind values with their own JSON
 * shape.  An untyped signature (ad-hoc mode for Python, JavaScript and Java)
 * has only the name: nparams is 0, params and returns are NULL.
 *
 * Everything a signature points to is owned by it; jg_fnsig_free() frees
 * it all.  Failures are JG_EINPUT with one line naming `where` (the file or
 * option) and the problem, or JG_ENOMEM.
 */
#ifndef JG_FNSIG_H
#define JG_FNSIG_H

#include <jansson.h>
#include <stddef.h>

typedef enum {
	JG_T_INT = 0,    /* 64-bit signed integer: a JSON integer */
	JG_T_DOUBLE,     /* a JSON number */
	JG_T_BOOL,       /* true / false */
	JG_T_STRING,     /* a JSON string */
	JG_T_ARRAY       /* a JSON array of elem */
} jg_tkind;

typedef struct jg_type {
	jg_tkind        kind;
	struct jg_type *elem;   /* JG_T_ARRAY only */
} jg_type;

#define JG_TYPE_DEPTH 2         /* arrays nest at most this deep (int[][]) */
#define JG_FN_PARAMS  32        /* most parameters of a function */

typedef struct {
	char    *name;
	jg_type *type;
} jg_param;

typedef struct {
	char     *name;        /* the function: a C identifier */
	int       typed;       /* 0: ad-hoc, types inferred by the harness */
	jg_param *params;      /* nparams of them (typed only) */
	size_t    nparams;
	jg_type  *returns;     /* typed only */
	int       unordered;   /* an array result compares as a multiset */
} jg_fnsig;

/* From problem.yaml's `function:` mapping, as JSON (every YAML scalar a
 * string): {name, params: [{name, type}], returns, unordered}. */
int jg_fnsig_from_json(jg_fnsig **out, json_t *j, const char *where);
/* From a declaration "RET [NAME](TYPE [PNAME], ...)", e.g.
 * "double median(int[] a, int[] b)" (--signature); NAME, when present,
 * must equal `name`. */
int jg_fnsig_parse_decl(jg_fnsig **out, const char *name, const char *decl, const char *where);
/* An untyped signature (ad-hoc mode). */
int jg_fnsig_untyped(jg_fnsig **out, const char *name, const char *where);
void jg_fnsig_free(jg_fnsig *s);       /* NULL is a no-op */

/* Parses "int", "double", "bool", "string" (aliases long, float, boolean,
 * str) followed by up to JG_TYPE_DEPTH "[]".  NULL when not a type. */
jg_type *jg_type_parse(const char *text);
void     jg_type_free(jg_type *t);     /* NULL is a no-op */
/* The canonical spelling ("int[][]") into buf; returns buf. */
const char *jg_type_name(const jg_type *t, char *buf, size_t size);

/* {"name", "params": [{"name","type"}] | null, "returns": "T" | null}: what
 * the harnesses read from judge_function.json.  New reference, NULL when out
 * of memory. */
json_t *jg_fnsig_to_json(const jg_fnsig *s);

/* 0 when v fits t; else -1 with a reason in why ("element 3: expected int,
 * got 2.5").  An integer fits a double. */
int jg_type_check(const jg_type *t, const json_t *v, char *why, size_t size);
/* 0 when args is an array of the signature's arguments (any array when
 * untyped); else -1 with a reason ("argument 2 (nums2): ..."). */
int jg_fnsig_check_args(const jg_fnsig *s, const json_t *args, char *why, size_t size);
/* The expected value of a test as stored in the .ans file: when `v` is a
 * string and the return type is known and not a string, the JSON text it
 * holds ("2.5" for a double).  Returns a new reference, or NULL with a
 * reason in why when the value does not fit the return type. */
json_t *jg_fnsig_expected(const jg_fnsig *s, json_t *v, char *why, size_t size);

#endif
