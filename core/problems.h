/* core/problems.h - the problem bundles uploaded to `judge serve`
 * (POST /v1/problems), kept in one directory:
 *
 *   DIR/ID/       the extracted archive (the bundle is DIR/ID/ROOT, where
 *                 ROOT is "" or the archive's single top-level directory)
 *   DIR/ID.json   its summary: {"id", "name", "tests", "samples",
 *                 "time_limit", "memory_limit" (MiB), "function",
 *                 "validation", "size", "created", "root"}
 *
 * An upload is checked like `judge run` checks a bundle (extracted safely,
 * problem.yaml parsed, tests paired) before it is given an id; the summary
 * is written last, so a half-added problem (a crash mid-upload) has no
 * summary and is not listed.  IDs are JG_PROBLEM_ID_LEN lower-case hex
 * characters; anything else is "no such problem", never a path.
 *
 * Summaries handed out are new references.  Failures: JG_EINPUT (the
 * archive or bundle is bad: "upload: ..."), JG_ELIMIT, JG_EIO, JG_ENOMEM.
 */
#ifndef JG_PROBLEMS_H
#define JG_PROBLEMS_H

#include <jansson.h>
#include <stddef.h>

#define JG_PROBLEM_ID_LEN 16

/* Checks the archive (len bytes), keeps it as a new problem; *summary is
 * its summary (with the new id). */
int jg_problems_add(json_t **summary, const char *dir, const void *archive, size_t len);
/* *summary NULL when there is no such problem. */
int jg_problems_get(json_t **summary, const char *dir, const char *id);
/* Every problem's summary, oldest first. */
int jg_problems_list(json_t **list, const char *dir);
/* 1 when removed, 0 when there was no such problem. */
int jg_problems_remove(const char *dir, const char *id);
/* The bundle directory of problem id (heap), or NULL with JG_EINPUT
 * ("no such problem 'ID'"). */
char *jg_problems_path(const char *dir, const char *id);

#endif
