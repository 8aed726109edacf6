/* cmd/assets.c - lookup of the embedded web files (see assets.h). */
#include "assets.h"

#include <string.h>

const jg_asset *jg_asset_find(const char *path)
{
	if (!strcmp(path, "/"))
		path = "/index.html";
	for (const jg_asset *a = jg_assets; a->path; a++)
		if (!strcmp(a->path, path))
			return a;
	return NULL;
}
