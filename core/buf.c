/* core/buf.c - capped growable buffer. */
#include "buf.h"
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jg_buf_init(jg_buf *b, size_t max)
{
	memset(b, 0, sizeof(*b));
	b->max = max;
}

static int grow(jg_buf *b, size_t need)
{
	size_t n = b->alloc ? b->alloc : 64;
	char *p;
	while (n < need + 1)
		n *= 2;
	if (n == b->alloc)
		return 0;
	p = realloc(b->data, n);
	if (!p)
		return jg_error_set(JG_ENOMEM, "out of memory (buffer of %zu bytes)", n);
	b->data = p;
	b->alloc = n;
	return 0;
}

int jg_buf_add(jg_buf *b, const void *p, size_t n)
{
	size_t take = n;
	if (b->max && b->len + take > b->max)
		take = b->max > b->len ? b->max - b->len : 0;
	if (grow(b, b->len + take) < 0)
		return JG_ENOMEM;
	if (take)
		memcpy(b->data + b->len, p, take);
	b->len += take;
	b->data[b->len] = '\0';
	b->truncated += n - take;
	return 0;
}

int jg_buf_puts(jg_buf *b, const char *s) { return jg_buf_add(b, s, strlen(s)); }

int jg_buf_printf(jg_buf *b, const char *fmt, ...)
{
	char small[512], *big = NULL;
	int n, rc;
	va_list ap;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return jg_error_set(JG_EINTERNAL, "format error");
	if ((size_t)n < sizeof(small))
		return jg_buf_add(b, small, (size_t)n);
	if (!(big = malloc((size_t)n + 1)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc = jg_buf_add(b, big, (size_t)n);
	free(big);
	return rc;
}

char *jg_buf_detach(jg_buf *b)
{
	char *p = b->data ? b->data : strdup("");
	size_t max = b->max;
	jg_buf_init(b, max);
	return p;
}

void jg_buf_reset(jg_buf *b)
{
	b->len = 0;
	b->truncated = 0;
	if (b->data)
		b->data[0] = '\0';
}

void jg_buf_free(jg_buf *b)
{
	if (!b)
		return;
	free(b->data);
	jg_buf_init(b, b->max);
}
