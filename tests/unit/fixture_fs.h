/* tests/unit/fixture_fs.h - file-system helpers for building test fixtures.
 *
 * For unit tests that build bundles, packages and archives on disk at run
 * time (in a sandbox from jg_fs_mkdtemp(), removed with jg_fs_rmtree()).
 * Include after <cmocka.h> and the headers it needs (<stdarg.h>, <stddef.h>,
 * <stdint.h>, <setjmp.h>).
 *
 * Every helper fails the running cmocka test (assert_* / fail_msg) instead
 * of returning an error, so callers never check results.  Returned strings
 * are heap-allocated and owned by the caller, who frees them with free().
 *
 *   jt_path(a, b)                    "a/b"
 *   jt_mkdirs(path)                  creates the missing parents of path
 *   jt_put(dir, rel, text)           writes dir/rel, creating its parents
 *   jt_put_bytes(dir, rel, data, n)  the same with n bytes of data
 *   jt_put_dir(dir, rel)             creates the new directory dir/rel
 *   jt_slurp(path, len)              a whole file, NUL-terminated
 *   jt_slurp_at(dir, rel)            the file dir/rel, NUL-terminated
 */
#ifndef FIXTURE_FS_H
#define FIXTURE_FS_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "fs.h"

/* Files larger than this fail jt_slurp(). */
#define JT_SLURP_MAX ((size_t)256 << 20)

/* "a/b"; caller frees. */
static inline char *jt_path(const char *a, const char *b)
{
	char *p = jg_path_join(a, b);
	assert_non_null(p);
	return p;
}

/* Creates every missing parent directory of path (not path itself);
 * existing ones are fine. */
static inline void jt_mkdirs(const char *path)
{
	char *p = strdup(path);
	assert_non_null(p);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		assert_true(mkdir(p, 0755) == 0 || errno == EEXIST);
		*s = '/';
	}
	free(p);
}

/* Writes n bytes of data to dir/rel (replacing it), creating its parents. */
static inline void jt_put_bytes(const char *dir, const char *rel, const void *data, size_t n)
{
	char *path = jt_path(dir, rel);
	FILE *f;
	jt_mkdirs(path);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	free(path);
}

/* Writes the string text to dir/rel (replacing it), creating its parents. */
static inline void jt_put(const char *dir, const char *rel, const char *text)
{
	jt_put_bytes(dir, rel, text, strlen(text));
}

/* Creates the directory dir/rel and its parents; dir/rel must not exist. */
static inline void jt_put_dir(const char *dir, const char *rel)
{
	char *path = jt_path(dir, rel);
	jt_mkdirs(path);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
}

/* The whole regular file at path (following symlinks), NUL-terminated;
 * caller frees.  len (may be NULL) receives its size. */
static inline char *jt_slurp(const char *path, size_t *len)
{
	char *text = NULL;
	if (jg_fs_read_file(&text, len, path, JT_SLURP_MAX) != 0)
		fail_msg("%s", jg_error_last());
	assert_non_null(text);
	return text;
}

/* jt_slurp(dir/rel, NULL). */
static inline char *jt_slurp_at(const char *dir, const char *rel)
{
	char *path = jt_path(dir, rel), *text = jt_slurp(path, NULL);
	free(path);
	return text;
}

#endif
