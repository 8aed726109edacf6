/* fuzz/fuzz_languages.c - languages files (lang.h).
 *
 * The input is written to a temporary file and loaded with jg_langs_load().
 * Properties, beyond no crash or leak:
 *  - the result is 0 or JG_EINPUT with a one-line message;
 *  - a loaded set is what lang.h promises: every definition has a name,
 *    an image and a non-empty run template; names, aliases and extensions
 *    hold no space or slash (extensions no dot), and within one file they
 *    are unique, so jg_langs_find() and jg_langs_by_ext() give back the
 *    definition that claims them;
 *  - every compile/run template expands (all placeholders were checked at
 *    load time) when every variable is known;
 *  - merging the same file over the set keeps the same number of
 *    definitions and the same lookups.
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include "error.h"
#include "fs.h"
#include "lang.h"

static void check_words(char *const *v, int ext)
{
	for (size_t i = 0; v && v[i]; i++) {
		FUZZ_CHECK(v[i][0] != '\0');
		FUZZ_CHECK_MSG(!strpbrk(v[i], " /\\") && fuzz_no_ctl(v[i], NULL), v[i]);
		if (ext)
			FUZZ_CHECK(!strchr(v[i], '.'));
	}
}

static void check_expand(char *const *tmpl)
{
	static char *const files[] = { "a.c", "dir/b c.c", NULL };
	jg_expand_vars all = { files, "main.c", "pkg.Main", 256 }, none = { NULL, NULL, NULL, 0 };
	char **argv = NULL;
	int rc;

	if (!tmpl)
		return;
	rc = jg_lang_expand(&argv, tmpl, &all);
	FUZZ_CHECK_MSG(rc == 0, jg_error_last());
	FUZZ_CHECK(jg_strv_len(argv) >= jg_strv_len(tmpl));
	jg_strv_free(argv);
	argv = NULL;
	rc = jg_lang_expand(&argv, tmpl, &none);
	FUZZ_CHECK_MSG(rc == 0 || rc == JG_EINPUT, jg_error_last());
	if (rc == 0)
		jg_strv_free(argv);
}

/* Lookups by every name, alias and extension find their definition. */
static void check_lookups(const jg_langs *set)
{
	for (size_t i = 0; i < jg_langs_count(set); i++) {
		const jg_lang *l = jg_langs_at(set, i);
		char file[300];

		FUZZ_CHECK(jg_langs_find(set, l->name) == l);
		for (size_t k = 0; l->aliases && l->aliases[k]; k++)
			FUZZ_CHECK(jg_langs_find(set, l->aliases[k]) == l);
		for (size_t k = 0; l->extensions && l->extensions[k]; k++) {
			if (strlen(l->extensions[k]) + 8 > sizeof(file))
				continue;
			snprintf(file, sizeof(file), "dir/x.%s", l->extensions[k]);
			FUZZ_CHECK(jg_langs_by_ext(set, file) == l);
		}
	}
}

static void check_set(const jg_langs *set)
{
	size_t n = jg_langs_count(set);

	FUZZ_CHECK(jg_langs_at(set, n) == NULL);
	for (size_t i = 0; i < n; i++) {
		const jg_lang *l = jg_langs_at(set, i);
		FUZZ_CHECK(l && l->name && l->image && l->run && l->run[0]);
		FUZZ_CHECK(l->name[0] && !strpbrk(l->name, " /\\") && fuzz_no_ctl(l->name, NULL));
		FUZZ_CHECK(l->image[0] && !strpbrk(l->image, " \t") && fuzz_no_ctl(l->image, NULL));
		FUZZ_CHECK(!l->compile || l->compile[0]);
		check_words(l->aliases, 0);
		check_words(l->extensions, 1);
		check_words(l->entry, 0);
		for (size_t k = 0; l->env && l->env[k]; k++)
			FUZZ_CHECK(l->env[k][0] != '=' && strchr(l->env[k], '='));
		check_expand(l->compile);
		check_expand(l->run);
	}
	check_lookups(set);
	FUZZ_CHECK(jg_langs_find(set, NULL) == NULL && jg_langs_by_ext(set, "noext") == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jg_langs *set = NULL;
	char *path;
	int rc;

	jg_error_clear();
	path = fuzz_write_temp(NULL, "jg-fuzz-lang-", data, size);
	rc = jg_langs_load(&set, path);
	if (fuzz_verbose())
		fprintf(stderr, "  load: %d %s\n", rc, rc ? jg_error_last() : "");
	if (rc == 0) {
		size_t n;
		FUZZ_CHECK(set != NULL);
		check_set(set);
		n = jg_langs_count(set);
		rc = jg_langs_merge(set, path);
		FUZZ_CHECK_MSG(rc == 0, jg_error_last());
		FUZZ_CHECK(jg_langs_count(set) == n);
		check_set(set);
		jg_langs_free(set);
	} else {
		const char *msg = jg_error_last();
		FUZZ_CHECK_MSG(rc == JG_EINPUT, msg);
		FUZZ_CHECK(jg_error_last_code() == rc && msg[0]);
		FUZZ_CHECK_MSG(!strchr(msg, '\n'), msg);
		FUZZ_CHECK(set == NULL);
	}
	unlink(path);
	free(path);
	return 0;
}
