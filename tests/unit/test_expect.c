/* tests/unit/test_expect.c - expected verdicts of reference submissions.
 *
 * Every package is built at runtime in a sandbox "<tmp>/jg-expect-XXXXXX",
 * the problem itself as <sandbox>/prob.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "expect.h"
#include "fs.h"
#include "fixture_fs.h"

#define S(v) JG_VSET(JG_##v)

struct box {
	char *root;
	char *prob;   /* root/prob: the package */
};

static int box_setup(void **state)
{
	struct box *b = calloc(1, sizeof(*b));
	assert_non_null(b);
	assert_int_equal(jg_fs_mkdtemp(&b->root, NULL, "jg-expect-"), 0);
	b->prob = jt_path(b->root, "prob");
	assert_int_equal(mkdir(b->prob, 0755), 0);
	*state = b;
	return 0;
}

static int box_teardown(void **state)
{
	struct box *b = *state;
	jg_fs_rmtree(b->root);
	free(b->root);
	free(b->prob);
	free(b);
	return 0;
}

static jg_expect *load_ok(const char *dir)
{
	jg_expect *e = NULL;
	int rc = jg_expect_load(&e, dir);
	if (rc)
		print_error("jg_expect_load: %s\n", jg_error_last());
	assert_int_equal(rc, 0);
	assert_non_null(e);
	return e;
}

/* Loading fails with JG_EINPUT and a message that starts with `file:` (then
 * " line N: ..." or, for YAML syntax errors, "LINE:COL: ...") and holds `want`. */
static void load_fails(const char *dir, const char *file, const char *want)
{
	jg_expect *e = (jg_expect *)1;
	int rc = jg_expect_load(&e, dir);
	const char *msg = jg_error_last();
	size_t n = strlen(file);
	int ok = !strncmp(msg, file, n) && msg[n] == ':' && strstr(msg + n, want);

	if (rc != JG_EINPUT || !ok)
		print_error("rc %d, message: %s\n", rc, msg);
	assert_int_equal(rc, JG_EINPUT);
	assert_null(e);
	assert_true(ok);
	assert_null(strchr(msg, '\n'));
}

static const jg_expect_sub *find(const jg_expect *e, const char *rel)
{
	for (size_t i = 0; i < e->nsubs; i++)
		if (!strcmp(e->subs[i].rel, rel))
			return &e->subs[i];
	print_error("no submission %s\n", rel);
	fail();
	return NULL;
}

static void dump_warnings(const jg_expect *e)
{
	for (size_t i = 0; e->warnings && e->warnings[i]; i++)
		print_message("warning: %s\n", e->warnings[i]);
}

/* Exactly `want` warnings hold both strings (s2 may be NULL). */
static void warned(const jg_expect *e, const char *s1, const char *s2, int want)
{
	int n = 0;
	for (size_t i = 0; e->warnings && e->warnings[i]; i++)
		if (strstr(e->warnings[i], s1) && (!s2 || strstr(e->warnings[i], s2)))
			n++;
	if (n != want) {
		print_error("%d warnings with '%s' / '%s', want %d\n", n, s1, s2 ? s2 : "", want);
		dump_warnings(e);
	}
	assert_int_equal(n, want);
}

static void nwarnings(const jg_expect *e, size_t want)
{
	size_t n = e->warnings ? jg_strv_len(e->warnings) : 0;
	if (n != want)
		dump_warnings(e);
	assert_int_equal(n, want);
}

/* ---------------------------------------------------------------------------
 * Names
 */

static void test_official_dirs(void **state)
{
	static const struct { const char *name; jg_verdict_set set; } dirs[] = {
		{ "accepted", S(AC) },
		{ "wrong_answer", S(WA) },
		{ "time_limit_exceeded", S(TLE) },
		{ "run_time_error", S(RTE) | S(MLE) | S(OLE) },
		{ "memory_limit_exceeded", S(MLE) },
		{ "output_limit_exceeded", S(OLE) },
		{ "output_limit", S(OLE) },
		{ "compile_error", S(CE) },
		{ "compiler_error", S(CE) },
		{ "no_output", S(WA) },
		{ "partially_accepted", S(AC) | S(WA) },
	};
	static const char *const others[] = {
		"Accepted", "accepted ", "rejected", "brute_force", "slow", "mixed", "", NULL
	};
	jg_verdict_set set;

	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		set = 12345;
		assert_int_equal(jg_expect_dir(&set, dirs[i].name), 1);
		assert_int_equal(set, dirs[i].set);
		assert_null(jg_expect_typo(dirs[i].name));
	}
	for (size_t i = 0; others[i]; i++) {
		set = 12345;
		assert_int_equal(jg_expect_dir(&set, others[i]), 0);
		assert_int_equal(set, 0);
	}
}

static void test_typos(void **state)
{
	static const char *const typos[][2] = {
		{ "Accepted", "accepted" },
		{ "ACCEPTED", "accepted" },
		{ "acepted", "accepted" },
		{ "accpeted", "accepted" },
		{ "wrong-answer", "wrong_answer" },
		{ "wronganswer", "wrong_answer" },
		{ "wrong_answers", "wrong_answer" },
		{ "Wrong_Answer", "wrong_answer" },
		{ "time_limit_exceed", "time_limit_exceeded" },
		{ "time-limit-exceeded", "time_limit_exceeded" },
		{ "timelimitexceeded", "time_limit_exceeded" },
		{ "runtime_error", "run_time_error" },
		{ "run_time_errors", "run_time_error" },
		{ "run-time-error", "run_time_error" },
		{ "runtime_errror", "run_time_error" },
		{ "memory_limit_exceded", "memory_limit_exceeded" },
		{ "compile_errors", "compile_error" },
		{ "compiler-error", "compiler_error" },
		{ "no-output", "no_output" },
		{ "partially-accepted", "partially_accepted" },
		{ "brute-force", "brute_force" },
		{ "Rejected", "rejected" },
	};
	static const char *const fine[] = {
		"slow", "misc", "other", "ac_slow", "slow_but_correct", "mixed", "wrong",
		"tle", "wa", "ac", "time_limit", "partially_correct", "output", "bad",
		"correct", "timeout", "heuristic", "greedy", "accepted_slow", "incorrect",
		"rejected", "brute_force", "", NULL
	};
	const char *got;

	for (size_t i = 0; i < sizeof(typos) / sizeof(*typos); i++) {
		got = jg_expect_typo(typos[i][0]);
		if (!got || strcmp(got, typos[i][1]))
			print_error("%s: got %s, want %s\n", typos[i][0], got ? got : "NULL",
				    typos[i][1]);
		assert_non_null(got);
		assert_string_equal(got, typos[i][1]);
	}
	for (size_t i = 0; fine[i]; i++) {
		got = jg_expect_typo(fine[i]);
		if (got)
			print_error("%s: flagged as a typo of %s\n", fine[i], got);
		assert_null(got);
	}
	assert_null(jg_expect_typo(NULL));
}

static void test_set_str_and_words(void **state)
{
	static const struct { const char *word; jg_verdict_set set; } good[] = {
		{ "AC", S(AC) }, { "wa", S(WA) }, { "Tle", S(TLE) }, { "RTE", S(RTE) },
		{ "MLE", S(MLE) }, { "ole", S(OLE) }, { "CE", S(CE) },
		{ "CORRECT", S(AC) }, { "wrong-answer", S(WA) }, { "WRONG_ANSWER", S(WA) },
		{ "TIMELIMIT", S(TLE) }, { "RUN-ERROR", S(RTE) }, { "COMPILER-ERROR", S(CE) },
		{ "NO-OUTPUT", S(WA) }, { "OUTPUT-LIMIT", S(OLE) }, { "memory-limit", S(MLE) },
		{ "ACCEPTED", S(AC) }, { "TIME_LIMIT_EXCEEDED", S(TLE) },
		{ "run_time_error", S(RTE) },
	};
	static const char *const bad[] = { "JE", "SKIPPED", "", "ACC", "A C", "TIMELIMITX", NULL };
	char buf[64], tiny[6];
	jg_verdict_set set;

	assert_string_equal(jg_verdict_set_str(S(RTE) | S(MLE) | S(OLE), buf, sizeof(buf)),
			    "RTE|MLE|OLE");
	assert_string_equal(jg_verdict_set_str(S(CE) | S(AC) | S(TLE) | S(WA), buf, sizeof(buf)),
			    "AC|WA|TLE|CE");
	assert_string_equal(jg_verdict_set_str(S(AC), buf, sizeof(buf)), "AC");
	assert_string_equal(jg_verdict_set_str(0, buf, sizeof(buf)), "-");
	assert_string_equal(jg_verdict_set_str(S(JE) | S(SKIPPED), buf, sizeof(buf)),
			    "JE|SKIPPED");
	/* cut to fit, still terminated */
	assert_string_equal(jg_verdict_set_str(S(AC) | S(WA) | S(TLE), tiny, sizeof(tiny)),
			    "AC|WA");
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		set = 0;
		assert_int_equal(jg_verdict_set_parse_word(&set, good[i].word), 0);
		assert_int_equal(set, good[i].set);
	}
	for (size_t i = 0; bad[i]; i++) {
		set = 77;
		assert_int_equal(jg_verdict_set_parse_word(&set, bad[i]), JG_EINPUT);
		assert_int_equal(set, 77);
	}
	assert_non_null(strstr(jg_error_last(), "TIMELIMITX"));
}

/* ---------------------------------------------------------------------------
 * @EXPECTED_RESULTS@
 */

static int tag(jg_verdict_set *set, const char *text)
{
	*set = 0;
	return jg_expect_tag(set, text, strlen(text));
}

static void test_tag_parsing(void **state)
{
	static const struct { const char *text; jg_verdict_set set; } good[] = {
		{ "// @EXPECTED_RESULTS@: CORRECT\nint main() {}\n", S(AC) },
		{ "# @EXPECTED_RESULTS@: TIMELIMIT, WRONG-ANSWER\n", S(TLE) | S(WA) },
		{ "/* @EXPECTED_RESULTS@: RUN-ERROR */\n", S(RTE) },
		{ "-- @EXPECTED_RESULTS@: MEMORY-LIMIT OUTPUT-LIMIT\n", S(MLE) | S(OLE) },
		{ "<!-- @EXPECTED_RESULTS@: NO-OUTPUT -->\n", S(WA) },
		{ "\"\"\"@EXPECTED_RESULTS@: COMPILER-ERROR\"\"\"\n", S(CE) },
		{ "(* @expected_results@: correct,timelimit *)\r\nx", S(AC) | S(TLE) },
		{ "x\n% @Expected_Results@:CORRECT ,  , RUN-ERROR", S(AC) | S(RTE) },
		{ "{- @EXPECTED_RESULTS@: TIMELIMIT -}\n@EXPECTED_RESULTS@: CORRECT\n", S(TLE) },
		{ "@EXPECTED_RESULTS@: AC WA\n", S(AC) | S(WA) },
		{ "; @EXPECTED_RESULTS@: CORRECT\n; WRONG-ANSWER on the next line is not read\n",
		  S(AC) },
	};
	jg_verdict_set set;
	const char nul[] = "\0\0binary\0// @EXPECTED_RESULTS@: TIMELIMIT\n";

	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		int rc = tag(&set, good[i].text);
		if (rc != 1)
			print_error("%s: rc %d (%s)\n", good[i].text, rc, jg_error_last());
		assert_int_equal(rc, 1);
		assert_int_equal(set, good[i].set);
	}
	/* NUL bytes before the tag, and a length that cuts it off */
	assert_int_equal(jg_expect_tag(&set, nul, sizeof(nul) - 1), 1);
	assert_int_equal(set, S(TLE));
	assert_int_equal(jg_expect_tag(&set, nul, 15), 0);
	/* none */
	set = 99;
	assert_int_equal(tag(&set, "int main() { return 0; }\n"), 0);
	assert_int_equal(set, 0);
	assert_int_equal(jg_expect_tag(&set, NULL, 0), 0);
	assert_int_equal(tag(&set, "@EXPECTED_RESULT: CORRECT\n"), 0);
	/* unknown words and empty lists */
	assert_int_equal(tag(&set, "// @EXPECTED_RESULTS@: CORRECT, SLOWISH\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "'SLOWISH'"));
	assert_int_equal(tag(&set, "// @EXPECTED_RESULTS@: \xff\xfe\n"), JG_EINPUT);
	assert_int_equal(tag(&set, "// @EXPECTED_RESULTS@:\nCORRECT\n"), JG_EINPUT);
	assert_non_null(strstr(jg_error_last(), "no result"));
	assert_int_equal(tag(&set, "// @EXPECTED_RESULTS@: */\n"), JG_EINPUT);
}

/* ---------------------------------------------------------------------------
 * Discovery
 */

static void test_no_submissions(void **state)
{
	struct box *b = *state;
	jg_expect *e = load_ok(b->prob);
	char *missing = jt_path(b->root, "nope");

	assert_int_equal(e->nsubs, 0);
	assert_null(e->warnings);
	jg_expect_free(e);
	jg_expect_free(NULL);

	jt_put_dir(b->prob, "submissions");
	e = load_ok(b->prob);
	assert_int_equal(e->nsubs, 0);
	jg_expect_free(e);

	e = (jg_expect *)1;
	assert_int_equal(jg_expect_load(&e, missing), JG_EIO);
	assert_null(e);
	assert_non_null(strstr(jg_error_last(), "nope"));
	free(missing);
}

static void test_discovery(void **state)
{
	struct box *b = *state;
	const jg_expect_sub *s;
	char *want, *link;
	jg_expect *e;

	jt_put(b->prob, "submissions/accepted/sol.cpp", "int main() {}\n");
	jt_put(b->prob, "submissions/accepted/multi/main.py", "import util\n");
	jt_put(b->prob, "submissions/accepted/multi/util.py", "x = 1\n");
	jt_put(b->prob, "submissions/accepted/multi/.hidden", "@EXPECTED_RESULTS@: TIMELIMIT\n");
	jt_put(b->prob, "submissions/accepted/.sol.cpp.swp", "junk");
	jt_put(b->prob, "submissions/accepted/sol.cpp~", "backup");
	jt_put(b->prob, "submissions/accepted/README.md", "notes");
	jt_put(b->prob, "submissions/accepted/notes.txt", "not skipped");
	jt_put_dir(b->prob, "submissions/accepted/empty");
	jt_put(b->prob, "submissions/wrong_answer/wa.py", "print(1)\n");
	jt_put(b->prob, "submissions/time_limit_exceeded/slow.c", "\n");
	jt_put(b->prob, "submissions/run_time_error/crash.c", "\n");
	jt_put(b->prob, "submissions/memory_limit_exceeded/m.c", "\n");
	jt_put(b->prob, "submissions/output_limit_exceeded/o.c", "\n");
	jt_put(b->prob, "submissions/output_limit/o2.c", "\n");
	jt_put(b->prob, "submissions/compile_error/ce.c", "\n");
	jt_put(b->prob, "submissions/compiler_error/ce2.c", "\n");
	jt_put(b->prob, "submissions/no_output/no.c", "\n");
	jt_put(b->prob, "submissions/partially_accepted/part.cpp", "\n");
	jt_put(b->prob, "submissions/Accepted/typo.cpp", "\n");
	jt_put(b->prob, "submissions/slow/x.cpp", "\n");
	jt_put(b->prob, "submissions/a-b/y.cpp", "\n");
	jt_put(b->prob, "submissions/stray.cpp", "\n");
	jt_put(b->prob, "submissions/README.md", "\n");
	jt_put(b->prob, "submissions/.gitignore", "\n");
	jt_put(b->prob, "submissions/.git/x", "\n");
	link = jt_path(b->prob, "submissions/accepted/outside");
	assert_int_equal(symlink("/etc", link), 0);
	free(link);
	jt_put(b->prob, "shared/sol.cpp", "// @EXPECTED_RESULTS@: CORRECT\n");
	link = jt_path(b->prob, "submissions/accepted/linked.cpp");
	assert_int_equal(symlink("../../shared/sol.cpp", link), 0);
	free(link);
	e = load_ok(b->prob);

	assert_int_equal(e->nsubs, 17);
	for (size_t i = 1; i < e->nsubs; i++)
		assert_true(strcmp(e->subs[i - 1].rel, e->subs[i].rel) < 0);
	assert_string_equal(e->subs[0].rel, "Accepted/typo.cpp");
	assert_string_equal(e->subs[1].rel, "a-b/y.cpp");    /* strcmp order, '-' < '/' */
	assert_string_equal(e->subs[2].rel, "accepted/linked.cpp");
	assert_string_equal(e->subs[3].rel, "accepted/multi");

	s = find(e, "accepted/sol.cpp");
	assert_int_equal(asprintf(&want, "%s/submissions/accepted/sol.cpp", b->prob) > 0, 1);
	assert_string_equal(s->path, want);
	free(want);
	assert_true(s->path[0] == '/');
	assert_string_equal(s->dir, "accepted");
	assert_int_equal(s->official, 1);
	assert_int_equal(s->partial, 0);
	assert_int_equal(s->expected, S(AC));
	assert_int_equal(s->main, JG_AC);
	assert_int_equal(s->permitted, 0);
	assert_int_equal(s->required, 0);
	assert_null(s->entry);

	s = find(e, "accepted/linked.cpp");   /* a symlink inside the bundle */
	assert_int_equal(s->expected, S(AC));
	s = find(e, "accepted/multi");     /* a directory: one program; .hidden not read */
	assert_int_equal(s->expected, S(AC));
	s = find(e, "accepted/notes.txt");
	assert_int_equal(s->expected, S(AC));
	assert_int_equal(find(e, "wrong_answer/wa.py")->main, JG_WA);
	assert_int_equal(find(e, "time_limit_exceeded/slow.c")->expected, S(TLE));
	s = find(e, "run_time_error/crash.c");
	assert_int_equal(s->expected, S(RTE) | S(MLE) | S(OLE));
	assert_int_equal(s->main, JG_RTE);
	assert_int_equal(find(e, "memory_limit_exceeded/m.c")->main, JG_MLE);
	assert_int_equal(find(e, "output_limit_exceeded/o.c")->expected, S(OLE));
	assert_int_equal(find(e, "output_limit/o2.c")->expected, S(OLE));
	assert_int_equal(find(e, "compile_error/ce.c")->main, JG_CE);
	assert_int_equal(find(e, "compiler_error/ce2.c")->expected, S(CE));
	assert_int_equal(find(e, "no_output/no.c")->expected, S(WA));
	s = find(e, "partially_accepted/part.cpp");
	assert_int_equal(s->partial, 1);
	assert_int_equal(s->official, 1);
	assert_int_equal(s->expected, S(AC) | S(WA));
	for (size_t i = 0; i < 3; i++) {
		s = find(e, i == 0 ? "Accepted/typo.cpp" : i == 1 ? "slow/x.cpp" : "a-b/y.cpp");
		assert_int_equal(s->official, 0);
		assert_int_equal(s->expected, 0);
		assert_int_equal(s->main, JG_AC);
	}

	warned(e, "/submissions/stray.cpp: ", "not inside a subdirectory", 1);
	warned(e, "/submissions/Accepted: ", "did you mean 'accepted'", 1);
	warned(e, "/submissions/accepted/empty: ", "empty directory", 1);
	warned(e, "/submissions/accepted/outside: ", "outside the bundle", 1);
	warned(e, "slow", NULL, 0);
	warned(e, "README", NULL, 0);
	nwarnings(e, 4);
	jg_expect_free(e);
}

static void test_tags_in_tree(void **state)
{
	struct box *b = *state;
	const jg_expect_sub *s;
	jg_expect *e;
	char big[70000];

	jt_put(b->prob, "submissions/accepted/narrow.cpp",
	       "// @EXPECTED_RESULTS@: CORRECT, TIMELIMIT\n");
	jt_put(b->prob, "submissions/accepted/contra.cpp", "// @EXPECTED_RESULTS@: TIMELIMIT\n");
	jt_put(b->prob, "submissions/run_time_error/mem.c", "/* @EXPECTED_RESULTS@: MEMORY-LIMIT */\n");
	jt_put(b->prob, "submissions/run_time_error/plain.c", "int main(){}\n");
	jt_put(b->prob, "submissions/mixed/either.py", "# @EXPECTED_RESULTS@: TIMELIMIT, CORRECT\n");
	jt_put(b->prob, "submissions/mixed/bad.py", "# @EXPECTED_RESULTS@: CORRECT, FASTISH\n");
	jt_put(b->prob, "submissions/mixed/none.py", "print()\n");
	jt_put(b->prob, "submissions/mixed/multi/a.py", "import b\n");
	jt_put(b->prob, "submissions/mixed/multi/b.py", "# @EXPECTED_RESULTS@: WRONG-ANSWER\n");
	jt_put(b->prob, "submissions/mixed/multi/c.py", "# @EXPECTED_RESULTS@: RUN-ERROR\n");
	jt_put(b->prob, "submissions/partially_accepted/p.cpp", "// @EXPECTED_RESULTS@: WA\n");
	/* a tag past the first 64 KiB is not seen */
	memset(big, ' ', sizeof(big));
	strcpy(big + sizeof(big) - 40, "// @EXPECTED_RESULTS@: TIMELIMIT\n");
	jt_put(b->prob, "submissions/mixed/late.cpp", big);
	e = load_ok(b->prob);

	assert_int_equal(find(e, "accepted/narrow.cpp")->expected, S(AC));
	s = find(e, "accepted/contra.cpp");
	assert_int_equal(s->expected, S(AC));
	warned(e, "/submissions/accepted/contra.cpp: ",
				"contradicts directory 'accepted'", 1);
	s = find(e, "run_time_error/mem.c");
	assert_int_equal(s->expected, S(MLE));
	assert_int_equal(s->main, JG_MLE);
	assert_int_equal(find(e, "run_time_error/plain.c")->expected, S(RTE) | S(MLE) | S(OLE));
	s = find(e, "mixed/either.py");
	assert_int_equal(s->official, 0);
	assert_int_equal(s->expected, S(AC) | S(TLE));
	assert_int_equal(s->main, JG_AC);
	s = find(e, "mixed/bad.py");
	assert_int_equal(s->expected, 0);
	warned(e, "/submissions/mixed/bad.py: ", "'FASTISH'", 1);
	assert_int_equal(find(e, "mixed/none.py")->expected, 0);
	s = find(e, "mixed/multi");
	assert_int_equal(s->expected, S(WA));
	assert_int_equal(s->main, JG_WA);
	warned(e, "/submissions/mixed/multi/c.py: ", "multi/b.py", 1);
	s = find(e, "partially_accepted/p.cpp");
	assert_int_equal(s->expected, S(WA));
	assert_int_equal(s->partial, 1);
	assert_int_equal(find(e, "mixed/late.cpp")->expected, 0);
	nwarnings(e, 3);
	jg_expect_free(e);
}

/* ---------------------------------------------------------------------------
 * submissions.yaml
 */

static void test_yaml_rules(void **state)
{
	struct box *b = *state;
	const jg_expect_sub *s;
	jg_expect *e;

	jt_put(b->prob, "submissions/accepted/a.py", "\n");
	jt_put(b->prob, "submissions/accepted/b.cpp", "\n");
	jt_put(b->prob, "submissions/wrong_answer/w.py", "\n");
	jt_put(b->prob, "submissions/wrong_answer/w.cpp", "\n");
	jt_put(b->prob, "submissions/mixed/m.py", "\n");
	jt_put(b->prob, "submissions/mixed/n.java", "\n");
	jt_put(b->prob, "submissions/slow/s.cpp", "\n");
	jt_put(b->prob, "submissions/slow/multi/main.py", "\n");
	jt_put(b->prob, "submissions/time_limit_exceeded/t.cpp", "\n");
	jt_put(b->prob, "submissions/brute_force/bf.py", "\n");
	jt_put(b->prob, "submissions/rejected/r.py", "\n");
	jt_put(b->prob, "submissions/submissions.yaml",
	       "# rules\n"
	       "accepted: AC\n"                            /* shorthand */
	       "wrong_answer/*.py:\n"                      /* glob */
	       "  permitted: [AC, WA, TLE]\n"
	       "  required: WA\n"
	       "wrong_answer/:\n"                          /* intersect and union */
	       "  permitted:\n"
	       "    - AC\n"
	       "    - WA\n"
	       "  required: [tle]\n"
	       "mixed/{m.py,n.*}:\n"                       /* braces */
	       "  permitted: [AC, RTE, MLE]\n"
	       "  entrypoint: Main\n"
	       "  authors: [Someone]\n"
	       "  colour: blue\n"                          /* unknown key */
	       "  score: 50\n"                             /* not checked */
	       "  secret/group1: accepted\n"               /* test group: not checked */
	       "slow: time limit exceeded\n"               /* 2023-07 draft phrase */
	       "slow/multi: [AC, TLE]\n"
	       "time_limit_exceeded:\n"
	       "nothing/*.py:\n"                           /* matches nothing */
	       "  permitted: [AC]\n"
	       "'*.py': [WA]\n"                             /* '*' stops at '/' */
	       "'*/s.cpp': {required: [RTE]}\n");
	e = load_ok(b->prob);

	s = find(e, "accepted/a.py");
	assert_int_equal(s->permitted, S(AC));
	assert_int_equal(s->required, 0);
	assert_int_equal(s->expected, S(AC));
	assert_int_equal(find(e, "accepted/b.cpp")->permitted, S(AC));
	s = find(e, "wrong_answer/w.py");
	assert_int_equal(s->permitted, S(AC) | S(WA));
	assert_int_equal(s->required, S(WA) | S(TLE));
	assert_int_equal(s->expected, S(WA));
	s = find(e, "wrong_answer/w.cpp");
	assert_int_equal(s->permitted, S(AC) | S(WA));
	assert_int_equal(s->required, S(TLE));
	s = find(e, "mixed/m.py");
	assert_int_equal(s->permitted, S(AC) | S(RTE) | S(MLE));
	assert_string_equal(s->entry, "Main");
	assert_int_equal(s->expected, 0);
	assert_string_equal(find(e, "mixed/n.java")->entry, "Main");
	s = find(e, "slow/s.cpp");
	assert_int_equal(s->permitted, S(AC) | S(TLE));
	assert_int_equal(s->required, S(TLE) | S(RTE));
	s = find(e, "slow/multi");
	assert_int_equal(s->permitted, S(AC) | S(TLE));
	assert_int_equal(s->required, S(TLE));
	s = find(e, "time_limit_exceeded/t.cpp");
	assert_int_equal(s->permitted, 0);
	assert_int_equal(s->required, 0);
	/* the 2023-07 defaults of rejected/ and brute_force/ */
	s = find(e, "brute_force/bf.py");
	assert_int_equal(s->expected, 0);
	assert_int_equal(s->permitted, S(AC) | S(TLE) | S(RTE));
	assert_int_equal(s->required, S(TLE) | S(RTE));
	s = find(e, "rejected/r.py");
	assert_int_equal(s->permitted, 0);
	assert_int_equal(s->required, S(WA) | S(TLE) | S(RTE));

	warned(e, "/submissions/submissions.yaml: line 15: ", "'colour'", 1);
	warned(e, "submissions.yaml: line 16: ", "'score'", 1);
	warned(e, "submissions.yaml: line 17: ", "secret/group1", 1);
	warned(e, "submissions.yaml: line 21: ", "'nothing/*.py' matches no", 1);
	warned(e, "submissions.yaml: line 23: ", "'*.py' matches no", 1);
	nwarnings(e, 5);
	jg_expect_free(e);
}

static void test_yaml_replaces_default(void **state)
{
	struct box *b = *state;
	const jg_expect_sub *s;
	jg_expect *e;

	jt_put(b->prob, "submissions/brute_force/bf.py", "\n");
	jt_put(b->prob, "submissions/brute_force/bf2.py", "\n");
	jt_put(b->prob, "submissions/expectations.yaml",
	       "brute_force:\n  permitted: [AC, WA, TLE]\n"
	       "brute_force/bf2.py: [WA]\n");
	e = load_ok(b->prob);
	s = find(e, "brute_force/bf.py");
	assert_int_equal(s->permitted, S(AC) | S(WA) | S(TLE));
	assert_int_equal(s->required, 0);
	assert_int_equal(find(e, "brute_force/bf2.py")->permitted, S(WA));
	nwarnings(e, 0);
	jg_expect_free(e);
}

static void yaml_fails(struct box *b, const char *yaml, const char *want)
{
	char *file = jt_path(b->prob, "submissions/submissions.yaml");

	jt_put(b->prob, "submissions/submissions.yaml", yaml);
	load_fails(b->prob, file, want);
	free(file);
}

static void test_yaml_errors(void **state)
{
	struct box *b = *state;

	jt_put(b->prob, "submissions/accepted/a.py", "\n");
	jt_put(b->prob, "submissions/accepted/b.py", "\n");
	yaml_fails(b, "accepted:\n  required: [AC]\n  permitted: {a: 1}\n",
		   "line 3: 'permitted' must be a list of verdicts");
	yaml_fails(b, "accepted:\n  permitted: [AC, [WA]]\n",
		   "line 2: 'permitted' must be a list of verdicts");
	yaml_fails(b, "accepted:\n  permitted: [AC, XX]\n", "line 2: permitted: unknown verdict 'XX'");
	yaml_fails(b, "accepted:\n  permitted: []\n", "line 2: 'permitted' must list at least");
	yaml_fails(b, "accepted: [AC\n", ":2:1: ");
	yaml_fails(b, "accepted:\n  permitted: [AC]\n bad indent: 1\n", ":3:");
	yaml_fails(b, "a: AC\nb: AC\nc: \"x\n", ":3:");
	yaml_fails(b, "- accepted\n- wrong_answer\n", "expected a mapping");
	yaml_fails(b, "accepted: &x [AC]\nwrong_answer: *x\n", "aliases");
	yaml_fails(b, "accepted: AC\n# caf\xe9\n", "not valid UTF-8");
	yaml_fails(b, "accepted: AC\naccepted/a.py:\n  permitted: [WA]\n",
		   "line 2: rule 'accepted/a.py' permits WA, none of AC");
	yaml_fails(b, "accepted:\n  entrypoint: [a, b]\n", "line 2: 'entrypoint' must be a file");
	yaml_fails(b, "[a]: AC\n", "patterns must be strings");
}

/* ---------------------------------------------------------------------------
 * submissions.json
 */

static void test_json_entry_point(void **state)
{
	struct box *b = *state;
	jg_expect *e;

	jt_put(b->prob, "submissions/accepted/multi/main.py", "\n");
	jt_put(b->prob, "submissions/accepted/multi/lib.py", "\n");
	jt_put(b->prob, "submissions/accepted/Sol.java", "\n");
	jt_put(b->prob, "submissions/mixed/two/run.sh", "\n");
	jt_put(b->prob, "submissions/submissions.yaml", "accepted:\n  entrypoint: fromyaml.py\n");
	jt_put(b->prob, "submissions.json",
	       "{\n"
	       "  \"submissions/accepted/multi/\": {\"entry_point\": \"main.py\"},\n"
	       "  \"submissions/accepted/gone.py\": {\"entry_point\": \"x.py\"},\n"
	       "  \"submissions/accepted/Sol.java\": {\"langid\": \"java\", \"team\": \"jury\","
	       " \"flavour\": 1}\n"
	       "}\n");
	jt_put(b->prob, "submissions/submissions.json", "{\"mixed/two\": {\"entry_point\": \"run.sh\"}}");
	e = load_ok(b->prob);
	assert_string_equal(find(e, "accepted/multi")->entry, "main.py");
	assert_string_equal(find(e, "accepted/Sol.java")->entry, "fromyaml.py");
	assert_string_equal(find(e, "mixed/two")->entry, "run.sh");
	warned(e, "/submissions.json: ", "'submissions/accepted/gone.py' names no", 1);
	warned(e, "/submissions.json: ", "'flavour'", 1);
	nwarnings(e, 2);
	jg_expect_free(e);
}

static void json_fails(struct box *b, const char *json, const char *want)
{
	char *file = jt_path(b->prob, "submissions.json");

	jt_put(b->prob, "submissions.json", json);
	load_fails(b->prob, file, want);
	free(file);
}

static void test_json_errors(void **state)
{
	struct box *b = *state;

	jt_put(b->prob, "submissions/accepted/a.py", "\n");
	json_fails(b, "{\"submissions/accepted/a.py\": {\"entry_point\": 3}}",
		   "entry_point must be a string");
	json_fails(b, "{\"submissions/accepted/a.py\": \"main.py\"}", "must map to an object");
	json_fails(b, "{\"submissions/accepted/a.py\": {\"entry_point\": \"../../etc/passwd\"}}",
		   "must be a path inside the submission");
	json_fails(b, "{\"submissions/accepted/a.py\": {\"entry_point\": \"/bin/sh\"}}",
		   "must be a path inside the submission");
	json_fails(b, "[1, 2]", "expected an object");
	json_fails(b, "{\n\"a\": {}\n\"b\": {}}", "line 3: ");
	json_fails(b, "{\"a\": {\"entry_point\": \"caf\xe9\"}}", "line 1: ");
	json_fails(b, "{\"a\": {}, \"a\": {}}", "duplicate");
}

#define T(f) cmocka_unit_test_setup_teardown(f, box_setup, box_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_official_dirs),
		cmocka_unit_test(test_typos),
		cmocka_unit_test(test_set_str_and_words),
		cmocka_unit_test(test_tag_parsing),
		T(test_no_submissions),
		T(test_discovery),
		T(test_tags_in_tree),
		T(test_yaml_rules),
		T(test_yaml_replaces_default),
		T(test_yaml_errors),
		T(test_json_entry_point),
		T(test_json_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
