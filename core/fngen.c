/* core/fngen.c - per-language harnesses of function-call submissions
 * (see fngen.h; the static parts live in harness/function/). */
#define _GNU_SOURCE
#include "fngen.h"
#include "buf.h"
#include "error.h"
#include "fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_MAX (1u << 20)   /* a generated file */
#define SRC_MAX (16u << 20)  /* a student source rewritten (Go) */

typedef int (*gen_fn)(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files);

/* ---- helpers ---- */

const char *jg_fngen_harness_dir(void)
{
	const char *e = getenv("JUDGE_HARNESS_DIR");
	return e && *e ? e : JG_SOURCE_DIR "/harness/function";
}

static int add_name(char ***v, const char *name)
{
	return jg_strv_push(v, name) < 0 ? jg_error_set(JG_ENOMEM, "out of memory") : 0;
}

/* Copies harness/function/NAME into the directory. */
static int copy_static(jg_fngen *g, const char *name)
{
	char *src = jg_path_join(jg_fngen_harness_dir(), name), *dst = jg_path_join(g->dir, name);
	int rc = src && dst ? jg_fs_copy_file(src, dst, GEN_MAX) : jg_error_set(JG_ENOMEM, "out of memory");

	if (rc == 0)
		rc = add_name(&g->files, name);
	free(src);
	free(dst);
	return rc;
}

static int write_file(jg_fngen *g, const char *name, const char *data, size_t len)
{
	char *path = jg_path_join(g->dir, name);
	int rc = path ? jg_fs_write_file(path, data, len) : jg_error_set(JG_ENOMEM, "out of memory");

	if (rc == 0)
		rc = add_name(&g->files, name);
	free(path);
	return rc;
}

static int write_buf(jg_fngen *g, const char *name, jg_buf *b)
{
	if (b->truncated || !b->data)
		return jg_error_set(JG_ENOMEM, "out of memory");
	return write_file(g, name, b->data, b->len);
}

static int needs_types(const jg_fnsig *s, const char *lang)
{
	if (s->typed)
		return 0;
	return jg_error_set(JG_EINPUT, "the %s harness needs the function's types: give --signature, "
			    "e.g. \"int %s(int a, int b)\"", lang, s->name);
}

/* ---- Python, JavaScript, Java: a static harness and judge_function.json ---- */

static int write_signature(jg_fngen *g, const jg_fnsig *s)
{
	json_t *j = jg_fnsig_to_json(s);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	int rc = text ? write_file(g, "judge_function.json", text, strlen(text))
		      : jg_error_set(JG_ENOMEM, "out of memory");
	free(text);
	json_decref(j);
	return rc;
}

static int gen_static(jg_fngen *g, const jg_fnsig *s, char *const *files, const char *harness)
{
	int rc = copy_static(g, harness);
	if (rc == 0)
		rc = write_signature(g, s);
	for (size_t i = 0; rc == 0 && files[i]; i++)
		rc = add_name(&g->build, files[i]);
	return rc;
}

static int gen_python(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files)
{
	return gen_static(g, s, files, "judge_harness.py");
}

static int gen_javascript(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files)
{
	return gen_static(g, s, files, "judge_harness.js");
}

static int gen_java(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files)
{
	return gen_static(g, s, files, "JudgeHarness.java");
}

/* ---- C ---- */

static const char *const c_scalar[] = { "long long", "double", "bool", "char *" };
static const char *const kind_word[] = { "int", "double", "bool", "string" };

static int depth_of(const jg_type *t, jg_tkind *base)
{
	int d = 0;
	while (t->kind == JG_T_ARRAY)
		t = t->elem, d++;
	*base = t->kind;
	return d;
}

/* The C parameter list of the declaration (types only). */
static void c_params(jg_buf *b, const jg_fnsig *s)
{
	for (size_t i = 0; i < s->nparams; i++) {
		jg_tkind k;
		int d = depth_of(s->params[i].type, &k);
		jg_buf_printf(b, "%s%s%s%s", i ? ", " : "", c_scalar[k], k == JG_T_STRING ? "" : " ",
			      d == 0 ? "" : d == 1 ? "*, int" : "**, int, int *");
	}
}

static void c_declaration(jg_buf *b, const jg_fnsig *s)
{
	jg_tkind k;
	int d = depth_of(s->returns, &k);

	jg_buf_printf(b, "%s%s%s%s(", c_scalar[k], k == JG_T_STRING ? "" : " ", d == 0 ? "" : d == 1 ? "*" : "**",
		      s->name);
	c_params(b, s);
	if (d)
		jg_buf_printf(b, "%sint *%s", s->nparams ? ", " : "", d == 2 ? ", int **" : "");
	if (!s->nparams && !d)
		jg_buf_puts(b, "void");
	jg_buf_puts(b, ");\n");
}

/* Reading argument i into a<i> (n<i>, c<i> for arrays); the call's arguments into call. */
static void c_argument(jg_buf *b, jg_buf *call, const jg_param *p, size_t i)
{
	jg_tkind k;
	int d = depth_of(p->type, &k);
	const char *w = kind_word[k];

	if (d == 0) {
		jg_buf_printf(b, "\t%s%sa%zu = judge_%s(judge_arg(args, %zu));\n", c_scalar[k],
			      k == JG_T_STRING ? "" : " ", i, w, i);
		jg_buf_printf(call, "%sa%zu", i ? ", " : "", i);
	} else if (d == 1) {
		jg_buf_printf(b, "\tint n%zu; %s%s*a%zu = judge_%s_1(judge_arg(args, %zu), &n%zu);\n", i,
			      c_scalar[k], k == JG_T_STRING ? "" : " ", i, w, i, i);
		jg_buf_printf(call, "%sa%zu, n%zu", i ? ", " : "", i, i);
	} else {
		jg_buf_printf(b, "\tint n%zu, *c%zu; %s%s**a%zu = judge_%s_2(judge_arg(args, %zu), &n%zu, &c%zu);\n",
			      i, i, c_scalar[k], k == JG_T_STRING ? "" : " ", i, w, i, i, i);
		jg_buf_printf(call, "%sa%zu, n%zu, c%zu", i ? ", " : "", i, i, i);
	}
}

static void c_call(jg_buf *b, const jg_fnsig *s, const char *args)
{
	jg_tkind k;
	int d = depth_of(s->returns, &k);
	const char *sep = *args ? ", " : "";

	if (d == 0)
		jg_buf_printf(b, "\t%s%sr = %s(%s);\n\tjudge_put_%s(r);\n", c_scalar[k],
			      k == JG_T_STRING ? "" : " ", s->name, args, kind_word[k]);
	else if (d == 1)
		jg_buf_printf(b, "\tint rn = 0;\n\t%s%s*r = %s(%s%s&rn);\n\tjudge_put_%s_1(r, rn);\n", c_scalar[k],
			      k == JG_T_STRING ? "" : " ", s->name, args, sep, kind_word[k]);
	else
		jg_buf_printf(b, "\tint rn = 0, *rc = NULL;\n\t%s%s**r = %s(%s%s&rn, &rc);\n"
			      "\tjudge_put_%s_2(r, rn, rc);\n", c_scalar[k], k == JG_T_STRING ? "" : " ", s->name,
			      args, sep, kind_word[k]);
}

static void include_sources(jg_buf *b, char *const *files)
{
	for (size_t i = 0; files[i]; i++)
		jg_buf_printf(b, "#include \"%s\"\n", files[i]);
}

static int gen_c(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files)
{
	jg_buf b = JG_BUF_INIT(GEN_MAX), call = JG_BUF_INIT(GEN_MAX);
	int rc;

	if ((rc = needs_types(s, "c")) < 0 || (rc = copy_static(g, "judge_json.h")) < 0)
		return rc;
	jg_buf_puts(&b, "/* judge_main.c - generated by judge: calls the submission's function. */\n"
		    "#include \"judge_json.h\"\n/* The function, as the problem declares it: */\n");
	c_declaration(&b, s);
	include_sources(&b, files);
	jg_buf_printf(&b, "\nint main(void)\n{\n\tjudge_value *args = judge_args(%zu);\n", s->nparams);
	for (size_t i = 0; i < s->nparams; i++)
		c_argument(&b, &call, &s->params[i], i);
	c_call(&b, s, call.data ? call.data : "");
	jg_buf_puts(&b, "\treturn judge_done();\n}\n");
	rc = write_buf(g, "judge_main.c", &b);
	if (rc == 0)
		rc = add_name(&g->build, "judge_main.c");
	jg_buf_free(&b);
	jg_buf_free(&call);
	return rc;
}

/* ---- C++ ---- */

static void cpp_kind(jg_buf *b, const jg_type *t)
{
	if (t->kind == JG_T_ARRAY) {
		jg_buf_puts(b, "judge::K_array<");
		cpp_kind(b, t->elem);
		jg_buf_puts(b, ">");
	} else {
		jg_buf_printf(b, "judge::K_%s", kind_word[t->kind]);
	}
}

/* A Solution class anywhere in the sources makes it a method. */
static int has_solution_class(const char *src_dir, char *const *files)
{
	int found = 0;
	for (size_t i = 0; files[i] && !found; i++) {
		char *path = jg_path_join(src_dir, files[i]), *text = NULL;
		size_t len;
		if (path && jg_fs_read_file(&text, &len, path, SRC_MAX) == 0)
			for (const char *p = text; !found && (p = strstr(p, "Solution")); p += 8) {
				const char *q = p;
				while (q > text && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n'))
					q--;
				found = (q - text >= 5 && !strncmp(q - 5, "class", 5)) ||
					(q - text >= 6 && !strncmp(q - 6, "struct", 6));
			}
		free(text);
		free(path);
	}
	return found;
}

static int gen_cpp(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files)
{
	jg_buf b = JG_BUF_INIT(GEN_MAX);
	int rc;

	if ((rc = needs_types(s, "cpp")) < 0 || (rc = copy_static(g, "judge_json.h")) < 0 ||
	    (rc = copy_static(g, "judge_harness.hpp")) < 0)
		return rc;
	jg_buf_puts(&b, "// judge_main.cpp - generated by judge: calls the submission's function.\n"
		    "#include \"judge_json.h\"\n#include <bits/stdc++.h>\nusing namespace std;\n");
	include_sources(&b, files);
	jg_buf_puts(&b, "#include \"judge_harness.hpp\"\n\nint main()\n{\n\treturn judge::signature<");
	cpp_kind(&b, s->returns);
	for (size_t i = 0; i < s->nparams; i++) {
		jg_buf_puts(&b, ", ");
		cpp_kind(&b, s->params[i].type);
	}
	jg_buf_printf(&b, ">::run(&%s%s, \"%s\");\n}\n", has_solution_class(src_dir, files) ? "Solution::" : "",
		      s->name, s->name);
	rc = write_buf(g, "judge_main.cpp", &b);
	if (rc == 0)
		rc = add_name(&g->build, "judge_main.cpp");
	jg_buf_free(&b);
	return rc;
}

/* ---- Go ---- */

static const char *const go_scalar[] = { "int", "float64", "bool", "string" };

static void go_type(jg_buf *b, const jg_type *t)
{
	if (t->kind == JG_T_ARRAY) {
		jg_buf_puts(b, "[]");
		go_type(b, t->elem);
	} else {
		jg_buf_puts(b, go_scalar[t->kind]);
	}
}

/* 1 when the first word of the file outside comments is `package`. */
static int go_has_package(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (p[0] == '/' && p[1] == '/')
			p = strchr(p, '\n') ? strchr(p, '\n') : p + strlen(p);
		else if (p[0] == '/' && p[1] == '*')
			p = strstr(p + 2, "*/") ? strstr(p + 2, "*/") + 2 : p + strlen(p);
		else
			return !strncmp(p, "package", 7) && (p[7] == ' ' || p[7] == '\t');
	}
}

/* A student file without a package clause: a copy with one. */
static int go_source(jg_fngen *g, const char *src_dir, const char *file, size_t i)
{
	char *path = jg_path_join(src_dir, file), *text = NULL, name[48];
	jg_buf b = JG_BUF_INIT(SRC_MAX + 4096);
	size_t len;
	int rc = path ? jg_fs_read_file(&text, &len, path, SRC_MAX) : jg_error_set(JG_ENOMEM, "out of memory");

	if (rc == 0 && go_has_package(text)) {
		rc = add_name(&g->build, file);
	} else if (rc == 0) {
		snprintf(name, sizeof(name), "judge_src_%zu.go", i);
		jg_buf_printf(&b, "package main\n//line %s:1\n", file);
		jg_buf_add(&b, text, len);
		if ((rc = write_buf(g, name, &b)) == 0)
			rc = add_name(&g->build, name);
	}
	free(path);
	free(text);
	jg_buf_free(&b);
	return rc;
}

static void go_main(jg_buf *b, const jg_fnsig *s)
{
	jg_buf_puts(b, "// judge_main.go - generated by judge: calls the submission's function.\npackage main\n\n"
		    "import (\n\t\"encoding/json\"\n\t\"io\"\n\t\"os\"\n)\n\n"
		    "// The function, as the problem declares it:\nvar _ func(");
	for (size_t i = 0; i < s->nparams; i++) {
		jg_buf_puts(b, i ? ", " : "");
		go_type(b, s->params[i].type);
	}
	jg_buf_puts(b, ") ");
	go_type(b, s->returns);
	jg_buf_printf(b, " = %s\n\nfunc judgeFail(msg string) {\n\tos.Stderr.WriteString(\"judge: \" + msg + \"\\n\")\n"
		      "\tos.Exit(1)\n}\n\nfunc main() {\n\tvar args []json.RawMessage\n"
		      "\tdata, err := io.ReadAll(os.Stdin)\n"
		      "\tif err != nil || json.Unmarshal(data, &args) != nil || len(args) != %zu {\n"
		      "\t\tjudgeFail(\"the input is not a JSON array of %zu arguments\")\n\t}\n", s->name,
		      s->nparams, s->nparams);
	for (size_t i = 0; i < s->nparams; i++) {
		jg_buf_printf(b, "\tvar a%zu ", i);
		go_type(b, s->params[i].type);
		jg_buf_printf(b, "\n\tif json.Unmarshal(args[%zu], &a%zu) != nil {\n\t\tjudgeFail(\"argument %zu "
			      "does not fit its type\")\n\t}\n", i, i, i + 1);
	}
	jg_buf_printf(b, "\tr := %s(", s->name);
	for (size_t i = 0; i < s->nparams; i++)
		jg_buf_printf(b, "%sa%zu", i ? ", " : "", i);
	jg_buf_printf(b, ")\n\tout, err := json.Marshal(r)\n\tif err != nil {\n"
		      "\t\tjudgeFail(\"the result is not JSON: \" + err.Error())\n\t}\n"
		      "%s\tos.NewFile(3, \"result\").Write(append(out, '\\n'))\n}\n",
		      s->returns->kind == JG_T_ARRAY ? "\tif string(out) == \"null\" {\n\t\tout = []byte(\"[]\")\n\t}\n"
						      : "");
}

static int gen_go(jg_fngen *g, const jg_fnsig *s, const char *src_dir, char *const *files)
{
	jg_buf b = JG_BUF_INIT(GEN_MAX);
	int rc = needs_types(s, "go");

	for (size_t i = 0; rc == 0 && files[i]; i++)
		rc = go_source(g, src_dir, files[i], i);
	if (rc == 0) {
		go_main(&b, s);
		rc = write_buf(g, "judge_main.go", &b);
	}
	if (rc == 0)
		rc = add_name(&g->build, "judge_main.go");
	jg_buf_free(&b);
	return rc;
}

/* ---- the table ---- */

static const struct { const char *name; gen_fn gen; } generators[] = {
	{ "c", gen_c }, { "cpp", gen_cpp }, { "python", gen_python },
	{ "javascript", gen_javascript }, { "java", gen_java }, { "go", gen_go },
};

static gen_fn find_gen(const char *name)
{
	for (size_t i = 0; name && i < sizeof(generators) / sizeof(generators[0]); i++)
		if (!strcmp(generators[i].name, name))
			return generators[i].gen;
	return NULL;
}

int jg_fngen_known(const char *name)
{
	return find_gen(name) != NULL;
}

int jg_fngen_typed_only(const char *name)
{
	return !strcmp(name, "c") || !strcmp(name, "cpp") || !strcmp(name, "go");
}

void jg_fngen_free(jg_fngen *g)
{
	if (!g)
		return;
	if (g->dir)
		jg_fs_rmtree(g->dir);
	free(g->dir);
	jg_strv_free(g->files);
	jg_strv_free(g->build);
	free(g);
}

int jg_fngen_build(jg_fngen **out, const jg_lang *l, const jg_fnsig *s, const char *src_dir,
		   char *const *files, const char *workdir)
{
	gen_fn gen = find_gen(l->fn_harness);
	jg_fngen *g = calloc(1, sizeof(*g));
	int rc;

	*out = NULL;
	if (!g || !(g->files = calloc(1, sizeof(char *))) || !(g->build = calloc(1, sizeof(char *)))) {
		rc = jg_error_set(JG_ENOMEM, "out of memory");
		goto done;
	}
	if (!gen || !l->fn_run) {
		rc = jg_error_set(JG_EINPUT, "language %s cannot run function-call problems (no `function:` "
				  "block in its definition)", l->name);
		goto done;
	}
	if ((rc = jg_fs_mkdtemp(&g->dir, workdir, "judge-harness-")) < 0 || (rc = gen(g, s, src_dir, files)) < 0)
		goto done;
	*out = g;
	g = NULL;
done:
	jg_fngen_free(g);
	return rc;
}
