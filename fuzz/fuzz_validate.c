/* fuzz/fuzz_validate.c - the default output validator (validate.h).
 *
 * Input: FLAGS SEP ANSWER SEP TEAM, SEP being the 5 bytes "\n===\n"; a
 * missing part is empty.  FLAGS goes through jg_vflags_parse() (the defaults
 * are used when it refuses them); ANSWER and TEAM are read with fmemopen().
 *
 * Properties, beyond no crash or leak:
 *  - the result is AC or WA (memory streams cannot fail), with a message
 *    that is NUL-terminated, one line, empty exactly when AC, and never
 *    longer than the buffer;
 *  - any stream is accepted against itself, whatever the flags;
 *  - without tolerances, comparing is symmetric;
 *  - unless case_sensitive, the answer is accepted against its ASCII
 *    case-swapped self;
 *  - unless space_change_sensitive, the answer is accepted against its
 *    tokens re-joined by single newlines.
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <math.h>

#include "validate.h"

#define SEP     "\n===\n"
#define SEP_LEN 5

static const char ws[] = " \t\n\v\f\r";

static int run(const char *a, size_t an, const char *t, size_t tn, const jg_vflags *fl,
	       char *msg, size_t msglen)
{
	static char empty[1];
	FILE *fa = fmemopen(an ? (void *)a : empty, an, "r");
	FILE *ft = fmemopen(tn ? (void *)t : empty, tn, "r");
	int rc;

	if (!fa || !ft)
		abort();
	rc = jg_validate_streams(fa, ft, fl, msg, msglen);
	fclose(fa);
	fclose(ft);
	return rc;
}

/* Runs and checks the properties every result has; returns the verdict. */
static int check(const char *a, size_t an, const char *t, size_t tn, const jg_vflags *fl)
{
	char msg[200];
	int rc;

	memset(msg, 'x', sizeof(msg));
	rc = run(a, an, t, tn, fl, msg, sizeof(msg));
	FUZZ_CHECK(rc == 0 || rc == 1);   /* JG_VALIDATE_WA, JG_VALIDATE_AC */
	FUZZ_CHECK(memchr(msg, '\0', sizeof(msg)) != NULL);
	FUZZ_CHECK_MSG(!strchr(msg, '\n') && !strchr(msg, '\r'), msg);
	FUZZ_CHECK_MSG(rc == 1 ? msg[0] == '\0' : msg[0] != '\0', msg);

	/* A tiny buffer is still NUL-terminated, and the verdict is the same. */
	memset(msg, 'x', sizeof(msg));
	FUZZ_CHECK(run(a, an, t, tn, fl, msg, 3) == rc);
	FUZZ_CHECK(memchr(msg, '\0', 3) != NULL && msg[3] == 'x');
	/* No buffer at all is fine too. */
	FUZZ_CHECK(run(a, an, t, tn, fl, NULL, 0) == rc);
	return rc;
}

static const char *find_sep(const char *p, size_t n)
{
	return memmem(p, n, SEP, SEP_LEN);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *s1, *s2;
	const char *ans = "", *team = "";
	size_t fn = size, an = 0, tn = 0;
	char *flags, err[128], *swapped, *joined;
	jg_vflags fl;
	int rc;

	if ((s1 = find_sep(in, size))) {
		fn = (size_t)(s1 - in);
		ans = s1 + SEP_LEN;
		an = size - fn - SEP_LEN;
		if ((s2 = find_sep(ans, an))) {
			team = s2 + SEP_LEN;
			tn = an - (size_t)(s2 - ans) - SEP_LEN;
			an = (size_t)(s2 - ans);
		}
	}

	flags = fuzz_strndup(in, fn);
	memset(err, 'x', sizeof(err));
	if (jg_vflags_parse(&fl, flags, err, sizeof(err)) < 0) {
		FUZZ_CHECK(err[0] != '\0' && memchr(err, '\0', sizeof(err)));
		FUZZ_CHECK_MSG(!strchr(err, '\n'), err);
		FUZZ_CHECK(jg_vflags_parse(&fl, "", err, sizeof(err)) == 0);
	} else {
		FUZZ_CHECK(err[0] == '\0');
		FUZZ_CHECK(!fl.has_abs || (isfinite(fl.float_abs) && fl.float_abs >= 0));
		FUZZ_CHECK(!fl.has_rel || (isfinite(fl.float_rel) && fl.float_rel >= 0));
	}
	free(flags);

	rc = check(ans, an, team, tn, &fl);
	if (fuzz_verbose()) {
		char msg[200];
		run(ans, an, team, tn, &fl, msg, sizeof(msg));
		fprintf(stderr, "  validate: %s %s\n", rc ? "AC" : "WA", msg);
	}
	FUZZ_CHECK(check(ans, an, ans, an, &fl) == 1);
	FUZZ_CHECK(check(team, tn, team, tn, &fl) == 1);
	if (!fl.has_abs && !fl.has_rel)
		FUZZ_CHECK(check(team, tn, ans, an, &fl) == rc);

	if (!fl.case_sensitive) {
		swapped = fuzz_strndup(ans, an);
		for (size_t i = 0; i < an; i++) {
			unsigned char c = (unsigned char)swapped[i];
			if (c >= 'a' && c <= 'z')
				swapped[i] = (char)(c - 32);
			else if (c >= 'A' && c <= 'Z')
				swapped[i] = (char)(c + 32);
		}
		FUZZ_CHECK(check(ans, an, swapped, an, &fl) == 1);
		free(swapped);
	}

	if (!fl.space_change_sensitive) {
		size_t jn = 0, i = 0;
		joined = malloc(an + 1);
		if (!joined)
			abort();
		while (i < an) {
			while (i < an && memchr(ws, ans[i], sizeof(ws) - 1))
				i++;
			if (i == an)
				break;
			if (jn)
				joined[jn++] = '\n';
			while (i < an && !memchr(ws, ans[i], sizeof(ws) - 1))
				joined[jn++] = ans[i++];
		}
		FUZZ_CHECK(check(ans, an, joined, jn, &fl) == 1);
		free(joined);
	}
	return 0;
}
