/* core/yaml.c - shared libfyaml helpers (see yaml.h). */
#include "yaml.h"
#include "error.h"

#include <stdbool.h>
#include <string.h>

int jg_yaml_has_alias(struct fy_node *n)
{
	struct fy_node_pair *pair;
	struct fy_node *item;
	void *it = NULL;

	if (!n)
		return 0;
	if (fy_node_get_type(n) == FYNT_SCALAR)
		return fy_node_get_style(n) == FYNS_ALIAS;
	if (fy_node_get_type(n) == FYNT_SEQUENCE) {
		while ((item = fy_node_sequence_iterate(n, &it)))
			if (jg_yaml_has_alias(item))
				return 1;
		return 0;
	}
	while ((pair = fy_node_mapping_iterate(n, &it)))
		if (jg_yaml_has_alias(fy_node_pair_key(pair)) || jg_yaml_has_alias(fy_node_pair_value(pair)))
			return 1;
	return 0;
}

static void diag_discard(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
	(void)diag, (void)user, (void)buf, (void)len;
}

int jg_yaml_load(struct fy_diag **diag, struct fy_document **doc,
		 const char *text, size_t len, const char *file)
{
	struct fy_diag_cfg dc;
	struct fy_parse_cfg pc;
	struct fy_diag_error *err;
	void *it = NULL;

	*doc = NULL;
	fy_diag_cfg_default(&dc);
	dc.fp = NULL;
	dc.output_fn = diag_discard;
	dc.colorize = false;
	if (!(*diag = fy_diag_create(&dc)))
		return jg_error_set(JG_ENOMEM, "%s: cannot start the YAML parser", file);
	fy_diag_set_collect_errors(*diag, true);
	memset(&pc, 0, sizeof(pc));
	pc.flags = FYPCF_QUIET;
	pc.diag = *diag;
	*doc = fy_document_build_from_string(&pc, text, len);
	if (*doc || !(err = fy_diag_errors_iterate(*diag, &it)))
		return 0;
	return jg_error_set(JG_EINPUT, "%s:%d:%d: %s", file, err->line, err->column,
			    err->msg ? err->msg : "malformed YAML");
}
