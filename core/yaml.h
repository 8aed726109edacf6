/* core/yaml.h - what every YAML reader of the judge (problem.yaml,
 * testdata.yaml, submissions.yaml, languages.yaml) does the same way with
 * libfyaml: parse quietly, report the first error as one line, refuse
 * aliases.
 *
 * The caller owns *doc (fy_document_destroy) and *diag (fy_diag_destroy),
 * which are set even when parsing fails; NULL means nothing to free.
 * Callers refuse invalid UTF-8 before parsing (libfyaml 0.7.12 can loop on
 * it: see core/utf8.h).
 */
#ifndef JG_YAML_H
#define JG_YAML_H

#include <jansson.h>
#include <libfyaml.h>
#include <stddef.h>

/* Builds the document from text; *doc stays NULL for an empty one.
 * Returns 0, JG_EINPUT ("FILE:LINE:COL: message") or JG_ENOMEM. */
int jg_yaml_load(struct fy_diag **diag, struct fy_document **doc,
		 const char *text, size_t len, const char *file);

/* 1 when the (unresolved) tree holds an alias anywhere.  The parser bounds
 * the nesting depth, so the recursion is bounded too. */
int jg_yaml_has_alias(struct fy_node *n);

/* The tree under n as JSON: mappings become objects (keys must be scalars),
 * sequences arrays, every scalar a string (null for an empty or `null`
 * one).  New reference; NULL when out of memory or for a non-scalar key. */
json_t *jg_yaml_to_json(struct fy_node *n);

#endif
