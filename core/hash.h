/* core/hash.h - content hashes that tell whether something changed (the
 * grade command's resume: same source, same bundle, same options).
 *
 * 64-bit FNV-1a: fast, stable across hosts and versions, NOT collision
 * resistant against an adversary; two hashes of unrelated content collide
 * with probability ~2^-64.  Never use it for security decisions.
 */
#ifndef JG_HASH_H
#define JG_HASH_H

#include <stddef.h>
#include <stdint.h>

#define JG_HASH_INIT UINT64_C(0xcbf29ce484222325)

uint64_t jg_hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t jg_hash_str(uint64_t h, const char *s);        /* includes the NUL */

/* Folds a regular file's size and contents into *h (symlinks are not
 * followed). Returns 0 or JG_EIO naming the file. */
int jg_hash_file(uint64_t *h, const char *path);

/* Folds every regular file under dir (relative names in sorted order, then
 * contents) into *h; symlinks are hashed by their target text, never
 * followed. Returns 0, JG_EIO or JG_ENOMEM. */
int jg_hash_tree(uint64_t *h, const char *dir);

/* 16 lowercase hex digits and a NUL into buf[17]. */
void jg_hash_hex(char buf[17], uint64_t h);

#endif
