/* core/validate.c - the default output validator, with Kattis semantics.
 *
 * Both streams are read through fixed buffers and split into tokens; a token
 * is delivered in chunks of at most TOK_MAX bytes, so memory stays bounded
 * whatever the token or line lengths.  Tokens of equal length are cut at the
 * same offsets, which lets long tokens be compared chunk by chunk.
 *
 * libc (and libm) only: this file is also linked into the static supervisor.
 */
#include "validate.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE  (64 * 1024)   /* read buffer per stream */
#define TOK_MAX   4096          /* chunk size; a longer token is never a float */
#define SHOW_MAX  40            /* token bytes shown in messages */
#define NO_DIFF   ((size_t)-1)

enum { K_WORD = 0, K_SPACE = 1 };

static const unsigned char is_ws[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
};

struct rd {
	FILE          *f;
	const char    *name;
	size_t         pos, len;
	int            eof, err;
	unsigned long  line;            /* current line, 1-based */
	unsigned long  words;           /* word tokens started so far */
	/* the current token */
	int            kind;
	unsigned long  tline;           /* line the token starts on */
	size_t         tlen;            /* bytes in the current chunk */
	size_t         off;             /* offset of the chunk in the token */
	int            more;            /* the token continues after this chunk */
	size_t         hlen;            /* bytes kept in head */
	int            hlong;           /* the token is longer than head */
	unsigned char  head[SHOW_MAX];
	unsigned char  tok[TOK_MAX + 1];
	unsigned char  buf[BUF_SIZE];
};

static void setmsg(char *msg, size_t msglen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void setmsg(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list ap;
	if (!msg || !msglen)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, msglen, fmt, ap);
	va_end(ap);
}

/* ---- flags ---------------------------------------------------------------- */

static int word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && !memcmp(w, s, n);
}

/* Parses the number word [w, w+n) into *out: finite and non-negative. */
static int parse_tol(const char *w, size_t n, double *out)
{
	char num[64], *end;
	double v;
	if (!n || n >= sizeof(num))
		return -1;
	memcpy(num, w, n);
	num[n] = '\0';
	errno = 0;
	v = strtod(num, &end);
	if (end != num + n || errno || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

static const char *next_word(const char *p, size_t *n)
{
	while (*p && is_ws[(unsigned char)*p])
		p++;
	*n = 0;
	while (p[*n] && !is_ws[(unsigned char)p[*n]])
		(*n)++;
	return p;
}

int jg_vflags_parse(jg_vflags *out, const char *flags, char *err, size_t errlen)
{
	const char *w, *p = flags ? flags : "";
	size_t n, vn;
	double v;
	int abs, rel;

	memset(out, 0, sizeof(*out));
	setmsg(err, errlen, "%s", "");
	for (;;) {
		w = next_word(p, &n);
		if (!n)
			return 0;
		p = w + n;
		if (word_is(w, n, "case_sensitive")) {
			out->case_sensitive = 1;
			continue;
		}
		if (word_is(w, n, "space_change_sensitive")) {
			out->space_change_sensitive = 1;
			continue;
		}
		abs = word_is(w, n, "float_tolerance") ||
		      word_is(w, n, "float_absolute_tolerance");
		rel = word_is(w, n, "float_tolerance") ||
		      word_is(w, n, "float_relative_tolerance");
		if (!abs && !rel) {
			setmsg(err, errlen, "unknown validator flag '%.*s'",
			       n > SHOW_MAX ? SHOW_MAX : (int)n, w);
			return -1;
		}
		p = next_word(p, &vn);
		if (parse_tol(p, vn, &v) < 0) {
			setmsg(err, errlen, "validator flag '%.*s' needs a non-negative number%s",
			       (int)n, w, vn ? ", got a bad one" : "");
			return -1;
		}
		p += vn;
		if (abs) {
			out->has_abs = 1;
			out->float_abs = v;
		}
		if (rel) {
			out->has_rel = 1;
			out->float_rel = v;
		}
	}
}

/* ---- reading -------------------------------------------------------------- */

/* 1: bytes available, 0: end of file, -1: read error (r->err set). */
static int fill(struct rd *r)
{
	size_t n;
	if (r->pos < r->len)
		return 1;
	if (r->eof)
		return 0;
	r->pos = r->len = 0;
	n = fread(r->buf, 1, sizeof(r->buf), r->f);
	if (n) {
		r->len = n;
		return 1;
	}
	if (ferror(r->f)) {
		r->err = errno ? errno : EIO;
		return -1;
	}
	r->eof = 1;
	return 0;
}

static void count_lines(struct rd *r, const unsigned char *p, size_t n)
{
	const unsigned char *e = p + n;
	while ((p = memchr(p, '\n', (size_t)(e - p)))) {
		r->line++;
		p++;
	}
}

static int skip_space(struct rd *r)
{
	const unsigned char *p;
	size_t i, n;
	int rc;
	while ((rc = fill(r)) > 0) {
		p = r->buf + r->pos;
		n = r->len - r->pos;
		for (i = 0; i < n && is_ws[p[i]]; i++)
			if (p[i] == '\n')
				r->line++;
		r->pos += i;
		if (i < n)
			return 1;
	}
	return rc;
}

/* Reads the next chunk of the current token into r->tok. 0 or -1. */
static int read_chunk(struct rd *r)
{
	const unsigned char *p;
	size_t i, n;
	int rc;

	r->off += r->tlen;
	r->tlen = 0;
	r->more = 0;
	while ((rc = fill(r)) > 0) {
		p = r->buf + r->pos;
		if (r->tlen == TOK_MAX) {
			r->more = is_ws[*p] == r->kind;
			break;
		}
		n = r->len - r->pos;
		if (n > TOK_MAX - r->tlen)
			n = TOK_MAX - r->tlen;
		for (i = 0; i < n && is_ws[p[i]] == r->kind; i++)
			;
		memcpy(r->tok + r->tlen, p, i);
		if (r->kind == K_SPACE)
			count_lines(r, p, i);
		r->tlen += i;
		r->pos += i;
		if (i < n)
			break;
	}
	r->tok[r->tlen] = '\0';
	return rc < 0 ? -1 : 0;
}

/* Starts the next token. 1: token, 0: end of file, -1: read error. */
static int next_token(struct rd *r, int spaces_are_tokens)
{
	int rc = spaces_are_tokens ? fill(r) : skip_space(r);
	if (rc <= 0)
		return rc;
	r->kind = is_ws[r->buf[r->pos]];
	r->tline = r->line;
	if (r->kind == K_WORD)
		r->words++;
	r->off = r->tlen = 0;
	if (read_chunk(r) < 0)
		return -1;
	r->hlen = r->tlen < SHOW_MAX ? r->tlen : SHOW_MAX;
	r->hlong = r->more || r->tlen > SHOW_MAX;
	memcpy(r->head, r->tok, r->hlen);
	return 1;
}

/* ---- messages ------------------------------------------------------------- */

#define ESC_SIZE (SHOW_MAX * 4 + 8)

/* The token's head, quoted, non-printable bytes as \xNN, "..." if cut. */
static const char *show(const struct rd *r, char *out)
{
	static const char hex[] = "0123456789abcdef";
	char *o = out;
	size_t i;
	unsigned char c;
	*o++ = '\'';
	for (i = 0; i < r->hlen; i++) {
		c = r->head[i];
		if (c == '\\' || c == '\'') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			*o++ = (char)c;
		} else {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o++ = '\'';
	if (r->hlong)
		o += sprintf(o, "...");
	*o = '\0';
	return out;
}

static const char *kind_word(const struct rd *r)
{
	return r->kind == K_SPACE ? "whitespace " : "";
}

/* "token 3" or "whitespace after token 3", for the answer's token. */
static const char *where(const struct rd *a, char *out, size_t len)
{
	if (a->kind == K_WORD)
		snprintf(out, len, "token %lu", a->words);
	else if (a->words)
		snprintf(out, len, "whitespace after token %lu", a->words);
	else
		snprintf(out, len, "leading whitespace");
	return out;
}

static int mismatch(const struct rd *a, const struct rd *t, size_t at,
		    const char *note, char *msg, size_t msglen)
{
	char ea[ESC_SIZE], et[ESC_SIZE], loc[64], extra[64] = "";
	if (note)
		snprintf(extra, sizeof(extra), " (%s)", note);
	else if (at != NO_DIFF && at >= SHOW_MAX)
		snprintf(extra, sizeof(extra), " (they differ at byte %zu)", at + 1);
	setmsg(msg, msglen, "%s on line %lu: expected %s%s, got %s%s%s",
	       where(a, loc, sizeof(loc)), t->tline, kind_word(a), show(a, ea),
	       kind_word(t), show(t, et), extra);
	return JG_VALIDATE_WA;
}

/* ---- comparing ------------------------------------------------------------ */

static inline unsigned char fold(unsigned char c)
{
	return (unsigned char)(c - 'A') < 26 ? (unsigned char)(c + 32) : c;
}

/* Index of the first difference between two chunks, or NO_DIFF. */
static size_t diff_at(const struct rd *a, const struct rd *t, int cs)
{
	size_t n = a->tlen < t->tlen ? a->tlen : t->tlen, i;
	if (memcmp(a->tok, t->tok, n)) {
		for (i = 0; i < n; i++)
			if (a->tok[i] != t->tok[i] &&
			    (cs || fold(a->tok[i]) != fold(t->tok[i])))
				return i;
	}
	return a->tlen == t->tlen ? NO_DIFF : n;
}

/* Moves to the next chunk; past the token's end, chunks are empty. */
static int advance(struct rd *r)
{
	if (r->more)
		return read_chunk(r);
	r->off += r->tlen;
	r->tlen = 0;
	return 0;
}

/* Compares the rest of two tokens as strings. 1: equal, 0: differ at *at. */
static int same_string(struct rd *a, struct rd *t, int cs, size_t *at)
{
	size_t d;
	for (;;) {
		d = diff_at(a, t, cs);
		if (d != NO_DIFF) {
			*at = a->off + d;
			return 0;
		}
		if (!a->more && !t->more)
			return 1;
		if (advance(a) < 0 || advance(t) < 0)
			return -1;
	}
}

/* Parses a whole single-chunk token as a double (strtod, "C" locale). */
static int as_number(const struct rd *r, double *v)
{
	char *end;
	if (r->kind != K_WORD || r->more || !r->tlen)
		return 0;
	*v = strtod((const char *)r->tok, &end);
	return end == (const char *)r->tok + r->tlen;
}

/* nan only matches nan, an infinity only the same infinity. */
static int close_enough(double a, double t, const jg_vflags *fl)
{
	double d;
	if (isnan(a) || isnan(t))
		return isnan(a) && isnan(t);
	if (a == t)
		return 1;
	if (isinf(a) || isinf(t))
		return 0;
	d = fabs(a - t);
	return (fl->has_abs && d <= fl->float_abs) ||
	       (fl->has_rel && d <= fl->float_rel * fabs(a));
}

static int compare_numbers(const struct rd *a, const struct rd *t, double av,
			   const jg_vflags *fl, char *msg, size_t msglen)
{
	char note[64];
	double tv;
	if (!as_number(t, &tv))
		return mismatch(a, t, NO_DIFF, "not a number", msg, msglen);
	if (close_enough(av, tv, fl))
		return JG_VALIDATE_AC;
	snprintf(note, sizeof(note), "difference %g is above the tolerance",
		 fabs(av - tv));
	return mismatch(a, t, NO_DIFF, note, msg, msglen);
}

/* Compares the current tokens: JG_VALIDATE_AC when they match. */
static int compare_tokens(struct rd *a, struct rd *t, const jg_vflags *fl,
			  char *msg, size_t msglen)
{
	size_t at = NO_DIFF;
	double av;
	int rc;
	if (a->kind != t->kind)
		return mismatch(a, t, NO_DIFF, NULL, msg, msglen);
	/* Fast path: identical short tokens match in every mode. */
	if (!a->more && !t->more && a->tlen == t->tlen &&
	    !memcmp(a->tok, t->tok, a->tlen))
		return JG_VALIDATE_AC;
	if ((fl->has_abs || fl->has_rel) && as_number(a, &av))
		return compare_numbers(a, t, av, fl, msg, msglen);
	rc = same_string(a, t, fl->case_sensitive || a->kind == K_SPACE, &at);
	if (rc < 0)
		return JG_VALIDATE_ERROR;
	if (rc == 0)
		return mismatch(a, t, at, NULL, msg, msglen);
	return JG_VALIDATE_AC;
}

static int read_error(const struct rd *r, char *msg, size_t msglen)
{
	setmsg(msg, msglen, "error reading the %s: %s", r->name, strerror(r->err));
	return JG_VALIDATE_ERROR;
}

static int at_end(const struct rd *a, const struct rd *t, int ra, int rt,
		  char *msg, size_t msglen)
{
	char e[ESC_SIZE], loc[64];
	if (ra == 0 && rt == 0)
		return JG_VALIDATE_AC;
	if (ra == 0)
		setmsg(msg, msglen, "extra output after the end of the answer: %s%s",
		       kind_word(t), show(t, e));
	else
		setmsg(msg, msglen, "team output ended early: expected %s%s (%s)",
		       kind_word(a), show(a, e), where(a, loc, sizeof(loc)));
	return JG_VALIDATE_WA;
}

static int run(struct rd *a, struct rd *t, const jg_vflags *fl,
	       char *msg, size_t msglen)
{
	int ra, rt, rc, sp = fl->space_change_sensitive;
	for (;;) {
		ra = next_token(a, sp);
		if (ra < 0)
			return read_error(a, msg, msglen);
		rt = next_token(t, sp);
		if (rt < 0)
			return read_error(t, msg, msglen);
		if (!ra || !rt)
			return at_end(a, t, ra, rt, msg, msglen);
		rc = compare_tokens(a, t, fl, msg, msglen);
		if (rc == JG_VALIDATE_ERROR)
			return read_error(a->err ? a : t, msg, msglen);
		if (rc != JG_VALIDATE_AC)
			return rc;
	}
}

static void rd_init(struct rd *r, FILE *f, const char *name)
{
	r->f = f;
	r->name = name;
	r->line = 1;
}

int jg_validate_streams(FILE *answer, FILE *team, const jg_vflags *flags,
			char *msg, size_t msglen)
{
	struct rd *r;
	int rc;

	setmsg(msg, msglen, "%s", "");
	r = calloc(2, sizeof(*r));
	if (!r) {
		setmsg(msg, msglen, "out of memory in the output validator");
		rc = JG_VALIDATE_ERROR;
		goto done;
	}
	rd_init(&r[0], answer, "judge answer");
	rd_init(&r[1], team, "team output");
	rc = run(&r[0], &r[1], flags, msg, msglen);
done:
	free(r);
	return rc;
}
