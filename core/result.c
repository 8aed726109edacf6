/* core/result.c - verdict names and result lifetimes. */
#include "result.h"
#include "error.h"

#include <stdlib.h>
#include <strings.h>

static const char *const names[JG_VERDICT_COUNT] = {
	"AC", "WA", "TLE", "MLE", "RTE", "OLE", "CE", "JE", "SKIPPED"
};

const char *jg_verdict_name(jg_verdict v)
{
	return (unsigned)v < JG_VERDICT_COUNT ? names[v] : "JE";
}

int jg_verdict_parse(jg_verdict *out, const char *s)
{
	for (int i = 0; i < JG_VERDICT_COUNT; i++) {
		if (s && strcasecmp(s, names[i]) == 0) {
			*out = (jg_verdict)i;
			return 0;
		}
	}
	return jg_error_set(JG_EINPUT, "unknown verdict '%s'", s ? s : "(null)");
}

void jg_test_result_clear(jg_test_result *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->message);
	free(t->stdout_head);
	free(t->stderr_head);
	t->name = t->message = t->stdout_head = t->stderr_head = NULL;
}

void jg_submission_result_clear(jg_submission_result *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->ntests; i++)
		jg_test_result_clear(&s->tests[i]);
	free(s->tests);
	free(s->path);
	free(s->language);
	free(s->compile_status);
	free(s->compile_output);
	free(s->message);
	s->tests = NULL;
	s->ntests = 0;
	s->path = s->language = s->compile_status = s->compile_output = s->message = NULL;
}

void jg_report_free(jg_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nsubs; i++)
		jg_submission_result_clear(&r->subs[i]);
	free(r->subs);
	free(r->problem_name);
	free(r);
}

void jg_submission_result_summarize(jg_submission_result *s)
{
	int decided = (s->verdict == JG_CE || s->verdict == JG_JE);
	if (!decided)
		s->verdict = JG_AC;
	s->time_max = 0;
	s->memory_max = 0;
	for (size_t i = 0; i < s->ntests; i++) {
		const jg_test_result *t = &s->tests[i];
		if (t->time > s->time_max)
			s->time_max = t->time;
		if (t->memory > s->memory_max)
			s->memory_max = t->memory;
		if (!decided && t->verdict != JG_AC && t->verdict != JG_SKIPPED) {
			s->verdict = t->verdict;
			decided = 1;
		}
	}
}
