/* core/error.h - error codes and the last error message of the calling thread.
 *
 * Every jg_ function that can fail returns 0 or one of the negative codes
 * below, after recording a one-line human-readable message with
 * jg_error_set().  The message lives in thread-local storage and stays valid
 * until the same thread records another error.
 *
 * Codes fall into two classes that the CLI maps to exit codes:
 *   bad input (exit 2)          JG_EINPUT, JG_ELIMIT
 *   judge/infrastructure (3)    everything else
 * Verdicts (WA, TLE, ...) are data, never errors.
 */
#ifndef JG_ERROR_H
#define JG_ERROR_H

enum {
	JG_OK       =  0,
	JG_ENOMEM   = -1,  /* out of memory */
	JG_EINPUT   = -2,  /* malformed bundle, archive, YAML, JSON, option */
	JG_ELIMIT   = -3,  /* input exceeds a safety cap (archive bomb, ...) */
	JG_EIO      = -4,  /* host file system failure */
	JG_EDOCKER  = -5,  /* Docker engine unreachable or refused a request */
	JG_ENOIMAGE = -6,  /* runtime image missing and cannot be pulled */
	JG_ETIMEOUT = -7,  /* an operation with a deadline ran out of time */
	JG_EINTERNAL= -8,  /* a bug or protocol violation inside the judge */
	JG_EINTR    = -9   /* interrupted by SIGINT/SIGTERM */
};

/* Records a printf-style message for the calling thread; returns `code`. */
int jg_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Like jg_error_set() but appends ": strerror(errno)". */
int jg_error_errno(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The calling thread's last message; "" when none. Never NULL. */
const char *jg_error_last(void);

/* The code that went with the last message (0 when none). */
int jg_error_last_code(void);

void jg_error_clear(void);

/* Exit code for a negative error code: 2 for bad input, 3 otherwise. */
int jg_error_exit_code(int code);

#endif
