/* core/utf8.h - UTF-8 validation, decoding and repair.
 *
 * Text from submissions and bundles is bytes; reports and YAML parsers need
 * UTF-8.  Pure functions over (pointer, length); no allocation except
 * jg_utf8_sanitize(), whose result the caller frees.
 */
#ifndef JG_UTF8_H
#define JG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* UTF-8 of U+FFFD REPLACEMENT CHARACTER. */
#define JG_UTF8_REPLACEMENT "\xef\xbf\xbd"

/* Decodes one UTF-8 sequence at s (n >= 1 bytes available).  Returns its
 * length (1..4) and stores the code point in *cp, or 0 when the bytes do not
 * start a valid sequence (overlong forms, surrogates, values above
 * U+10FFFF, stray continuation bytes and truncated sequences are invalid). */
size_t jg_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The offset of the first byte of s[0..n) that is not valid UTF-8, or n
 * when all of it is valid. */
size_t jg_utf8_check(const char *s, size_t n);

/* A heap copy of s[0..n) in which every byte that is not part of a valid
 * UTF-8 sequence, and every NUL byte, is replaced by U+FFFD: the result is
 * a C string holding all of s.  Returns NULL after jg_error_set(JG_ENOMEM). */
char *jg_utf8_sanitize(const char *s, size_t n);

/* The largest length <= max at which s (n bytes long) can be cut without
 * splitting a UTF-8 sequence; n when n <= max. */
size_t jg_utf8_cut(const char *s, size_t n, size_t max);

#endif
