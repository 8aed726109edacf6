#!/bin/bash
# Integration test: judges every submission of the example problems in real
# containers and checks each verdict against the directory it lives in.
#
#   bash tests/integration/problems.sh PATH_TO_JUDGE [PROBLEM_DIR...]
#
# Default problems: problems/hello problems/float problems/checker.  For each
# one it runs
#   judge run PROBLEM SUBMISSIONS... --all-tests --json OUT.json --junit OUT.xml -j 2
# and checks: the exit code (0 when every submission is in accepted/, else 1);
# each submission's verdict in the JSON report against its directory; the
# JUnit report against ../shared/schemas/junit-10.xsd (xmllint) and with
# junitparser (one testsuite per submission).
# Prints "ok ..." / "FAIL ..." lines, then "N passed, N failed"; exits 1 if
# anything failed.  Environment: JUDGE_TEST_TIMEOUT (seconds per problem,
# default 600).
set -u

if [ $# -lt 1 ]; then
	echo "usage: bash $0 PATH_TO_JUDGE [PROBLEM_DIR...]" >&2
	exit 2
fi
JUDGE=$(realpath -m -- "$1")
shift
if [ ! -x "$JUDGE" ] || [ -d "$JUDGE" ]; then
	echo "FAIL judge binary $JUDGE is not an executable file"
	echo "0 passed, 1 failed"
	exit 1
fi
# Paths below (problems/..., ../shared/...) are relative to the repository root.
cd "$(dirname -- "$0")/../.." || exit 1

PY=/usr/bin/python3
SCHEMA=../shared/schemas/junit-10.xsd
TIMEOUT=${JUDGE_TEST_TIMEOUT:-600}
if [ $# -gt 0 ]; then problems=("$@"); else problems=(problems/hello problems/float problems/checker); fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-problems.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

# Every check prints one "ok ..." or "FAIL ..." line; the totals are counted
# from the log at the end (the JSON checks print theirs from Python).
ok()   { echo "ok $*"; }
fail() { echo "FAIL $*"; }

# Directory name under submissions/ -> verdict code.
verdict_of_dir() {
	case "$1" in
	accepted) echo AC ;;
	wrong_answer) echo WA ;;
	time_limit_exceeded) echo TLE ;;
	memory_limit_exceeded) echo MLE ;;
	run_time_error) echo RTE ;;
	output_limit_exceeded) echo OLE ;;
	compile_error) echo CE ;;
	*) echo "" ;;
	esac
}

# Shows the tail of a captured file, indented, to explain a failure.
show() {
	[ -s "$2" ] || return 0
	echo "  --- $1 (last 40 lines) ---"
	tail -n 40 -- "$2" | sed 's/^/  | /'
}

# Judges one problem and checks the reports.
check_problem() {
	local prob=${1%/}
	local name json xml expected subs all_ac f dir v start rc want_rc msg
	name=$(basename -- "$prob")
	json=$tmp/$name.json
	xml=$tmp/$name.xml
	expected=$tmp/$name.expected      # lines "VERDICT<TAB>PATH"
	: >"$expected"
	subs=()
	all_ac=1
	while IFS= read -r f; do
		dir=$(basename -- "$(dirname -- "$f")")
		v=$(verdict_of_dir "$dir")
		if [ -z "$v" ]; then
			fail "$f: unknown verdict directory '$dir'"
			continue
		fi
		[ "$v" = AC ] || all_ac=0
		subs+=("$f")
		printf '%s\t%s\n' "$v" "$f" >>"$expected"
	done < <(find "$prob/submissions" -mindepth 2 -maxdepth 2 -type f ! -name '.*' 2>/dev/null | LC_ALL=C sort)
	if [ ${#subs[@]} -eq 0 ]; then
		fail "$prob: no submissions found under $prob/submissions/*/"
		return
	fi
	echo "== $prob: ${#subs[@]} submissions"

	start=$(date +%s)
	timeout --kill-after=30 "$TIMEOUT" "$JUDGE" run "$prob" "${subs[@]}" --all-tests \
		--json "$json" --junit "$xml" -j 2 >"$tmp/$name.stdout" 2>"$tmp/$name.stderr"
	rc=$?
	echo "   judge exited with $rc after $(( $(date +%s) - start )) s"

	want_rc=1
	[ $all_ac = 1 ] && want_rc=0
	if [ $rc -eq $want_rc ]; then
		ok "$prob exit code $rc"
	else
		fail "$prob exit code: expected $want_rc got $rc$( { [ $rc -eq 124 ] || [ $rc -eq 137 ]; } && echo " (timed out after $TIMEOUT s)")"
	fi

	# Verdicts: one line per submission, from the JSON report.
	"$PY" - "$json" "$expected" <<'EOF'
import json, sys

json_path, expected_path = sys.argv[1], sys.argv[2]
expected = []
with open(expected_path, encoding="utf-8") as f:
    for line in f:
        verdict, path = line.rstrip("\n").split("\t", 1)
        expected.append((path, verdict))

VERDICTS = {"AC", "WA", "TLE", "MLE", "RTE", "OLE", "CE", "JE"}
try:
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    subs = report["submissions"]
    if not isinstance(subs, list):
        raise ValueError(".submissions is not an array")
except Exception as e:  # missing file, bad JSON, wrong shape
    print(f"FAIL {json_path}: unreadable JSON report: {e}")
    for path, verdict in expected:
        print(f"FAIL {path} expected {verdict} got nothing (no JSON report)")
    sys.exit(0)

got = {}
for s in subs:
    path = s.get("path") if isinstance(s, dict) else None
    if not isinstance(path, str):
        print(f"FAIL JSON report: submission entry without a string .path: {str(s)[:200]}")
        continue
    if path in got:
        print(f"FAIL {path}: listed more than once in the JSON report")
    got[path] = s.get("verdict")

for path, verdict in expected:
    if path not in got:
        print(f"FAIL {path} expected {verdict} got nothing (not in the JSON report)")
    elif got[path] not in VERDICTS:
        print(f"FAIL {path} expected {verdict} got {got[path]!r} (not a verdict code)")
    elif got[path] != verdict:
        print(f"FAIL {path} expected {verdict} got {got[path]}")
    else:
        print(f"ok {path} {verdict}")

wanted = {p for p, _ in expected}
for path in got:
    if path not in wanted:
        print(f"FAIL {path}: in the JSON report but not on the command line")
EOF
	[ $? -eq 0 ] || fail "$prob: the JSON check itself crashed"

	# JUnit: schema, then structure.
	if [ ! -s "$xml" ]; then
		fail "$prob JUnit report: $xml missing or empty"
	else
		if [ ! -f "$SCHEMA" ]; then
			fail "$prob JUnit schema: $SCHEMA not found (cwd $(pwd))"
		elif xmllint --noout --schema "$SCHEMA" "$xml" >"$tmp/$name.xmllint" 2>&1; then
			ok "$prob JUnit report validates against junit-10.xsd"
		else
			fail "$prob JUnit report does not validate against junit-10.xsd"
			show "xmllint" "$tmp/$name.xmllint"
		fi
		if msg=$("$PY" - "$xml" "${#subs[@]}" 2>&1 <<'EOF'
import sys
from junitparser import JUnitXml, TestSuite

xml = JUnitXml.fromfile(sys.argv[1])
want = int(sys.argv[2])
suites = [xml] if isinstance(xml, TestSuite) else list(xml)
cases = sum(len(list(s)) for s in suites)
if len(suites) != want:
    print(f"{len(suites)} testsuites for {want} submissions")
    sys.exit(1)
print(f"{len(suites)} testsuites, {cases} testcases")
EOF
		); then
			ok "$prob JUnit report parses with junitparser: $msg"
		else
			fail "$prob JUnit report with junitparser: $(echo "$msg" | tail -n 1)"
		fi
	fi
}

# Each problem's lines are shown as they come and collected in $tmp/log.
: >"$tmp/log"
for prob in "${problems[@]}"; do
	check_problem "$prob" 2>&1 | tee "$tmp/problem.log"
	cat "$tmp/problem.log" >>"$tmp/log"
	if grep -q '^FAIL ' "$tmp/problem.log"; then
		name=$(basename -- "${prob%/}")
		show "judge stdout" "$tmp/$name.stdout"
		show "judge stderr" "$tmp/$name.stderr"
	fi
done

passed=$(grep -c '^ok ' "$tmp/log")
failed=$(grep -c '^FAIL ' "$tmp/log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
