#!/usr/bin/env bash
# ci/test.sh - the project's single test command.
# Stages (stops at the first failure):
#   setup      ci/setup.sh (packages, Docker engine, runtime image)
#   build      RelWithDebInfo build in build/
#   unit       ctest -L unit in build/
#   asan       -DJG_SANITIZE=ON build in build-asan/ and its unit tests
#   valgrind   valgrind memcheck over every unit test binary of build/
#   docker     ctest -L docker in build/ (integration tests, real containers)
# JUDGE_SKIP_DOCKER=1 skips the Docker engine/image setup and the docker stage.
set -euo pipefail
JG_CI_NAME="test"
# shellcheck source=ci/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

passed=0
failed=0
t0=$SECONDS

summary() {
	say "stages: $passed passed, $failed failed ($((SECONDS - t0))s)"
}

# stage NAME COMMAND...: run one stage; on failure report it and stop.
stage() {
	local name=$1
	shift
	local t=$SECONDS rc=0
	say "=== stage $name ==="
	"$@" || rc=$?
	if ((rc == 0)); then
		passed=$((passed + 1))
		say "=== stage $name: passed ($((SECONDS - t))s) ==="
	else
		failed=$((failed + 1))
		say "=== stage $name: FAILED (exit status $rc, $((SECONDS - t))s) ==="
		summary
		printf '[test] FAILED at stage %s\n' "$name" >&2
		exit 1
	fi
}

run_unit() {
	ctest --test-dir "$1" -L unit --output-on-failure -j"${JG_JOBS:-2}"
}

# Every unit test executable, as listed by ctest (the test name is the target).
unit_binaries() {
	ctest --test-dir build -N -L unit 2>/dev/null |
		sed -n 's/^ *Test *#[0-9]*: *\([^ ]*\).*/\1/p'
}

run_valgrind() {
	command -v valgrind >/dev/null 2>&1 || {
		echo "valgrind is not installed" >&2
		return 1
	}
	local t bin n=0 bad=0 log
	log=$(mktemp)
	for t in $(unit_binaries); do
		bin=build/$t
		[[ -x $bin ]] || {
			echo "unit test binary $bin not found" >&2
			bad=$((bad + 1))
			continue
		}
		n=$((n + 1))
		if JG_SOURCE_DIR=$REPO_ROOT JG_BUILD_DIR=$REPO_ROOT/build \
			timeout 900 valgrind --error-exitcode=1 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect --track-origins=yes \
			--trace-children=no -q "$bin" >"$log" 2>&1; then
			say "valgrind $t: ok"
		else
			say "valgrind $t: FAILED"
			cat "$log"
			bad=$((bad + 1))
		fi
	done
	rm -f "$log"
	say "valgrind: $((n - bad)) passed, $bad failed"
	((bad == 0))
}

run_docker() {
	if [[ ${JUDGE_SKIP_DOCKER:-0} == 1 ]]; then
		say "JUDGE_SKIP_DOCKER=1: skipping the Docker integration tests"
		return 0
	fi
	ctest --test-dir build -L docker --output-on-failure
}

stage setup bash ci/setup.sh
stage build cmake_build build
stage unit run_unit build
stage asan-build cmake_build build-asan -DJG_SANITIZE=ON
stage asan-unit run_unit build-asan
stage valgrind run_valgrind
stage docker run_docker
summary
say "all stages passed"
