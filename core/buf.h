/* core/buf.h - growable byte buffer with a hard cap.
 *
 * Anything a submission produced goes through a jg_buf: appends beyond `max`
 * are dropped and counted in `truncated`, so a report can say how much was
 * cut.  The data is always NUL-terminated.  The buffer owns `data`.
 */
#ifndef JG_BUF_H
#define JG_BUF_H

#include <stddef.h>

typedef struct {
	char  *data;       /* NUL-terminated, NULL until the first append */
	size_t len;
	size_t alloc;
	size_t max;        /* hard cap on len; 0 means unlimited */
	size_t truncated;  /* bytes dropped because of max */
} jg_buf;

#define JG_BUF_INIT(cap) { NULL, 0, 0, (cap), 0 }

void jg_buf_init(jg_buf *b, size_t max);
/* Appends up to the cap. Returns 0, or JG_ENOMEM (buffer unchanged). */
int  jg_buf_add(jg_buf *b, const void *p, size_t n);
int  jg_buf_puts(jg_buf *b, const char *s);
int  jg_buf_printf(jg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands ownership of the data to the caller ("" when empty); resets b. */
char *jg_buf_detach(jg_buf *b);
void jg_buf_reset(jg_buf *b);      /* len = truncated = 0, keeps memory */
void jg_buf_free(jg_buf *b);       /* NULL is a no-op */

#endif
