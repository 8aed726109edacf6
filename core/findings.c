/* core/findings.c - lists of findings about a problem package. */
#define _GNU_SOURCE
#include "findings.h"
#include "error.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A copy of s as valid UTF-8 without control characters; NULL on no memory. */
static char *clean(const char *s)
{
	char *out = jg_utf8_sanitize(s, strlen(s));

	for (char *p = out; p && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return out;
}

static int grow(jg_findings *f)
{
	size_t n = f->alloc ? 2 * f->alloc : 16;
	jg_finding *items;

	if (f->n < f->alloc)
		return 0;
	if (!(items = realloc(f->items, n * sizeof(*items))))
		return jg_error_set(JG_ENOMEM, "out of memory");
	f->items = items;
	f->alloc = n;
	return 0;
}

int jg_findings_vadd(jg_findings *f, jg_severity s, const char *file, const char *fmt,
		     va_list ap)
{
	char *raw = NULL, *msg = NULL, *name = NULL;
	int rc;

	if (vasprintf(&raw, fmt, ap) < 0) {
		raw = NULL;
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	if (!(msg = clean(raw)) || (file && !(name = clean(file)))) {
		rc = JG_ENOMEM;
		goto done;
	}
	if ((rc = grow(f)) < 0)
		goto done;
	f->items[f->n++] = (jg_finding){ s, name, msg };
	name = msg = NULL;
done:
	free(raw);
	free(msg);
	free(name);
	return rc;
}

int jg_findings_add(jg_findings *f, jg_severity s, const char *file, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = jg_findings_vadd(f, s, file, fmt, ap);
	va_end(ap);
	return rc;
}

size_t jg_findings_count(const jg_findings *f, jg_severity s)
{
	size_t n = 0;

	for (size_t i = 0; f && i < f->n; i++)
		n += f->items[i].severity == s;
	return n;
}

const char *jg_severity_name(jg_severity s)
{
	return s == JG_FINDING_ERROR ? "error" : "warning";
}

void jg_findings_clear(jg_findings *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->items[i].file);
		free(f->items[i].message);
	}
	free(f->items);
	f->items = NULL;
	f->n = f->alloc = 0;
}
