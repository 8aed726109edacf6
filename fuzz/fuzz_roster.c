/* fuzz/fuzz_roster.c - the students of an export (roster.h, core/roster.c).
 *
 * The first input byte picks the layout (auto, or one of the forced ones);
 * the rest is written to a temporary file read as an archive export.
 *
 * Properties, beyond no crash or leak:
 *  - the result is 0, JG_EINPUT or JG_ELIMIT with a one-line message (no
 *    control characters);
 *  - on success: at least one student; ids non-empty, strictly increasing
 *    (sorted, unique); a layout that is not AUTO (the one asked for, when
 *    one was forced); every file is a regular file inside the extraction
 *    directory, with a non-empty name that has no "." or ".." component
 *    and does not start with '/'; a student's root, when set, lies inside it
 *    too;
 *  - jg_roster_free() removes the extraction directory.
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <sys/stat.h>

#include "error.h"
#include "fs.h"
#include "roster.h"

static char *dir;      /* a private directory for the input file, made once */

static void remove_dir(void)
{
	if (dir)
		jg_fs_rmtree(dir);
	free(dir);
	dir = NULL;
}

static int bad_component(const char *name)
{
	const char *p = name;
	if (!*name || *name == '/')
		return 1;
	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return 1;
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

static int inside(const char *path, const char *top)
{
	size_t n = strlen(top);
	return !strncmp(path, top, n) && (path[n] == '/' || path[n] == '\0');
}

static void check_student(const jg_roster *r, size_t i)
{
	const jg_student *s = &r->students[i];
	struct stat st;

	FUZZ_CHECK(s->id && *s->id && s->name);
	if (i > 0)
		FUZZ_CHECK(strcmp(r->students[i - 1].id, s->id) < 0);
	if (s->root && r->tmpdir)
		FUZZ_CHECK(inside(s->root, r->tmpdir));
	for (size_t k = 0; k < s->nfiles; k++) {
		FUZZ_CHECK_MSG(!bad_component(s->files[k].name), s->files[k].name);
		FUZZ_CHECK(r->tmpdir && inside(s->files[k].path, r->tmpdir));
		FUZZ_CHECK(lstat(s->files[k].path, &st) == 0 && S_ISREG(st.st_mode));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const jg_layout layouts[] = { JG_LAYOUT_AUTO, JG_LAYOUT_MOODLE, JG_LAYOUT_CANVAS,
					     JG_LAYOUT_GITHUB, JG_LAYOUT_BLACKBOARD, JG_LAYOUT_PLAIN,
					     JG_LAYOUT_SINGLE };
	jg_layout want;
	jg_roster *r = NULL;
	char *in, *tmpdir;
	FILE *f;
	int rc;

	if (size < 1)
		return 0;
	want = layouts[data[0] % (sizeof(layouts) / sizeof(*layouts))];
	if (!dir) {
		if (jg_fs_mkdtemp(&dir, NULL, "judge-fuzzroster-") < 0)
			abort();
		atexit(remove_dir);
	}
	if (!(in = jg_path_join(dir, "export.bin")) || !(f = fopen(in, "wb")))
		abort();
	if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
		abort();
	fclose(f);
	rc = jg_roster_open(&r, in, want);
	if (fuzz_verbose())
		fprintf(stderr, "rc %d: %s\n", rc, rc ? jg_error_last() : "ok");
	if (rc < 0) {
		FUZZ_CHECK_MSG(rc == JG_EINPUT || rc == JG_ELIMIT, jg_error_last());
		FUZZ_CHECK(*jg_error_last() && fuzz_no_ctl(jg_error_last(), NULL));
	} else {
		FUZZ_CHECK(r->nstudents > 0 && r->layout != JG_LAYOUT_AUTO);
		FUZZ_CHECK(want == JG_LAYOUT_AUTO || r->layout == want);
		for (size_t i = 0; i < r->nstudents; i++)
			check_student(r, i);
		tmpdir = r->tmpdir ? strdup(r->tmpdir) : NULL;
		jg_roster_free(r);
		if (tmpdir) {
			struct stat st;
			FUZZ_CHECK(lstat(tmpdir, &st) < 0);
			free(tmpdir);
		}
	}
	unlink(in);
	free(in);
	return 0;
}
