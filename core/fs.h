/* core/fs.h - small file-system helpers that never follow symlinks where it matters. */
#ifndef JG_FS_H
#define JG_FS_H

#include <stddef.h>
#include <stdint.h>

/* Creates a fresh private directory "<base>/<prefix><pid>-XXXXXX" (base
 * NULL: $TMPDIR or /tmp). *out is heap-allocated. Returns 0 or JG_EIO. */
int jg_fs_mkdtemp(char **out, const char *base, const char *prefix);

/* Removes the directories "judge-<word>-<pid>-XXXXXX" under base (NULL: as
 * above) whose <pid> is no longer running on this host: what judges killed
 * with SIGKILL left behind.  Best effort; returns how many it removed. */
int jg_fs_reap_temp(const char *base);

/* Removes a tree without following symlinks (a symlink is unlinked, never
 * entered). Missing path is fine. Returns 0 or JG_EIO. */
int jg_fs_rmtree(const char *path);

/* Reads a whole regular file of at most `max` bytes (NUL-terminated).
 * Returns 0, JG_EIO, or JG_ELIMIT when larger than max. */
int jg_fs_read_file(char **out, size_t *len, const char *path, size_t max);

/* Copies the regular file src to a new file dst (created 0644, never over
 * an existing file or through a symlink), streaming.  max > 0 caps src's
 * size.  Returns 0, JG_ELIMIT ("SRC: larger than MAX bytes"), JG_EIO. */
int jg_fs_copy_file(const char *src, const char *dst, uint64_t max);

/* Writes len bytes to a new file path (created 0644, never over an existing
 * file or through a symlink).  Returns 0 or JG_EIO ("PATH: cannot ..."). */
int jg_fs_write_file(const char *path, const void *data, size_t len);

/* "a" + "/" + "b", heap-allocated; NULL on out of memory. */
char *jg_path_join(const char *a, const char *b);

/* 1 when path is a directory (stat, following links), 0 otherwise. */
int jg_fs_is_dir(const char *path);

/* NULL-terminated string vectors. */
void jg_strv_free(char **v);                      /* NULL is a no-op */
size_t jg_strv_len(char *const *v);
int jg_strv_push(char ***v, const char *s);       /* copies s; 0 or JG_ENOMEM */

#endif
