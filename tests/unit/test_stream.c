/* Unit tests: Docker multiplexed stream framing (core/stream.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "error.h"
#include "stream.h"

typedef struct { jg_buf out, err; int calls; } sink;

static int collect(int stream, const char *data, size_t len, void *ud)
{
	sink *s = ud;
	s->calls++;
	return jg_buf_add(stream == 2 ? &s->err : &s->out, data, len);
}

static size_t frame(char *dst, int type, const char *payload, uint32_t n)
{
	dst[0] = (char)type;
	dst[1] = dst[2] = dst[3] = 0;
	dst[4] = (char)(n >> 24), dst[5] = (char)(n >> 16), dst[6] = (char)(n >> 8), dst[7] = (char)n;
	memcpy(dst + 8, payload, n);
	return 8 + n;
}

static size_t sample(char *buf)
{
	size_t n = 0;
	n += frame(buf + n, 1, "READY\n", 6);
	n += frame(buf + n, 2, "diag", 4);
	n += frame(buf + n, 1, "", 0);
	n += frame(buf + n, 1, "R AC 1 2\n", 9);
	return n;
}

/* Every split of the byte stream into two or three pieces gives the same result. */
static void test_any_split(void **state)
{
	char buf[256];
	size_t n = sample(buf);
	(void)state;
	for (size_t a = 0; a <= n; a++) {
		for (size_t b = a; b <= n; b += 3) {
			sink s = { JG_BUF_INIT(0), JG_BUF_INIT(0), 0 };
			jg_demux d;
			jg_demux_init(&d);
			assert_int_equal(jg_demux_feed(&d, buf, a, collect, &s), 0);
			assert_int_equal(jg_demux_feed(&d, buf + a, b - a, collect, &s), 0);
			assert_int_equal(jg_demux_feed(&d, buf + b, n - b, collect, &s), 0);
			assert_string_equal(s.out.data, "READY\nR AC 1 2\n");
			assert_string_equal(s.err.data, "diag");
			jg_buf_free(&s.out);
			jg_buf_free(&s.err);
		}
	}
}

static void test_bad_header(void **state)
{
	char buf[32] = { 7, 0, 0, 0, 0, 0, 0, 1, 'x' };
	sink s = { JG_BUF_INIT(0), JG_BUF_INIT(0), 0 };
	jg_demux d;
	(void)state;
	jg_demux_init(&d);
	assert_int_equal(jg_demux_feed(&d, buf, 9, collect, &s), JG_EINTERNAL);
	buf[0] = 1, buf[2] = 5;   /* non-zero padding */
	jg_demux_init(&d);
	assert_int_equal(jg_demux_feed(&d, buf, 9, collect, &s), JG_EINTERNAL);
	assert_int_equal(s.calls, 0);
}

static int stop_now(int stream, const char *data, size_t len, void *ud)
{
	(void)stream, (void)data, (void)len, (void)ud;
	return 42;
}

static void test_callback_stops(void **state)
{
	char buf[256];
	size_t n = sample(buf);
	jg_demux d;
	(void)state;
	jg_demux_init(&d);
	assert_int_equal(jg_demux_feed(&d, buf, n, stop_now, NULL), 42);
}

/* A large frame arrives in many small reads. */
static void test_large_frame(void **state)
{
	size_t big = 1 << 20;
	char *buf = malloc(big + 8), *payload = malloc(big);
	sink s = { JG_BUF_INIT(0), JG_BUF_INIT(0), 0 };
	jg_demux d;
	(void)state;
	memset(payload, 'q', big);
	size_t n = frame(buf, 1, payload, (uint32_t)big);
	jg_demux_init(&d);
	for (size_t off = 0; off < n; off += 4093)
		assert_int_equal(jg_demux_feed(&d, buf + off, n - off < 4093 ? n - off : 4093, collect, &s), 0);
	assert_int_equal(s.out.len, big);
	assert_int_equal(s.out.data[big - 1], 'q');
	jg_buf_free(&s.out);
	free(buf);
	free(payload);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_any_split),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_large_frame),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
