/* Unit tests: Docker API host parsing, version negotiation, container spec
 * and supervisor config building (core/docker.c, core/sandbox.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include "docker.h"
#include "error.h"
#include "sandbox.h"

static void test_parse_host(void **state)
{
	char *base, *sock;
	(void)state;
	assert_int_equal(jg_docker_parse_host("unix:///var/run/docker.sock", &base, &sock), 0);
	assert_string_equal(base, "http://localhost");
	assert_string_equal(sock, "/var/run/docker.sock");
	free(base), free(sock);
	assert_int_equal(jg_docker_parse_host("tcp://10.0.0.5:2375/", &base, &sock), 0);
	assert_string_equal(base, "http://10.0.0.5:2375");
	assert_null(sock);
	free(base);
	assert_int_equal(jg_docker_parse_host("ssh://host", &base, &sock), JG_EINPUT);
	assert_int_equal(jg_docker_parse_host("unix://relative", &base, &sock), JG_EINPUT);
	assert_int_equal(jg_docker_parse_host("tcp://", &base, &sock), JG_EINPUT);
}

static void test_version_cmp(void **state)
{
	(void)state;
	assert_true(jg_docker_version_cmp("1.41", "1.44") < 0);
	assert_true(jg_docker_version_cmp("1.100", "1.44") > 0);
	assert_int_equal(jg_docker_version_cmp("1.44", "1.44"), 0);
	assert_true(jg_docker_version_cmp("2.0", "1.99") > 0);
}

static void test_pick_version(void **state)
{
	char v[16];
	(void)state;
	/* Docker 20.10 */
	assert_int_equal(jg_docker_pick_version(v, "1.41", "1.12"), 0);
	assert_string_equal(v, "1.41");
	/* Docker 29: newer than we know, refuses below 1.44 */
	assert_int_equal(jg_docker_pick_version(v, "1.52", "1.44"), 0);
	assert_string_equal(v, JG_DOCKER_API_MAX);
	/* A server whose minimum is above our maximum: speak its minimum. */
	assert_int_equal(jg_docker_pick_version(v, "1.60", "1.50"), 0);
	assert_string_equal(v, "1.50");
	/* Too old */
	assert_int_equal(jg_docker_pick_version(v, "1.40", "1.12"), JG_EDOCKER);
	assert_non_null(strstr(jg_error_last(), "too old"));
	assert_int_equal(jg_docker_pick_version(v, NULL, NULL), JG_EDOCKER);
}

static jg_sandbox_spec sample_spec(void)
{
	static char *run[] = { "./main", NULL };
	static char *compile[] = { "gcc", "-o", "main", "a.c", NULL };
	jg_sandbox_spec s = { .image = "judge-runtime:1", .supervisor_path = "/x", .run = run,
			      .compile = compile, .cpu_limit = 1.5, .memory = 256u << 20,
			      .output = 8u << 20, .compile_time = 60, .compile_memory = 1024u << 20,
			      .validator_time = 30 };
	return s;
}

/* The hardening every container must carry. */
static void test_container_spec(void **state)
{
	jg_sandbox_spec s = sample_spec();
	json_t *j = jg_sandbox_container_spec(&s, 300u << 20), *hc;
	(void)state;
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "Image")), "judge-runtime:1");
	assert_true(json_is_true(json_object_get(j, "NetworkDisabled")));
	assert_false(json_is_true(json_object_get(j, "Tty")));
	assert_non_null(json_object_get(json_object_get(j, "Labels"), JG_SANDBOX_LABEL));
	hc = json_object_get(j, "HostConfig");
	assert_non_null(hc);
	assert_false(json_is_true(json_object_get(hc, "Privileged")));
	assert_true(json_is_true(json_object_get(hc, "ReadonlyRootfs")));
	assert_string_equal(json_string_value(json_object_get(hc, "NetworkMode")), "none");
	assert_int_equal(json_integer_value(json_object_get(hc, "Memory")), 300 << 20);
	assert_int_equal(json_integer_value(json_object_get(hc, "MemorySwap")), 300 << 20);
	assert_true(json_integer_value(json_object_get(hc, "PidsLimit")) > 0);
	assert_string_equal(json_string_value(json_array_get(json_object_get(hc, "CapDrop"), 0)), "ALL");
	assert_int_equal(json_array_size(json_object_get(hc, "CapAdd")), 4);
	assert_string_equal(json_string_value(json_array_get(json_object_get(hc, "SecurityOpt"), 0)),
			    "no-new-privileges");
	assert_non_null(strstr(json_string_value(json_object_get(json_object_get(hc, "Tmpfs"), "/tmp")),
			       "size="));
	assert_int_equal(json_array_size(json_object_get(hc, "Ulimits")), 3);
	assert_null(json_object_get(hc, "CpusetCpus"));       /* not pinned unless asked */
	json_decref(j);

	s.cpuset = "1";                                       /* judge grade --cpus */
	j = jg_sandbox_container_spec(&s, 300u << 20);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "HostConfig"), "CpusetCpus")),
			    "1");
	json_decref(j);
}

static void test_config_text(void **state)
{
	jg_sandbox_spec s = sample_spec();
	char *text = NULL;
	char *bad[] = { "evil\narg", NULL };
	(void)state;
	assert_int_equal(jg_sandbox_config_text(&text, &s), 0);
	assert_non_null(strstr(text, "cpu_ms 1500\n"));
	assert_non_null(strstr(text, "wall_ms 4000\n"));          /* 2 x 1.5 + 1 */
	assert_non_null(strstr(text, "mem_bytes 268435456\n"));
	assert_non_null(strstr(text, "argv compile 4\ngcc\n-o\nmain\na.c\n"));
	assert_non_null(strstr(text, "argv run 1\n./main\n"));
	assert_non_null(strstr(text, "validator default\n"));
	free(text);
	s.run = bad;
	assert_int_equal(jg_sandbox_config_text(&text, &s), JG_EINPUT);
}

/* An interactive pair's side: the volume at /ipc, the role and the passes
 * in the config; nothing of the kind for a plain sandbox. */
static void test_interactive_spec(void **state)
{
	jg_sandbox_spec s = sample_spec();
	json_t *j = jg_sandbox_container_spec(&s, 300u << 20), *m;
	char *text = NULL;
	(void)state;
	assert_null(json_object_get(json_object_get(j, "HostConfig"), "Mounts"));
	json_decref(j);
	assert_int_equal(jg_sandbox_config_text(&text, &s), 0);
	assert_null(strstr(text, "ipc "));
	assert_null(strstr(text, "multipass "));
	free(text);

	s.ipc_volume = "judge-ipc-1-1-0";
	s.ipc_role = JG_IPC_VALIDATOR;
	s.multipass = 3;
	j = jg_sandbox_container_spec(&s, 300u << 20);
	m = json_array_get(json_object_get(json_object_get(j, "HostConfig"), "Mounts"), 0);
	assert_string_equal(json_string_value(json_object_get(m, "Type")), "volume");
	assert_string_equal(json_string_value(json_object_get(m, "Source")), "judge-ipc-1-1-0");
	assert_string_equal(json_string_value(json_object_get(m, "Target")), "/ipc");
	json_decref(j);
	assert_int_equal(jg_sandbox_config_text(&text, &s), 0);
	assert_non_null(strstr(text, "ipc val\n"));
	assert_non_null(strstr(text, "multipass 3\n"));
	free(text);
	s.ipc_role = JG_IPC_SUBMISSION;
	s.multipass = 0;
	assert_int_equal(jg_sandbox_config_text(&text, &s), 0);
	assert_non_null(strstr(text, "ipc sub\n"));
	free(text);
}

/* Against a socket nobody listens on: a clear JG_EDOCKER, no hang. */
static void test_open_unreachable(void **state)
{
	jg_docker *d = NULL;
	(void)state;
	assert_int_equal(jg_docker_open(&d, "unix:///nonexistent/docker.sock"), JG_EDOCKER);
	assert_null(d);
	assert_non_null(strstr(jg_error_last(), "/nonexistent/docker.sock"));
	jg_docker_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_host),
		cmocka_unit_test(test_version_cmp),
		cmocka_unit_test(test_pick_version),
		cmocka_unit_test(test_container_spec),
		cmocka_unit_test(test_interactive_spec),
		cmocka_unit_test(test_config_text),
		cmocka_unit_test(test_open_unreachable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
