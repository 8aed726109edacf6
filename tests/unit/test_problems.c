/* tests/unit/test_problems.c - problems uploaded to judge serve: kept,
 * listed, found, removed; bad uploads refused with a reason. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "fs.h"
#include "problems.h"

static char *tmpdir, *store;

static int setup(void **state)
{
	if (jg_fs_mkdtemp(&tmpdir, NULL, "test-problems-") < 0)
		return -1;
	store = jg_path_join(tmpdir, "problems");
	return mkdir(store, 0700);
}

static int teardown(void **state)
{
	jg_fs_rmtree(tmpdir);
	free(tmpdir);
	free(store);
	return 0;
}

/* tar czf of `what` (relative to dir), read into memory. */
static char *archive_of(const char *dir, const char *what, size_t *len)
{
	char *cmd = NULL, *out = jg_path_join(tmpdir, "up.tgz"), *data = NULL;

	assert_true(asprintf(&cmd, "tar czf %s -C %s %s", out, dir, what) > 0);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(jg_fs_read_file(&data, len, out, 1u << 26), 0);
	free(cmd);
	free(out);
	return data;
}

static void test_lifecycle(void **state)
{
	size_t len;
	char *tgz = archive_of("problems", "hello", &len), *path;
	json_t *s = NULL, *list = NULL, *got = NULL;
	const char *id;

	assert_int_equal(jg_problems_add(&s, store, tgz, len), 0);
	id = json_string_value(json_object_get(s, "id"));
	assert_int_equal(strlen(id), JG_PROBLEM_ID_LEN);
	assert_string_equal(json_string_value(json_object_get(s, "name")), "A plus B");
	assert_true(json_integer_value(json_object_get(s, "tests")) >= 1);
	assert_int_equal(jg_problems_get(&got, store, id), 0);
	assert_non_null(got);
	assert_null(json_object_get(got, "root"));            /* internal */
	assert_int_equal(jg_problems_list(&list, store), 0);
	assert_int_equal(json_array_size(list), 1);
	/* the bundle directory is the archive's top-level directory */
	path = jg_problems_path(store, id);
	assert_non_null(path);
	assert_non_null(strstr(path, "/hello"));
	assert_true(jg_fs_is_dir(path));
	assert_int_equal(jg_problems_remove(store, id), 1);
	assert_int_equal(jg_problems_remove(store, id), 0);
	assert_false(jg_fs_is_dir(path));
	json_decref(got);
	assert_int_equal(jg_problems_get(&got, store, id), 0);
	assert_null(got);
	assert_null(jg_problems_path(store, id));
	assert_non_null(strstr(jg_error_last(), "no such problem"));
	free(path);
	json_decref(list);
	json_decref(s);
	free(tgz);
}

static void test_bad_uploads(void **state)
{
	json_t *s = NULL, *list = NULL;
	size_t len;
	char *tgz, *notes = jg_path_join(tmpdir, "notes.txt");

	assert_int_equal(jg_problems_add(&s, store, "hello", 5), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "upload: not an archive"));
	assert_null(s);
	/* an archive that is no bundle: no tests */
	assert_int_equal(jg_fs_write_file(notes, "x", 1), 0);
	free(notes);
	tgz = archive_of(tmpdir, "notes.txt", &len);
	assert_int_equal(jg_problems_add(&s, store, tgz, len), JG_EINPUT);
	if (!strstr(jg_error_last(), "upload: "))
		fail_msg("%s", jg_error_last());
	free(tgz);
	/* nothing kept: no listing, no leftovers but the empty store */
	assert_int_equal(jg_problems_list(&list, store), 0);
	assert_int_equal(json_array_size(list), 0);
	json_decref(list);
	/* ids that are not ours are never paths */
	assert_null(jg_problems_path(store, "../problems"));
	assert_int_equal(jg_problems_remove(store, "../../x"), 0);
	assert_int_equal(jg_problems_get(&s, store, "/etc/passwd"), 0);
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_bad_uploads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
