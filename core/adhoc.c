/* core/adhoc.c - bundles made of inline tests (see adhoc.h). */
#define _GNU_SOURCE
#include "adhoc.h"
#include "error.h"
#include "fntest.h"
#include "fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A stdin/stdout test: both strings; in execute mode only the input (and
 * the .ans is empty). */
static int write_io_case(json_t *t, const char *in, const char *ans, int execute, const char *where)
{
	json_t *i = json_object_get(t, "input"), *e = json_object_get(t, "expected_output");
	int rc;

	if (execute && json_is_string(i))
		e = NULL;
	else if (!json_is_string(i) || !json_is_string(e))
		return jg_error_set(JG_EINPUT, "%s: expected {\"input\": \"stdin text\", \"expected_output\": "
				    "\"stdout text\"}", where);
	if ((rc = jg_fs_write_file(in, json_string_value(i), json_string_length(i))) == 0)
		rc = jg_fs_write_file(ans, e ? json_string_value(e) : "", e ? json_string_length(e) : 0);
	return rc;
}

/* 1 when no test has an "expected_output" key (execute mode), 0 when all
 * have one; a mix is an error. */
static int execute_mode(json_t *tests, int *execute, const char *where)
{
	size_t i, with = 0;
	json_t *t;

	json_array_foreach(tests, i, t)
		with += json_object_get(t, "expected_output") != NULL;
	if (with && with < json_array_size(tests))
		return jg_error_set(JG_EINPUT, "%s: %zu of %zu tests have an expected_output: give it for "
				    "all or (to only run the program) for none", where, with, json_array_size(tests));
	*execute = !with;
	return 0;
}

static int write_tests(const char *dir, json_t *tests, const jg_fnsig *sig, int *execute, const char *where)
{
	size_t n = json_array_size(tests), width = n < 1000 ? 3 : 6;
	int rc = 0;

	if (!json_is_array(tests) || !n)
		return jg_error_set(JG_EINPUT, "%s: expected a non-empty list of {\"input\", \"expected_output\"}",
				    where);
	*execute = 0;
	if (!sig && (rc = execute_mode(tests, execute, where)) < 0)
		return rc;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *in = NULL, *ans = NULL, *at = NULL;
		json_t *t = json_array_get(tests, i);
		if (asprintf(&in, "%s/data/secret/%0*zu.in", dir, (int)width, i + 1) < 0 ||
		    asprintf(&ans, "%s/data/secret/%0*zu.ans", dir, (int)width, i + 1) < 0 ||
		    asprintf(&at, "%s: test %zu", where, i + 1) < 0)
			rc = jg_error_set(JG_ENOMEM, "out of memory");
		else
			rc = sig ? jg_fntest_write_case(sig, t, in, ans, at)
				 : write_io_case(t, in, ans, *execute, at);
		free(in);
		free(ans);
		free(at);
	}
	return rc;
}

static int make_dirs(const char *dir)
{
	char *data = jg_path_join(dir, "data"), *secret = data ? jg_path_join(data, "secret") : NULL;
	int rc = 0;

	if (!secret)
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	else if (mkdir(data, 0700) < 0 || mkdir(secret, 0700) < 0)
		rc = jg_error_errno(JG_EIO, "%s: cannot create", dir);
	free(data);
	free(secret);
	return rc;
}

int jg_adhoc_bundle(jg_bundle **out, json_t *tests, jg_fnsig *sig, const char *name, double time_limit,
		    const char *where)
{
	jg_bundle_opts bo = { .time_limit = time_limit };
	char *dir = NULL, *title = NULL;
	int rc, execute = 0;

	*out = NULL;
	if ((rc = jg_fs_mkdtemp(&dir, NULL, "judge-adhoc-")) < 0 || (rc = make_dirs(dir)) < 0 ||
	    (rc = write_tests(dir, tests, sig, &execute, where)) < 0 || (rc = jg_bundle_open(out, dir, &bo)) < 0)
		goto done;
	if (!(title = strdup(name))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		jg_bundle_free(*out);
		*out = NULL;
		goto done;
	}
	free((*out)->problem.name);
	(*out)->problem.name = title;
	(*out)->problem.function = sig;
	(*out)->problem.execute = execute;
	(*out)->gen_dir = dir;
	sig = NULL;
	dir = NULL;
done:
	if (dir)
		jg_fs_rmtree(dir);
	free(dir);
	jg_fnsig_free(sig);
	return rc;
}
