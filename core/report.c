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

/* Length of the sequence a lead byte announces, its payload bits and the
 * smallest code point that may use that length; 0 for an invalid lead. */
static size_t lead(unsigned char b, uint32_t *c, uint32_t *min)
{
	if (b >= 0xc2 && b <= 0xdf) {
		*c = b & 0x1f;
		*min = 0x80;
		return 2;
	}
	if ((b & 0xf0) == 0xe0) {
		*c = b & 0x0f;
		*min = 0x800;
		return 3;
	}
	if (b >= 0xf0 && b <= 0xf4) {
		*c = b & 0x07;
		*min = 0x10000;
		return 4;
	}
	return 0;
}

size_t jg_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = 0, min = 0;
	size_t len;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = lead(s[0], &c, &min);
	if (len == 0 || n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

char *jg_utf8_sanitize(const char *s, size_t n)
{
	char *out, *p;
	uint32_t cp;
	size_t i = 0, len;

	if (n > (SIZE_MAX - 1) / 3 || !(out = malloc(3 * n + 1))) {
		jg_error_set(JG_ENOMEM, "out of memory (string of %zu bytes)", n);
		return NULL;
	}
	p = out;
	while (i < n) {
		len = jg_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			memcpy(p, JG_UTF8_REPLACEMENT, 3);
			p += 3;
			i++;
			continue;
		}
		memcpy(p, s + i, len);
		p += len;
		i += len;
	}
	*p = '\0';
	return out;
}

size_t jg_utf8_cut(const char *str, size_t n, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = max;

	if (n <= max)
		return n;
	for (int k = 0; k < 3 && len > 0 && (s[len] & 0xc0) == 0x80; k++)
		len--;
	return (s[len] & 0xc0) == 0x80 ? max : len;
}

long long jg_report_ms(double seconds)
{
	if (!isfinite(seconds) || seconds <= 0)
		return 0;
	if (seconds > 9e15)
		seconds = 9e15;
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
