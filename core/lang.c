/* core/lang.c - languages files (libfyaml) and argv template expansion.
 *
 * A file is parsed into a private set first and only then added to the
 * caller's set, so a bad file never leaves a half-merged set behind.
 * Lookups scan from the last definition to the first: a definition loaded
 * later (a --languages file) wins over an earlier one claiming the same alias
 * or extension.  Within one file names, aliases and extensions are unique.
 */
#include "lang.h"
#include "utf8.h"
#include "buf.h"
#include "error.h"
#include "fs.h"
#include "fngen.h"

#include <inttypes.h>
#include <libfyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LANGS_MAX_FILE (1u << 20)

struct jg_langs {
	jg_lang **v;
	size_t    n;
};

/* What a file is being parsed with: its name, for every message. */
typedef struct {
	const char *file;
} pctx;

enum { PH_NONE, PH_UNKNOWN, PH_FILES, PH_MAIN, PH_MAINCLASS, PH_MEMORY };

/* ---- definitions ---- */

static void lang_free(jg_lang *l)
{
	if (!l)
		return;
	free(l->name);
	jg_strv_free(l->aliases);
	jg_strv_free(l->extensions);
	free(l->image);
	jg_strv_free(l->compile);
	jg_strv_free(l->run);
	jg_strv_free(l->env);
	jg_strv_free(l->entry);
	free(l->fn_harness);
	jg_strv_free(l->fn_compile);
	jg_strv_free(l->fn_run);
	free(l);
}

void jg_langs_free(jg_langs *langs)
{
	if (!langs)
		return;
	for (size_t i = 0; i < langs->n; i++)
		lang_free(langs->v[i]);
	free(langs->v);
	free(langs);
}

static int langs_append(jg_langs *langs, jg_lang *l)
{
	jg_lang **v = realloc(langs->v, (langs->n + 1) * sizeof(*v));
	if (!v)
		return jg_error_set(JG_ENOMEM, "out of memory");
	langs->v = v;
	langs->v[langs->n++] = l;
	return 0;
}

static void langs_remove(jg_langs *langs, size_t i)
{
	lang_free(langs->v[i]);
	memmove(langs->v + i, langs->v + i + 1, (langs->n - i - 1) * sizeof(*langs->v));
	langs->n--;
}

size_t jg_langs_count(const jg_langs *langs) { return langs ? langs->n : 0; }

const jg_lang *jg_langs_at(const jg_langs *langs, size_t i)
{
	return langs && i < langs->n ? langs->v[i] : NULL;
}

static int strv_has(char *const *v, const char *s)
{
	for (size_t i = 0; v && v[i]; i++)
		if (!strcasecmp(v[i], s))
			return 1;
	return 0;
}

const jg_lang *jg_langs_find(const jg_langs *langs, const char *name)
{
	size_t i;
	if (!langs || !name)
		return NULL;
	for (i = langs->n; i-- > 0;)
		if (!strcasecmp(langs->v[i]->name, name))
			return langs->v[i];
	for (i = langs->n; i-- > 0;)
		if (strv_has(langs->v[i]->aliases, name))
			return langs->v[i];
	return NULL;
}

const jg_lang *jg_langs_by_ext(const jg_langs *langs, const char *filename)
{
	const char *base, *dot;
	if (!langs || !filename)
		return NULL;
	base = strrchr(filename, '/');
	base = base ? base + 1 : filename;
	dot = strrchr(base, '.');
	if (!dot || dot == base || !dot[1])
		return NULL;
	for (size_t i = langs->n; i-- > 0;)
		if (strv_has(langs->v[i]->extensions, dot + 1))
			return langs->v[i];
	return NULL;
}

const char *jg_langs_default_path(void)
{
	const char *e = getenv("JUDGE_LANGUAGES");
	return e && *e ? e : JG_SOURCE_DIR "/harness/languages.yaml";
}

/* ---- placeholders ---- */

/* If s starts with "{name}" (name: lower-case letters and '_'), returns its
 * kind and stores the length of the whole placeholder; else PH_NONE. */
static int placeholder(const char *s, size_t *len)
{
	static const struct { const char *name; int kind; } known[] = {
		{ "{files}", PH_FILES }, { "{main}", PH_MAIN },
		{ "{mainclass}", PH_MAINCLASS }, { "{memory_mib}", PH_MEMORY },
	};
	size_t n = 1;
	if (s[0] != '{')
		return PH_NONE;
	while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_')
		n++;
	if (n == 1 || s[n] != '}')
		return PH_NONE;
	*len = n + 1;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i].name) == n + 1 && !strncmp(known[i].name, s, n + 1))
			return known[i].kind;
	return PH_UNKNOWN;
}

/* 0 when every placeholder of arg is known and {files} stands alone, else
 * JG_EINPUT with a message (without any file name) about arg. */
static int check_arg(const char *arg)
{
	size_t len;
	for (const char *p = arg; *p; p++) {
		int k = placeholder(p, &len);
		if (k == PH_UNKNOWN)
			return jg_error_set(JG_EINPUT, "unknown placeholder '%.*s' in '%s'",
					    (int)len, p, arg);
		if (k == PH_FILES && strcmp(arg, "{files}"))
			return jg_error_set(JG_EINPUT, "'{files}' must be a whole argument, not part of '%s'",
					    arg);
		if (k != PH_NONE)
			p += len - 1;
	}
	return 0;
}

static int expand_one(jg_buf *b, const char *arg, const jg_expand_vars *vars)
{
	size_t len;
	int rc = 0;
	for (const char *p = arg; *p && rc == 0; p++) {
		switch (placeholder(p, &len)) {
		case PH_NONE:
			rc = jg_buf_add(b, p, 1);
			continue;
		case PH_MAIN:
			if (!vars->main)
				return jg_error_set(JG_EINPUT, "'{main}' in '%s' but there is no entry file", arg);
			rc = jg_buf_puts(b, vars->main);
			break;
		case PH_MAINCLASS:
			if (!vars->mainclass)
				return jg_error_set(JG_EINPUT, "'{mainclass}' in '%s' but no main class is known",
						    arg);
			rc = jg_buf_puts(b, vars->mainclass);
			break;
		case PH_MEMORY:
			rc = jg_buf_printf(b, "%" PRIu64, vars->memory_mib);
			break;
		default:
			return check_arg(arg);
		}
		p += len - 1;
	}
	return rc;
}

int jg_lang_expand(char ***out, char *const *tmpl, const jg_expand_vars *vars)
{
	char **v = calloc(1, sizeof(*v));
	jg_buf b = JG_BUF_INIT(0);
	int rc = 0;

	if (!v)
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (size_t i = 0; tmpl && tmpl[i] && rc == 0; i++) {
		if (!strcmp(tmpl[i], "{files}")) {
			if (!vars->files) {
				rc = jg_error_set(JG_EINPUT, "'{files}' used but there are no files");
				break;
			}
			for (size_t j = 0; vars->files[j] && rc == 0; j++)
				rc = jg_strv_push(&v, vars->files[j]);
			continue;
		}
		jg_buf_reset(&b);
		if ((rc = expand_one(&b, tmpl[i], vars)) == 0)
			rc = jg_strv_push(&v, b.data ? b.data : "");
	}
	jg_buf_free(&b);
	if (rc < 0) {
		jg_strv_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

/* ---- parsing ---- */

static int line_of(struct fy_node *n)
{
	struct fy_token *t = n ? fy_node_get_scalar_token(n) : NULL;
	const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
	return m ? m->line + 1 : 0;
}

/* JG_EINPUT "FILE: line N: WHAT: problem", N from the scalar `at`. */
static int perr(const pctx *c, struct fy_node *at, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int perr(const pctx *c, struct fy_node *at, const char *what, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line_of(at) > 0)
		return jg_error_set(JG_EINPUT, "%s: line %d: %s: %s", c->file, line_of(at), what, msg);
	return jg_error_set(JG_EINPUT, "%s: %s: %s", c->file, what, msg);
}

static int is_null(struct fy_node *n)
{
	const char *s;
	size_t len;
	if (!n)
		return 1;
	if (!fy_node_is_scalar(n) || fy_node_is_alias(n) || fy_node_get_style(n) != FYNS_PLAIN)
		return 0;
	s = fy_node_get_scalar(n, &len);
	return !s || len == 0 || (len == 1 && *s == '~') ||
	       (len == 4 && (!strncmp(s, "null", 4) || !strncmp(s, "Null", 4) || !strncmp(s, "NULL", 4)));
}

static int has_ctrl(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* A scalar as a new string: no NUL bytes, no control characters. */
static int get_str(const pctx *c, struct fy_node *n, struct fy_node *key, const char *what, char **out)
{
	const char *s;
	size_t len;
	if (!n || !fy_node_is_scalar(n) || !(s = fy_node_get_scalar(n, &len)))
		return perr(c, key, what, "expected a string");
	if (memchr(s, '\0', len))
		return perr(c, key, what, "NUL byte in a string");
	if (!(*out = strndup(s, len)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (has_ctrl(*out)) {
		free(*out);
		*out = NULL;
		return perr(c, key, what, "control character in a string");
	}
	return 0;
}

static int get_strv(const pctx *c, struct fy_node *n, struct fy_node *key, const char *what, char ***out)
{
	void *it = NULL;
	struct fy_node *item;
	char **v = calloc(1, sizeof(*v)), *s = NULL;
	int rc = 0;

	if (!v)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (!n || !fy_node_is_sequence(n)) {
		rc = perr(c, key, what, "expected a list of strings");
		goto done;
	}
	while ((item = fy_node_sequence_iterate(n, &it))) {
		if (!fy_node_is_scalar(item)) {
			rc = perr(c, key, what, "expected a list of strings");
			goto done;
		}
		if ((rc = get_str(c, item, key, what, &s)) < 0 || (rc = jg_strv_push(&v, s)) < 0)
			goto done;
		free(s);
		s = NULL;
	}
	*out = v;
	v = NULL;
done:
	free(s);
	jg_strv_free(v);
	return rc;
}

/* Names, aliases, extensions: non-empty, no space or '/'. */
static int check_words(const pctx *c, struct fy_node *key, const char *what, char **v, int ext)
{
	for (size_t i = 0; v[i]; i++) {
		if (!v[i][0] || strpbrk(v[i], " /\\"))
			return perr(c, key, what, "'%s' is empty or holds a space or slash", v[i]);
		if (ext && strchr(v[i], '.'))
			return perr(c, key, what, "'%s': give extensions without the dot", v[i]);
	}
	return 0;
}

static int check_template(const pctx *c, struct fy_node *key, const char *what, char **v)
{
	if (!v[0])
		return perr(c, key, what, "empty command");
	for (size_t i = 0; v[i]; i++)
		if (check_arg(v[i]) < 0)
			return perr(c, key, what, "%s", jg_error_last());
	return 0;
}

static int check_env(const pctx *c, struct fy_node *key, const char *what, char **v)
{
	for (size_t i = 0; v[i]; i++)
		if (v[i][0] == '=' || !strchr(v[i], '='))
			return perr(c, key, what, "'%s' is not KEY=VALUE", v[i]);
	return 0;
}

/* function: {harness, compile, run}: how function-call problems are built. */
static int parse_function(const pctx *c, jg_lang *l, struct fy_node *key, struct fy_node *val)
{
	char what[160], *k = NULL;
	struct fy_node_pair *p;
	void *it = NULL;
	int rc = 0;

	snprintf(what, sizeof(what), "languages.%s.function", l->name);
	if (!val || !fy_node_is_mapping(val))
		return perr(c, key, what, "expected a mapping {harness, compile, run}");
	while (rc == 0 && (p = fy_node_mapping_iterate(val, &it))) {
		struct fy_node *pk = fy_node_pair_key(p), *pv = fy_node_pair_value(p);
		free(k);
		k = NULL;
		if ((rc = get_str(c, pk, pk, what, &k)) < 0)
			break;
		if (!strcmp(k, "harness"))
			rc = get_str(c, pv, pk, what, &l->fn_harness) < 0 ? -1 :
			     jg_fngen_known(l->fn_harness) ? 0 :
			     perr(c, pk, what, "unknown harness '%s' (known: %s)", l->fn_harness, JG_FNGEN_NAMES);
		else if (!strcmp(k, "compile") && is_null(pv))
			continue;
		else if (!strcmp(k, "compile") || !strcmp(k, "run"))
			rc = get_strv(c, pv, pk, what, k[0] == 'c' ? &l->fn_compile : &l->fn_run) < 0 ? -1 :
			     check_template(c, pk, what, k[0] == 'c' ? l->fn_compile : l->fn_run);
		else
			rc = perr(c, pk, what, "unknown key '%s' (known: harness, compile, run)", k);
	}
	free(k);
	if (rc == 0 && (!l->fn_harness || !l->fn_run))
		rc = perr(c, key, what, "needs 'harness' and 'run'");
	return rc < 0 ? jg_error_last_code() : 0;
}

/* One key of a language mapping into l. */
static int parse_key(const pctx *c, jg_lang *l, struct fy_node *key, struct fy_node *val, const char *k)
{
	char what[160];
	char *mem = NULL;
	int rc;

	snprintf(what, sizeof(what), "languages.%s.%s", l->name, k);
	if (!strcmp(k, "image")) {
		if ((rc = get_str(c, val, key, what, &l->image)) == 0 && (!*l->image || strpbrk(l->image, " \t")))
			rc = perr(c, key, what, "not an image name");
		return rc;
	}
	if (!strcmp(k, "memory")) {
		if (is_null(val))
			return 0;
		if ((rc = get_str(c, val, key, what, &mem)) == 0 && strcmp(mem, "jvm"))
			rc = perr(c, key, what, "'%s': the only value is \"jvm\"", mem);
		l->jvm = rc == 0;
		free(mem);
		return rc;
	}
	if (!strcmp(k, "aliases") || !strcmp(k, "extensions")) {
		char ***dst = k[0] == 'a' ? &l->aliases : &l->extensions;
		jg_strv_free(*dst);
		*dst = NULL;
		if ((rc = get_strv(c, val, key, what, dst)) < 0)
			return rc;
		return check_words(c, key, what, *dst, k[0] == 'e');
	}
	if (!strcmp(k, "compile") || !strcmp(k, "run")) {
		char ***dst = k[0] == 'c' ? &l->compile : &l->run;
		if (k[0] == 'c' && is_null(val))
			return 0;
		if ((rc = get_strv(c, val, key, what, dst)) < 0)
			return rc;
		return check_template(c, key, what, *dst);
	}
	if (!strcmp(k, "env")) {
		if (is_null(val))
			return 0;
		if ((rc = get_strv(c, val, key, what, &l->env)) < 0)
			return rc;
		return check_env(c, key, what, l->env);
	}
	if (!strcmp(k, "entry")) {
		if (is_null(val))
			return 0;
		if ((rc = get_strv(c, val, key, what, &l->entry)) < 0)
			return rc;
		return check_words(c, key, what, l->entry, 0);
	}
	if (!strcmp(k, "function"))
		return is_null(val) ? 0 : parse_function(c, l, key, val);
	snprintf(what, sizeof(what), "languages.%s", l->name);
	return perr(c, key, what, "unknown key '%s' (known: aliases, extensions, image, compile, run, env, %s)",
		    k, "entry, memory, function");
}

static int parse_lang(const pctx *c, struct fy_node *key, struct fy_node *val, jg_lang **out)
{
	jg_lang *l = calloc(1, sizeof(*l));
	struct fy_node_pair *p;
	void *it = NULL;
	char *k = NULL, what[160];
	int rc = 0;

	if (!l || !(l->aliases = calloc(1, sizeof(char *))) || !(l->extensions = calloc(1, sizeof(char *)))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = get_str(c, key, key, "languages", &l->name)) < 0)
		goto done;
	if (!l->name[0] || strpbrk(l->name, " /\\")) {
		rc = perr(c, key, "languages", "'%s' is not a language name", l->name);
		goto done;
	}
	if (!val || !fy_node_is_mapping(val)) {
		rc = perr(c, key, "languages", "'%s': expected a mapping", l->name);
		goto done;
	}
	while ((p = fy_node_mapping_iterate(val, &it))) {
		struct fy_node *pk = fy_node_pair_key(p);
		free(k);
		k = NULL;
		if ((rc = get_str(c, pk, pk, "languages", &k)) < 0 ||
		    (rc = parse_key(c, l, pk, fy_node_pair_value(p), k)) < 0)
			goto done;
	}
	snprintf(what, sizeof(what), "languages.%s", l->name);
	if (!l->run)
		rc = perr(c, key, what, "missing 'run'");
	else if (!l->image)
		rc = perr(c, key, what, "missing 'image'");
	if (rc == 0) {
		*out = l;
		l = NULL;
	}
done:
	free(k);
	lang_free(l);
	return rc;
}

/* Two definitions of one file claiming the same name/alias or extension. */
static int check_unique(const pctx *c, const jg_langs *set)
{
	for (size_t i = 0; i < set->n; i++) {
		const jg_lang *a = set->v[i];
		for (size_t j = 0; j < i; j++) {
			const jg_lang *b = set->v[j];
			const char *clash = NULL;
			if (!strcasecmp(a->name, b->name) || strv_has(b->aliases, a->name))
				clash = a->name;
			for (size_t k = 0; !clash && a->aliases[k]; k++)
				if (!strcasecmp(a->aliases[k], b->name) || strv_has(b->aliases, a->aliases[k]))
					clash = a->aliases[k];
			if (clash)
				return jg_error_set(JG_EINPUT, "%s: languages '%s' and '%s' both claim the name '%s'",
						    c->file, b->name, a->name, clash);
			for (size_t k = 0; a->extensions[k]; k++)
				if (strv_has(b->extensions, a->extensions[k]))
					return jg_error_set(JG_EINPUT,
							    "%s: languages '%s' and '%s' both claim the extension '%s'",
							    c->file, b->name, a->name, a->extensions[k]);
		}
	}
	return 0;
}

/* Refuses YAML aliases anywhere (they would let a small file expand). */
static int check_no_alias(const pctx *c, struct fy_node *n, int depth)
{
	struct fy_node *x;
	struct fy_node_pair *p;
	void *it = NULL;
	int rc = 0;

	if (!n)
		return 0;
	if (depth > 64)
		return jg_error_set(JG_EINPUT, "%s: nested too deeply", c->file);
	if (fy_node_is_alias(n))
		return perr(c, n, "YAML", "aliases (*name) are not allowed");
	if (fy_node_is_sequence(n))
		while (rc == 0 && (x = fy_node_sequence_iterate(n, &it)))
			rc = check_no_alias(c, x, depth + 1);
	if (fy_node_is_mapping(n))
		while (rc == 0 && (p = fy_node_mapping_iterate(n, &it)))
			if ((rc = check_no_alias(c, fy_node_pair_key(p), depth + 1)) == 0)
				rc = check_no_alias(c, fy_node_pair_value(p), depth + 1);
	return rc;
}

static int parse_root(const pctx *c, struct fy_node *root, jg_langs *set)
{
	struct fy_node *langs = NULL, *key = NULL;
	struct fy_node_pair *p;
	void *it = NULL;
	char *k = NULL;
	int rc = 0;

	if (!root || !fy_node_is_mapping(root))
		return jg_error_set(JG_EINPUT, "%s: expected a mapping with the key 'languages'", c->file);
	while ((p = fy_node_mapping_iterate(root, &it))) {
		struct fy_node *pk = fy_node_pair_key(p);
		free(k);
		k = NULL;
		if ((rc = get_str(c, pk, pk, "top level", &k)) < 0)
			goto done;
		if (strcmp(k, "languages")) {
			rc = perr(c, pk, "top level", "unknown key '%s' (expected 'languages')", k);
			goto done;
		}
		langs = fy_node_pair_value(p);
		key = pk;
	}
	if (!key) {
		rc = jg_error_set(JG_EINPUT, "%s: missing the key 'languages'", c->file);
		goto done;
	}
	if (is_null(langs))
		goto done;
	if (!fy_node_is_mapping(langs)) {
		rc = perr(c, key, "languages", "expected a mapping of language names");
		goto done;
	}
	it = NULL;
	while ((p = fy_node_mapping_iterate(langs, &it))) {
		jg_lang *l = NULL;
		if ((rc = parse_lang(c, fy_node_pair_key(p), fy_node_pair_value(p), &l)) < 0)
			goto done;
		if ((rc = langs_append(set, l)) < 0) {
			lang_free(l);
			goto done;
		}
	}
	rc = check_unique(c, set);
done:
	free(k);
	return rc;
}

static void diag_output(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
	jg_buf_add(user, buf, len);
}

/* The first diagnostic of a failed parse, as "FILE: line N: message". */
static int yaml_error(const pctx *c, struct fy_diag *diag, jg_buf *out)
{
	void *it = NULL;
	struct fy_diag_error *e = diag ? fy_diag_errors_iterate(diag, &it) : NULL;
	if (e && e->msg)
		return jg_error_set(JG_EINPUT, "%s: line %d: invalid YAML: %s", c->file, e->line, e->msg);
	/* Without a collected error libfyaml only says that no document came. */
	if (out->len && !strstr(out->data, "load_document() failed")) {
		char *m = out->data + (strncmp(out->data, "[ERR]: ", 7) ? 0 : 7);
		m[strcspn(m, "\n")] = '\0';
		return jg_error_set(JG_EINPUT, "%s: invalid YAML: %s", c->file, m);
	}
	return jg_error_set(JG_EINPUT, "%s: no YAML document (empty, or only comments)", c->file);
}

static int parse_text(const pctx *c, const char *text, size_t len, jg_langs *set)
{
	jg_buf captured = JG_BUF_INIT(4096);
	struct fy_diag_cfg dcfg;
	struct fy_parse_cfg pcfg;
	struct fy_diag *diag = NULL;
	struct fy_document *doc = NULL;
	int rc;

	fy_diag_cfg_default(&dcfg);
	dcfg.fp = NULL;
	dcfg.output_fn = diag_output;
	dcfg.user = &captured;
	dcfg.colorize = false;
	if (!(diag = fy_diag_create(&dcfg))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	fy_diag_set_collect_errors(diag, true);
	memset(&pcfg, 0, sizeof(pcfg));
	pcfg.flags = FYPCF_QUIET | FYPCF_COLLECT_DIAG;
	pcfg.diag = diag;
	if (jg_utf8_check(text, len) < len) {
		/* Also keeps libfyaml 0.7.12 out of its endless loop on a '%'
		 * directive holding invalid UTF-8. */
		rc = jg_error_set(JG_EINPUT, "%s: not valid UTF-8 (at byte %zu)", c->file,
				  jg_utf8_check(text, len));
		goto done;
	}
	if (!(doc = fy_document_build_from_string(&pcfg, text, len))) {
		rc = yaml_error(c, diag, &captured);
		goto done;
	}
	if ((rc = check_no_alias(c, fy_document_root(doc), 0)) == 0)
		rc = parse_root(c, fy_document_root(doc), set);
done:
	fy_document_destroy(doc);
	fy_diag_destroy(diag);
	jg_buf_free(&captured);
	return rc;
}

static int parse_file(const char *path, jg_langs **out)
{
	pctx c = { path };
	jg_langs *set = calloc(1, sizeof(*set));
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!set)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = jg_fs_read_file(&text, &len, path, LANGS_MAX_FILE)) < 0) {
		if (rc == JG_ELIMIT)
			rc = jg_error_set(JG_EINPUT, "%s: larger than 1 MiB", path);
		goto done;
	}
	if (memchr(text, '\0', len)) {
		rc = jg_error_set(JG_EINPUT, "%s: NUL byte: not a text file", path);
		goto done;
	}
	if ((rc = parse_text(&c, text, len, set)) < 0)
		goto done;
	*out = set;
	set = NULL;
done:
	free(text);
	jg_langs_free(set);
	return rc;
}

int jg_langs_load(jg_langs **out, const char *path)
{
	return parse_file(path, out);
}

int jg_langs_merge(jg_langs *langs, const char *path)
{
	jg_langs *add = NULL;
	jg_lang **v;
	int rc;

	if ((rc = parse_file(path, &add)) < 0)
		return rc;
	/* Room for every new definition first: nothing below can fail. */
	if (!(v = realloc(langs->v, (langs->n + add->n + 1) * sizeof(*v)))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	langs->v = v;
	for (size_t i = 0; i < add->n; i++) {
		for (size_t j = 0; j < langs->n; j++)
			if (!strcasecmp(langs->v[j]->name, add->v[i]->name)) {
				langs_remove(langs, j);
				break;
			}
		langs->v[langs->n++] = add->v[i];
	}
	add->n = 0;
done:
	jg_langs_free(add);
	return rc;
}
