/* core/yaml.c - shared libfyaml helpers (see yaml.h). */
#include "yaml.h"
#include "error.h"

#include <stdbool.h>
#include <stdlib.h>
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

static json_t *scalar_json(struct fy_node *n)
{
	size_t len;
	const char *s = fy_node_get_scalar(n, &len);
	if (!s || (fy_node_get_style(n) == FYNS_PLAIN && (len == 0 || (len == 4 && !memcmp(s, "null", 4)))))
		return json_null();
	return json_stringn(s, len);
}

json_t *jg_yaml_to_json(struct fy_node *n)
{
	void *it = NULL;
	json_t *j;

	if (!n)
		return json_null();
	if (fy_node_is_scalar(n))
		return scalar_json(n);
	if (fy_node_is_sequence(n)) {
		struct fy_node *item;
		j = json_array();
		while (j && (item = fy_node_sequence_iterate(n, &it)))
			if (json_array_append_new(j, jg_yaml_to_json(item)) < 0)
				json_decref(j), j = NULL;
		return j;
	}
	struct fy_node_pair *p;
	j = json_object();
	while (j && (p = fy_node_mapping_iterate(n, &it))) {
		struct fy_node *k = fy_node_pair_key(p);
		size_t len;
		const char *ks = k && fy_node_is_scalar(k) ? fy_node_get_scalar(k, &len) : NULL;
		char *key = ks ? strndup(ks, len) : NULL;
		if (!key || json_object_set_new(j, key, jg_yaml_to_json(fy_node_pair_value(p))) < 0)
			json_decref(j), j = NULL;
		free(key);
	}
	return j;
}
