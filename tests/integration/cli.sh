#!/bin/bash
# Integration test of the judge's command line: help, version, usage errors,
# bad input (exit 2) and an unreachable Docker engine (exit 3).
#
#   bash tests/integration/cli.sh PATH_TO_JUDGE
#
# Prints "ok ..." / "FAIL ..." lines, then "N passed, N failed"; exits 1 if
# anything failed.  Only the last check needs Docker's absence, none needs
# Docker itself.
set -u

if [ $# -lt 1 ]; then
	echo "usage: bash $0 PATH_TO_JUDGE" >&2
	exit 2
fi
JUDGE=$(realpath -m -- "$1")
if [ ! -x "$JUDGE" ] || [ -d "$JUDGE" ]; then
	echo "FAIL judge binary $JUDGE is not an executable file"
	echo "0 passed, 1 failed"
	exit 1
fi
cd "$(dirname -- "$0")/../.." || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-cli.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

passed=0
failed=0
ok()   { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# judge ARGS... : runs the judge with a time limit; sets $rc, $out, $err.
judge() {
	timeout --kill-after=10 120 "$JUDGE" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

# expect NAME WANT_RC [STREAM TEXT]... : checks $rc, and that each STREAM
# (stdout|stderr|any) contains TEXT (fixed string).  "nonempty" as TEXT
# only requires output.
expect() {
	local name=$1 want=$2 why=""
	shift 2
	[ "$rc" -eq "$want" ] || why="exit code $rc, expected $want"
	while [ $# -ge 2 ] && [ -z "$why" ]; do
		local stream=$1 text=$2 hay
		shift 2
		case $stream in
		stdout) hay=$out ;;
		stderr) hay=$err ;;
		*) hay="$out
$err" ;;
		esac
		if [ "$text" = nonempty ]; then
			[ -n "$hay" ] || why="nothing on $stream"
		elif [[ "$hay" != *"$text"* ]]; then
			why="$stream does not contain \"$text\""
		fi
	done
	if [ -z "$why" ]; then
		ok "$name"
	else
		fail "$name: $why"
		[ -n "$out" ] && printf '%s\n' "$out" | head -n 10 | sed 's/^/  stdout| /'
		[ -n "$err" ] && printf '%s\n' "$err" | head -n 10 | sed 's/^/  stderr| /'
	fi
}

GOOD_SUB=problems/hello/submissions/accepted/sum.c

judge --help
expect "judge --help exits 0 and prints usage" 0 stdout nonempty

judge run --help
expect "judge run --help exits 0 and prints usage" 0 stdout nonempty

judge grade --help
expect "judge grade --help exits 0 and prints usage" 0 stdout "Usage: judge grade"
judge report merge --help
expect "judge report merge --help exits 0 and prints usage" 0 stdout "Usage: judge report merge"
judge grade problems/hello
expect "judge grade without SUBMISSIONS exits 2 with a hint" 2 stderr "Try 'judge --help'"
judge grade problems/hello x --layout nosuch
expect "judge grade --layout with an unknown layout exits 2 naming the valid ones" 2 stderr "moodle"
judge grade problems/hello x --json - --github
expect "judge grade --json - with --github exits 2" 2 stderr "stdout"
judge report fold
expect "judge report without merge exits 2 with a hint" 2 stderr "Try 'judge --help'"

judge --version
expect "judge --version exits 0 and names a version" 0 stdout "judge " stdout "."

judge
expect "judge without a command exits 2 with a hint" 2 stderr "Try 'judge --help'"

judge run
expect "judge run without arguments exits 2 with a hint" 2 stderr "Try 'judge --help'"

judge no-such-command
expect "an unknown command exits 2 with a hint" 2 stderr "Try 'judge --help'"

judge run --no-such-option problems/hello "$GOOD_SUB"
expect "an unknown option exits 2 with a hint" 2 stderr "Try 'judge --help'"

judge run "$tmp/no-such-problem" "$GOOD_SUB"
expect "a nonexistent bundle exits 2 naming it" 2 stderr "no-such-problem"

# A bundle whose secret test has an .in but no .ans.
b=$tmp/missing-ans
mkdir -p "$b/data/sample" "$b/data/secret"
printf 'name: Missing answer\n' >"$b/problem.yaml"
printf '1 2\n' >"$b/data/sample/1.in"
printf '3\n' >"$b/data/sample/1.ans"
printf '5 6\n' >"$b/data/secret/lonely.in"
judge run "$b" "$GOOD_SUB"
expect "a test without .ans exits 2 naming the file" 2 stderr "lonely.in"

cp "$GOOD_SUB" "$tmp/solution.xyz"
judge run problems/hello "$tmp/solution.xyz"
expect "a submission with an unknown extension exits 2 naming it" 2 stderr "solution.xyz"

judge run problems/hello "$tmp/no-such-submission.c"
expect "a nonexistent submission exits 2 naming it" 2 stderr "no-such-submission.c"

DOCKER_HOST=unix:///nonexistent.sock judge run problems/hello "$GOOD_SUB" --json "$tmp/r.json"
expect "an unreachable Docker engine exits 3 (infrastructure error)" 3 stderr nonempty

cp -r problems/hello "$tmp/interactive"
printf 'validation: custom interactive\n' >> "$tmp/interactive/problem.yaml"
judge run "$tmp/interactive" "$GOOD_SUB"
expect "an interactive problem without its validator exits 2 naming the bundle" 2 \
	stderr "output_validators/ is empty" stderr "interactive"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
