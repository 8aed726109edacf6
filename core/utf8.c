/* core/utf8.c - UTF-8 validation, decoding and repair. */
#include "utf8.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Length of the sequence a lead byte announces, its payload bits and the
 * smallest code point that may use that length; 0 for an invalid lead. */
static size_t lead(unsigned char b, uint32_t *c, uint32_t *min)
{
	if (b >= 0xc2 && b <= 0xdf) {
		*c = b & 0x1f;
		*min = 0x80;
		return 2;
	}
	if ((b & 0xf0) == 0xe0) {
		*c = b & 0x0f;
		*min = 0x800;
		return 3;
	}
	if (b >= 0xf0 && b <= 0xf4) {
		*c = b & 0x07;
		*min = 0x10000;
		return 4;
	}
	return 0;
}

size_t jg_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = 0, min = 0;
	size_t len;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = lead(s[0], &c, &min);
	if (len == 0 || n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

char *jg_utf8_sanitize(const char *s, size_t n)
{
	char *out, *p;
	uint32_t cp;
	size_t i = 0, len;

	if (n > (SIZE_MAX - 1) / 3 || !(out = malloc(3 * n + 1))) {
		jg_error_set(JG_ENOMEM, "out of memory (string of %zu bytes)", n);
		return NULL;
	}
	p = out;
	while (i < n) {
		len = s[i] ? jg_utf8_decode(s + i, n - i, &cp) : 0;
		if (len == 0) {   /* invalid, or a NUL, which would end the C string */
			memcpy(p, JG_UTF8_REPLACEMENT, 3);
			p += 3;
			i++;
			continue;
		}
		memcpy(p, s + i, len);
		p += len;
		i += len;
	}
	*p = '\0';
	return out;
}

size_t jg_utf8_cut(const char *str, size_t n, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = max;

	if (n <= max)
		return n;
	for (int k = 0; k < 3 && len > 0 && (s[len] & 0xc0) == 0x80; k++)
		len--;
	return (s[len] & 0xc0) == 0x80 ? max : len;
}

size_t jg_utf8_check(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		size_t len = jg_utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return i;
		i += len;
	}
	return n;
}
