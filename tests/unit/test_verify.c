/* tests/unit/test_verify.c - judge verify's pure rules: the derived time
 * limit and what meets an expectation. (The whole command runs against real
 * containers in tests/integration/verify.sh.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "expect.h"
#include "verify.h"

static void test_derive_tl(void **state)
{
	(void)state;
	/* TL = max(1, ceil(slowest x multiplier / resolution)) x resolution */
	assert_true(jg_verify_derive_tl(0.309, 5, 1) == 2);
	assert_true(jg_verify_derive_tl(0.02, 5, 1) == 1);
	assert_true(jg_verify_derive_tl(0, 5, 1) == 1);
	assert_true(jg_verify_derive_tl(0.2, 5, 1) == 1);      /* exactly 1 s stays 1 s */
	assert_true(jg_verify_derive_tl(0.21, 5, 1) == 2);
	assert_true(jg_verify_derive_tl(1.01, 2, 1) == 3);
	assert_true(jg_verify_derive_tl(0.3, 5, 0.5) == 1.5);
	assert_true(jg_verify_derive_tl(0.01, 5, 0.5) == 0.5); /* one step at least */
	assert_true(jg_verify_derive_tl(0.3, 5, 0) == 2);      /* no resolution: 1 s */
}

static void test_meets(void **state)
{
	jg_verdict_set rte = 0;
	(void)state;
	assert_int_equal(jg_expect_dir(&rte, "run_time_error"), 1);
	assert_true(jg_verify_meets(rte, JG_RTE));
	assert_true(jg_verify_meets(rte, JG_MLE));
	assert_true(jg_verify_meets(rte, JG_OLE));
	assert_false(jg_verify_meets(rte, JG_TLE));
	assert_false(jg_verify_meets(rte, JG_AC));
	assert_false(jg_verify_meets(JG_VSET(JG_AC), JG_WA));
	assert_true(jg_verify_meets(JG_VSET(JG_AC) | JG_VSET(JG_TLE), JG_TLE));
	assert_false(jg_verify_meets(JG_VSET(JG_WA), JG_JE));
	assert_true(jg_verify_meets(0, JG_WA));                /* unchecked */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_derive_tl),
		cmocka_unit_test(test_meets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
