#!/usr/bin/env bash
# ci/demo.sh - set up, build, and judge every submission of problems/hello.
# Exits with judge's status, except that 1 (some verdicts not as expected,
# which the demo's intentionally wrong submissions may cause) becomes 0.
set -euo pipefail
JG_CI_NAME=demo
# shellcheck source=ci/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

bash ci/setup.sh
say "building in build/"
cmake_build build >/dev/null || fail "build failed (run: cmake --build build)"

problem=problems/hello
[[ -d $problem ]] || fail "demo problem $problem does not exist"
shopt -s nullglob
subs=("$problem"/submissions/*/*)
shopt -u nullglob
((${#subs[@]} > 0)) || fail "no submissions under $problem/submissions/*/"

say "judge run $problem (${#subs[@]} submissions)"
rc=0
build/judge run "$problem" "${subs[@]}" </dev/null || rc=$?
case $rc in
0) say "judge exited 0: every verdict as expected" ;;
1)
	say "judge exited 1: some verdicts not as expected (intentional in the demo)"
	rc=0
	;;
*) say "judge exited $rc" ;;
esac
exit "$rc"
