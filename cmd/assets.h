/* cmd/assets.h - the static files `judge serve` answers with (the web page
 * at /, /v1/openapi.json), embedded in the binary at build time from
 * cmd/web/ by cmd/web/embed.cmake.  Read-only, never freed. */
#ifndef JG_ASSETS_H
#define JG_ASSETS_H

#include <stddef.h>

typedef struct {
	const char          *path;   /* "/index.html": the file's name under cmd/web */
	const char          *type;   /* Content-Type */
	const unsigned char *data;   /* NUL-terminated copy of the file */
	size_t               len;
} jg_asset;

extern const jg_asset jg_assets[];   /* ends with a NULL path */

/* The asset served at `path` ("/" is "/index.html"), or NULL. */
const jg_asset *jg_asset_find(const char *path);

#endif
