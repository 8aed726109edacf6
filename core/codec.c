/* core/codec.c - base64 and hex decoding (see codec.h). */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+' || c == '-') return 62;
	if (c == '/' || c == '_') return 63;
	return -1;
}

int jg_base64_decode(const char *s, size_t n, char **out, size_t *len)
{
	char *o = malloc(n / 4 * 3 + 3);
	unsigned acc = 0;
	int bits = 0, pad = 0;
	size_t k = 0;

	if (!o)
		return -2;
	for (size_t i = 0; i < n; i++) {
		int v = b64_value((unsigned char)s[i]);
		if (strchr(" \t\r\n", s[i]))
			continue;
		if (s[i] == '=' && ++pad <= 2)
			continue;
		if (v < 0 || pad) {
			free(o);
			return -1;
		}
		acc = (acc << 6) | (unsigned)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			o[k++] = (char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	*out = o;
	*len = k;
	return 0;
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

int jg_hex_decode(const char *s, size_t n, char **out, size_t *len)
{
	char *o;

	if (n % 2)
		return -1;
	if (!(o = malloc(n / 2 + 1)))
		return -2;
	for (size_t i = 0; i < n; i += 2) {
		int hi = hex_value((unsigned char)s[i]), lo = hex_value((unsigned char)s[i + 1]);
		if (hi < 0 || lo < 0) {
			free(o);
			return -1;
		}
		o[i / 2] = (char)(hi << 4 | lo);
	}
	*out = o;
	*len = n / 2;
	return 0;
}

