/* core/findings.h - what a check found wrong with a problem package.
 *
 * `judge verify` reports everything it finds (test data, validators, time
 * limit, submissions...) as findings: data, never errors.  A finding is a
 * severity, the file it is about and a one-line message:
 *
 *   error    data/secret/3.in: no matching .ans
 *   warning  data/sample/1.in: CRLF line endings (first on line 1)
 *
 * A jg_findings list owns its findings and their strings; a zeroed list is
 * empty and ready to use (it can be a member of another struct), and
 * jg_findings_clear() brings it back to that state.  Findings stay in the
 * order they were added.  Every file and message is stored as valid UTF-8
 * without control characters (invalid bytes become U+FFFD, control
 * characters '?'), so that names taken from a package can go into any
 * report as they are.
 */
#ifndef JG_FINDINGS_H
#define JG_FINDINGS_H

#include <stdarg.h>
#include <stddef.h>

typedef enum {
	JG_FINDING_WARNING = 0,   /* worth a look; the package can still be used */
	JG_FINDING_ERROR          /* the package is wrong; verify fails */
} jg_severity;

typedef struct {
	jg_severity severity;
	char       *file;      /* relative to the bundle root ("data/secret/03.in",
				* "input_validators/check.py"), or NULL when the
				* finding is about the package as a whole */
	char       *message;   /* one line, no final newline: "not valid UTF-8 (at byte 7)" */
} jg_finding;

typedef struct {
	jg_finding *items;
	size_t      n;
	size_t      alloc;     /* private: slots in items */
} jg_findings;

/* Appends a finding; file may be NULL. Returns 0 or JG_ENOMEM (f unchanged). */
int jg_findings_add(jg_findings *f, jg_severity s, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int jg_findings_vadd(jg_findings *f, jg_severity s, const char *file, const char *fmt,
		     va_list ap) __attribute__((format(printf, 4, 0)));

/* How many findings of severity s f holds; NULL counts 0. */
size_t jg_findings_count(const jg_findings *f, jg_severity s);

/* "error" or "warning". */
const char *jg_severity_name(jg_severity s);

/* Frees every finding and leaves f empty; NULL is a no-op. */
void jg_findings_clear(jg_findings *f);

#endif
