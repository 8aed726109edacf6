/* core/error.c - thread-local last-error message. */
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_msg[1024];
static _Thread_local int last_code;

static int vset(int code, int with_errno, int saved_errno, const char *fmt, va_list ap)
{
	int n = vsnprintf(last_msg, sizeof(last_msg), fmt, ap);
	if (n < 0)
		n = 0;
	if (with_errno && (size_t)n < sizeof(last_msg))
		snprintf(last_msg + n, sizeof(last_msg) - (size_t)n, ": %s", strerror(saved_errno));
	last_code = code;
	return code;
}

int jg_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(code, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

int jg_error_errno(int code, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;
	va_start(ap, fmt);
	vset(code, 1, saved, fmt, ap);
	va_end(ap);
	return code;
}

const char *jg_error_last(void) { return last_msg; }
int jg_error_last_code(void) { return last_code; }

void jg_error_clear(void)
{
	last_msg[0] = '\0';
	last_code = 0;
}

int jg_error_exit_code(int code)
{
	return (code == JG_EINPUT || code == JG_ELIMIT) ? 2 : 3;
}
