/* core/codec.h - decoding of the text encodings that requests carry
 * source code in (judge serve: v1 code_base64, seed 000's code, Piston's
 * file encodings).
 *
 * Both decode s[0..n) into a new heap buffer *out (the caller's; *len
 * bytes, not NUL-terminated) and return 0, -1 when s is not in the
 * encoding (nothing allocated), or -2 when out of memory.
 */
#ifndef JG_CODEC_H
#define JG_CODEC_H

#include <stddef.h>

/* RFC 4648 base64, either alphabet (+/ or -_), padding optional, spaces,
 * tabs and line breaks skipped. */
int jg_base64_decode(const char *s, size_t n, char **out, size_t *len);
/* Hex digits, either case, an even count. */
int jg_hex_decode(const char *s, size_t n, char **out, size_t *len);

#endif
