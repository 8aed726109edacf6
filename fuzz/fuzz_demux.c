/* fuzz/fuzz_demux.c - the Docker stream demultiplexer (stream.h).
 *
 * Input: one control byte C, then the stream bytes S.  S is decoded three
 * ways and compared with a reference decoder written here from the framing
 * described in stream.h:
 *   1. fed whole;
 *   2. fed in pieces whose sizes come from C (1..16 bytes, varying);
 *   3. fed in pieces, with a callback that stops (returns 7) at its K-th
 *      call, K = 1 + C % 5: the feed must return 7 then, and what was
 *      delivered must be a prefix of the reference output.
 * Properties: payload of each stream (stdin/stdout/stderr) and the outcome
 * (0, or JG_EINTERNAL for a malformed header) are the same every way; the
 * callback only sees streams 0..2, non-empty fragments that lie inside the
 * fed piece; between calls the demuxer holds less than a whole header
 * (unless it just refused one).
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include "error.h"
#include "stream.h"

struct out {
	char       *s[3];
	size_t      n[3];
	const char *lo, *hi;     /* the piece being fed */
	size_t      calls, stop_at;
};

static void out_add(struct out *o, int stream, const char *p, size_t n)
{
	char *s = realloc(o->s[stream], o->n[stream] + n + 1);
	if (!s)
		abort();
	memcpy(s + o->n[stream], p, n);
	o->s[stream] = s;
	o->n[stream] += n;
}

static void out_free(struct out *o)
{
	for (int i = 0; i < 3; i++)
		free(o->s[i]);
}

static int on_data(int stream, const char *data, size_t len, void *ud)
{
	struct out *o = ud;

	FUZZ_CHECK(stream >= 0 && stream <= 2);
	FUZZ_CHECK(len > 0);
	FUZZ_CHECK(data >= o->lo && data + len <= o->hi);
	out_add(o, stream, data, len);
	return ++o->calls == o->stop_at ? 7 : 0;
}

/* The framing, decoded in one pass: 0, or -1 for a malformed header. */
static int reference(const uint8_t *p, size_t n, struct out *o)
{
	size_t i = 0;
	while (n - i >= 8) {
		const uint8_t *h = p + i;
		uint32_t size;
		size_t take;
		if (h[0] > 2 || h[1] || h[2] || h[3])
			return -1;
		size = (uint32_t)h[4] << 24 | (uint32_t)h[5] << 16 | (uint32_t)h[6] << 8 | h[7];
		i += 8;
		take = n - i < size ? n - i : size;
		if (take)
			out_add(o, h[0], (const char *)p + i, take);
		i += take;
		if (take < size)
			return 0;
	}
	return 0;
}

/* Feeds s in pieces (sizes from ctl, 0: whole). Returns the first non-zero
 * result of jg_demux_feed, or 0. */
static int feed(const char *s, size_t n, unsigned ctl, struct out *o)
{
	jg_demux d;
	size_t i = 0, piece;
	int rc = 0;

	jg_demux_init(&d);
	FUZZ_CHECK(d.have == 0 && d.remaining == 0);
	while (rc == 0 && i < n) {
		piece = ctl ? 1 + (ctl + i * 7) % 16 : n;
		if (piece > n - i)
			piece = n - i;
		o->lo = s + i;
		o->hi = s + i + piece;
		rc = jg_demux_feed(&d, s + i, piece, on_data, o);
		FUZZ_CHECK(rc == JG_EINTERNAL || d.have < sizeof(d.hdr));
		i += piece;
	}
	/* An empty feed changes nothing and calls nobody. */
	if (rc == 0) {
		size_t calls = o->calls;
		FUZZ_CHECK(jg_demux_feed(&d, s, 0, on_data, o) == 0 && o->calls == calls);
	}
	return rc;
}

static void same(const struct out *a, const struct out *b)
{
	for (int i = 0; i < 3; i++)
		FUZZ_CHECK(a->n[i] == b->n[i] && (!a->n[i] || !memcmp(a->s[i], b->s[i], a->n[i])));
}

static void prefix(const struct out *a, const struct out *ref)
{
	for (int i = 0; i < 3; i++)
		FUZZ_CHECK(a->n[i] <= ref->n[i] && (!a->n[i] || !memcmp(a->s[i], ref->s[i], a->n[i])));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out ref = { .calls = 0 }, whole = { .calls = 0 }, pieces = { .calls = 0 }, stop = { .calls = 0 };
	const char *s;
	size_t n;
	unsigned ctl;
	int want, rc;

	if (size < 1)
		return 0;
	jg_error_clear();
	ctl = data[0];
	s = (const char *)data + 1;
	n = size - 1;

	want = reference(data + 1, n, &ref) < 0 ? JG_EINTERNAL : 0;

	rc = feed(s, n, 0, &whole);
	FUZZ_CHECK(rc == want);
	if (rc == JG_EINTERNAL)
		FUZZ_CHECK(jg_error_last_code() == JG_EINTERNAL && jg_error_last()[0]);
	same(&whole, &ref);

	rc = feed(s, n, ctl | 1, &pieces);
	FUZZ_CHECK(rc == want);
	same(&pieces, &ref);

	stop.stop_at = 1 + ctl % 5;
	rc = feed(s, n, ctl | 1, &stop);
	if (stop.calls == stop.stop_at)
		FUZZ_CHECK(rc == 7);
	else
		FUZZ_CHECK(rc == want && stop.calls < stop.stop_at);
	prefix(&stop, &ref);

	out_free(&ref);
	out_free(&whole);
	out_free(&pieces);
	out_free(&stop);
	return 0;
}
