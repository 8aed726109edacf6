/* core/compat.c - other code-execution APIs' shapes to and from v1 (see
 * compat.h; the shapes are documented in docs/compat.md). */
#define _GNU_SOURCE
#include "compat.h"
#include "codec.h"
#include "buf.h"
#include "error.h"
#include "fngen.h"
#include "fs.h"
#include "fnsig.h"
#include "service.h"
#include "utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef JG_VERSION
#define JG_VERSION "0.0.0"
#endif

#define CODE_MAX     JG_SERVICE_CODE_MAX
#define TESTS_MAX    JG_SERVICE_TESTS
#define FILES_MAX    JG_SERVICE_FILES
#define IMPORTS_MAX  100
#define ARGS_MAX     100
#define IMPORT_LEN   4096
#define URL_LEN      2048
#define PISTON_RUN_TIMEOUT_MS 3000   /* Piston's default run_timeout */

static const char *const api_names[JG_API_COUNT] = { "v1", "000", "001", "002", "003", "004", "piston" };

const char *jg_api_name(jg_api a)
{
	return (unsigned)a < JG_API_COUNT ? api_names[a] : NULL;
}

int jg_api_parse(jg_api *out, const char *name)
{
	for (unsigned i = 0; name && i < JG_API_COUNT; i++)
		if (!strcmp(name, api_names[i])) {
			*out = (jg_api)i;
			return 0;
		}
	return jg_error_set(JG_EINPUT, "unknown API '%.40s' (v1, 000, 001, 002, 003, 004, piston)",
			    name ? name : "");
}

const char *jg_compat_piston_version(void)
{
	return JG_VERSION;
}

/* ==== requests: helpers ==== */

static int bad(const char *field, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int bad(const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return jg_error_set(JG_EINPUT, "%s: %s", field, msg);
}

static int nomem(void)
{
	return jg_error_set(JG_ENOMEM, "out of memory");
}

/* "tests[3].in" into buf. */
static const char *fname(char *buf, size_t size, const char *list, size_t i, const char *key)
{
	snprintf(buf, size, "%s[%zu]%s%s", list, i, key ? "." : "", key ? key : "");
	return buf;
}

/* A field, with JSON null read as absent. */
static const json_t *field(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	return json_is_null(v) ? NULL : v;
}

/* A string field of o: *out is the JSON string, or NULL when absent and
 * not required.  `name` names the field in messages. */
static int get_str(const json_t **out, const json_t *o, const char *k, const char *name, int required)
{
	const json_t *v = field(o, k);

	*out = v;
	if (!v)
		return required ? bad(name, "required") : 0;
	return json_is_string(v) ? 0 : bad(name, "expected a string");
}

/* A source text field: a string of at most 1 MiB. */
static int get_code(const json_t **out, const json_t *o, const char *k)
{
	int rc = get_str(out, o, k, k, 1);

	if (rc == 0 && json_string_length(*out) > CODE_MAX)
		return bad(k, "larger than 1 MiB");
	return rc;
}

/* An array field of min..max elements (absent is fine when min is 0). */
static int get_array(const json_t **out, const json_t *o, const char *k, size_t min, size_t max,
		     const char *what)
{
	const json_t *a = field(o, k);

	*out = a;
	if (!a)
		return min ? bad(k, "required: an array of %s", what) : 0;
	if (!json_is_array(a))
		return bad(k, "expected an array of %s", what);
	if (json_array_size(a) < min || json_array_size(a) > max)
		return bad(k, "expected %zu to %zu %s, got %zu", min, max, what, json_array_size(a));
	return 0;
}

static void lang_list(const jg_langs *langs, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < jg_langs_count(langs) && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", jg_langs_at(langs, i)->name);
}

/* The language named by field k (dflt when absent). */
static int get_lang(const jg_lang **out, const jg_langs *langs, const json_t *o, const char *k, const char *dflt)
{
	const json_t *v = field(o, k);
	const char *name = v ? json_string_value(v) : dflt;
	char list[256];

	if (!name)
		return v ? bad(k, "expected a string") : bad(k, "required");
	if ((*out = jg_langs_find(langs, name)))
		return 0;
	lang_list(langs, list, sizeof(list));
	return bad(k, "unknown language '%.40s' (supported: %s)", name, list);
}

/* Our optional time_limit / memory_limit, accepted by every API but Piston. */
static int copy_limits(json_t *v1, const json_t *body)
{
	const json_t *tl = field(body, "time_limit"), *ml = field(body, "memory_limit");

	if (tl && (!json_is_number(tl) || json_number_value(tl) <= 0 || json_number_value(tl) > 60))
		return bad("time_limit", "expected seconds in (0, 60]");
	if (ml && (!json_is_integer(ml) || json_integer_value(ml) < 4 || json_integer_value(ml) > 4096))
		return bad("memory_limit", "expected MiB from 4 to 4096");
	if ((tl && json_object_set_new(v1, "time_limit", json_deep_copy(tl)) < 0) ||
	    (ml && json_object_set_new(v1, "memory_limit", json_deep_copy(ml)) < 0))
		return nomem();
	return 0;
}

/* The common v1 keys: language, one source text, the compat object. */
static int put_base(json_t *v1, const jg_lang *l, const char *code_key, json_t *code, json_t *compat)
{
	if (json_object_set_new(v1, "language", json_string(l->name)) < 0 ||
	    json_object_set_new(v1, code_key, code) < 0 || json_object_set_new(v1, "compat", compat) < 0)
		return nomem();
	return 0;
}

/* tests: [{"input": stdin}], one run of the program (execute mode). */
static int put_run(json_t *v1, const json_t *stdin_text)
{
	json_t *in = stdin_text ? json_deep_copy(stdin_text) : json_string("");

	return json_object_set_new(v1, "tests", json_pack("[{s:o}]", "input", in)) < 0 ? nomem() : 0;
}

/* Text that can be a JSON string of the v1 request: UTF-8, no NUL. */
static json_t *text_or_null(const char *s, size_t n)
{
	return memchr(s, '\0', n) || jg_utf8_check(s, n) != n ? NULL : json_stringn(s, n);
}

/* ==== 000: POST /api/run_code ==== */

/* The base64 `code` as v1 "code" (text) or, for bytes that are not text,
 * "code_base64". */
static int code_000(json_t **code, const char **key, const json_t *body)
{
	const json_t *c;
	char *dec = NULL;
	size_t len = 0;
	int rc;

	if ((rc = get_str(&c, body, "code", "code", 1)) < 0)
		return rc;
	rc = jg_base64_decode(json_string_value(c), json_string_length(c), &dec, &len);
	if (rc == -2)
		return nomem();
	if (rc < 0)
		return bad("code", "not base64");
	*key = "code";
	if (len <= CODE_MAX && !(*code = text_or_null(dec, len))) {
		*key = "code_base64";
		*code = json_deep_copy(c);
	}
	free(dec);
	if (len > CODE_MAX)
		return bad("code", "larger than 1 MiB once decoded");
	return *code ? 0 : nomem();
}

static int test_000(json_t *tests, const json_t *t, size_t i)
{
	const json_t *in, *exp;
	char f[64];
	int rc;

	if (!json_is_object(t))
		return bad(fname(f, sizeof(f), "tests", i, NULL), "expected {\"in\", \"expected_out\"}");
	if ((rc = get_str(&in, t, "in", fname(f, sizeof(f), "tests", i, "in"), 0)) < 0 ||
	    (rc = get_str(&exp, t, "expected_out", fname(f, sizeof(f), "tests", i, "expected_out"), 1)) < 0)
		return rc;
	if (json_array_append_new(tests, json_pack("{s:o, s:O}", "input", in ? json_deep_copy(in) : json_string(""),
						   "expected_output", exp)) < 0)
		return nomem();
	return 0;
}

static int req_000(json_t *v1, const jg_langs *langs, const json_t *body)
{
	const json_t *tests, *id = field(body, "attempt_id"), *t;
	const jg_lang *l;
	const char *key = "code";
	json_t *code = NULL, *list;
	size_t i;
	int rc;

	if ((rc = get_lang(&l, langs, body, "language", "python")) < 0 || (rc = code_000(&code, &key, body)) < 0)
		return rc;
	if ((rc = put_base(v1, l, key, code, json_pack("{s:s, s:O?}", "api", "000", "attempt_id", id))) < 0)
		return rc;
	if (id && !json_is_string(id) && !json_is_integer(id))
		return bad("attempt_id", "expected a string");
	if ((rc = get_array(&tests, body, "tests", 1, TESTS_MAX, "{\"in\", \"expected_out\"}")) < 0)
		return rc;
	if (json_object_set_new(v1, "tests", list = json_array()) < 0 ||
	    json_object_set_new(v1, "all_tests", json_true()) < 0)
		return nomem();
	json_array_foreach(tests, i, t)
		if ((rc = test_000(list, t, i)) < 0)
			return rc;
	return copy_limits(v1, body);
}

/* ==== 001: POST /execute (function calls) ==== */

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* const NAME = require('MODULE'); NAME from the module's last path part. */
static int js_require(jg_buf *b, const char *mod)
{
	const char *base = strrchr(mod, '/') ? strrchr(mod, '/') + 1 : mod;
	char id[128];
	size_t n = 0;

	if (starts(base, "node:"))
		base += 5;
	if (*base >= '0' && *base <= '9')
		id[n++] = '_';
	for (; *base && n < sizeof(id) - 1; base++)
		id[n++] = (strchr("_$", *base) || (*base >= 'a' && *base <= 'z') || (*base >= 'A' && *base <= 'Z') ||
			   (*base >= '0' && *base <= '9')) ? *base : '_';
	id[n] = '\0';
	return jg_buf_printf(b, "const %s = require('%s');\n", n ? id : "_module", mod);
}

/* One entry of 001's `imports`: a full statement is kept verbatim, a bare
 * module name becomes the language's import line. */
static int import_line(jg_buf *b, const jg_lang *l, const char *imp)
{
	const char *h = l->fn_harness ? l->fn_harness : l->name;
	int n = (int)strlen(imp);

	if (!strcmp(h, "python") && !starts(imp, "import ") && !starts(imp, "from "))
		return jg_buf_printf(b, "import %s\n", imp);
	if (!strcmp(h, "java") && !starts(imp, "import "))
		return jg_buf_printf(b, "import %.*s;\n", imp[n - 1] == ';' ? n - 1 : n, imp);
	if ((!strcmp(h, "c") || !strcmp(h, "cpp")) && imp[0] != '#')
		return jg_buf_printf(b, imp[0] == '<' || imp[0] == '"' ? "#include %s\n" : "#include <%s>\n", imp);
	if (!strcmp(h, "go") && !starts(imp, "import"))
		return jg_buf_printf(b, imp[0] == '"' ? "import %s\n" : "import \"%s\"\n", imp);
	if (!strcmp(h, "javascript") && !starts(imp, "const ") && !starts(imp, "let ") && !starts(imp, "var ") &&
	    !starts(imp, "import ") && !starts(imp, "require(") && !strpbrk(imp, "'\\\n"))
		return js_require(b, imp);
	return jg_buf_printf(b, "%s\n", imp);
}

/* Where imports go: after a leading `package` clause (Java, Go), else at
 * the top. */
static size_t import_pos(const char *code)
{
	const char *p = code;

	while (*p) {
		const char *eol = strchr(p, '\n'), *q = p + strspn(p, " \t\r");
		size_t next = eol ? (size_t)(eol - code) + 1 : strlen(code);
		if (starts(q, "package ") || starts(q, "package\t"))
			return next;
		if (*q != '\n' && *q != '\0' && !starts(q, "//"))
			return 0;
		p = code + next;
	}
	return 0;
}

static int imports_001(jg_buf *b, const jg_lang *l, const json_t *body)
{
	const json_t *imps, *imp;
	size_t i;
	char f[64];
	int rc;

	if ((rc = get_array(&imps, body, "imports", 0, IMPORTS_MAX, "module names or import statements")) < 0)
		return rc;
	json_array_foreach(imps, i, imp) {
		const char *s = json_string_value(imp);
		if (!s || !*s || strlen(s) != json_string_length(imp) || json_string_length(imp) > IMPORT_LEN)
			return bad(fname(f, sizeof(f), "imports", i, NULL),
				   "expected a module name or an import statement");
		if (import_line(b, l, s) < 0)
			return nomem();
	}
	return 0;
}

/* code[0..pos) + imports + code[pos..), as a JSON string. */
static json_t *splice(const char *code, size_t len, size_t pos, const jg_buf *imports)
{
	char *all = malloc(len + imports->len + 2);
	size_t n = pos;
	json_t *j;

	if (!all)
		return NULL;
	memcpy(all, code, pos);
	if (pos && code[pos - 1] != '\n')
		all[n++] = '\n';
	memcpy(all + n, imports->data ? imports->data : "", imports->len);
	memcpy(all + n + imports->len, code + pos, len - pos);
	j = json_stringn(all, n + imports->len + len - pos);
	free(all);
	return j;
}

/* The code with the imports put in. */
static int code_001(json_t **out, const jg_lang *l, const json_t *body)
{
	const json_t *c;
	jg_buf b = JG_BUF_INIT(0);
	size_t len;
	int rc;

	if ((rc = get_code(&c, body, "code")) < 0 || (rc = imports_001(&b, l, body)) < 0)
		goto done;
	len = json_string_length(c);
	if (b.len + len > CODE_MAX)
		rc = bad("code", "larger than 1 MiB with the imports");
	else if (!(*out = b.len ? splice(json_string_value(c), len, import_pos(json_string_value(c)), &b)
				: json_deep_copy(c)))
		rc = nomem();
done:
	jg_buf_free(&b);
	return rc;
}

static int is_ident(const char *s)
{
	if (!s || !*s || strlen(s) > 100 || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

/* function: {"name", "signature"?} (signature is our extension, needed by
 * the typed harnesses: C, C++, Go). */
static json_t *function_001(const jg_lang *l, const json_t *body, int *rc)
{
	const json_t *name, *sig;
	jg_fnsig *s = NULL;

	if ((*rc = get_str(&name, body, "function_name", "function_name", 1)) < 0 ||
	    (*rc = get_str(&sig, body, "signature", "signature", 0)) < 0)
		return NULL;
	if (!is_ident(json_string_value(name))) {
		*rc = bad("function_name", "'%.40s' is not an identifier", json_string_value(name));
		return NULL;
	}
	if (!l->fn_harness) {
		*rc = bad("language", "%s cannot take function calls", l->name);
		return NULL;
	}
	if (!sig && jg_fngen_typed_only(l->fn_harness)) {
		*rc = bad("signature", "required for %s (our extension, e.g. \"int add(int a, int b)\")", l->name);
		return NULL;
	}
	if (sig && (*rc = jg_fnsig_parse_decl(&s, json_string_value(name), json_string_value(sig), "signature")) < 0)
		return NULL;
	jg_fnsig_free(s);
	return json_pack("{s:O, s:O*}", "name", name, "signature", sig);
}

static int case_001(json_t *tests, const json_t *t, size_t i)
{
	const json_t *in = json_object_get(t, "input"), *exp = json_object_get(t, "expected_output");
	char f[64];

	if (!json_is_object(t))
		return bad(fname(f, sizeof(f), "test_cases", i, NULL), "expected {\"input\", \"expected_output\"}");
	if (!json_is_array(in))
		return bad(fname(f, sizeof(f), "test_cases", i, "input"), "expected an array of arguments");
	if (!exp)
		return bad(fname(f, sizeof(f), "test_cases", i, "expected_output"), "required");
	return json_array_append_new(tests, json_pack("{s:O, s:O}", "input", in, "expected_output", exp)) < 0
		       ? nomem() : 0;
}

static int callback_001(json_t *v1, const json_t *body)
{
	const json_t *url;
	const char *u;
	int rc;

	if ((rc = get_str(&url, body, "callback_url", "callback_url", 0)) < 0 || !url)
		return rc;
	u = json_string_value(url);
	if ((!starts(u, "http://") && !starts(u, "https://")) || strlen(u) > URL_LEN || strpbrk(u, " \r\n\t"))
		return bad("callback_url", "expected an http:// or https:// URL");
	return json_object_set_new(v1, "callback_url", json_deep_copy(url)) < 0 ? nomem() : 0;
}

static int req_001(json_t *v1, const jg_langs *langs, const json_t *body)
{
	const json_t *cases, *t;
	const jg_lang *l;
	json_t *code = NULL, *fn, *list;
	size_t i;
	int rc;

	if ((rc = get_lang(&l, langs, body, "language", NULL)) < 0 || !(fn = function_001(l, body, &rc)))
		return rc < 0 ? rc : nomem();
	if (json_object_set_new(v1, "function", fn) < 0)
		return nomem();
	if ((rc = code_001(&code, l, body)) < 0 ||
	    (rc = put_base(v1, l, "code", code, json_pack("{s:s}", "api", "001"))) < 0 ||
	    (rc = get_array(&cases, body, "test_cases", 1, TESTS_MAX, "{\"input\", \"expected_output\"}")) < 0)
		return rc;
	if (json_object_set_new(v1, "tests", list = json_array()) < 0 ||
	    json_object_set_new(v1, "all_tests", json_true()) < 0 ||
	    json_object_set_new(v1, "memory_limit", json_integer(l->fn_harness && (!strcmp(l->fn_harness, "python") ||
				!strcmp(l->fn_harness, "javascript")) ? 256 : 512)) < 0)
		return nomem();
	json_array_foreach(cases, i, t)
		if ((rc = case_001(list, t, i)) < 0)
			return rc;
	if ((rc = callback_001(v1, body)) < 0)
		return rc;
	return copy_limits(v1, body);
}

/* ==== 002: POST /submit ==== */

/* tests [{input, expected_output?}]: with expected outputs judged, without
 * only run (execute mode); a mix is refused. */
static int tests_002(json_t *list, const json_t *tests)
{
	const json_t *t, *in, *exp, *first = field(json_array_get(tests, 0), "expected_output");
	size_t i;
	char f[64];
	int rc;

	json_array_foreach(tests, i, t) {
		if (!json_is_object(t))
			return bad(fname(f, sizeof(f), "tests", i, NULL), "expected {\"input\", \"expected_output\"}");
		if ((rc = get_str(&in, t, "input", fname(f, sizeof(f), "tests", i, "input"), 0)) < 0)
			return rc;
		fname(f, sizeof(f), "tests", i, "expected_output");
		if ((rc = get_str(&exp, t, "expected_output", f, 0)) < 0)
			return rc;
		if (!exp != !first)
			return bad(f, "give it for every test or for none");
		if (json_array_append_new(list, json_pack("{s:o, s:O*}", "input",
							  in ? json_deep_copy(in) : json_string(""),
							  "expected_output", exp)) < 0)
			return nomem();
	}
	return 0;
}

static int req_002(json_t *v1, const jg_langs *langs, const json_t *body)
{
	const json_t *code, *in, *tests;
	const jg_lang *l;
	json_t *list;
	int rc;

	if ((rc = get_lang(&l, langs, body, "language", NULL)) < 0 || (rc = get_code(&code, body, "code")) < 0 ||
	    (rc = get_str(&in, body, "input", "input", 0)) < 0 ||
	    (rc = get_array(&tests, body, "tests", 0, TESTS_MAX, "{\"input\", \"expected_output\"}")) < 0)
		return rc;
	if (in && tests)
		return bad("input", "give input or tests, not both");
	if (tests && !json_array_size(tests))
		return bad("tests", "expected 1 to 1000 {\"input\", \"expected_output\"}, got 0");
	if ((rc = put_base(v1, l, "code", json_deep_copy(code),
			   json_pack("{s:s, s:s}", "api", "002", "mode", tests ? "tests" : "run"))) < 0)
		return rc;
	if (!tests)
		rc = put_run(v1, in);
	else if (json_object_set_new(v1, "tests", list = json_array()) < 0 ||
		 json_object_set_new(v1, "all_tests", json_true()) < 0)
		rc = nomem();
	else
		rc = tests_002(list, tests);
	return rc < 0 ? rc : copy_limits(v1, body);
}

/* ==== 003 and 004: code + language (+ stdin), one run ==== */

static int req_run(json_t *v1, const jg_langs *langs, const json_t *body, const char *api)
{
	const json_t *code, *in;
	const jg_lang *l;
	int rc;

	if ((rc = get_lang(&l, langs, body, "language", NULL)) < 0 || (rc = get_code(&code, body, "code")) < 0 ||
	    (rc = get_str(&in, body, "stdin", "stdin", 0)) < 0 ||
	    (rc = put_base(v1, l, "code", json_deep_copy(code), json_pack("{s:s}", "api", api))) < 0 ||
	    (rc = put_run(v1, in)) < 0)
		return rc;
	return copy_limits(v1, body);
}

static int req_003(json_t *v1, const jg_langs *langs, const json_t *body)
{
	return req_run(v1, langs, body, "003");
}

static int req_004(json_t *v1, const jg_langs *langs, const json_t *body)
{
	return req_run(v1, langs, body, "004");
}

/* ==== Piston: POST /api/v2/execute ==== */

/* A compile step that is a real compiler (not a syntax check run by the
 * interpreter, as python's py_compile and node --check are): Piston shows
 * a compile stage only for those. */
static int compiled(const jg_lang *l)
{
	return l->compile && l->compile[0] && l->run && l->run[0] && strcmp(l->compile[0], l->run[0]) != 0;
}

/* A semver-ish selector: "*", "x", "", exact, or a prefix ("0", "0.1",
 * "0.x"), optionally after ^ ~ = v. */
static int version_matches(const char *sel)
{
	const char *v = JG_VERSION;

	sel += strspn(sel, "^~=v ");
	while (*sel) {
		size_t n = strcspn(sel, "."), m = strcspn(v, ".");
		if (n == 1 && strchr("*xX", *sel))
			return 1;
		if (n != m || strncmp(sel, v, n))
			return 0;
		sel += n;
		v += m;
		if (!*sel)
			return 1;
		sel++;
		if (*v++ != '.')
			return !*sel;
	}
	return 1;
}

static int version_piston(const jg_lang *l, const json_t *body)
{
	const json_t *v = field(body, "version");

	if (v && !json_is_string(v))
		return bad("version", "expected a string");
	if (v && !version_matches(json_string_value(v)))
		return bad("version", "%s-%.40s runtime is unknown (this server has %s-%s; \"*\" takes it)", l->name,
			   json_string_value(v), l->name, JG_VERSION);
	return 0;
}

/* A number of milliseconds or bytes: absent, null and 0 mean the default
 * (0 out); negative and -1 also for the memory limits. */
static int get_limit(double *out, const json_t *body, const char *k, double max, int minus_one)
{
	const json_t *v = field(body, k);
	double d = json_number_value(v);

	*out = 0;
	if (v && !json_is_number(v))
		return bad(k, "if specified, must be a number");
	if (minus_one && d == -1)
		return 0;
	if (d < 0)
		return bad(k, "must be non-negative");
	if (d > max)
		return bad(k, "cannot exceed the configured limit of %.0f", max);
	*out = d;
	return 0;
}

/* run_timeout / run_cpu_time (ms) -> time_limit (s); run_memory_limit
 * (bytes) -> memory_limit (MiB); the compile limits are checked, not used. */
static int limits_piston(json_t *v1, const json_t *body)
{
	double wall, cpu, mem, ignored;
	int rc;

	if ((rc = get_limit(&wall, body, "run_timeout", 60000, 0)) < 0 ||
	    (rc = get_limit(&cpu, body, "run_cpu_time", 60000, 0)) < 0 ||
	    (rc = get_limit(&mem, body, "run_memory_limit", 4096.0 * 1048576, 1)) < 0 ||
	    (rc = get_limit(&ignored, body, "compile_timeout", 1e9, 0)) < 0 ||
	    (rc = get_limit(&ignored, body, "compile_cpu_time", 1e9, 0)) < 0 ||
	    (rc = get_limit(&ignored, body, "compile_memory_limit", 1e15, 1)) < 0)
		return rc;
	if (mem > 0 && mem < 4.0 * 1048576)
		return bad("run_memory_limit", "must be at least 4 MiB (4194304)");
	if (json_object_set_new(v1, "time_limit", json_real((cpu > 0 ? cpu : wall > 0 ? wall
						       : PISTON_RUN_TIMEOUT_MS) / 1000.0)) < 0 ||
	    (mem > 0 && json_object_set_new(v1, "memory_limit", json_integer((json_int_t)ceil(mem / 1048576))) < 0))
		return nomem();
	return 0;
}

/* stdin, with the final newline Piston adds when it is missing. */
static int stdin_piston(json_t *v1, const json_t *body)
{
	const json_t *in;
	json_t *t;
	char *s;
	size_t n;
	int rc;

	if ((rc = get_str(&in, body, "stdin", "stdin", 0)) < 0)
		return rc;
	n = in ? json_string_length(in) : 0;
	if (!(s = malloc(n + 2)))
		return nomem();
	memcpy(s, in ? json_string_value(in) : "", n);
	if (!n || s[n - 1] != '\n')
		s[n++] = '\n';
	t = json_stringn(s, n);
	free(s);
	return json_object_set_new(v1, "tests", json_pack("[{s:o}]", "input", t)) < 0 ? nomem() : 0;
}

static int args_piston(json_t *compat, const json_t *body)
{
	const json_t *args, *a;
	size_t i;
	char f[64];
	int rc;

	if ((rc = get_array(&args, body, "args", 0, ARGS_MAX, "strings")) < 0 || !args)
		return rc;
	json_array_foreach(args, i, a)
		if (!json_is_string(a))
			return bad(fname(f, sizeof(f), "args", i, NULL), "expected a string");
	return json_object_set_new(compat, "args", json_deep_copy(args)) < 0 ? nomem() : 0;
}

/* A file's content decoded (encoding utf8, base64 or hex; Piston reads any
 * other as utf8) as a JSON string; *utf8 says whether it was text. */
static int content_piston(json_t **out, const json_t *f, size_t i, int *utf8)
{
	const json_t *c = json_object_get(f, "content");
	const char *enc = json_string_value(json_object_get(f, "encoding"));
	char *dec = NULL, fn[64];
	size_t len = 0;
	int rc = 0;

	*utf8 = !enc || (strcmp(enc, "base64") && strcmp(enc, "hex"));
	fname(fn, sizeof(fn), "files", i, "content");
	if (!json_is_string(c))
		return bad(fn, "required as a string");
	if (*utf8)
		return (*out = json_deep_copy(c)) ? 0 : nomem();
	rc = (!strcmp(enc, "hex") ? jg_hex_decode : jg_base64_decode)(json_string_value(c), json_string_length(c), &dec, &len);
	if (rc == 0 && !(*out = text_or_null(dec, len)))
		rc = -3;
	free(dec);
	if (rc == -2)
		return nomem();
	if (rc == -1)
		return bad(fn, "not %s", enc);
	return rc < 0 ? bad(fn, "binary %s content is not supported (text files only)", enc) : 0;
}

/* A plain file name (no directories), or the default one: file<i>.EXT, a
 * source of the language (Piston's is file<i>.code). */
static int name_piston(json_t **out, const json_t *f, size_t i, const jg_lang *l)
{
	const json_t *n = field(f, "name");
	const char *s = json_string_value(n);
	char fn[64], def[32];

	if (n && !s)
		return bad(fname(fn, sizeof(fn), "files", i, "name"), "expected a string");
	if (s && (!*s || strlen(s) > 100 || strlen(s) != json_string_length(n) || !strcmp(s, ".") ||
		  !strcmp(s, "..") || strpbrk(s, "/\\\n\r\t")))
		return bad(fname(fn, sizeof(fn), "files", i, "name"), "expected a plain file name (no directories)");
	snprintf(def, sizeof(def), "file%zu.%s", i, l->extensions && l->extensions[0] ? l->extensions[0] : "code");
	return (*out = json_string(s ? s : def)) ? 0 : nomem();
}

static int file_piston(json_t *list, const json_t *f, size_t i, const jg_lang *l, size_t *total, int *utf8)
{
	json_t *content = NULL, *name = NULL;
	char fn[64];
	int rc;

	if (!json_is_object(f))
		return bad(fname(fn, sizeof(fn), "files", i, NULL), "expected {\"name\", \"content\"}");
	if ((rc = content_piston(&content, f, i, utf8)) < 0 || (rc = name_piston(&name, f, i, l)) < 0) {
		json_decref(content);
		return rc;
	}
	for (size_t j = 0; j < json_array_size(list); j++)
		if (json_equal(json_object_get(json_array_get(list, j), "name"), name))
			rc = bad(fname(fn, sizeof(fn), "files", i, "name"), "'%s' given twice",
				 json_string_value(name));
	*total += json_string_length(content);
	if (rc == 0 && json_array_append_new(list, json_pack("{s:o, s:o}", "name", name, "content", content)) < 0)
		return nomem();
	if (rc < 0) {
		json_decref(name);
		json_decref(content);
	}
	return rc;
}

/* In a multi-file program the first file is the entry point (Piston runs
 * it): for languages found by entry name (main.py, main.js) it is renamed
 * to main.EXT unless some file already has an entry name. */
static int entry_piston(json_t *files, const jg_lang *l)
{
	char main[64];
	json_t *f;
	size_t i, k;

	if (!l->entry || !l->extensions || !l->extensions[0])
		return 0;
	json_array_foreach(files, i, f)
		for (k = 0; l->entry[k]; k++)
			if (!strcmp(json_string_value(json_object_get(f, "name")), l->entry[k]))
				return 0;
	snprintf(main, sizeof(main), "main.%s", l->extensions[0]);
	return json_object_set_new(json_array_get(files, 0), "name", json_string(main)) < 0 ? nomem() : 0;
}

static int files_piston(json_t *v1, const jg_lang *l, const json_t *body)
{
	const json_t *files, *f;
	json_t *list = json_array();
	size_t i, total = 0;
	int rc = 0, utf8 = 0, any_utf8 = 0;

	if (!list || json_object_set_new(v1, "files", list) < 0)
		return nomem();
	if ((rc = get_array(&files, body, "files", 1, FILES_MAX, "{\"name\", \"content\"}")) < 0)
		return rc;
	json_array_foreach(files, i, f) {
		if ((rc = file_piston(list, f, i, l, &total, &utf8)) < 0)
			return rc;
		any_utf8 |= utf8;
	}
	if (!any_utf8)
		return bad("files", "must include at least one utf8 encoded file");
	if (total > CODE_MAX)
		return bad("files", "larger than 1 MiB in all");
	if (json_array_size(list) > 1)
		return entry_piston(list, l);
	/* one file: the v1 "code" (named main.EXT by the service) */
	if (json_object_set(v1, "code", json_object_get(json_array_get(list, 0), "content")) < 0)
		return nomem();
	return json_object_del(v1, "files") < 0 ? nomem() : 0;
}

static int req_piston(json_t *v1, const jg_langs *langs, const json_t *body)
{
	const json_t *lang = field(body, "language");
	const jg_lang *l;
	json_t *compat;
	int rc;

	if (lang && json_is_string(lang) && !jg_langs_find(langs, json_string_value(lang)))
		return bad("language", "runtime '%.40s' is unknown (GET /api/v2/runtimes)", json_string_value(lang));
	if ((rc = get_lang(&l, langs, body, "language", NULL)) < 0 || (rc = version_piston(l, body)) < 0)
		return rc;
	if (json_object_set_new(v1, "language", json_string(l->name)) < 0 ||
	    json_object_set_new(v1, "compat", compat = json_pack("{s:s, s:b}", "api", "piston", "compiled",
								compiled(l))) < 0)
		return nomem();
	if ((rc = files_piston(v1, l, body)) < 0 || (rc = stdin_piston(v1, body)) < 0 ||
	    (rc = args_piston(compat, body)) < 0)
		return rc;
	return limits_piston(v1, body);
}

/* ==== requests ==== */

typedef int (*req_fn)(json_t *v1, const jg_langs *langs, const json_t *body);

int jg_compat_request(json_t **out, jg_api a, const jg_langs *langs, const json_t *body)
{
	static const req_fn fill[JG_API_COUNT] = { NULL, req_000, req_001, req_002, req_003, req_004, req_piston };
	json_t *v1;
	int rc;

	*out = NULL;
	if ((unsigned)a >= JG_API_COUNT)
		return jg_error_set(JG_EINPUT, "unknown API %d", (int)a);
	if (!json_is_object(body))
		return jg_error_set(JG_EINPUT, "the request must be a JSON object");
	if (a == JG_API_V1)
		return (*out = json_deep_copy(body)) ? 0 : nomem();
	if (!(v1 = json_object()))
		return nomem();
	if ((rc = fill[a](v1, langs, body)) < 0) {
		json_decref(v1);
		return rc;
	}
	*out = v1;
	return 0;
}

/* ==== responses: reading a job ==== */

typedef struct {
	const char   *id;
	const char   *state;     /* queued, running, done, error */
	int           done;      /* a report is there */
	const char   *failure;   /* the judge error (state error, or a JE verdict), else NULL */
	const json_t *v1req;
	const json_t *compat;
	const json_t *sub;       /* report.submissions[0] */
	const char   *verdict;   /* the submission's verdict; NULL when not done */
	const json_t *tests;     /* the report's tests */
	const char   *compile_output;
} job;

static const char *str(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void job_read(job *j, const char *id, const char *state, const json_t *v1req, const json_t *report,
		     const char *error)
{
	static const char *const states[] = { "queued", "running", "done", "error" };

	memset(j, 0, sizeof(*j));
	j->id = id ? id : "";
	j->state = "queued";
	for (size_t i = 0; state && i < 4; i++)
		if (!strcmp(state, states[i]))
			j->state = states[i];
	j->v1req = v1req;
	j->compat = json_object_get(v1req, "compat");
	j->sub = json_array_get(json_object_get(report, "submissions"), 0);
	if (!strcmp(j->state, "error") || (!strcmp(j->state, "done") && !j->sub))
		j->failure = error ? error : !strcmp(j->state, "done") ? "the job has no report" : "judge error";
	if (j->failure || strcmp(j->state, "done"))
		return;
	j->done = 1;
	j->verdict = str(j->sub, "verdict") ? str(j->sub, "verdict") : "JE";
	j->tests = json_object_get(j->sub, "tests");
	j->compile_output = str(json_object_get(j->sub, "compile"), "output");
	if (!strcmp(j->verdict, "JE"))
		j->failure = str(j->sub, "message") ? str(j->sub, "message") : "judge error";
}

static const char *tverdict(const json_t *t)
{
	return str(t, "verdict") ? str(t, "verdict") : "SKIPPED";
}

static int passed(const json_t *t)
{
	return !strcmp(tverdict(t), "AC");
}

/* The test that decided the verdict: the first neither AC nor SKIPPED;
 * else the first test (NULL when there is none). */
static const json_t *deciding(const job *j)
{
	const json_t *t;
	size_t i;

	json_array_foreach(j->tests, i, t)
		if (!passed(t) && strcmp(tverdict(t), "SKIPPED"))
			return t;
	return json_array_get(j->tests, 0);
}

static json_t *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static json_t *fmt(const char *f, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	return json_string(buf);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A copy of o[k] when it is of the type `want` checks, else `dflt` (a new value). */
static json_t *copy_if(const json_t *o, const char *k, int (*want)(const json_t *), json_t *dflt)
{
	const json_t *v = json_object_get(o, k);

	if (v && want(v)) {
		json_decref(dflt);
		return json_deep_copy(v);
	}
	return dflt;
}

static int is_str(const json_t *v) { return json_is_string(v); }
static int is_int(const json_t *v) { return json_is_integer(v); }
static int is_num(const json_t *v) { return json_is_number(v); }

/* A captured stream of test t ("" when none). */
static json_t *stream(const json_t *t, const char *k)
{
	return copy_if(t, k, is_str, json_string(""));
}

/* What went wrong, in one text: the judge error, the compiler output of a
 * CE, the test's message (or verdict) when it is not AC; NULL when nothing. */
static const char *what_failed(const job *j, const json_t *t)
{
	if (j->failure)
		return j->failure;
	if (!j->done)
		return NULL;
	if (!strcmp(j->verdict, "CE"))
		return j->compile_output ? j->compile_output : "compilation failed";
	if (t && !passed(t))
		return str(t, "message") ? str(t, "message") : tverdict(t);
	return NULL;
}

static const char *done_word(const job *j, const char *done, const char *failed)
{
	return j->failure ? failed : j->done ? done : j->state;
}

/* ==== v1 ==== */

static json_t *view_v1(const job *j, const json_t *report)
{
	if (j->failure && !j->done)
		return json_pack("{s:s, s:s, s:s}", "id", j->id, "status", "error", "error", j->failure);
	return json_pack("{s:s, s:s, s:O?}", "id", j->id, "status", j->state, "result", j->done ? report : NULL);
}

/* ==== 000 ==== */

static json_t *result_000(const job *j, const json_t *t1, const json_t *t)
{
	const char *v = tverdict(t), *err = str(t, "stderr");
	const json_t *exp = json_object_get(t1, "expected_output");

	if (!err || !*err)
		err = passed(t) ? "" : !strcmp(j->verdict, "CE") ? "not run: compile error"
			: str(t, "message") ? str(t, "message") : !strcmp(v, "SKIPPED") ? "not run" : v;
	return json_pack("{s:{s:o, s:o}, s:s, s:o, s:s, s:o, s:o}",
			 "test", "in", copy_if(t1, "input", is_str, json_string("")),
			 "expected_out", copy_if(t1, "expected_output", is_str, json_string("")),
			 "result", passed(t) ? "passed" : "failed",
			 "output", copy_if(t, "stdout", is_str, passed(t) && json_is_string(exp) ? json_deep_copy(exp)
										  : json_string("")),
			 "error", err,
			 "execution_time", fmt("%.3f", json_number_value(json_object_get(t, "time"))),
			 "memory_usage", fmt("%.2f", json_number_value(json_object_get(t, "memory")) / 1048576.0));
}

static json_t *view_000(const job *j)
{
	const json_t *t1;
	json_t *v = json_pack("{s:O?, s:s, s:[], s:o}", "attempt_id", json_object_get(j->compat, "attempt_id"),
			      "status", j->failure ? "failure" : !j->done ? "pending"
				      : !strcmp(j->verdict, "AC") ? "success" : "failure",
			      "results", "error", str_or_null(what_failed(j, NULL)));
	json_t *results = json_object_get(v, "results");
	size_t i;

	json_array_foreach(j->done ? json_object_get(j->v1req, "tests") : NULL, i, t1)
		if (json_array_append_new(results, result_000(j, t1, json_array_get(j->tests, i))) < 0) {
			json_decref(v);
			return NULL;
		}
	return v;
}

/* ==== 001 ==== */

/* A JSON value as 001 shows it: strings as they are, others as JSON text. */
static json_t *value_text(const json_t *v)
{
	char *s;
	json_t *r;

	if (json_is_string(v) || !v)
		return v ? json_deep_copy(v) : json_string("");
	if (!(s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)))
		return NULL;
	r = json_string(s);
	free(s);
	return r;
}

/* What a failed call returned: the value after ", got " in the message
 * (the first such tail that is whole JSON, so that a string holding ", got "
 * does not cut it; a JSON string unquoted), else the text after the last
 * ", got ", else the message. */
static json_t *got_text(const json_t *t)
{
	const char *m = str(t, "message"), *last = NULL;
	json_t *j;

	if (!m)
		return json_string("Execution Failed");
	for (const char *p = m; (p = strstr(p, ", got ")); p++) {
		last = p + 6;
		if ((j = json_loads(last, JSON_DECODE_ANY, NULL)) && json_is_string(j))
			return j;
		json_decref(j);
		if (j)
			return json_string(last);
	}
	return json_string(last ? last : m);
}

static json_t *result_001(const json_t *t1, const json_t *t)
{
	double mem = json_number_value(json_object_get(t, "memory"));

	return json_pack("{s:O?, s:O?, s:o, s:b, s:o, s:o}", "input", json_object_get(t1, "input"),
			 "expected_output", json_object_get(t1, "expected_output"),
			 "actual_output", passed(t) ? value_text(json_object_get(t1, "expected_output")) : got_text(t),
			 "passed", passed(t),
			 "time", fmt("%.4f ms", json_number_value(json_object_get(t, "time")) * 1000),
			 "memory", mem > 0 ? fmt("%.1f MB", mem / 1048576.0) : json_string("N/A"));
}

/* error, error_details: null, "Compilation failed" + compiler output,
 * "Execution environment error" + the failing run's stderr (or message),
 * or the judge error. */
static int errors_001(json_t *v, const job *j)
{
	const json_t *t = deciding(j);
	const char *err = NULL, *details = NULL;

	if (j->failure)
		err = j->failure;
	else if (j->done && !strcmp(j->verdict, "CE"))
		err = "Compilation failed", details = j->compile_output;
	else if (j->done && strcmp(j->verdict, "AC") && strcmp(j->verdict, "WA")) {
		err = "Execution environment error";
		details = str(t, "stderr") && *str(t, "stderr") ? str(t, "stderr") : str(t, "message");
	}
	return json_object_set_new(v, "error", str_or_null(err)) | json_object_set_new(v, "error_details",
										    str_or_null(details));
}

static json_t *view_001(const job *j)
{
	json_t *v = json_pack("{s:s, s:s, s:[], s:b}", "id", j->id, "status", done_word(j, "done", "error"), "results",
			      "all_passed", j->done && !j->failure && !strcmp(j->verdict, "AC"));
	json_t *results = json_object_get(v, "results");
	const json_t *t1;
	size_t i;

	if (!v || errors_001(v, j) < 0)
		goto fail;
	json_array_foreach(j->done && !j->failure ? json_object_get(j->v1req, "tests") : NULL, i, t1)
		if (json_array_append_new(results, result_001(t1, json_array_get(j->tests, i))) < 0)
			goto fail;
	return v;
fail:
	json_decref(v);
	return NULL;
}

/* ==== 002, 003, 004: one run's fields ==== */

/* stdout, stderr, exit_code, signal, time, memory of test t into v: null
 * while the job is not done; streams the judge did not keep are "" (or
 * null with raw). */
static int run_fields(json_t *v, const json_t *t, int done, int raw)
{
	int e = 0;

	e |= json_object_set_new(v, "stdout", !done ? json_null() : raw ? copy_if(t, "stdout", is_str, json_null())
						 : stream(t, "stdout"));
	e |= json_object_set_new(v, "stderr", !done ? json_null() : raw ? copy_if(t, "stderr", is_str, json_null())
						 : stream(t, "stderr"));
	e |= json_object_set_new(v, "exit_code", copy_if(t, "exit_code", is_int, json_null()));
	e |= json_object_set_new(v, "signal", copy_if(t, "signal", is_int, json_null()));
	e |= json_object_set_new(v, "time", copy_if(t, "time", is_num, done ? json_integer(0) : json_null()));
	e |= json_object_set_new(v, "memory", copy_if(t, "memory", is_int, done ? json_integer(0) : json_null()));
	return e;
}

static json_t *result_002(const json_t *t1, const json_t *t)
{
	json_t *r = json_pack("{s:O?, s:s, s:b, s:O?}", "input", json_object_get(t1, "input"),
			      "verdict", tverdict(t), "passed", passed(t), "message", json_object_get(t, "message"));
	if (r && json_object_get(t1, "expected_output") &&
	    json_object_set(r, "expected_output", json_object_get(t1, "expected_output")) < 0)
		goto fail;
	if (r && run_fields(r, t, 1, 1) == 0)
		return r;
fail:
	json_decref(r);
	return NULL;
}

static int results_002(json_t *v, const job *j)
{
	json_t *results = json_array();
	const json_t *t1;
	size_t i, n = 0;

	if (json_object_set_new(v, "results", results) < 0)
		return -1;
	json_array_foreach(j->done ? json_object_get(j->v1req, "tests") : NULL, i, t1) {
		n += passed(json_array_get(j->tests, i));
		if (json_array_append_new(results, result_002(t1, json_array_get(j->tests, i))) < 0)
			return -1;
	}
	return json_object_set_new(v, "passed", j->done ? json_integer((json_int_t)n) : json_null()) |
	       json_object_set_new(v, "total", json_integer((json_int_t)json_array_size(json_object_get(j->v1req,
												      "tests"))));
}

static json_t *view_002(const job *j)
{
	int tests = !strcmp(str(j->compat, "mode") ? str(j->compat, "mode") : "run", "tests");
	const json_t *t = tests ? deciding(j) : json_array_get(j->tests, 0);
	json_t *v = json_pack("{s:s, s:s, s:s?}", "job_id", j->id, "status", done_word(j, "completed", "error"),
			      "verdict", j->failure ? "JE" : j->verdict);

	if (!v || run_fields(v, t, j->done, 0) < 0 || (tests && results_002(v, j) < 0) ||
	    json_object_set_new(v, "error", str_or_null(what_failed(j, t))) < 0) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/* 003's result: {status, verdict, output, error, exit_code, time, memory};
 * error is stderr, else what went wrong, else "". */
static json_t *result_003(const job *j)
{
	const json_t *t = json_array_get(j->tests, 0);
	const char *err = str(t, "stderr") && *str(t, "stderr") ? str(t, "stderr") : what_failed(j, t);

	return json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:o}", "status",
			 !j->failure && !strcmp(j->verdict, "AC") ? "success" : "error",
			 "verdict", j->failure ? "JE" : j->verdict, "output", stream(t, "stdout"),
			 "error", err ? err : "",
			 "exit_code", copy_if(t, "exit_code", is_int, json_null()),
			 "time", copy_if(t, "time", is_num, json_integer(0)),
			 "memory", copy_if(t, "memory", is_int, json_integer(0)));
}

static json_t *view_003(const job *j)
{
	job failed = *j;

	failed.verdict = "JE";
	return json_pack("{s:s, s:s, s:o}", "id", j->id, "status", done_word(j, "completed", "error"), "result",
			 j->done || j->failure ? result_003(j->done ? j : &failed) : json_null());
}

static json_t *view_004(const job *j)
{
	const json_t *t = json_array_get(j->tests, 0);
	json_t *v = json_pack("{s:s, s:s, s:O?, s:s?}", "id", j->id, "status", done_word(j, "completed", "error"),
			      "language", json_object_get(j->v1req, "language"),
			      "verdict", j->failure ? "JE" : j->verdict);

	if (!v || run_fields(v, t, j->done, 0) < 0 ||
	    json_object_set_new(v, "error", str_or_null(what_failed(j, t))) < 0) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/* ==== Piston ==== */

static const char *signal_name(json_int_t n)
{
	static const char *const names[] = {
		NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
		"SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
		"SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
		"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"
	};
	return n > 0 && n < (json_int_t)(sizeof(names) / sizeof(names[0])) ? names[n] : NULL;
}

/* Piston's status of a run: null (ok), RE (exit code), SG (signal), TO
 * (time), OL (output), XX (internal error). */
static const char *status_piston(const char *verdict, const char *signal)
{
	if (!strcmp(verdict, "AC") || !strcmp(verdict, "WA"))
		return NULL;
	if (!strcmp(verdict, "TLE"))
		return "TO";
	if (!strcmp(verdict, "OLE"))
		return "OL";
	if (!strcmp(verdict, "JE"))
		return "XX";
	return signal ? "SG" : "RE";
}

/* stdout + stderr (Piston's `output`; the true interleaving is not kept). */
static json_t *joined(const json_t *out, const json_t *err)
{
	size_t a = json_string_length(out), b = json_string_length(err);
	char *s = malloc(a + b + 1);
	json_t *r;

	if (!s)
		return NULL;
	memcpy(s, json_string_value(out) ? json_string_value(out) : "", a);
	memcpy(s + a, json_string_value(err) ? json_string_value(err) : "", b);
	r = json_stringn(s, a + b);
	free(s);
	return r;
}

/* A stage: {stdout, stderr, output, code, signal, message, status}. */
static json_t *stage(json_t *out, json_t *err, json_t *code, const char *signal, const char *status,
		     const char *message)
{
	json_t *s = json_pack("{s:o, s:o, s:o, s:o, s:s?, s:s?, s:s?}", "stdout", out, "stderr", err, "output",
			      joined(out, err), "code", code, "signal", signal, "message", message, "status", status);
	return s;
}

/* Seconds as whole milliseconds. */
static json_int_t ms(const json_t *seconds)
{
	return (json_int_t)llround(json_number_value(seconds) * 1000);
}

static json_t *run_piston(const json_t *t)
{
	const char *v = tverdict(t), *sig = signal_name(json_integer_value(json_object_get(t, "signal")));
	json_t *s;

	if (!sig && str(t, "limit"))
		sig = "SIGKILL";
	s = stage(stream(t, "stdout"), stream(t, "stderr"),
		  sig ? json_null() : copy_if(t, "exit_code", is_int, json_null()), sig, status_piston(v, sig),
		  str(t, "message"));
	if (s && (json_object_set_new(s, "memory", copy_if(t, "memory", is_int, json_null())) |
		  json_object_set_new(s, "cpu_time", json_integer(ms(json_object_get(t, "time")))) |
		  json_object_set_new(s, "wall_time", json_integer(ms(json_object_get(t, "wall"))))) < 0) {
		json_decref(s);
		return NULL;
	}
	return s;
}

/* The stages of a finished job: compile (compiled languages) and run. */
static int stages_piston(json_t *v, const job *j)
{
	int comp = json_is_true(json_object_get(j->compat, "compiled"));
	const char *out = j->compile_output ? j->compile_output : "";
	json_t *c = NULL, *r;

	if (j->failure)
		r = stage(json_string(""), json_string(""), json_null(), NULL, "XX", j->failure);
	else if (!strcmp(j->verdict, "CE"))   /* Piston answers a failed compile stage as the run too */
		r = stage(json_string(""), json_string(out), json_integer(1), NULL, "RE", NULL);
	else
		r = run_piston(json_array_get(j->tests, 0));
	if (comp && !j->failure && strcmp(j->verdict, "CE"))
		c = stage(json_string(""), json_string(out), json_integer(0), NULL, NULL, NULL);
	else if (comp && !j->failure)
		c = json_incref(r);
	return (c && json_object_set_new(v, "compile", c) < 0) | json_object_set_new(v, "run", r);
}

static json_t *view_piston(const job *j)
{
	json_t *v;

	if (!j->done && !j->failure)
		return json_pack("{s:s, s:s, s:o}", "id", j->id, "status", j->state, "message",
				 fmt("the job is still %s", j->state));
	v = json_pack("{s:O?, s:s}", "language", json_object_get(j->v1req, "language"), "version", JG_VERSION);
	if (v && j->failure && json_object_set_new(v, "message", json_string(j->failure)) < 0)
		goto fail;
	if (v && stages_piston(v, j) == 0)
		return v;
fail:
	json_decref(v);
	return NULL;
}

/* ==== responses ==== */

json_t *jg_compat_view(jg_api a, const char *id, const char *state, const json_t *v1req, const json_t *report,
		       const char *error)
{
	job j;

	job_read(&j, id, state, v1req, report, error);
	switch (a) {
	case JG_API_000: return view_000(&j);
	case JG_API_001: return view_001(&j);
	case JG_API_002: return view_002(&j);
	case JG_API_003: return view_003(&j);
	case JG_API_004: return view_004(&j);
	case JG_API_PISTON: return view_piston(&j);
	default: return view_v1(&j, report);
	}
}

json_t *jg_compat_accepted(jg_api a, const char *id)
{
	id = id ? id : "";
	switch (a) {
	case JG_API_000: return json_pack("{s:s}", "queued_task_id", id);
	case JG_API_001: return json_pack("{s:s, s:s}", "message", "Code execution task accepted", "id", id);
	case JG_API_002: return json_pack("{s:s, s:s}", "job_id", id, "status", "queued");
	default: return json_pack("{s:s, s:s}", "id", id, "status", "queued");
	}
}

json_t *jg_compat_error(jg_api a, const char *message)
{
	const char *key = a == JG_API_PISTON ? "message" : a == JG_API_001 || a == JG_API_003 ? "detail" : "error";

	return json_pack("{s:s}", key, message ? message : "");
}

/* ==== languages ==== */

static json_t *aliases(const jg_lang *l)
{
	json_t *a = json_array();

	for (size_t i = 0; a && l->aliases && l->aliases[i]; i++)
		if (strcmp(l->aliases[i], l->name) && json_array_append_new(a, json_string(l->aliases[i])) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* One word for a shell: as it is when plain, else 'quoted'. */
static int shell_word(jg_buf *b, const char *w)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=+:,@%";
	int rc = 0;

	if (*w && strspn(w, plain) == strlen(w))
		return jg_buf_puts(b, w);
	rc = jg_buf_puts(b, "'");
	for (; rc == 0 && *w; w++)
		rc = *w == '\'' ? jg_buf_puts(b, "'\\''") : jg_buf_add(b, w, 1);
	return rc == 0 ? jg_buf_puts(b, "'") : rc;
}

/* One argv as a shell command line. */
static int shell_words(jg_buf *b, char **argv)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && argv && argv[i]; i++)
		if ((rc = jg_buf_puts(b, i ? " " : "")) == 0)
			rc = shell_word(b, argv[i]);
	return rc;
}

/* 004's `cmd`: compile && run, as a shell command on `file`. */
static json_t *cmd_004(const jg_lang *l, const char *file)
{
	char *files[] = { (char *)file, NULL }, **c = NULL, **r = NULL;
	jg_expand_vars vars = { .files = files, .main = file, .mainclass = "Main", .memory_mib = 256 };
	jg_buf b = JG_BUF_INIT(0);
	json_t *j = NULL;

	if ((l->compile && jg_lang_expand(&c, l->compile, &vars) < 0) || jg_lang_expand(&r, l->run, &vars) < 0)
		goto done;
	if (shell_words(&b, c) == 0 && jg_buf_puts(&b, c ? " && " : "") == 0 && shell_words(&b, r) == 0)
		j = json_string(b.data ? b.data : "");
done:
	jg_strv_free(c);
	jg_strv_free(r);
	jg_buf_free(&b);
	return j ? j : json_string("");
}

static json_t *spec_004(const jg_lang *l)
{
	char file[64];

	snprintf(file, sizeof(file), "main.%s", l->extensions && l->extensions[0] ? l->extensions[0] : "txt");
	return json_pack("{s:s, s:o, s:s, s:s, s:o}", "image", l->image, "cmd", cmd_004(l, file), "filename", file,
			 "language", l->name, "aliases", aliases(l));
}

static json_t *language_entry(jg_api a, const jg_lang *l)
{
	switch (a) {
	case JG_API_002: return json_string(l->name);
	case JG_API_004: return spec_004(l);
	default: return json_pack("{s:s, s:s, s:o}", "language", l->name, "version", JG_VERSION, "aliases", aliases(l));
	}
}

json_t *jg_compat_languages(jg_api a, const jg_langs *langs)
{
	json_t *list;

	if (a != JG_API_002 && a != JG_API_004 && a != JG_API_PISTON)
		return NULL;
	if (!(list = a == JG_API_004 ? json_object() : json_array()))
		return NULL;
	for (size_t i = 0; i < jg_langs_count(langs); i++) {
		const jg_lang *l = jg_langs_at(langs, i);
		json_t *e = language_entry(a, l);
		if ((a == JG_API_004 ? json_object_set_new(list, l->name, e) : json_array_append_new(list, e)) < 0) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}
