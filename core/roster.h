/* core/roster.h - who submitted what: the students of a batch of submissions
 * as a learning platform exports them.
 *
 * jg_roster_open() takes a directory (or an archive, extracted with the
 * extract module's caps into a private directory removed by
 * jg_roster_free) and recognises one of these layouts, or the one forced:
 *
 *   moodle     "{Full Name}_{id}_assignsubmission_file[_]/..." directories,
 *              or flat "{Full Name}_{id}_assignsubmission_file_{filename}";
 *              (onlinetext directories are ignored)
 *   canvas     flat "{sortablename}[_LATE]_{userid}_{attachmentid}_{filename}";
 *              a resubmission's "-N" before the extension is dropped
 *              ("sum-1.c" -> "sum.c"); late flag from _LATE
 *   github     "{assignment}-submissions/{prefix}-{username}/" repositories
 *              (the top directory may be given itself or be the only entry);
 *              the prefix is "{assignment}-" when every name starts with
 *              it, else the longest common "...-" prefix of the names
 *   blackboard "{Assignment}_{username}_attempt_{YYYY-MM-DD-HH-MM-SS}_{filename}"
 *              plus the receipt "{Assignment}_{username}_attempt_{date}.txt"
 *              (its "Name: First Last (username)" line gives the name); only
 *              the latest attempt of each user counts
 *   plain      one file or directory per student: id and name are a
 *              file's name without its extension (".tar.gz" as one) or a
 *              directory's name
 *   single     the whole input is one student's program (e.g. Gradescope's
 *              /autograder/submission): id and name "submission"
 *
 * Detection (JG_LAYOUT_AUTO): the layout most top-level entries match,
 * where the share is at least half; else plain.  Entries that do not fit
 * the detected layout are skipped; a forced layout refuses them.  Hidden
 * entries (".*", "__MACOSX") are ignored everywhere.  Students come out
 * sorted by id; the entries of one id merge into one student, except that
 * blackboard keeps only the latest attempt; of files with the same name
 * the highest Canvas attachment id, else the last entry in name order, wins.
 *
 * Each student's files are listed as absolute paths with the name the
 * student gave them (platform prefixes stripped).  The roster owns every
 * string.  Nothing here reads file contents but Blackboard receipts.
 */
#ifndef JG_ROSTER_H
#define JG_ROSTER_H

#include <stddef.h>

typedef enum {
	JG_LAYOUT_AUTO = 0,
	JG_LAYOUT_MOODLE,
	JG_LAYOUT_CANVAS,
	JG_LAYOUT_GITHUB,
	JG_LAYOUT_BLACKBOARD,
	JG_LAYOUT_PLAIN,
	JG_LAYOUT_SINGLE
} jg_layout;

typedef struct {
	char  *path;     /* absolute path on disk */
	char  *name;     /* the student's own file name, prefixes stripped;
			  * for a directory entry (github repo, moodle folder,
			  * plain directory) the path relative to that directory */
} jg_roster_file;

typedef struct {
	char  *id;        /* platform id (Moodle participant id, Canvas user id,
			   * username...); never empty, unique in the roster */
	char  *name;      /* display name; equals id when the layout has none */
	int    late;      /* 1 when the layout marks the submission late */
	char  *root;      /* a directory holding exactly this student's files
			   * (moodle folder, github repo, plain directory),
			   * else NULL: the files are scattered (flat layouts) */
	jg_roster_file *files;  /* sorted by name */
	size_t nfiles;    /* may be 0: an empty submission */
} jg_student;

typedef struct {
	jg_layout   layout;     /* the one used (never AUTO) */
	char       *tmpdir;     /* extraction directory, or NULL */
	jg_student *students;
	size_t      nstudents;
} jg_roster;

/* "moodle", ..., "single", "auto". */
const char *jg_layout_name(jg_layout l);
/* Parses a layout name. Returns 0, or JG_EINPUT naming the valid ones. */
int jg_layout_parse(jg_layout *out, const char *s);

/* Reads `path` (directory or archive).  Returns 0; JG_EINPUT when it is
 * neither, is empty, or does not fit a forced layout (the message names
 * the first entry that does not fit); JG_ELIMIT/JG_EIO from extraction. */
int  jg_roster_open(jg_roster **out, const char *path, jg_layout layout);
void jg_roster_free(jg_roster *r);     /* NULL is a no-op */

#endif
