/* core/hash.c - 64-bit FNV-1a over bytes, files and directory trees. */
#define _GNU_SOURCE
#include "hash.h"

#include "error.h"
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t jg_hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t jg_hash_str(uint64_t h, const char *s)
{
	return jg_hash_bytes(h, s, strlen(s) + 1);
}

void jg_hash_hex(char buf[17], uint64_t h)
{
	snprintf(buf, 17, "%016llx", (unsigned long long)h);
}

int jg_hash_file(uint64_t *h, const char *path)
{
	char buf[65536];
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0) {
		if (fd >= 0)
			close(fd);
		return jg_error_errno(JG_EIO, "%s", path);
	}
	*h = jg_hash_bytes(*h, &st.st_size, sizeof(st.st_size));
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		*h = jg_hash_bytes(*h, buf, (size_t)n);
	if (n < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return jg_error_errno(JG_EIO, "%s", path);
	}
	close(fd);
	return 0;
}

static int cmp_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dots(const struct dirent *d)
{
	return strcmp(d->d_name, ".") && strcmp(d->d_name, "..");
}

static int hash_entry(uint64_t *h, const char *path, const char *rel);

/* dir: absolute path; rel: its name relative to the root ("" at the top). */
static int hash_dir(uint64_t *h, const char *dir, const char *rel)
{
	struct dirent **ents = NULL;
	int n = scandir(dir, &ents, skip_dots, cmp_name), rc = 0;

	if (n < 0)
		return jg_error_errno(JG_EIO, "%s", dir);
	for (int i = 0; i < n; i++) {
		char *p = jg_path_join(dir, ents[i]->d_name), *r = NULL;
		if (rc == 0 && (!p || asprintf(&r, "%s%s%s", rel, *rel ? "/" : "", ents[i]->d_name) < 0))
			rc = jg_error_set(JG_ENOMEM, "out of memory"), r = NULL;
		if (rc == 0)
			rc = hash_entry(h, p, r);
		free(p);
		free(r);
		free(ents[i]);
	}
	free(ents);
	return rc;
}

static int hash_entry(uint64_t *h, const char *path, const char *rel)
{
	struct stat st;
	char target[4096];
	ssize_t n;

	if (lstat(path, &st) < 0)
		return jg_error_errno(JG_EIO, "%s", path);
	*h = jg_hash_str(*h, rel);
	if (S_ISDIR(st.st_mode))
		return hash_dir(h, path, rel);
	if (S_ISLNK(st.st_mode)) {
		if ((n = readlink(path, target, sizeof(target))) < 0)
			return jg_error_errno(JG_EIO, "%s", path);
		*h = jg_hash_bytes(*h, target, (size_t)n);
		return 0;
	}
	return S_ISREG(st.st_mode) ? jg_hash_file(h, path) : 0;
}

int jg_hash_tree(uint64_t *h, const char *dir)
{
	return hash_dir(h, dir, "");
}
