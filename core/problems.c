/* core/problems.c - uploaded problem bundles (see problems.h). */
#define _GNU_SOURCE
#include "problems.h"
#include "bundle.h"
#include "error.h"
#include "extract.h"
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int valid_id(const char *id)
{
	if (!id || strlen(id) != JG_PROBLEM_ID_LEN)
		return 0;
	for (const char *p = id; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

static int new_id(char id[JG_PROBLEM_ID_LEN + 1])
{
	unsigned char raw[JG_PROBLEM_ID_LEN / 2];

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return jg_error_errno(JG_EIO, "getrandom");
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(id + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

static char *summary_path(const char *dir, const char *id)
{
	char *p = NULL;
	return asprintf(&p, "%s/%s.json", dir, id) < 0 ? NULL : p;
}

static const char *validation_name(jg_validation v)
{
	return v == JG_VALIDATION_CUSTOM ? "custom" : v == JG_VALIDATION_INTERACTIVE ? "interactive" : "default";
}

static json_t *summarize(const jg_bundle *b, const char *id, const char *root, size_t len)
{
	size_t samples = 0;

	for (size_t i = 0; i < b->ntests; i++)
		samples += !strncmp(b->tests[i].name, "sample/", 7);
	return json_pack("{s:s, s:s, s:I, s:I, s:f, s:I, s:b, s:s, s:I, s:I, s:s}", "id", id, "name",
			 b->problem.name ? b->problem.name : id, "tests", (json_int_t)b->ntests, "samples",
			 (json_int_t)samples, "time_limit", b->problem.time_limit, "memory_limit",
			 (json_int_t)b->problem.memory_mib, "function", b->problem.function != NULL,
			 "validation", validation_name(b->problem.validation), "size", (json_int_t)len,
			 "created", (json_int_t)time(NULL), "root", root);
}

/* Moves the extracted bundle to dir/id and writes its summary. */
static int keep(json_t **summary, jg_bundle *b, const char *dir, const char *id, size_t len)
{
	size_t n = strlen(b->extracted_dir);
	const char *root = b->root + (strncmp(b->root, b->extracted_dir, n) ? strlen(b->root) : n);
	char *to = jg_path_join(dir, id), *sp = summary_path(dir, id);
	int rc = 0;

	if (*root == '/')
		root++;
	if (!to || !sp || !(*summary = summarize(b, id, root, len))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	} else if (rename(b->extracted_dir, to) < 0) {
		rc = jg_error_errno(JG_EIO, "%s", to);
	} else {
		free(b->extracted_dir);
		b->extracted_dir = NULL;   /* kept: jg_bundle_free must not remove it */
		if (json_dump_file(*summary, sp, JSON_COMPACT) < 0) {
			rc = jg_error_set(JG_EIO, "%s: cannot write", sp);
			jg_fs_rmtree(to);
		}
	}
	free(to);
	free(sp);
	return rc;
}

/* "upload: MESSAGE", with the server's paths taken out of MESSAGE: the
 * upload's own ("…/.upload-ID: x" is "x"), and the extraction directory
 * ("…/judge-bundle-…/hello/problem.yaml: x" is "hello/problem.yaml: x"). */
static int upload_error(int rc, const char *dir, const char *upload)
{
	char msg[1024];
	const char *m = msg;
	size_t n = strlen(dir);

	snprintf(msg, sizeof(msg), "%s", jg_error_last());   /* jg_error_set rewrites it */
	if (!strncmp(m, upload, strlen(upload)))
		m += strlen(upload) + (m[strlen(upload)] == ':' ? 2 : 0);
	else if (!strncmp(m, dir, n) && m[n] == '/' && strchr(m + n + 1, '/'))
		m = strchr(m + n + 1, '/') + 1;
	return jg_error_set(rc, "upload: %s", m);
}

int jg_problems_add(json_t **summary, const char *dir, const void *archive, size_t len)
{
	jg_bundle_opts bo = { .workdir = dir };
	jg_bundle *b = NULL;
	char id[JG_PROBLEM_ID_LEN + 1], *upload = NULL;
	int rc;

	*summary = NULL;
	if ((rc = new_id(id)) < 0)
		return rc;
	if (asprintf(&upload, "%s/.upload-%s", dir, id) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((rc = jg_fs_write_file(upload, archive, len)) == 0 && !jg_archive_detect(upload))
		rc = jg_error_set(JG_EINPUT, "upload: not an archive (zip, tar, tar.gz, tar.xz, tar.bz2, tar.zst)");
	if (rc == 0 && (rc = jg_bundle_open(&b, upload, &bo)) == 0)
		rc = keep(summary, b, dir, id, len);
	if (rc < 0 && rc != JG_ENOMEM && strncmp(jg_error_last(), "upload: ", 8))
		rc = upload_error(rc, dir, upload);
	jg_bundle_free(b);
	unlink(upload);
	free(upload);
	if (rc < 0) {
		json_decref(*summary);
		*summary = NULL;
	}
	return rc;
}

int jg_problems_get(json_t **summary, const char *dir, const char *id)
{
	char *sp;
	int rc = 0;

	*summary = NULL;
	if (!valid_id(id))
		return 0;
	if (!(sp = summary_path(dir, id)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (access(sp, F_OK) == 0 && !(*summary = json_load_file(sp, 0, NULL)))
		rc = jg_error_set(JG_EIO, "%s: unreadable summary", sp);
	free(sp);
	if (*summary)
		json_object_del(*summary, "root");
	return rc;
}

static int by_created(const void *a, const void *b)
{
	json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "created"));
	json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "created"));
	return x < y ? -1 : x > y;
}

int jg_problems_list(json_t **list, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	json_t **all = NULL;
	size_t n = 0;
	int rc = 0;

	if (!d)
		return errno == ENOENT ? ((*list = json_array()) ? 0 : JG_ENOMEM) : jg_error_errno(JG_EIO, "%s", dir);
	while (rc == 0 && (e = readdir(d))) {
		size_t k = strlen(e->d_name);
		char id[JG_PROBLEM_ID_LEN + 1];
		json_t *s = NULL, **grown;
		if (k != JG_PROBLEM_ID_LEN + 5 || strcmp(e->d_name + JG_PROBLEM_ID_LEN, ".json"))
			continue;
		snprintf(id, sizeof(id), "%.*s", JG_PROBLEM_ID_LEN, e->d_name);
		if ((rc = jg_problems_get(&s, dir, id)) < 0 || !s)
			continue;
		if (!(grown = realloc(all, (n + 1) * sizeof(*all)))) {
			json_decref(s);
			rc = jg_error_set(JG_ENOMEM, "out of memory");
			break;
		}
		all = grown;
		all[n++] = s;
	}
	closedir(d);
	if (n)
		qsort(all, n, sizeof(*all), by_created);
	*list = rc == 0 ? json_array() : NULL;
	for (size_t i = 0; i < n; i++)
		if (!*list || json_array_append_new(*list, all[i]) < 0)
			json_decref(all[i]);
	free(all);
	return rc < 0 ? rc : *list ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
}

int jg_problems_remove(const char *dir, const char *id)
{
	char *sp = valid_id(id) ? summary_path(dir, id) : NULL, *bd = sp ? jg_path_join(dir, id) : NULL;
	int rc = 0;

	if (!valid_id(id))
		return 0;
	if (!sp || !bd) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	} else if (unlink(sp) < 0) {
		rc = errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s", sp);
	} else {
		rc = 1;
		jg_fs_rmtree(bd);   /* unlisted already: what is left is only disk space */
	}
	free(sp);
	free(bd);
	return rc;
}

char *jg_problems_path(const char *dir, const char *id)
{
	json_t *s = NULL;
	char *sp = valid_id(id) ? summary_path(dir, id) : NULL, *p = NULL;
	const char *root;

	if (sp)
		s = json_load_file(sp, 0, NULL);
	root = json_string_value(json_object_get(s, "root"));
	if (!s || !root || strstr(root, ".."))
		jg_error_set(JG_EINPUT, "no such problem '%.40s'", id ? id : "");
	else if (asprintf(&p, "%s/%s%s%s", dir, id, *root ? "/" : "", root) < 0)
		p = NULL, jg_error_set(JG_ENOMEM, "out of memory");
	json_decref(s);
	free(sp);
	return p;
}
