/* core/fntest.c - tests of function-call problems (see fntest.h). */
#define _GNU_SOURCE
#include "fntest.h"
#include "error.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Writes v as one line of compact JSON (atomic enough: a fresh file). */
static int write_json(const char *path, const json_t *v)
{
	FILE *f = fopen(path, "wx");
	int rc = 0;

	if (!f)
		return jg_error_errno(JG_EIO, "%s: cannot create", path);
	if (json_dumpf(v, f, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(17)) < 0 ||
	    fputc('\n', f) == EOF)
		rc = jg_error_set(JG_EIO, "%s: write failed", path);
	if (fclose(f) != 0 && rc == 0)
		rc = jg_error_errno(JG_EIO, "%s: write failed", path);
	return rc;
}

static int load(json_t **out, const char *path, const char *disp)
{
	json_error_t err;
	struct stat st;

	if (stat(path, &st) < 0)
		return jg_error_errno(errno == ENOENT ? JG_EINPUT : JG_EIO, "%s", disp);
	if ((uint64_t)st.st_size > JG_FNTEST_MAX)
		return jg_error_set(JG_ELIMIT, "%s: larger than %u MiB", disp, JG_FNTEST_MAX >> 20);
	if (!(*out = json_load_file(path, JSON_DECODE_ANY, &err)))
		return jg_error_set(err.position == 0 && errno == ENOMEM ? JG_ENOMEM : JG_EINPUT,
				    "%s: line %d: not JSON: %s", disp, err.line, err.text);
	return 0;
}

/* Checks args and expected, writes both. */
static int write_pair(const jg_fnsig *s, json_t *args, json_t *expected, const char *in_out,
		      const char *ans_out, const char *where_in, const char *where_ans)
{
	char why[512];
	json_t *exp;
	int rc;

	if (jg_fnsig_check_args(s, args, why, sizeof(why)) < 0)
		return jg_error_set(JG_EINPUT, "%s: %s", where_in, why);
	if (!(exp = jg_fnsig_expected(s, expected, why, sizeof(why))))
		return jg_error_set(JG_EINPUT, "%s: %s", where_ans, why);
	if ((rc = write_json(in_out, args)) == 0)
		rc = write_json(ans_out, exp);
	json_decref(exp);
	return rc;
}

int jg_fntest_write_case(const jg_fnsig *s, json_t *tcase, const char *in_out, const char *ans_out,
			 const char *where)
{
	json_t *args = json_object_get(tcase, "input"), *exp = json_object_get(tcase, "expected_output");

	if (!json_is_object(tcase) || !args || !exp)
		return jg_error_set(JG_EINPUT, "%s: expected {\"input\": [arguments], \"expected_output\": "
				    "value}", where);
	return write_pair(s, args, exp, in_out, ans_out, where, where);
}

int jg_fntest_convert(const jg_fnsig *s, const char *json_path, const char *in_path, const char *ans_path,
		      const char *disp_in, const char *disp_ans, const char *in_out, const char *ans_out)
{
	json_t *a = NULL, *b = NULL;
	int rc;

	if (json_path) {
		if ((rc = load(&a, json_path, disp_in)) == 0)
			rc = jg_fntest_write_case(s, a, in_out, ans_out, disp_in);
	} else if ((rc = load(&a, in_path, disp_in)) == 0 && (rc = load(&b, ans_path, disp_ans)) == 0) {
		rc = write_pair(s, a, b, in_out, ans_out, disp_in, disp_ans);
	}
	json_decref(a);
	json_decref(b);
	return rc;
}
