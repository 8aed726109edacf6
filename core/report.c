/* core/report.c - atomic saving of reports and helpers shared by the writers. */
#include "report.h"
#include "report_util.h"
#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

long long jg_report_ms(double seconds)
{
	if (!isfinite(seconds) || seconds <= 0)
		return 0;
	/* At most 1e9 s (31 years) a value, so that sums over even millions
	 * of tests stay far below LLONG_MAX milliseconds. */
	if (seconds > 1e9)
		seconds = 1e9;
	return llround(seconds * 1000.0);
}

int jg_report_finish(FILE *f)
{
	if (fflush(f) != 0 || ferror(f))
		return jg_error_errno(JG_EIO, "cannot write report");
	return 0;
}


/* Creates "<path>.tmp.<pid>.<n>" exclusively (mode 0666 less the umask). */
static int open_temp(const char *path, char **tmp, FILE **f)
{
	static atomic_uint seq;
	size_t size = strlen(path) + 64;
	int fd = -1;

	if (!(*tmp = malloc(size)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		snprintf(*tmp, size, "%s.tmp.%ld.%u", path, (long)getpid(),
			 atomic_fetch_add(&seq, 1));
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0 || !(*f = fdopen(fd, "w"))) {
		int rc = jg_error_errno(JG_EIO, "cannot create %s", *tmp);
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		return rc;
	}
	return 0;
}

/* Writes through writer(ctx, f) to path atomically, or to stdout for "-". */
static int save_with(const char *path, int (*writer)(const void *ctx, FILE *f), const void *ctx)
{
	char *tmp = NULL;
	FILE *f = NULL;
	int rc;

	if (!path || !*path)
		return jg_error_set(JG_EINPUT, "empty report path");
	if (strcmp(path, "-") == 0)
		return writer(ctx, stdout);
	if ((rc = open_temp(path, &tmp, &f)) < 0)
		return rc;
	rc = writer(ctx, f);
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = jg_error_errno(JG_EIO, "cannot sync %s", tmp);
	if (fclose(f) != 0 && rc == 0)
		rc = jg_error_errno(JG_EIO, "cannot write %s", tmp);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = jg_error_errno(JG_EIO, "cannot rename %s to %s", tmp, path);
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

static int write_json(const void *r, FILE *f) { return jg_report_write_json(r, f); }
static int write_junit(const void *r, FILE *f) { return jg_report_write_junit(r, f); }

int jg_report_save_json(const jg_report *r, const char *path)
{
	return save_with(path, write_json, r);
}

int jg_report_save_junit(const jg_report *r, const char *path)
{
	return save_with(path, write_junit, r);
}

struct cases_ctx {
	const char *suite;
	const char *const *props;
	const jg_junit_case *cases;
	size_t n;
};

static int write_cases(const void *ctx, FILE *f)
{
	const struct cases_ctx *c = ctx;
	return jg_junit_write_cases(f, c->suite, c->props, c->cases, c->n);
}

int jg_junit_save_cases(const char *path, const char *suite, const char *const *properties,
			const jg_junit_case *cases, size_t n)
{
	struct cases_ctx c = { suite, properties, cases, n };
	return save_with(path, write_cases, &c);
}
