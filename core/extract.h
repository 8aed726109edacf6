/* core/extract.h - safe extraction of bundle and submission archives (libarchive).
 *
 * Formats: zip, tar, tar.gz/tgz, tar.xz, tar.bz2, tar.zst (whatever the
 * linked libarchive supports).  Extraction never writes outside `dest`:
 * absolute paths, ".." components, device/FIFO/socket entries, hardlinks, and
 * symlinks whose target is absolute or leaves `dest` are refused, naming the
 * entry.  Caps bound the total size, entry count, single file size and the
 * compression ratio (zip bombs).
 */
#ifndef JG_EXTRACT_H
#define JG_EXTRACT_H

#include <stdint.h>

typedef struct {
	uint64_t max_total;    /* bytes written in all; default 1 GiB */
	uint64_t max_file;     /* bytes in one entry; default 512 MiB */
	uint64_t max_entries;  /* default 100000 */
	uint64_t max_ratio;    /* uncompressed/compressed; default 200 */
	unsigned max_depth;    /* path components; default 64 */
} jg_archive_limits;

/* Fills the documented defaults. */
void jg_archive_limits_default(jg_archive_limits *lim);

/* 1 if `path` is a regular file libarchive recognises as an archive, else 0. */
int jg_archive_detect(const char *path);

/* Extracts into the existing directory `dest`. lim NULL: defaults.
 * Returns 0, JG_EINPUT ("ARCHIVE: ENTRY: reason"), JG_ELIMIT, or JG_EIO. */
int jg_archive_extract(const char *path, const char *dest, const jg_archive_limits *lim);

#endif
