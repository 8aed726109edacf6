/* fuzz/fuzz_function.c - function-call problems: signature declarations
 * (fnsig.h) and result comparison (fncmp.h).
 *
 * Input: DECL SEP EXPECTED SEP GOT, SEP being the 5 bytes "\n===\n"; a
 * missing part is empty.  DECL goes through jg_fnsig_parse_decl(); EXPECTED
 * and GOT through jansson (any JSON value).
 *
 * Properties, beyond no crash or leak:
 *  - a declaration is accepted or refused with JG_EINPUT and a message; an
 *    accepted one's types print as names that parse back to the same names;
 *  - a value compares equal to itself, typed or not, ordered or not, and
 *    compares equal or not (never anything else) to another, the message
 *    empty exactly when equal, NUL-terminated and one line;
 *  - checking the arguments or the expected value against an accepted
 *    signature gives 0/-1 (NULL or a value) with a one-line reason.
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include "error.h"
#include "fncmp.h"
#include "fnsig.h"

#define SEP     "\n===\n"
#define SEP_LEN 5

static void check_msg(const char *msg, int equal)
{
	FUZZ_CHECK(memchr(msg, '\0', 512) != NULL);
	FUZZ_CHECK(equal ? msg[0] == '\0' : msg[0] != '\0');
	FUZZ_CHECK(strchr(msg, '\n') == NULL || !equal);
}

static void check_compare(const json_t *e, const json_t *g)
{
	char msg[512];
	for (int mode = 0; mode < 4; mode++) {
		jg_fncmp_opts o = { JG_FNCMP_TOL, JG_FNCMP_TOL, mode & 1, mode >> 1 };
		FUZZ_CHECK(jg_fncmp(e, e, &o, msg, sizeof(msg)) == 1);
		check_msg(msg, 1);
		if (!g)
			continue;
		int r = jg_fncmp(e, g, &o, msg, sizeof(msg));
		FUZZ_CHECK(r == 0 || r == 1);
		check_msg(msg, r);
	}
}

static void check_signature(const jg_fnsig *s, json_t *e, json_t *g)
{
	char why[512], name[32];
	for (size_t i = 0; i < s->nparams; i++) {
		jg_type *t = jg_type_parse(jg_type_name(s->params[i].type, name, sizeof(name)));
		char again[32];
		FUZZ_CHECK(t != NULL);
		FUZZ_CHECK(!strcmp(jg_type_name(t, again, sizeof(again)), name));
		jg_type_free(t);
	}
	if (g) {
		int r = jg_fnsig_check_args(s, g, why, sizeof(why));
		FUZZ_CHECK(r == 0 || (r == -1 && why[0] && !strchr(why, '\n')));
	}
	if (e) {
		json_t *x = jg_fnsig_expected(s, e, why, sizeof(why));
		FUZZ_CHECK(x || (why[0] && !strchr(why, '\n')));
		json_decref(x);
	}
	json_t *j = jg_fnsig_to_json(s);
	FUZZ_CHECK(j != NULL);
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *s1, *s2;
	char *decl, *exp, *got;
	json_t *e, *g;
	jg_fnsig *sig = NULL;

	s1 = memmem(p, size, SEP, SEP_LEN);
	s2 = s1 ? memmem(s1 + SEP_LEN, (size_t)(end - s1 - SEP_LEN), SEP, SEP_LEN) : NULL;
	decl = strndup(p, s1 ? (size_t)(s1 - p) : size);
	exp = s1 ? strndup(s1 + SEP_LEN, (size_t)((s2 ? s2 : end) - s1 - SEP_LEN)) : strdup("");
	got = s2 ? strndup(s2 + SEP_LEN, (size_t)(end - s2 - SEP_LEN)) : strdup("");
	if (!decl || !exp || !got)
		abort();
	e = json_loads(exp, JSON_DECODE_ANY, NULL);
	g = json_loads(got, JSON_DECODE_ANY, NULL);
	if (e)
		check_compare(e, g);
	int rc = jg_fnsig_parse_decl(&sig, "f", decl, "fuzz");
	FUZZ_CHECK(rc == 0 || (rc == JG_EINPUT && *jg_error_last() && !sig));
	if (sig)
		check_signature(sig, e, g);
	jg_fnsig_free(sig);
	json_decref(e);
	json_decref(g);
	free(decl);
	free(exp);
	free(got);
	return 0;
}
