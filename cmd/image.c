/* cmd/image.c - `judge image build`: build the default runtime image by running
 * harness/image/build.sh (debootstrap + docker import, or docker build). */
#include "cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char image_usage[] =
	"Usage: judge image build [--offline | --registry] [--force]\n"
	"\n"
	"Build the default runtime image judge-runtime:1 (Debian 12 with gcc/g++,\n"
	"python3, OpenJDK 17, Node.js 18 and Go 1.19) by running\n"
	"harness/image/build.sh.\n"
	"\n"
	"Options:\n"
	"      --offline    debootstrap the root filesystem from the Debian mirror and\n"
	"                   `docker import` it (needs root; no image registry needed)\n"
	"      --registry   `docker build` harness/image/Dockerfile\n"
	"                   (default: registry when debian:bookworm-slim can be\n"
	"                   pulled, offline otherwise)\n"
	"      --force      rebuild even if the image already exists\n"
	"  -h, --help       show this help\n"
	"\n"
	"Environment: JUDGE_HARNESS_DIR  directory holding image/build.sh\n"
	"                                 (default: the source tree's harness/)\n"
	"\n"
	"Exit codes: 0 image built (or already present), 2 usage error,\n"
	"            3 the build failed.\n";

/* Path of build.sh; *buf receives an allocation the caller frees, or NULL. */
static const char *build_script(char **buf)
{
	const char *dir = getenv("JUDGE_HARNESS_DIR");
	*buf = NULL;
	if (!dir || !*dir)
		return JG_SOURCE_DIR "/harness/image/build.sh";
	size_t n = strlen(dir) + sizeof("/image/build.sh");
	*buf = malloc(n);
	if (!*buf)
		return NULL;
	snprintf(*buf, n, "%s/image/build.sh", dir);
	return *buf;
}

/* Runs `bash script args...`; returns its exit status, or -1 when it could not
 * be run or did not exit normally. */
static int run_script(const char *script, char *const *args, int nargs)
{
	char *argv[8];
	int n = 0;
	argv[n++] = "bash";
	argv[n++] = (char *)script;
	for (int i = 0; i < nargs && n < 7; i++)
		argv[n++] = args[i];
	argv[n] = NULL;

	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		jg_diag("image: fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		execvp("bash", argv);
		fprintf(stderr, "judge: image: cannot run bash: %s\n", strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			jg_diag("image: waitpid: %s", strerror(errno));
			return -1;
		}
	}
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		jg_diag("image: %s killed by signal %d", script, WTERMSIG(status));
	return -1;
}

int cmd_image(int argc, char **argv)
{
	enum { OPT_OFFLINE = 256, OPT_REGISTRY, OPT_FORCE };
	static const struct option longopts[] = {
		{ "offline", no_argument, NULL, OPT_OFFLINE },
		{ "registry", no_argument, NULL, OPT_REGISTRY },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int offline = 0, registry = 0, force = 0, c;

	opterr = 0;
	optind = 0; /* glibc: full re-initialisation */
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_OFFLINE:
			offline = 1;
			break;
		case OPT_REGISTRY:
			registry = 1;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case 'h':
			fputs(image_usage, stdout);
			return JG_EXIT_OK;
		default:
			if (optopt && c == '?')
				return jg_usage_error("image: unknown option '-%c'", optopt);
			return jg_usage_error("image: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return jg_usage_error("image: missing subcommand (expected 'build')");
	if (strcmp(argv[optind], "build"))
		return jg_usage_error("image: unknown subcommand '%s'", argv[optind]);
	if (optind + 1 < argc)
		return jg_usage_error("image build: unexpected argument '%s'", argv[optind + 1]);
	if (offline && registry)
		return jg_usage_error("image build: --offline and --registry exclude each other");

	char *buf;
	const char *script = build_script(&buf);
	if (!script) {
		jg_diag("image: out of memory");
		return JG_EXIT_JUDGE;
	}
	if (access(script, R_OK) != 0) {
		jg_diag("image: cannot read %s: %s (set JUDGE_HARNESS_DIR)", script, strerror(errno));
		free(buf);
		return JG_EXIT_JUDGE;
	}
	char *args[2];
	int nargs = 0;
	if (offline)
		args[nargs++] = "--offline";
	else if (registry)
		args[nargs++] = "--registry";
	if (force)
		args[nargs++] = "--force";
	int rc = run_script(script, args, nargs);
	if (rc > 0)
		jg_diag("image: building the runtime image failed (%s exited with status %d)", script, rc);
	free(buf);
	return rc == 0 ? JG_EXIT_OK : JG_EXIT_JUDGE;
}
