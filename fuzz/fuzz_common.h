/* fuzz/fuzz_common.h - helpers shared by the fuzz targets.
 *
 * Every target defines LLVMFuzzerTestOneInput() and is built twice: with
 * clang and -fsanitize=fuzzer (JG_FUZZ=ON) and, always, as an ordinary
 * executable with replay_main.c, which feeds it every file of a corpus.
 *
 * Include it first, after "#define _GNU_SOURCE" (asprintf, memmem).
 *
 * FUZZ_CHECK() aborts on a broken property even in release builds (NDEBUG
 * disables assert(), and RelWithDebInfo defines it).
 */
#ifndef JG_FUZZ_COMMON_H
#define JG_FUZZ_COMMON_H

#include <stddef.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                      \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: property failed: %s\n",       \
				__FILE__, __LINE__, #cond);                   \
			abort();                                              \
		}                                                             \
	} while (0)

/* Like FUZZ_CHECK, printing a detail string (e.g. the last error). */
#define FUZZ_CHECK_MSG(cond, detail)                                          \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: property failed: %s [%s]\n",  \
				__FILE__, __LINE__, #cond, (detail));         \
			abort();                                              \
		}                                                             \
	} while (0)

/* 1 when $FUZZ_VERBOSE is set: targets then print each outcome to stderr. */
static inline int fuzz_verbose(void)
{
	static int v = -1;
	if (v < 0)
		v = getenv("FUZZ_VERBOSE") != NULL;
	return v;
}

/* A NUL-terminated heap copy of n bytes; aborts when out of memory (the
 * harness's own allocations are not what is being tested). */
static inline char *fuzz_strndup(const void *p, size_t n)
{
	char *s = malloc(n + 1);
	if (!s)
		abort();
	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* 1 when s holds no byte below 0x20 or 0x7f except those in `allowed`. */
static inline int fuzz_no_ctl(const char *s, const char *allowed)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 || c == 0x7f) && !(allowed && strchr(allowed, c)))
			return 0;
	}
	return 1;
}

/* Decodes one UTF-8 character by the Unicode rules (shortest form, no
 * surrogates, at most U+10FFFF). Returns its length, 0 when invalid. */
static inline size_t fuzz_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc0 && s[0] < 0xe0)
		len = 2, c = s[0] & 0x1f, min = 0x80;
	else if (s[0] >= 0xe0 && s[0] < 0xf0)
		len = 3, c = s[0] & 0x0f, min = 0x800;
	else if (s[0] >= 0xf0 && s[0] < 0xf8)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}


/* Writes n bytes to a fresh file "<dir>/<prefix>XXXXXX" (dir NULL: $TMPDIR
 * or /tmp); returns its heap-allocated path.  Aborts on failure: the file
 * system is the harness's, not the code under test. */
static inline char *fuzz_write_temp(const char *dir, const char *prefix,
				    const uint8_t *data, size_t n)
{
	char *path;
	FILE *f;
	int fd;

	if (!dir)
		dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	if (asprintf(&path, "%s/%sXXXXXX", dir, prefix) < 0)
		abort();
	if ((fd = mkstemp(path)) < 0 || !(f = fdopen(fd, "wb"))) {
		perror(path);
		abort();
	}
	if ((n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}

#endif
