#!/bin/bash
# Integration test of `judge verify` against real containers: the fixture
# packages of problems/ (legacy, 2023-07, a DOMjudge zip, subtasks, broken
# ones; problems/README.md says what each must give) and small packages made
# here for the cases the fixtures do not cover.
#
#   bash tests/integration/verify.sh PATH_TO_JUDGE
#
# Prints "ok ..." / "FAIL ..." lines, then "N passed, N failed"; exits 1 if
# anything failed.  Needs Docker and the runtime image.
set -u

if [ $# -lt 1 ]; then
	echo "usage: bash $0 PATH_TO_JUDGE" >&2
	exit 2
fi
JUDGE=$(realpath -m -- "$1")
cd "$(dirname -- "$0")/../.." || exit 1
JOBS=${JUDGE_TEST_JOBS:-2}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-verify.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

passed=0
failed=0
ok()   { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# verify ARGS... : runs judge verify; sets $rc and $out (stdout + stderr).
verify() {
	timeout --kill-after=10 900 "$JUDGE" verify "$@" >"$tmp/out" 2>&1
	rc=$?
	out=$(cat "$tmp/out")
}

# expect NAME WANT_RC TEXT... : checks $rc and that the output holds each TEXT.
expect() {
	local name=$1 want=$2 why=""
	shift 2
	[ "$rc" -eq "$want" ] || why="exit code $rc, expected $want"
	for text in "$@"; do
		[ -z "$why" ] && [[ "$out" != *"$text"* ]] && why="output lacks \"$text\""
	done
	if [ -z "$why" ]; then ok "$name"; else
		fail "$name: $why"
		printf '%s\n' "$out" | sed 's/^/    | /' | tail -40
	fi
}

# json NAME PYTHON_EXPR : evaluates the expression with `r` = the JSON report
# in $tmp/r.json (and `sub(rel)` = the submission whose path ends in rel).
json() {
	if /usr/bin/python3 - "$tmp/r.json" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
def sub(rel):
    m = [s for s in r["submissions"] if s["path"].endswith("/" + rel)]
    assert len(m) == 1, rel
    return m[0]
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
PY
	then ok "$1"; else fail "$1: $2 is false"; fi
}

# ---- packages that are sound ----

verify problems/sumtime -j "$JOBS" --json "$tmp/r.json" --junit "$tmp/r.xml"
expect "legacy package: every submission as expected" 0 \
	"time limit derived 2 s; slowest accepted: accepted/slow_sum.py" \
	"19 submissions: 19 checked, 19 as expected, 0 not; 0 errors, 0 warnings"
json "legacy: derived TL 2 s in the report" 'r["problem"]["time_limit"] == 2'
json "legacy: expected filled, verdict within expected_any" \
	'all(s["verdict"] in (s["expected_any"] or [s["expected"]]) for s in r["submissions"])'
json "legacy: run_time_error accepts RTE, MLE, OLE" 'sub("run_time_error/null_write.c")["expected_any"] == ["MLE", "RTE", "OLE"]'
json "legacy: non-accepted judged again at 4 s, same container" \
	'sub("time_limit_exceeded/busy_loop.c")["second_pass"]["verdict"] == "TLE" and sub("time_limit_exceeded/busy_loop.c")["second_pass"]["time_max"] > 2.5'
json "legacy: accepted ones not judged twice" 'sub("accepted/sum.c")["second_pass"] is None'
if xmllint --noout --schema ../shared/schemas/junit-10.xsd "$tmp/r.xml" 2>"$tmp/xmllint"; then
	ok "legacy: JUnit valid against junit-10.xsd"
else
	fail "legacy: JUnit invalid: $(head -3 "$tmp/xmllint")"
fi
if /usr/bin/python3 - "$tmp/r.xml" <<'PY'
import sys
from junitparser import JUnitXml, Failure, Error
x = JUnitXml.fromfile(sys.argv[1])
cases = [c for s in x for c in s]
assert len(cases) == 19, len(cases)
assert not any(c.result for c in cases), [c.name for c in cases if c.result]
assert "accepted/slow_sum.py" in [c.name for c in cases]
PY
then ok "legacy: junitparser reads 19 passing testcases"; else fail "legacy: junitparser check"; fi

verify problems/sumtime2023 -j "$JOBS" --json "$tmp/r.json"
expect "2023-07 package with submissions.yaml: sound" 0 "time limit fixed 2 s" \
	"19 submissions: 19 checked, 19 as expected"
json "2023-07: fixed TL kept" 'r["problem"]["time_limit"] == 2'

rm -f "$tmp/dj.zip"
(cd problems/domjudge && zip -qr "$tmp/dj.zip" .)
verify "$tmp/dj.zip" -j "$JOBS" --json "$tmp/r.json"
expect "DOMjudge zip: sound" 0 "time limit fixed 2 s" "13 submissions: 13 checked, 13 as expected"
json "DOMjudge: @EXPECTED_RESULTS@ CORRECT, TIMELIMIT in an unofficial dir" \
	'sub("mixed/quadratic.c")["expected_any"] == ["AC", "TLE"]'
json "DOMjudge: no_output expects WA" 'sub("no_output/silent.c")["expected"] == "WA"'

verify problems/subtasks -j "$JOBS" --json "$tmp/r.json"
expect "scoring package with groups: sound" 0 \
	"secret/g1-small:AC(30/30) secret/g2-large:WA(0/70)  score 30/100"
json "scoring: full score for accepted" 'sub("accepted/sum.c")["score"] == 100 and sub("accepted/sum.c")["max_score"] == 100'
json "scoring: partially accepted scores 30" 'sub("partially_accepted/int_overflow.c")["score"] == 30'

verify problems/guess -j "$JOBS" --json "$tmp/r.json"
expect "interactive package: sound" 0 "10 submissions: 9 checked, 9 as expected, 0 not; 0 errors"
json "interactive: hostile submission judged, not checked" 'sub("hostile/hostile.c")["expected"] is None and sub("hostile/hostile.c")["verdict"] == "WA"'
verify problems/multipass -j "$JOBS"
expect "multi-pass package: sound" 0 "5 submissions: 5 checked, 5 as expected, 0 not; 0 errors"

# ---- broken packages ----

verify problems/broken/missing-ans
expect "missing .ans: reported, exit 1" 1 "error: data/secret/02.in: no matching .ans"
verify problems/broken/crashing-validator
expect "crashing input validator: reported, exit 1" 1 \
	"error: data/secret/01-single.in: input validator input_validators/validate.py failed (RTE"
verify problems/broken/invalid-input
expect "invalid input: the test named, exit 1" 1 \
	"error: data/secret/04-too-big-value.in: rejected by input validator input_validators/validate.py"
verify problems/broken/wrong-ans
expect "sample answer rejected by the output validator: exit 1" 1 \
	"error: data/sample/2.ans: the output validator rejects it"
verify problems/broken/tight-tl
expect "too tight fixed time limit: exit 1" 1 "error: problem.yaml: time limit 1 s is too tight"
verify problems/broken/tle-passes-at-high-tl --json "$tmp/r.json" --junit "$tmp/r.xml"
expect "TLE submission that passes at the higher limit: exit 1" 1 \
	"sensitive to time limit: TLE at 1 s" "AC at 2 s"
json "sensitive: second pass AC in JSON" 'sub("time_limit_exceeded/slow_1500ms.c")["second_pass"]["verdict"] == "AC"'
if /usr/bin/python3 - "$tmp/r.xml" <<'PY'
import sys
from junitparser import JUnitXml, Failure
x = JUnitXml.fromfile(sys.argv[1])
bad = [c.name for s in x for c in s if c.result and isinstance(c.result[0], Failure)]
assert bad == ["time_limit_exceeded/slow_1500ms.c"], bad
PY
then ok "sensitive: one JUnit failure, for that submission"; else fail "sensitive: JUnit failures"; fi

# ---- small packages made here ----

mkpkg() {   # DIR: a tiny package with one sample, one secret test, a C and a Python solution
	mkdir -p "$1/data/sample" "$1/data/secret" "$1/submissions/accepted"
	printf 'name: tiny\n' >"$1/problem.yaml"
	printf '1 2\n' >"$1/data/sample/1.in"
	printf '3\n' >"$1/data/sample/1.ans"
	printf '5 7\n' >"$1/data/secret/1.in"
	printf '12\n' >"$1/data/secret/1.ans"
	printf '#include <stdio.h>\nint main(void){long a,b;scanf("%%ld %%ld",&a,&b);printf("%%ld\\n",a+b);return 0;}\n' \
		>"$1/submissions/accepted/sum.c"
	printf 'a, b = map(int, input().split())\nprint(a + b)\n' >"$1/submissions/accepted/sum.py"
}

mkpkg "$tmp/mismatch"
mkdir -p "$tmp/mismatch/submissions/wrong_answer"
cp "$tmp/mismatch/submissions/accepted/sum.c" "$tmp/mismatch/submissions/wrong_answer/actually_right.c"
verify "$tmp/mismatch" --json "$tmp/r.json" --junit "$tmp/r.xml"
expect "a wrong_answer submission that is accepted: exit 1" 1 "expected WA, got AC" "FAIL"
json "mismatch: expected WA, verdict AC" 'sub("wrong_answer/actually_right.c")["expected"] == "WA" and sub("wrong_answer/actually_right.c")["verdict"] == "AC"'
xmllint --noout --schema ../shared/schemas/junit-10.xsd "$tmp/r.xml" 2>/dev/null &&
	grep -q '<failure type="AC" message="expected WA, got AC"' "$tmp/r.xml" &&
	ok "mismatch: JUnit failure, schema-valid" || fail "mismatch: JUnit failure"

mkpkg "$tmp/warn"
printf '1 2\r\n' >"$tmp/warn/data/sample/1.in"
mkdir -p "$tmp/warn/submissions/wrong_anwser" "$tmp/warn/submissions/accepted"
printf 'puts "hi"\n' >"$tmp/warn/submissions/accepted/hello.rb"
cp "$tmp/warn/submissions/accepted/sum.c" "$tmp/warn/submissions/wrong_anwser/x.c"
verify "$tmp/warn"
expect "warnings alone pass" 0 "warning: data/sample/1.in: CRLF" "wrong_anwser" "accepted/hello.rb" "skip"
verify "$tmp/warn" --strict
expect "warnings fail with --strict" 1 "warning: data/sample/1.in: CRLF"

mkpkg "$tmp/brval"
mkdir -p "$tmp/brval/input_validators/pair"
printf '#!/bin/sh\ngcc -O2 -o check check.c\n' >"$tmp/brval/input_validators/pair/build"
printf '#!/bin/sh\nexec ./check "$@"\n' >"$tmp/brval/input_validators/pair/run"
cat >"$tmp/brval/input_validators/pair/check.c" <<'C'
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
	long a, b, lim = argc > 2 && !strcmp(argv[1], "max") ? atol(argv[2]) : 1000000;
	char c;
	if (scanf("%ld %ld", &a, &b) != 2 || a > lim || b > lim || scanf(" %c", &c) == 1) {
		fprintf(stderr, "bad pair\n");
		return 43;
	}
	return 42;
}
C
sed -i '1i #include <stdlib.h>' "$tmp/brval/input_validators/pair/check.c"
mkdir -p "$tmp/brval/data/secret/big"
printf 'input_validator_flags: max 9\n' >"$tmp/brval/data/secret/big/testdata.yaml"
printf '10 1\n' >"$tmp/brval/data/secret/big/2.in"
printf '11\n' >"$tmp/brval/data/secret/big/2.ans"
verify "$tmp/brval"
expect "build/run input validator with group flags: the bad test named" 1 \
	"error: data/secret/big/2.in: rejected by input validator input_validators/pair: bad pair"
[[ "$out" != *"data/secret/1.in"* && "$out" != *"data/sample/1.in"* ]] &&
	ok "build/run input validator: valid tests pass" || fail "build/run input validator: valid tests reported"

verify "$tmp/no-such-package"
expect "no such package: exit 2" 2 "judge: " "no-such-package"
printf 'not an archive' >"$tmp/junk.zip"
verify "$tmp/junk.zip"
expect "a file that is not an archive: exit 2" 2 "junk.zip"
mkdir -p "$tmp/nodata"
verify "$tmp/nodata"
expect "a package without data: findings, exit 1" 1 "error: data/secret: no secret test cases"
verify
expect "no argument: usage error" 2 "Try 'judge --help'"
verify --help
expect "--help: exit 0" 0 "Usage: judge verify PROBLEM"
verify "$tmp/mismatch" --docker-host unix:///nonexistent/docker.sock
expect "Docker unreachable: exit 3" 3

# Containers of this test's runs (other judges may run on the host meanwhile).
left=$(docker ps -a --filter label=org.judge.sandbox --format '{{.Label "org.judge.pid"}}' |
	while read -r pid; do kill -0 "$pid" 2>/dev/null || echo "$pid"; done | wc -l)
[ "$left" -eq 0 ] && ok "no container left behind" || fail "$left containers of finished judges left behind"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
