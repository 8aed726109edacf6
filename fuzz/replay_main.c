/* fuzz/replay_main.c - runs a fuzz target without libFuzzer.
 *
 *   fuzz_replay_TARGET PATH...
 *
 * Every PATH is a file, or a directory walked recursively; all files found
 * are run through LLVMFuzzerTestOneInput() once each, in byte order of their
 * paths (so a run is reproducible), after LLVMFuzzerInitialize() when the
 * target defines one.  Hidden files (".name") are skipped.  Exit status 0
 * when every input ran (a broken property aborts), 2 on usage or I/O error,
 * or when no input was found at all.  Each input is named on stderr before
 * it runs (so a crash names its input), unless $FUZZ_REPLAY_QUIET is set.
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

struct list {
	char  **v;
	size_t  n, alloc;
};

static void list_add(struct list *l, char *s)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 64;
		if (!(l->v = realloc(l->v, l->alloc * sizeof(*l->v))))
			abort();
	}
	l->v[l->n++] = s;
}

/* Adds path (a file) or every file below it (a directory). 0 or -1. */
static int collect(struct list *l, const char *path, int depth)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int rc = 0;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		list_add(l, fuzz_strndup(path, strlen(path)));
		return 0;
	}
	if (depth > 32) {
		fprintf(stderr, "%s: nested too deeply\n", path);
		return -1;
	}
	if (!(d = opendir(path))) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && (e = readdir(d))) {
		char *sub;
		if (e->d_name[0] == '.')
			continue;
		if (asprintf(&sub, "%s/%s", path, e->d_name) < 0)
			abort();
		rc = collect(l, sub, depth + 1);
		free(sub);
	}
	closedir(d);
	return rc;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a whole file into an exactly sized buffer (so that AddressSanitizer
 * or valgrind sees any read past the end). 0 or -1. */
static int slurp(const char *path, uint8_t **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *p = NULL;
	size_t n = 0, alloc = 0, got;
	char tmp[65536];

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((got = fread(tmp, 1, sizeof(tmp), f)) > 0) {
		if (n + got > alloc) {
			alloc = n + got;
			if (!(p = realloc(p, alloc)))
				abort();
		}
		memcpy(p + n, tmp, got);
		n += got;
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", path);
		fclose(f);
		free(p);
		return -1;
	}
	fclose(f);
	if (!p && !(p = malloc(1)))   /* an empty input still gets a pointer */
		abort();
	*out = p;
	*len = n;
	return 0;
}

int main(int argc, char **argv)
{
	struct list l = { NULL, 0, 0 };
	int rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc && rc == 0; i++)
		rc = collect(&l, argv[i], 0);
	if (rc == 0 && l.n == 0) {
		fprintf(stderr, "%s: no inputs found\n", argv[0]);
		rc = -1;
	}
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), by_path);
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		uint8_t *data;
		size_t len;
		if (!getenv("FUZZ_REPLAY_QUIET"))   /* names the input that crashes */
			fprintf(stderr, "running %s\n", l.v[i]);
		if ((rc = slurp(l.v[i], &data, &len)) < 0)
			break;
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	if (rc == 0)
		printf("%s: %zu inputs ran\n", argv[0], l.n);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	return rc == 0 ? 0 : 2;
}
