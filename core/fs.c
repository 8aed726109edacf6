/* core/fs.c - file-system helpers. */
#define _GNU_SOURCE
#include "fs.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int jg_fs_copy_file(const char *src, const char *dst, uint64_t max)
{
	char buf[65536];
	struct stat st;
	ssize_t n;
	int in = open(src, O_RDONLY | O_CLOEXEC), out = -1, rc = 0;

	if (in < 0)
		return jg_error_errno(JG_EIO, "%s", src);
	if (fstat(in, &st) < 0 || !S_ISREG(st.st_mode))
		rc = jg_error_set(JG_EIO, "%s: not a regular file", src);
	else if (max && (uint64_t)st.st_size > max)
		rc = jg_error_set(JG_ELIMIT, "%s: larger than %llu bytes", src, (unsigned long long)max);
	else if ((out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644)) < 0)
		rc = jg_error_errno(JG_EIO, "%s: cannot create", dst);
	while (rc == 0 && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = jg_error_errno(JG_EIO, "%s", src);
		else if (write_all(out, buf, (size_t)n) < 0)
			rc = jg_error_errno(JG_EIO, "%s: cannot write", dst);
	}
	if (out >= 0 && close(out) < 0 && rc == 0)
		rc = jg_error_errno(JG_EIO, "%s: cannot write", dst);
	close(in);
	return rc;
}

int jg_fs_write_file(const char *path, const void *data, size_t len)
{
	int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644), rc = 0;

	if (out < 0)
		return jg_error_errno(JG_EIO, "%s: cannot create", path);
	if (write_all(out, data, len) < 0)
		rc = jg_error_errno(JG_EIO, "%s: cannot write", path);
	if (close(out) < 0 && rc == 0)
		rc = jg_error_errno(JG_EIO, "%s: cannot write", path);
	return rc;
}

char *jg_path_join(const char *a, const char *b)
{
	char *p;
	size_t la = strlen(a);
	if (asprintf(&p, "%s%s%s", a, (la && a[la - 1] == '/') ? "" : "/", b) < 0)
		return NULL;
	return p;
}

static const char *temp_base(void)
{
	const char *t = getenv("TMPDIR");
	return t && *t ? t : "/tmp";
}

int jg_fs_reap_temp(const char *base)
{
	DIR *d = opendir(base ? base : temp_base());
	struct dirent *e;
	int removed = 0;

	while (d && (e = readdir(d))) {
		char word[32], *path;
		int pid = 0;
		if (sscanf(e->d_name, "judge-%31[a-z]-%d-", word, &pid) != 2 || pid <= 1 ||
		    (kill(pid, 0) == 0 || errno == EPERM))
			continue;
		if (asprintf(&path, "%s/%s", base ? base : temp_base(), e->d_name) >= 0 &&
		    jg_fs_rmtree(path) == 0)
			removed++;
		free(path);
	}
	if (d)
		closedir(d);
	jg_error_clear();
	return removed;
}

int jg_fs_mkdtemp(char **out, const char *base, const char *prefix)
{
	char *tmpl;
	if (!base)
		base = temp_base();
	if (asprintf(&tmpl, "%s/%s%d-XXXXXX", base, prefix, (int)getpid()) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (!mkdtemp(tmpl)) {
		int rc = jg_error_errno(JG_EIO, "cannot create a directory under %s", base);
		free(tmpl);
		return rc;
	}
	*out = tmpl;
	return 0;
}

/* Recursion stops at HOIST_DEPTH: a deeper subtree is renamed into `top`
 * (beside the tree being removed) and removed by a later pass, so chains of
 * any depth go without deep recursion. */
#define HOIST_DEPTH 128

typedef struct {
	int      top;       /* directory that receives hoisted subtrees */
	unsigned hoisted;   /* names .jg-rm-PID-0 .. hoisted-1 used in top */
} rmctx;

static void hoist_name(char *buf, size_t n, unsigned i)
{
	snprintf(buf, n, ".jg-rm-%d-%u", (int)getpid(), i);
}

static int rmtree_at(rmctx *x, int parent, const char *name, int depth)
{
	struct stat st;
	int fd, rc = 0;
	DIR *d;
	struct dirent *e;

	if (fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(parent, name, 0) < 0 && errno != ENOENT ? -1 : 0;
	if (depth >= HOIST_DEPTH) {
		char to[64];
		hoist_name(to, sizeof(to), x->hoisted);
		if (renameat(parent, name, x->top, to) < 0)
			return -1;
		x->hoisted++;
		return 0;
	}
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		/* An unreadable directory: make it ours to empty, then retry. */
		if (fchmodat(parent, name, 0700, 0) < 0)
			return -1;
		fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return -1;
	}
	if (!(d = fdopendir(fd))) {
		close(fd);
		return -1;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (rmtree_at(x, dirfd(d), e->d_name, depth + 1) < 0)
			rc = -1;
	}
	closedir(d);
	if (unlinkat(parent, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
		rc = -1;
	return rc;
}

int jg_fs_rmtree(const char *path)
{
	char *copy = strdup(path), *slash;
	const char *dir = ".", *base = path;
	rmctx x = { -1, 0 };
	int rc = 0;

	if (!copy)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if ((slash = strrchr(copy, '/'))) {
		*slash = '\0';
		dir = slash == copy ? "/" : copy;
		base = slash + 1;
	}
	if ((x.top = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		rc = errno == ENOENT ? 0 : jg_error_errno(JG_EIO, "%s: cannot remove", path);
		goto done;
	}
	if (rmtree_at(&x, x.top, base, 0) < 0)
		rc = -1;
	for (unsigned i = 0; i < x.hoisted; i++) {   /* x.hoisted may grow */
		char name[64];
		hoist_name(name, sizeof(name), i);
		if (rmtree_at(&x, x.top, name, 0) < 0)
			rc = -1;
	}
	if (rc < 0)
		rc = jg_error_errno(JG_EIO, "%s: cannot remove", path);
done:
	if (x.top >= 0)
		close(x.top);
	free(copy);
	return rc;
}

int jg_fs_read_file(char **out, size_t *len, const char *path, size_t max)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;
	struct stat st;
	char *p = NULL;
	size_t got = 0;

	if (fd < 0)
		return jg_error_errno(JG_EIO, "%s", path);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		rc = jg_error_set(JG_EIO, "%s: not a regular file", path);
		goto done;
	}
	if ((uint64_t)st.st_size > max) {
		rc = jg_error_set(JG_ELIMIT, "%s: larger than %zu bytes", path, max);
		goto done;
	}
	if (!(p = malloc((size_t)st.st_size + 1))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory reading %s", path);
		goto done;
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	p[got] = '\0';
	*out = p;
	p = NULL;
	if (len)
		*len = got;
done:
	free(p);
	close(fd);
	return rc;
}

int jg_fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void jg_strv_free(char **v)
{
	if (!v)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

size_t jg_strv_len(char *const *v)
{
	size_t n = 0;
	while (v && v[n])
		n++;
	return n;
}

int jg_strv_push(char ***v, const char *s)
{
	size_t n = jg_strv_len(*v);
	char **nv = realloc(*v, (n + 2) * sizeof(char *));
	if (!nv)
		return jg_error_set(JG_ENOMEM, "out of memory");
	*v = nv;
	if (!(nv[n] = strdup(s)))
		return jg_error_set(JG_ENOMEM, "out of memory");
	nv[n + 1] = NULL;
	return 0;
}
