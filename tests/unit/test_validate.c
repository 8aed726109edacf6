/* tests/unit/test_validate.c - the default output validator. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate.h"

#define AC JG_VALIDATE_AC
#define WA JG_VALIDATE_WA

/* A byte string with its length, so that NUL bytes are allowed. */
#define B(s) s, sizeof(s) - 1

struct golden {
	const char *flags;
	const char *ans;
	size_t      alen;
	const char *team;
	size_t      tlen;
	int         want;
};

#define FT  "float_tolerance 1e-6"
#define FA  "float_absolute_tolerance 1e-3"
#define FR  "float_relative_tolerance 1e-3"
#define SCS "space_change_sensitive"

static const struct golden golden[] = {
	/* identical, whitespace and newlines */
	{ "", B("1 2 3\n"), B("1 2 3\n"), AC },
	{ "", B("1 2 3\n"), B("1 2 3   \n\n\n"), AC },
	{ "", B("1 2 3\n"), B("1 2 3"), AC },
	{ "", B("1 2 3"), B("1 2 3\n"), AC },
	{ "", B("1 2\n3\n"), B("1\r\n2\r\n3\r\n"), AC },
	{ "", B("1 2 3\n"), B("  \t1\v2\f3"), AC },
	{ "", B("1 2 3\n"), B("1 2 4\n"), WA },
	{ "", B("1 2 3\n"), B("12 3\n"), WA },
	/* missing and extra tokens */
	{ "", B("1 2 3\n"), B("1 2\n"), WA },
	{ "", B("1 2 3\n"), B("1 2 3 4\n"), WA },
	{ "", B("1 2 3\n"), B("1 2 3\n\n4"), WA },
	/* empty outputs */
	{ "", B(""), B(""), AC },
	{ "", B(""), B("\n \n"), AC },
	{ "", B("\n"), B(""), AC },
	{ "", B("1\n"), B(""), WA },
	{ "", B(""), B("x"), WA },
	/* case */
	{ "", B("Yes\n"), B("YES\n"), AC },
	{ "", B("Yes\n"), B("yes\n"), AC },
	{ "case_sensitive", B("Yes\n"), B("yes\n"), WA },
	{ "case_sensitive", B("Yes\n"), B("Yes\n"), AC },
	{ "", B("caf\xc3\xa9"), B("CAF\xc3\xa9"), AC },
	{ "", B("a\xc3\xa9"), B("a\xc3\x89"), WA },  /* ASCII folding only */
	/* space_change_sensitive */
	{ SCS, B("1 2\n"), B("1 2\n"), AC },
	{ SCS, B("1 2\n"), B("1  2\n"), WA },
	{ SCS, B("1 2\n"), B("1\t2\n"), WA },
	{ SCS, B("1 2\n"), B("1 2"), WA },
	{ SCS, B("1 2\n"), B("1 2\n\n"), WA },
	{ SCS, B("1 2\n"), B(" 1 2\n"), WA },
	{ SCS, B("1 2\n"), B("1 2\r\n"), WA },
	{ SCS, B("A b\n"), B("a B\n"), AC },
	{ SCS " case_sensitive", B("A b\n"), B("a B\n"), WA },
	/* without tolerance numbers are strings */
	{ "", B("1.0\n"), B("1\n"), WA },
	{ "", B("1e3\n"), B("1E3\n"), AC },
	/* float tolerance */
	{ FT, B("1.0\n"), B("1.0000005\n"), AC },
	{ FT, B("1.0\n"), B("1.000002\n"), WA },
	{ FA, B("1000\n"), B("1000.0009\n"), AC },
	{ FA, B("1000\n"), B("1000.002\n"), WA },
	{ FR, B("1000\n"), B("1000.9\n"), AC },
	{ FR, B("1000\n"), B("1001.1\n"), WA },
	{ FR, B("0\n"), B("0.0000001\n"), WA },
	{ FA " " FR, B("1000\n"), B("1000.9\n"), AC },   /* rel passes */
	{ FA " " FR, B("0.0001\n"), B("0.0009\n"), AC }, /* abs passes */
	{ FA " " FR, B("1000\n"), B("1002\n"), WA },     /* neither */
	{ "float_tolerance 0", B("0.5\n"), B("0.50\n"), AC },
	{ FT, B("0.001\n"), B("1e-3\n"), AC },
	{ FT, B("1e-3\n"), B("0.001\n"), AC },
	{ FT, B("1.5E+2\n"), B("150\n"), AC },
	{ FT, B("2\n"), B("2.0000001\n"), AC },
	{ FT, B("2\n"), B("2.1\n"), WA },
	{ FT, B("-0\n"), B("0\n"), AC },
	{ FT, B("2\n"), B("two\n"), WA },
	{ FT, B("2\n"), B("2x\n"), WA },
	{ FT, B("2\n"), B("\n"), WA },
	{ FT, B("x 2\n"), B("X 2.0\n"), AC },            /* words stay strings */
	{ FT " case_sensitive", B("x 2\n"), B("X 2.0\n"), WA },
	{ FT, B("1 2 3\n"), B("1.0000001\n2\n3.0000001"), AC },
	/* nan and inf */
	{ FT, B("nan\n"), B("NaN\n"), AC },
	{ FT, B("nan\n"), B("1\n"), WA },
	{ FT, B("1\n"), B("nan\n"), WA },
	{ FT, B("inf\n"), B("Infinity\n"), AC },
	{ FT, B("inf\n"), B("-inf\n"), WA },
	{ FT, B("-inf\n"), B("-INF\n"), AC },
	{ FT, B("inf\n"), B("1e308\n"), WA },
	{ FR, B("inf\n"), B("1e308\n"), WA },
	{ FT, B("1e308\n"), B("inf\n"), WA },
	{ FT, B("inf\n"), B("nan\n"), WA },
	/* NUL bytes are ordinary bytes */
	{ "", B("a\0b c\n"), B("a\0b c\n"), AC },
	{ "", B("a\0b c\n"), B("a\0c c\n"), WA },
	{ "", B("a\0b c\n"), B("a b c\n"), WA },
	{ "", B("ab\n"), B("a\0b\n"), WA },
	{ "", B("\0\n"), B("\0"), AC },
	{ "", B("\0\n"), B(""), WA },
	{ FT, B("1\0\n"), B("1\n"), WA },  /* "1\0" is not a number */
	{ FT, B("1\n"), B("1\0\n"), WA },
};

static int check(const char *flags, const char *ans, size_t alen,
		 const char *team, size_t tlen, char *msg, size_t msglen)
{
	jg_vflags fl;
	char err[256];
	FILE *fa, *ft;
	int rc;

	assert_int_equal(jg_vflags_parse(&fl, flags, err, sizeof(err)), 0);
	/* fmemopen refuses size 0; a 1-byte buffer read as "" does the job. */
	fa = alen ? fmemopen((void *)ans, alen, "r") : fopen("/dev/null", "r");
	ft = tlen ? fmemopen((void *)team, tlen, "r") : fopen("/dev/null", "r");
	assert_non_null(fa);
	assert_non_null(ft);
	rc = jg_validate_streams(fa, ft, &fl, msg, msglen);
	fclose(fa);
	fclose(ft);
	return rc;
}

static void assert_one_line(const char *msg)
{
	const unsigned char *p;
	assert_true(msg[0] != '\0');
	for (p = (const unsigned char *)msg; *p; p++)
		assert_true(*p >= 0x20 && *p < 0x7f);
}

static void test_golden(void **state)
{
	char msg[512];
	size_t i, n = sizeof(golden) / sizeof(golden[0]);
	int rc;

	for (i = 0; i < n; i++) {
		const struct golden *g = &golden[i];
		rc = check(g->flags, g->ans, g->alen, g->team, g->tlen,
			   msg, sizeof(msg));
		if (rc != g->want)
			fail_msg("golden case %zu (flags '%s'): got %d, want %d (%s)",
				 i, g->flags, rc, g->want, msg);
		if (rc == WA)
			assert_one_line(msg);
	}
	print_message("%zu golden cases\n", n);
}

static void expect_msg(const char *flags, const char *ans, const char *team,
		       const char *want)
{
	char msg[512];
	int rc = check(flags, ans, strlen(ans), team, strlen(team), msg, sizeof(msg));
	assert_int_equal(rc, WA);
	assert_string_equal(msg, want);
}

static void test_messages(void **state)
{
	expect_msg("", "1 2\n3\n", "1 2\n4\n",
		   "token 3 on line 2: expected '3', got '4'");
	expect_msg("", "1 2 3\n", "1 2\n",
		   "team output ended early: expected '3' (token 3)");
	expect_msg("", "1 2\n", "1 2 3\n",
		   "extra output after the end of the answer: '3'");
	expect_msg("", "x\n", "x\n\x01\xff'\\\n",
		   "extra output after the end of the answer: '\\x01\\xff\\'\\\\'");
	expect_msg("", "x\n", "x 0123456789012345678901234567890123456789abc\n",
		   "extra output after the end of the answer: "
		   "'0123456789012345678901234567890123456789'...");
	expect_msg(SCS, "1 2\n", "1  2\n",
		   "whitespace after token 1 on line 1: expected whitespace ' ', "
		   "got whitespace '  '");
	expect_msg(SCS, "1 2\n", "1 2",
		   "team output ended early: expected whitespace '\\x0a' "
		   "(whitespace after token 2)");
	expect_msg(FT, "2\n", "two\n",
		   "token 1 on line 1: expected '2', got 'two' (not a number)");
}

static void test_small_msg_buffer(void **state)
{
	char msg[8];
	assert_int_equal(check("", B("1 2"), B("1 3"), msg, sizeof(msg)), WA);
	assert_int_equal(strlen(msg), sizeof(msg) - 1);
	assert_int_equal(check("", B("1 2"), B("1 3"), NULL, 0), WA);
}

static void test_read_error(void **state)
{
	jg_vflags fl;
	char msg[256];
	FILE *fa = fmemopen((void *)"1", 1, "r"), *ft = fopen("/dev/null", "w");
	assert_non_null(fa);
	assert_non_null(ft);
	assert_int_equal(jg_vflags_parse(&fl, "", msg, sizeof(msg)), 0);
	assert_int_equal(jg_validate_streams(fa, ft, &fl, msg, sizeof(msg)),
			 JG_VALIDATE_ERROR);
	assert_non_null(strstr(msg, "team output"));
	fclose(fa);
	fclose(ft);
}

/* ---- large inputs --------------------------------------------------------- */

#define HUGE_TOKENS 1400000u  /* ~10 MB with one-byte separators */

/* HUGE_TOKENS numbers on a single line, separated by sep, then last. */
static char *huge_line(size_t *len, const char *sep, unsigned last)
{
	char *p = malloc(HUGE_TOKENS * (8 + strlen(sep)) + 16);
	size_t n = 0;
	unsigned i;
	assert_non_null(p);
	for (i = 0; i < HUGE_TOKENS; i++)
		n += (size_t)sprintf(p + n, "%u%s", i * 7919u % 10000019u, sep);
	n += (size_t)sprintf(p + n, "%u", last);
	*len = n;
	return p;
}

static void test_huge_line(void **state)
{
	char msg[512];
	size_t alen, tlen, t2len;
	char *a = huge_line(&alen, " ", 42);
	char *t = huge_line(&tlen, "\t  ", 42);
	char *t2 = huge_line(&t2len, " ", 43);

	assert_true(alen > 10u * 1000 * 1000);
	assert_int_equal(check("", a, alen, a, alen, msg, sizeof(msg)), AC);
	assert_int_equal(check("", a, alen, t, tlen, msg, sizeof(msg)), AC);
	assert_int_equal(check(FT, a, alen, t, tlen, msg, sizeof(msg)), AC);
	assert_int_equal(check(SCS, a, alen, t, tlen, msg, sizeof(msg)), WA);
	assert_int_equal(check("", a, alen, t2, t2len, msg, sizeof(msg)), WA);
	assert_one_line(msg);
	assert_non_null(strstr(msg, "expected '42', got '43'"));
	assert_int_equal(check("", a, alen, t2, t2len - 3, msg, sizeof(msg)), WA);
	assert_non_null(strstr(msg, "ended early"));
	free(a);
	free(t);
	free(t2);
}

static char *long_token(size_t n, char c)
{
	char *p = malloc(n + 2);
	assert_non_null(p);
	memset(p, c, n);
	p[n] = '\n';
	p[n + 1] = '\0';
	return p;
}

static void test_long_token(void **state)
{
	char msg[512];
	size_t n = 1024 * 1024;
	char *a = long_token(n, 'x'), *t = long_token(n, 'x');

	assert_int_equal(check("", a, n + 1, t, n + 1, msg, sizeof(msg)), AC);
	assert_int_equal(check(FT, a, n + 1, t, n, msg, sizeof(msg)), AC);
	t[n - 1] = 'y';
	assert_int_equal(check("", a, n + 1, t, n + 1, msg, sizeof(msg)), WA);
	assert_one_line(msg);
	assert_non_null(strstr(msg, "differ at byte 1048576"));
	t[n - 1] = 'X';
	assert_int_equal(check("", a, n + 1, t, n + 1, msg, sizeof(msg)), AC);
	assert_int_equal(check("case_sensitive", a, n + 1, t, n + 1, msg, sizeof(msg)), WA);
	free(a);
	free(t);
}

/* Tokens around the 4 KiB chunk size: equal, one byte longer, shorter. */
static void test_chunk_boundaries(void **state)
{
	static const size_t lens[] = { 1, 4095, 4096, 4097, 8191, 8192, 8193 };
	char msg[512];
	size_t i, j;
	char *a, *t;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		for (j = 0; j < sizeof(lens) / sizeof(lens[0]); j++) {
			a = long_token(lens[i], 'q');
			t = long_token(lens[j], 'Q');
			assert_int_equal(check("", a, lens[i] + 1, t, lens[j] + 1,
					       msg, sizeof(msg)), i == j ? AC : WA);
			assert_int_equal(check(SCS, a, lens[i] + 1, t, lens[j] + 1,
					       msg, sizeof(msg)), i == j ? AC : WA);
			free(a);
			free(t);
		}
	}
}

/* A long whitespace run is still one token for space_change_sensitive. */
static void test_long_space(void **state)
{
	char msg[512];
	size_t n = 10000;
	char *a = long_token(n, ' '), *t = long_token(n, ' ');
	a[0] = t[0] = 'z';
	assert_int_equal(check(SCS, a, n + 1, t, n + 1, msg, sizeof(msg)), AC);
	t[n - 1] = '\t';
	assert_int_equal(check(SCS, a, n + 1, t, n + 1, msg, sizeof(msg)), WA);
	assert_int_equal(check("", a, n + 1, t, n + 1, msg, sizeof(msg)), AC);
	free(a);
	free(t);
}

/* ---- flags ---------------------------------------------------------------- */

static void test_flags_good(void **state)
{
	jg_vflags fl;
	char err[256];

	assert_int_equal(jg_vflags_parse(&fl, NULL, err, sizeof(err)), 0);
	assert_false(fl.case_sensitive || fl.space_change_sensitive ||
		     fl.has_abs || fl.has_rel);
	assert_int_equal(jg_vflags_parse(&fl, "", err, sizeof(err)), 0);
	assert_int_equal(jg_vflags_parse(&fl, "  case_sensitive  ", err, sizeof(err)), 0);
	assert_true(fl.case_sensitive);
	assert_false(fl.space_change_sensitive);

	assert_int_equal(jg_vflags_parse(&fl, "space_change_sensitive float_tolerance 1e-6",
					 err, sizeof(err)), 0);
	assert_true(fl.space_change_sensitive && fl.has_abs && fl.has_rel);
	assert_true(fl.float_abs == 1e-6 && fl.float_rel == 1e-6);

	assert_int_equal(jg_vflags_parse(&fl, "float_absolute_tolerance 0.5",
					 err, sizeof(err)), 0);
	assert_true(fl.has_abs && !fl.has_rel && fl.float_abs == 0.5);

	assert_int_equal(jg_vflags_parse(&fl, "float_relative_tolerance 2E-3\n",
					 err, sizeof(err)), 0);
	assert_true(!fl.has_abs && fl.has_rel && fl.float_rel == 2e-3);

	assert_int_equal(jg_vflags_parse(&fl,
		"float_tolerance 1 float_absolute_tolerance 3\tcase_sensitive",
		err, sizeof(err)), 0);
	assert_true(fl.float_abs == 3 && fl.float_rel == 1 && fl.case_sensitive);
}

static void test_flags_bad(void **state)
{
	static const char *bad[] = {
		"case_insensitive", "Case_Sensitive", "case_sensitive x",
		"float_tolerance", "float_tolerance x", "float_tolerance 1e-6x",
		"float_absolute_tolerance", "float_relative_tolerance -1",
		"float_tolerance nan", "float_tolerance inf",
		"float_tolerance case_sensitive", "float_tolerance1e-6",
	};
	jg_vflags fl;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		if (jg_vflags_parse(&fl, bad[i], err, sizeof(err)) != -1)
			fail_msg("flags '%s' were accepted", bad[i]);
		assert_one_line(err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_small_msg_buffer),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_long_token),
		cmocka_unit_test(test_chunk_boundaries),
		cmocka_unit_test(test_long_space),
		cmocka_unit_test(test_flags_good),
		cmocka_unit_test(test_flags_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
