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

typedef int (*writer_fn)(const jg_report *r, FILE *f);

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

static int save(const jg_report *r, const char *path, writer_fn writer)
{
	char *tmp = NULL;
	FILE *f = NULL;
	int rc;

	if (!path || !*path)
		return jg_error_set(JG_EINPUT, "empty report path");
	if (strcmp(path, "-") == 0)
		return writer(r, stdout);
	if ((rc = open_temp(path, &tmp, &f)) < 0)
		return rc;
	rc = writer(r, f);
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

int jg_report_save_json(const jg_report *r, const char *path)
{
	return save(r, path, jg_report_write_json);
}

int jg_report_save_junit(const jg_report *r, const char *path)
{
	return save(r, path, jg_report_write_junit);
}
