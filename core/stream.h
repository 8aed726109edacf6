/* core/stream.h - Docker's multiplexed stream framing (attach/logs with Tty off).
 *
 * Each frame is an 8-byte header {type, 0, 0, 0, size as big-endian u32}
 * followed by `size` payload bytes; type 0 = stdin, 1 = stdout, 2 = stderr.
 * The demuxer is incremental: feed it whatever the socket returned, in any
 * pieces, and it calls back with payload fragments.  It holds no payload.
 */
#ifndef JG_STREAM_H
#define JG_STREAM_H

#include <stddef.h>
#include <stdint.h>

typedef int (*jg_demux_cb)(int stream, const char *data, size_t len, void *ud);

typedef struct {
	unsigned char hdr[8];
	size_t        have;       /* header bytes collected */
	int           stream;     /* stream of the current frame */
	uint32_t      remaining;  /* payload bytes left in the current frame */
} jg_demux;

void jg_demux_init(jg_demux *d);

/* Returns 0, the callback's non-zero return (feeding stops), or JG_EINTERNAL
 * for a malformed header (unknown type or non-zero padding). */
int jg_demux_feed(jg_demux *d, const char *p, size_t n, jg_demux_cb cb, void *ud);

#endif
