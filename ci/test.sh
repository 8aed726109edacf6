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

# Every unit test as ctest runs it (command, working directory, environment),
# one shell-quoted line each: "DIR<TAB>ENV...<TAB>COMMAND...".
unit_tests() {
	ctest --test-dir build -L unit --show-only=json-v1 | /usr/bin/python3 -c '
import json, shlex, sys
for t in json.load(sys.stdin)["tests"]:
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    env = props.get("ENVIRONMENT", [])
    print("\t".join([t["name"], props.get("WORKING_DIRECTORY", "."),
                     " ".join(shlex.quote(e) for e in env),
                     " ".join(shlex.quote(c) for c in t["command"])]))
'
}

run_valgrind() {
	command -v valgrind >/dev/null 2>&1 || {
		echo "valgrind is not installed" >&2
		return 1
	}
	local name dir env cmd n=0 bad=0 log
	log=$(mktemp)
	while IFS=$'\t' read -r name dir env cmd; do
		n=$((n + 1))
		if (cd "$dir" && eval "env $env timeout 900 valgrind --error-exitcode=1 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect --track-origins=yes \
			--trace-children=no -q $cmd") >"$log" 2>&1; then
			say "valgrind $name: ok"
		else
			say "valgrind $name: FAILED"
			cat "$log"
			bad=$((bad + 1))
		fi
	done < <(unit_tests)
	rm -f "$log"
	((n > 0)) || {
		echo "no unit tests found for valgrind" >&2
		return 1
	}
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
