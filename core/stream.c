/* core/stream.c - incremental demultiplexer for Docker attach streams. */
#include "stream.h"
#include "error.h"

#include <string.h>

void jg_demux_init(jg_demux *d)
{
	memset(d, 0, sizeof(*d));
}

static int take_header(jg_demux *d, const char **p, size_t *n)
{
	size_t want = sizeof(d->hdr) - d->have;
	size_t take = *n < want ? *n : want;

	memcpy(d->hdr + d->have, *p, take);
	d->have += take;
	*p += take;
	*n -= take;
	if (d->have < sizeof(d->hdr))
		return 0;
	if (d->hdr[0] > 2 || d->hdr[1] || d->hdr[2] || d->hdr[3])
		return jg_error_set(JG_EINTERNAL, "malformed Docker stream frame header");
	d->stream = d->hdr[0];
	d->remaining = (uint32_t)d->hdr[4] << 24 | (uint32_t)d->hdr[5] << 16 |
		       (uint32_t)d->hdr[6] << 8 | d->hdr[7];
	d->have = 0;
	return 1;
}

int jg_demux_feed(jg_demux *d, const char *p, size_t n, jg_demux_cb cb, void *ud)
{
	while (n > 0) {
		if (d->remaining == 0) {
			int rc = take_header(d, &p, &n);
			if (rc <= 0)
				return rc;
			continue;
		}
		size_t take = n < d->remaining ? n : d->remaining;
		int rc = cb(d->stream, p, take, ud);
		d->remaining -= (uint32_t)take;
		p += take;
		n -= take;
		if (rc)
			return rc;
	}
	return 0;
}
