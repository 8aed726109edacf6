/* core/fnsig.c - signatures of function-call problems (see fnsig.h). */
#define _GNU_SOURCE
#include "fnsig.h"
#include "error.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 64

static const struct { const char *name; jg_tkind kind; } scalars[] = {
	{ "int", JG_T_INT }, { "long", JG_T_INT },
	{ "double", JG_T_DOUBLE }, { "float", JG_T_DOUBLE },
	{ "bool", JG_T_BOOL }, { "boolean", JG_T_BOOL },
	{ "string", JG_T_STRING }, { "str", JG_T_STRING },
};

static const char *const canonical[] = { "int", "double", "bool", "string" };

/* ---- types ---- */

void jg_type_free(jg_type *t)
{
	while (t) {
		jg_type *e = t->elem;
		free(t);
		t = e;
	}
}

static jg_type *type_new(jg_tkind kind, jg_type *elem)
{
	jg_type *t = calloc(1, sizeof(*t));
	if (t) {
		t->kind = kind;
		t->elem = elem;
	} else {
		jg_type_free(elem);
	}
	return t;
}

jg_type *jg_type_parse(const char *text)
{
	size_t n = 0, depth = 0;
	jg_type *t = NULL;

	while (text[n] && text[n] != '[' && text[n] != ' ')
		n++;
	for (size_t i = 0; i < sizeof(scalars) / sizeof(scalars[0]) && !t; i++)
		if (strlen(scalars[i].name) == n && !strncmp(scalars[i].name, text, n))
			t = type_new(scalars[i].kind, NULL);
	for (text += n; t && text[0] == '[' && text[1] == ']'; text += 2)
		t = ++depth > JG_TYPE_DEPTH ? (jg_type_free(t), NULL) : type_new(JG_T_ARRAY, t);
	if (t && *text) {
		jg_type_free(t);
		t = NULL;
	}
	return t;
}

const char *jg_type_name(const jg_type *t, char *buf, size_t size)
{
	size_t depth = 0;
	while (t && t->kind == JG_T_ARRAY)
		t = t->elem, depth++;
	snprintf(buf, size, "%s%s", t ? canonical[t->kind] : "?", &"[][][][]"[8 - 2 * (depth > 4 ? 4 : depth)]);
	return buf;
}

/* ---- signatures ---- */

void jg_fnsig_free(jg_fnsig *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nparams; i++) {
		free(s->params[i].name);
		jg_type_free(s->params[i].type);
	}
	free(s->params);
	jg_type_free(s->returns);
	free(s->name);
	free(s);
}

static int is_ident(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > NAME_MAX_LEN || isdigit((unsigned char)s[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return strncmp(s, "judge_", 6) != 0;
}

static int bad_name(const char *where, const char *what, const char *name)
{
	return jg_error_set(JG_EINPUT, "%s: %s '%.80s' is not an identifier (letters, digits, '_', "
			    "at most %d, not starting with judge_)", where, what, name, NAME_MAX_LEN);
}

int jg_fnsig_untyped(jg_fnsig **out, const char *name, const char *where)
{
	jg_fnsig *s;

	*out = NULL;
	if (!is_ident(name))
		return bad_name(where, "function name", name);
	if (!(s = calloc(1, sizeof(*s))) || !(s->name = strdup(name))) {
		jg_fnsig_free(s);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	*out = s;
	return 0;
}

static int add_param(jg_fnsig *s, const char *name, const char *type, const char *where)
{
	jg_param *p;
	char pname[16];

	if (s->nparams >= JG_FN_PARAMS)
		return jg_error_set(JG_EINPUT, "%s: more than %d parameters", where, JG_FN_PARAMS);
	if (!name || !*name) {
		snprintf(pname, sizeof(pname), "arg%zu", s->nparams + 1);
		name = pname;
	}
	if (!is_ident(name))
		return bad_name(where, "parameter name", name);
	for (size_t i = 0; i < s->nparams; i++)
		if (!strcmp(s->params[i].name, name))
			return jg_error_set(JG_EINPUT, "%s: parameter '%s' appears twice", where, name);
	if (!(p = realloc(s->params, (s->nparams + 1) * sizeof(*p))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	s->params = p;
	p += s->nparams;
	if (!(p->type = jg_type_parse(type)))
		return jg_error_set(JG_EINPUT, "%s: parameter '%s': unknown type '%.40s' (int, double, bool, "
				    "string, or an array of one: int[], int[][])", where, name, type);
	if (!(p->name = strdup(name))) {
		jg_type_free(p->type);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	s->nparams++;
	return 0;
}

static int set_returns(jg_fnsig *s, const char *type, const char *where)
{
	if (!(s->returns = jg_type_parse(type)))
		return jg_error_set(JG_EINPUT, "%s: return type: unknown type '%.40s' (int, double, bool, "
				    "string, or an array of one: int[], int[][])", where, type);
	return 0;
}

/* A YAML scalar given as JSON: a string, or true/false. */
static int json_flag(const json_t *v, int *out)
{
	const char *s = json_string_value(v);
	if (json_is_boolean(v))
		*out = json_is_true(v);
	else if (s && (!strcmp(s, "true") || !strcmp(s, "false")))
		*out = s[0] == 't';
	else
		return -1;
	return 0;
}

static int params_from_json(jg_fnsig *s, json_t *params, const char *where)
{
	size_t i;
	json_t *p;

	if (!json_is_array(params))
		return jg_error_set(JG_EINPUT, "%s: params: expected a list of {name, type}", where);
	json_array_foreach(params, i, p) {
		const char *name = json_string_value(json_object_get(p, "name"));
		const char *type = json_string_value(json_object_get(p, "type"));
		int rc;
		if (!json_is_object(p) || !type)
			return jg_error_set(JG_EINPUT, "%s: params[%zu]: expected {name, type}", where, i);
		if ((rc = add_param(s, name, type, where)) < 0)
			return rc;
	}
	return 0;
}

static int check_keys(json_t *j, const char *where)
{
	static const char *const known[] = { "name", "params", "returns", "unordered" };
	const char *key;
	json_t *v;

	json_object_foreach(j, key, v) {
		size_t i = 0, n = sizeof(known) / sizeof(known[0]);
		while (i < n && strcmp(known[i], key))
			i++;
		if (i == n)
			return jg_error_set(JG_EINPUT, "%s: unknown key '%.40s' (known: name, params, "
					    "returns, unordered)", where, key);
	}
	return 0;
}

int jg_fnsig_from_json(jg_fnsig **out, json_t *j, const char *where)
{
	const char *name = json_string_value(json_object_get(j, "name"));
	const char *ret = json_string_value(json_object_get(j, "returns"));
	json_t *unordered = json_object_get(j, "unordered");
	jg_fnsig *s = NULL;
	int rc;

	*out = NULL;
	if (!json_is_object(j))
		return jg_error_set(JG_EINPUT, "%s: expected a mapping {name, params, returns}", where);
	if ((rc = check_keys(j, where)) < 0)
		return rc;
	if (!name || !ret || !json_object_get(j, "params"))
		return jg_error_set(JG_EINPUT, "%s: needs name, params and returns", where);
	if ((rc = jg_fnsig_untyped(&s, name, where)) < 0)
		return rc;
	s->typed = 1;
	if ((rc = params_from_json(s, json_object_get(j, "params"), where)) < 0 ||
	    (rc = set_returns(s, ret, where)) < 0)
		goto done;
	if (unordered && json_flag(unordered, &s->unordered) < 0)
		rc = jg_error_set(JG_EINPUT, "%s: unordered: expected true or false", where);
	if (rc == 0 && s->unordered && s->returns->kind != JG_T_ARRAY)
		rc = jg_error_set(JG_EINPUT, "%s: unordered needs an array return type", where);
done:
	if (rc < 0)
		jg_fnsig_free(s);
	else
		*out = s;
	return rc;
}

/* ---- declarations: "RET [NAME](TYPE [PNAME], ...)" ---- */

static char *trim(char *s)
{
	char *e = s + strlen(s);
	while (isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Splits "TYPE [NAME]" (the type may be written "int []") in place: the
 * type without spaces, and the name or "". */
static void split_typed(char *text, char **type, char **name)
{
	char *t = trim(text), *sp = strrchr(t, ' '), *w = t;

	*name = t + strlen(t);
	if (sp && t[strlen(t) - 1] != ']') {
		*sp = '\0';
		*name = sp + 1;
	}
	for (char *r = t; *r; r++)
		if (!isspace((unsigned char)*r))
			*w++ = *r;
	*w = '\0';
	*type = t;
}

static int decl_param(jg_fnsig *s, char *text, const char *where)
{
	char *type, *name;
	split_typed(text, &type, &name);
	return add_param(s, name, type, where);
}

static int decl_params(jg_fnsig *s, char *list, const char *where)
{
	char *save = NULL;
	int rc = 0;

	if (!*trim(list))
		return 0;
	for (char *p = strtok_r(list, ",", &save); p && rc == 0; p = strtok_r(NULL, ",", &save))
		rc = decl_param(s, p, where);
	return rc;
}

int jg_fnsig_parse_decl(jg_fnsig **out, const char *name, const char *decl, const char *where)
{
	char *text = strdup(decl), *open, *close, *ret = "", *dname = "";
	jg_fnsig *s = NULL;
	int rc;

	*out = NULL;
	if (!text)
		return jg_error_set(JG_ENOMEM, "out of memory");
	open = strchr(text, '(');
	close = strrchr(text, ')');
	if (open && close > open && !*trim(close + 1)) {
		*open = *close = '\0';
		split_typed(text, &ret, &dname);
	}
	if (!open || !close || close < open || !*ret) {
		rc = jg_error_set(JG_EINPUT, "%s: '%.80s' is not a declaration like "
				  "\"double median(int[] a, int[] b)\"", where, decl);
		goto done;
	}
	if (*dname && strcmp(dname, name)) {
		rc = jg_error_set(JG_EINPUT, "%s: declares '%.64s', but the function is '%.64s'", where,
				  dname, name);
		goto done;
	}
	if ((rc = jg_fnsig_untyped(&s, name, where)) < 0)
		goto done;
	s->typed = 1;
	if ((rc = set_returns(s, ret, where)) == 0)
		rc = decl_params(s, open + 1, where);
done:
	free(text);
	if (rc < 0)
		jg_fnsig_free(s);
	else
		*out = s;
	return rc;
}

/* ---- JSON ---- */

json_t *jg_fnsig_to_json(const jg_fnsig *s)
{
	json_t *j = json_object(), *params = s->typed ? json_array() : json_null();
	char buf[32];

	for (size_t i = 0; params && i < s->nparams; i++)
		json_array_append_new(params, json_pack("{s:s, s:s}", "name", s->params[i].name, "type",
							jg_type_name(s->params[i].type, buf, sizeof(buf))));
	if (!j || !params || json_object_set_new(j, "name", json_string(s->name)) < 0 ||
	    json_object_set_new(j, "params", params) < 0) {
		json_decref(j);
		return NULL;
	}
	json_object_set_new(j, "returns", s->typed ? json_string(jg_type_name(s->returns, buf, sizeof(buf)))
					     : json_null());
	return j;
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:  return "an object";
	case JSON_ARRAY:   return "an array";
	case JSON_STRING:  return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL:    return "a fractional number";
	case JSON_TRUE:
	case JSON_FALSE:   return "a boolean";
	case JSON_NULL:    return "null";
	}
	return "?";
}

static int scalar_fits(jg_tkind k, const json_t *v)
{
	switch (k) {
	case JG_T_INT:    return json_is_integer(v);
	case JG_T_DOUBLE: return json_is_number(v);
	case JG_T_BOOL:   return json_is_boolean(v);
	case JG_T_STRING: return json_is_string(v);
	case JG_T_ARRAY:  return json_is_array(v);
	}
	return 0;
}

int jg_type_check(const jg_type *t, const json_t *v, char *why, size_t size)
{
	char name[32], sub[256];
	size_t i;
	json_t *e;

	if (!scalar_fits(t->kind, v)) {
		snprintf(why, size, "expected %s, got %s", jg_type_name(t, name, sizeof(name)), json_kind(v));
		return -1;
	}
	if (t->kind != JG_T_ARRAY)
		return 0;
	json_array_foreach(v, i, e) {
		if (jg_type_check(t->elem, e, sub, sizeof(sub)) < 0) {
			snprintf(why, size, "element %zu: %s", i + 1, sub);
			return -1;
		}
	}
	return 0;
}

int jg_fnsig_check_args(const jg_fnsig *s, const json_t *args, char *why, size_t size)
{
	char sub[256];

	if (!json_is_array(args)) {
		snprintf(why, size, "the input must be a JSON array of the arguments, not %s", json_kind(args));
		return -1;
	}
	if (!s->typed)
		return 0;
	if (json_array_size(args) != s->nparams) {
		snprintf(why, size, "%zu arguments, but %s takes %zu", json_array_size(args), s->name,
			 s->nparams);
		return -1;
	}
	for (size_t i = 0; i < s->nparams; i++)
		if (jg_type_check(s->params[i].type, json_array_get(args, i), sub, sizeof(sub)) < 0) {
			snprintf(why, size, "argument %zu (%s): %s", i + 1, s->params[i].name, sub);
			return -1;
		}
	return 0;
}

json_t *jg_fnsig_expected(const jg_fnsig *s, json_t *v, char *why, size_t size)
{
	char sub[256];
	json_t *parsed = NULL;

	if (!s->typed)
		return json_incref(v);
	if (json_is_string(v) && s->returns->kind != JG_T_STRING)
		parsed = json_loads(json_string_value(v), JSON_DECODE_ANY, NULL);
	if (parsed)
		v = parsed;
	else
		json_incref(v);
	if (jg_type_check(s->returns, v, sub, sizeof(sub)) < 0) {
		snprintf(why, size, "expected_output: %s", sub);
		json_decref(v);
		return NULL;
	}
	return v;
}
