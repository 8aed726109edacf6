/* fuzz/fuzz_junit.c - the JUnit XML and JSON report writers (report.h).
 *
 * A small jg_report is built from the input: strings are taken from the
 * front (each up to the next NUL byte; an empty one is NULL, "\x01" alone
 * is ""), numbers from the back, one byte at a time (see struct src).  Some
 * number bytes stretch a string to just around one of the writers' caps
 * (256, 4096, 32768, 65536 bytes) so cuts land inside UTF-8 sequences.
 *
 * Properties, beyond no crash, leak or undefined behaviour:
 *  JUnit: checked by a small independent well-formedness checker: valid
 *    UTF-8 made only of XML 1.0 characters, no raw CR, no control
 *    characters; markup is well formed (names, quoted attributes, no
 *    duplicate attribute, only the five predefined or numeric references,
 *    no '<' in attribute values, no "]]>" in text), elements balance, one
 *    root <testsuites>; and it adds up: one <testsuite> per submission, each
 *    suite's tests/failures/errors/skipped attributes count its testcases
 *    and their <failure>/<error>/<skipped> children, the root's tests,
 *    failures and errors are the sums, every time attribute is "S.mmm"
 *    with S >= 0.
 *  JSON: jansson parses it back; version 1, one submission per input one,
 *    one test object per test; strings that were valid UTF-8 come back
 *    unchanged.
 *  Both writers return JG_EIO, not 0, when the FILE fails (/dev/full).
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <jansson.h>
#include <math.h>

#include "error.h"
#include "report.h"
#include "result.h"

/* ---- building a report from the input ---------------------------------- */

struct src {
	const uint8_t *p;
	size_t front, back;   /* strings from [front, back), numbers from back down */
	size_t grown;         /* bytes added by grow(), capped: long strings are slow */
};

#define GROW_BUDGET (200u << 10)

static unsigned u8(struct src *s)
{
	return s->back > s->front ? s->p[--s->back] : 0;
}

static uint64_t raw64(struct src *s)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | u8(s);
	return v;
}

/* Stretches s (if not empty) by repetition to a length near a writer cap,
 * when the next number byte is 0xff (rarely: long strings are slow); the
 * byte after it picks the cap (bits 0-1) and the offset -3..+4 (bits 2-4). */
static char *grow(struct src *src, char *s)
{
	static const size_t caps[] = { 256, 4096, 32768, 65536 };
	unsigned k;
	size_t n, want;
	char *g;

	if (!s || !*s || u8(src) != 0xff)
		return s;
	k = u8(src);
	want = caps[k & 3] + ((k >> 2) & 7) - 3;
	if (src->grown + want > GROW_BUDGET)
		return s;
	src->grown += want;
	n = strlen(s);
	if (!(g = malloc(want + 1)))
		abort();
	for (size_t i = 0; i < want; i++)
		g[i] = s[i % n];
	g[want] = '\0';
	free(s);
	return g;
}

static char *str(struct src *s)
{
	size_t start = s->front, n;

	while (s->front < s->back && s->p[s->front])
		s->front++;
	n = s->front - start;
	if (s->front < s->back)
		s->front++;                       /* the NUL */
	if (n == 0)
		return NULL;
	if (n == 1 && s->p[start] == 1)
		return fuzz_strndup("", 0);
	return grow(s, fuzz_strndup(s->p + start, n));
}

static double seconds(struct src *s)
{
	unsigned k = u8(s);
	uint64_t bits;
	double d;

	switch (k) {
	case 0xf0: return NAN;
	case 0xf1: return INFINITY;
	case 0xf2: return -INFINITY;
	case 0xf3: return -1.5;
	case 0xf4: return 1e300;
	case 0xf5: return 9e15;              /* the cap of jg_report_ms() */
	case 0xf6: return 4.6e15;
	case 0xf7: return 0.0005;            /* rounding boundary */
	case 0xf8:
		bits = raw64(s);
		memcpy(&d, &bits, sizeof(d));
		return d;
	default:
		return k * 0.0137;
	}
}

static uint64_t count64(struct src *s)
{
	unsigned k = u8(s);
	if (k == 0xff)
		return raw64(s);
	if (k == 0xfe)
		return UINT64_MAX;
	return (uint64_t)k * 1000003u;
}

static int small_int(struct src *s)
{
	unsigned k = u8(s);
	if (k == 0xff)
		return (int)(uint32_t)raw64(s);
	if (k == 0xfe)
		return INT32_MIN;
	return (int)k - 1;                        /* -1 included: "not run" */
}

static void build_test(struct src *s, jg_test_result *t)
{
	memset(t, 0, sizeof(*t));
	t->name = str(s);
	t->verdict = (jg_verdict)(u8(s) % JG_VERDICT_COUNT);
	t->time = seconds(s);
	t->wall = seconds(s);
	t->memory = count64(s);
	t->exit_code = small_int(s);
	t->signal = (int)(u8(s) % 70);
	t->limit = (jg_limit)(u8(s) % (JG_LIMIT_OUTPUT + 1));
	t->message = str(s);
	t->stdout_head = str(s);
	t->stdout_truncated = (size_t)count64(s);
	t->stderr_head = str(s);
	t->stderr_truncated = (size_t)count64(s);
}

static void build_sub(struct src *s, jg_submission_result *sub)
{
	memset(sub, 0, sizeof(*sub));
	sub->path = str(s);
	sub->language = str(s);
	sub->has_expected = (int)(u8(s) & 1);
	sub->expected = (jg_verdict)(u8(s) % JG_VERDICT_COUNT);
	sub->compile_status = str(s);
	sub->compile_output = str(s);
	sub->compile_truncated = (size_t)count64(s);
	sub->message = str(s);
	sub->ntests = u8(s) % 5;
	sub->tests = calloc(sub->ntests ? sub->ntests : 1, sizeof(*sub->tests));
	if (!sub->tests)
		abort();
	for (size_t i = 0; i < sub->ntests; i++)
		build_test(s, &sub->tests[i]);
	/* As the judge does: summarize, then maybe a submission-level verdict. */
	switch (u8(s) % 4) {
	case 0:
		jg_submission_result_summarize(sub);
		break;
	case 1:
		sub->verdict = JG_CE;
		jg_submission_result_summarize(sub);
		break;
	case 2:
		sub->verdict = JG_JE;
		jg_submission_result_summarize(sub);
		break;
	default:                                  /* anything, unsummarized */
		sub->verdict = (jg_verdict)(u8(s) % JG_VERDICT_COUNT);
		sub->time_max = seconds(s);
		sub->memory_max = count64(s);
	}
}

static jg_report *build(const uint8_t *data, size_t size)
{
	struct src s = { data, 0, size, 0 };
	jg_report *r = calloc(1, sizeof(*r));

	if (!r)
		abort();
	r->problem_name = str(&s);
	r->time_limit = seconds(&s);
	r->memory_limit = count64(&s);
	r->incomplete = (int)(u8(&s) & 1);
	r->nsubs = u8(&s) % 4;
	r->subs = calloc(r->nsubs ? r->nsubs : 1, sizeof(*r->subs));
	if (!r->subs)
		abort();
	for (size_t i = 0; i < r->nsubs; i++)
		build_sub(&s, &r->subs[i]);
	return r;
}

/* ---- UTF-8 and XML checks ------------------------------------------------ */

/* The checkers below are not what is being fuzzed: with clang they are left
 * out of the coverage instrumentation (their per-byte comparisons would
 * otherwise cost most of the time and feed the fuzzer noise). */
#if defined(__clang__)
#define NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define NO_COVERAGE
#endif

NO_COVERAGE static int valid_utf8(const char *s)
{
	size_t n = strlen(s), i = 0, len;
	uint32_t cp;
	while (i < n) {
		if (!(len = fuzz_utf8((const unsigned char *)s + i, n - i, &cp)))
			return 0;
		i += len;
	}
	return 1;
}

/* XML 1.0 Char, less what the writer promises to replace or escape: CR
 * (a parser would read LF), DEL and the C1 controls. */
NO_COVERAGE static int xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xa || (c >= 0x20 && c < 0x7f) ||
	       (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
	       (c >= 0x10000 && c <= 0x10ffff);
}

#define MAX_ATTRS 16
#define MAX_DEPTH 8

struct attr {
	const char *name, *value;    /* both point into the document (value raw) */
	size_t      nlen, vlen;
};

struct elem {
	const char *name;
	size_t      nlen;
	size_t      counts[4];       /* children: testcase, failure, error, skipped */
	long long   attr_counts[4];  /* tests, failures, errors, skipped; -1: absent */
};

struct xml {
	const char  *s;
	size_t       n, i;
	struct elem  stack[MAX_DEPTH];
	size_t       depth;
	int          roots;
	size_t       suites;
	size_t       sum[3];          /* testcases, failures, errors over all suites */
	long long    root_attr[3];
};

#define XFAIL(x, what)                                                        \
	do {                                                                  \
		fprintf(stderr, "JUnit not well formed at byte %zu: %s\n",    \
			(x)->i, what);                                        \
		fwrite((x)->s, 1, (x)->n, stderr);                            \
		abort();                                                      \
	} while (0)

NO_COVERAGE static int name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

NO_COVERAGE static int name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

NO_COVERAGE static size_t xml_name(struct xml *x)
{
	size_t start = x->i;
	if (x->i >= x->n || !name_start(x->s[x->i]))
		XFAIL(x, "expected a name");
	while (x->i < x->n && name_char(x->s[x->i]))
		x->i++;
	return x->i - start;
}

/* A reference at x->i ('&'): one of the five, or a numeric one naming an
 * XML character. */
NO_COVERAGE static void xml_ref(struct xml *x)
{
	static const char *const named[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };
	const char *p = x->s + x->i + 1;
	size_t left = x->n - x->i - 1;

	for (size_t k = 0; k < 5; k++) {
		size_t l = strlen(named[k]);
		if (left >= l && !memcmp(p, named[k], l)) {
			x->i += 1 + l;
			return;
		}
	}
	if (left >= 3 && p[0] == '#') {
		uint32_t v = 0;
		size_t j = 1, digits = 0;
		int hex = p[1] == 'x';
		j += (size_t)hex;
		for (; j < left && p[j] != ';' && digits < 8; j++, digits++) {
			char c = p[j];
			if (c >= '0' && c <= '9')
				v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
			else if (hex && c >= 'a' && c <= 'f')
				v = v * 16 + (uint32_t)(c - 'a' + 10);
			else if (hex && c >= 'A' && c <= 'F')
				v = v * 16 + (uint32_t)(c - 'A' + 10);
			else
				XFAIL(x, "bad character reference");
		}
		if (digits && j < left && p[j] == ';' && (xml_char(v) || v == 0xd)) {
			x->i += 1 + j + 1;
			return;
		}
	}
	XFAIL(x, "bad reference");
}

/* "S.mmm", S >= 0. */
NO_COVERAGE static void check_time(struct xml *x, const char *v, size_t n)
{
	size_t i = 0;
	while (i < n && v[i] >= '0' && v[i] <= '9')
		i++;
	if (i == 0 || i + 4 != n || v[i] != '.' || v[i + 1] < '0' || v[i + 1] > '9' ||
	    v[i + 2] < '0' || v[i + 2] > '9' || v[i + 3] < '0' || v[i + 3] > '9')
		XFAIL(x, "time attribute is not S.mmm");
}

NO_COVERAGE static long long number(struct xml *x, const char *v, size_t n)
{
	long long r = 0;
	if (!n || n > 18)
		XFAIL(x, "bad count attribute");
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			XFAIL(x, "bad count attribute");
		r = r * 10 + (v[i] - '0');
	}
	return r;
}

NO_COVERAGE static int is(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(s, lit, n);
}

/* Parses attributes up to '>' or "/>"; returns 1 for an empty element. */
NO_COVERAGE static int xml_attrs(struct xml *x, struct elem *e)
{
	struct attr a[MAX_ATTRS];
	size_t na = 0;

	for (int k = 0; k < 4; k++)
		e->attr_counts[k] = -1;
	for (;;) {
		size_t sp = 0;
		while (x->i < x->n && (x->s[x->i] == ' ' || x->s[x->i] == '\n' || x->s[x->i] == '\t')) {
			x->i++;
			sp++;
		}
		if (x->i >= x->n)
			XFAIL(x, "end of document inside a tag");
		if (x->s[x->i] == '>') {
			x->i++;
			return 0;
		}
		if (x->s[x->i] == '/') {
			if (x->i + 1 >= x->n || x->s[x->i + 1] != '>')
				XFAIL(x, "'/' not followed by '>'");
			x->i += 2;
			return 1;
		}
		if (!sp)
			XFAIL(x, "no space before an attribute");
		if (na == MAX_ATTRS)
			XFAIL(x, "too many attributes");
		a[na].name = x->s + x->i;
		a[na].nlen = xml_name(x);
		for (size_t k = 0; k < na; k++)
			if (a[k].nlen == a[na].nlen && !memcmp(a[k].name, a[na].name, a[na].nlen))
				XFAIL(x, "duplicate attribute");
		if (x->i + 1 >= x->n || x->s[x->i] != '=' || x->s[x->i + 1] != '"')
			XFAIL(x, "attribute without =\"");
		x->i += 2;
		a[na].value = x->s + x->i;
		while (x->i < x->n && x->s[x->i] != '"') {
			if (x->s[x->i] == '<')
				XFAIL(x, "'<' in an attribute value");
			if (x->s[x->i] == '&')
				xml_ref(x);
			else
				x->i++;
		}
		if (x->i >= x->n)
			XFAIL(x, "unterminated attribute value");
		a[na].vlen = (size_t)(x->s + x->i - a[na].value);
		x->i++;
		if (is(a[na].name, a[na].nlen, "time"))
			check_time(x, a[na].value, a[na].vlen);
		else if (is(a[na].name, a[na].nlen, "tests"))
			e->attr_counts[0] = number(x, a[na].value, a[na].vlen);
		else if (is(a[na].name, a[na].nlen, "failures"))
			e->attr_counts[1] = number(x, a[na].value, a[na].vlen);
		else if (is(a[na].name, a[na].nlen, "errors"))
			e->attr_counts[2] = number(x, a[na].value, a[na].vlen);
		else if (is(a[na].name, a[na].nlen, "skipped"))
			e->attr_counts[3] = number(x, a[na].value, a[na].vlen);
		na++;
	}
}

/* Counts a new element into its testsuite (the nearest one up the stack). */
NO_COVERAGE static void count_child(struct xml *x, const struct elem *e)
{
	static const char *const kinds[] = { "testcase", "failure", "error", "skipped" };
	for (size_t d = x->depth; d-- > 0;) {
		if (is(x->stack[d].name, x->stack[d].nlen, "testsuite")) {
			for (int k = 0; k < 4; k++)
				if (is(e->name, e->nlen, kinds[k]))
					x->stack[d].counts[k]++;
			return;
		}
	}
}

NO_COVERAGE static void close_elem(struct xml *x, struct elem *e)
{
	if (is(e->name, e->nlen, "testsuite")) {
		for (int k = 0; k < 4; k++)
			if (e->attr_counts[k] != (long long)e->counts[k])
				XFAIL(x, "testsuite counts do not add up");
		x->suites++;
		for (int k = 0; k < 3; k++)
			x->sum[k] += e->counts[k];
	}
	if (is(e->name, e->nlen, "testsuites")) {
		for (int k = 0; k < 3; k++)
			if (x->root_attr[k] != (long long)x->sum[k])
				XFAIL(x, "testsuites totals do not add up");
	}
}

NO_COVERAGE static void xml_tag(struct xml *x)
{
	struct elem e;

	x->i++;                                    /* '<' */
	if (x->i < x->n && x->s[x->i] == '/') {
		struct elem *top;
		size_t nlen;
		const char *name;
		x->i++;
		name = x->s + x->i;
		nlen = xml_name(x);
		if (!x->depth)
			XFAIL(x, "end tag without a start tag");
		top = &x->stack[x->depth - 1];
		if (top->nlen != nlen || memcmp(top->name, name, nlen))
			XFAIL(x, "end tag does not match");
		if (x->i >= x->n || x->s[x->i] != '>')
			XFAIL(x, "end tag not closed");
		x->i++;
		close_elem(x, top);
		x->depth--;
		return;
	}
	memset(&e, 0, sizeof(e));
	e.name = x->s + x->i;
	e.nlen = xml_name(x);
	if (!x->depth) {
		if (x->roots++ || !is(e.name, e.nlen, "testsuites"))
			XFAIL(x, "the root is not one <testsuites>");
	}
	count_child(x, &e);
	if (xml_attrs(x, &e)) {
		if (is(e.name, e.nlen, "testsuites"))
			for (int k = 0; k < 3; k++)
				x->root_attr[k] = e.attr_counts[k];
		close_elem(x, &e);
		return;
	}
	if (x->depth == MAX_DEPTH)
		XFAIL(x, "nested too deeply");
	if (is(e.name, e.nlen, "testsuites"))
		for (int k = 0; k < 3; k++)
			x->root_attr[k] = e.attr_counts[k];
	x->stack[x->depth++] = e;
}

NO_COVERAGE static void check_junit(const char *s, size_t n, const jg_report *r)
{
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
	struct xml x;
	size_t i, len;
	uint32_t cp;

	memset(&x, 0, sizeof(x));
	x.s = s;
	x.n = n;
	if (strlen(s) != n)
		XFAIL(&x, "NUL byte in the document");
	for (i = 0; i < n; i += len) {
		x.i = i;
		if (!(len = fuzz_utf8((const unsigned char *)s + i, n - i, &cp)))
			XFAIL(&x, "invalid UTF-8");
		if (!xml_char(cp))
			XFAIL(&x, "character not allowed (control, CR, C1, U+FFFE/U+FFFF)");
	}
	x.i = 0;
	if (n < sizeof(decl) - 1 || memcmp(s, decl, sizeof(decl) - 1))
		XFAIL(&x, "missing XML declaration");
	x.i = sizeof(decl) - 1;
	while (x.i < n) {
		char c = s[x.i];
		if (c == '<') {
			xml_tag(&x);
		} else if (c == '&') {
			if (!x.depth)
				XFAIL(&x, "reference outside the root");
			xml_ref(&x);
		} else if (c == '>' && x.i >= 2 && s[x.i - 1] == ']' && s[x.i - 2] == ']') {
			XFAIL(&x, "]]> in text");
		} else {
			if (!x.depth && c != ' ' && c != '\n' && c != '\t')
				XFAIL(&x, "text outside the root");
			x.i++;
		}
	}
	if (x.depth || x.roots != 1)
		XFAIL(&x, "unbalanced elements");
	if (x.suites != r->nsubs)
		XFAIL(&x, "not one testsuite per submission");
}

/* ---- JSON checks --------------------------------------------------------- */

/* o[key] is the string s when s is valid UTF-8 (or "" / null for NULL). */
static void same_string(json_t *o, const char *key, const char *s, int nullable)
{
	json_t *v = json_object_get(o, key);
	FUZZ_CHECK_MSG(v != NULL, key);
	if (!s) {
		FUZZ_CHECK_MSG(nullable ? json_is_null(v) : (json_is_string(v) &&
			       !strcmp(json_string_value(v), "")), key);
		return;
	}
	FUZZ_CHECK_MSG(json_is_string(v), key);
	if (valid_utf8(s))
		FUZZ_CHECK_MSG(!strcmp(json_string_value(v), s), key);
}

static void check_json(const char *s, size_t n, const jg_report *r)
{
	json_error_t err;
	json_t *root = json_loadb(s, n, 0, &err), *subs;

	FUZZ_CHECK_MSG(root != NULL, err.text);
	FUZZ_CHECK(json_integer_value(json_object_get(root, "version")) == 1);
	FUZZ_CHECK(json_is_boolean(json_object_get(root, "incomplete")));
	same_string(json_object_get(root, "problem"), "name", r->problem_name, 0);
	subs = json_object_get(root, "submissions");
	FUZZ_CHECK(json_is_array(subs) && json_array_size(subs) == r->nsubs);
	for (size_t i = 0; i < r->nsubs; i++) {
		const jg_submission_result *sub = &r->subs[i];
		json_t *o = json_array_get(subs, i), *tests = json_object_get(o, "tests");
		same_string(o, "path", sub->path, 0);
		same_string(o, "language", sub->language, 1);
		same_string(o, "message", sub->message, 1);
		FUZZ_CHECK(json_is_array(tests) && json_array_size(tests) == sub->ntests);
		for (size_t k = 0; k < sub->ntests; k++) {
			json_t *t = json_array_get(tests, k), *time = json_object_get(t, "time");
			same_string(t, "name", sub->tests[k].name, 0);
			same_string(t, "message", sub->tests[k].message, 1);
			same_string(t, "stdout", sub->tests[k].stdout_head, 1);
			FUZZ_CHECK(json_is_number(time) && json_number_value(time) >= 0);
		}
	}
	json_decref(root);
}

/* ---- the target ---------------------------------------------------------- */

typedef int (*writer)(const jg_report *, FILE *);

static char *write_mem(writer w, const jg_report *r, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	int rc;

	if (!f)
		abort();
	rc = w(r, f);
	FUZZ_CHECK_MSG(rc == 0, jg_error_last());
	if (fclose(f) != 0)
		abort();
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jg_report *r;
	char *out;
	size_t len;
	FILE *full;

	jg_error_clear();
	r = build(data, size);

	out = write_mem(jg_report_write_junit, r, &len);
	check_junit(out, len, r);
	free(out);

	out = write_mem(jg_report_write_json, r, &len);
	check_json(out, len, r);
	free(out);

	if ((full = fopen("/dev/full", "w"))) {
		FUZZ_CHECK(jg_report_write_junit(r, full) == JG_EIO);
		clearerr(full);
		FUZZ_CHECK(jg_report_write_json(r, full) == JG_EIO);
		fclose(full);
	}
	jg_report_free(r);
	return 0;
}
