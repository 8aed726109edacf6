/* fuzz/fuzz_problem_yaml.c - jg_problem_parse_yaml() on arbitrary text.
 *
 * The input is problem.yaml, not NUL-terminated (as libFuzzer gives it).
 * Properties: no crash or leak; the result is 0 or JG_EINPUT/JG_ENOMEM with
 * a one-line message; on error the problem is cleared; on success every
 * limit is in its documented range and the validator flags string exists
 * (it is then parsed with jg_vflags_parse() too, as the judge does).
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <math.h>

#include "bundle.h"
#include "error.h"
#include "fs.h"
#include "validate.h"

#define YAML_MAX (1u << 20)   /* what jg_bundle_open() reads at most */
#define NUM_MAX  1e9

static int in_range(double v)
{
	return isfinite(v) && v > 0 && v <= NUM_MAX;
}

static void check_ok(const jg_problem *p, char **warnings)
{
	jg_vflags vf;
	char err[256];

	FUZZ_CHECK(in_range(p->time_limit));
	FUZZ_CHECK(p->time_limit_source == JG_TL_YAML || p->time_limit_source == JG_TL_DEFAULT);
	FUZZ_CHECK(in_range(p->time_multiplier));
	FUZZ_CHECK(in_range(p->time_safety_margin));
	FUZZ_CHECK(in_range(p->compilation_time));
	FUZZ_CHECK(p->memory_mib >= 1 && p->memory_mib <= (uint64_t)NUM_MAX);
	FUZZ_CHECK(p->output_mib >= 1 && p->output_mib <= (uint64_t)NUM_MAX);
	FUZZ_CHECK(p->compilation_memory_mib >= 1 && p->compilation_memory_mib <= (uint64_t)NUM_MAX);
	FUZZ_CHECK(p->validation == JG_VALIDATION_DEFAULT || p->validation == JG_VALIDATION_CUSTOM ||
		   p->validation == JG_VALIDATION_INTERACTIVE);
	FUZZ_CHECK(p->validator_flags != NULL);
	FUZZ_CHECK(p->validator_dir == NULL);
	for (size_t i = 0; warnings && warnings[i]; i++)
		FUZZ_CHECK_MSG(fuzz_no_ctl(warnings[i], NULL), warnings[i]);

	/* What the judge does next with the flags. */
	memset(err, 'x', sizeof(err));
	if (jg_vflags_parse(&vf, p->validator_flags, err, sizeof(err)) < 0)
		FUZZ_CHECK(err[0] != '\0' && memchr(err, '\0', sizeof(err)));
	else
		FUZZ_CHECK(err[0] == '\0' && isfinite(vf.float_abs) && isfinite(vf.float_rel) &&
			   vf.float_abs >= 0 && vf.float_rel >= 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jg_problem p;
	char **warnings = NULL;
	int rc;

	if (size > YAML_MAX)
		return 0;
	jg_error_clear();
	rc = jg_problem_parse_yaml(&p, (const char *)data, size, "problem.yaml", &warnings);
	if (fuzz_verbose())
		fprintf(stderr, "  parse: %d %s\n", rc, rc ? jg_error_last() : "");
	if (rc == 0) {
		check_ok(&p, warnings);
	} else {
		const char *msg = jg_error_last();
		FUZZ_CHECK_MSG(rc == JG_EINPUT || rc == JG_ENOMEM, msg);
		FUZZ_CHECK(jg_error_last_code() == rc);
		FUZZ_CHECK(msg[0] != '\0');
		FUZZ_CHECK_MSG(!strchr(msg, '\n'), msg);
		FUZZ_CHECK(p.name == NULL && p.validator_flags == NULL && p.validator_dir == NULL);
	}
	jg_problem_clear(&p);
	jg_strv_free(warnings);
	return 0;
}
