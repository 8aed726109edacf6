#!/bin/bash
# Integration test of function-call problems (docs/function-problems.md)
# against real containers:
#  - problems/median: AC, WA, RTE, TLE and CE submissions in all six
#    languages (judge verify checks each directory's verdict), and
#    problems/anagrams (strings, a bool, a 2-D result, unordered);
#  - the seeds' ad-hoc shape (judge run --function --tests): seed 001's
#    JavaScript findMedianSortedArrays, its Python add_numbers, its Java
#    class Solution and its Python syntax error; C, C++ and Go with
#    --signature;
#  - reports: a failing test's message (input, expected, got), the
#    student's prints as the test's output, JUnit against the schema;
#    `judge grade` feedback (visible tests only);
#  - bad input: a test that does not fit the signature, a malformed tests
#    file, c without --signature, a language without a harness.
#
#   bash tests/integration/function.sh PATH_TO_JUDGE
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
SCHEMA=../shared/schemas/junit-10.xsd

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-function.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

passed=0
failed=0
ok()   { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# judge ARGS... : runs the judge; sets $rc and $out (stdout + stderr).
judge() {
	timeout --kill-after=10 900 "$JUDGE" "$@" >"$tmp/out" 2>&1
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
# in $tmp/r.json and `sub(name)` = the submission whose path ends in name.
json() {
	if /usr/bin/python3 - "$tmp/r.json" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
def sub(name):
    m = [s for s in r["submissions"] if s["path"].endswith(name)]
    assert len(m) == 1, name
    return m[0]
def test(s, name):
    return [t for t in s["tests"] if t["name"] == name][0]
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
PY
	then ok "$1"; else fail "$1: $2"; fi
}

# ---- the bundled problems: every directory's verdict ----
judge verify problems/median -j "$JOBS"
expect "median: 32 submissions in six languages get their directories' verdicts" 0 \
	"32 submissions: 32 checked, 32 as expected, 0 not"
judge verify problems/anagrams -j "$JOBS"
expect "anagrams: unordered string[][] results in six languages" 0 "7 checked, 7 as expected"

# ---- reports ----
S=problems/median/submissions
judge run problems/median $S/wrong_answer/median.py $S/accepted/median_class_prints.py \
	$S/run_time_error/median.js $S/compile_error/Median.java $S/compile_error/median.c \
	--json "$tmp/r.json" --junit "$tmp/r.xml" -j "$JOBS"
expect "run exits 1 when some submission fails" 1
json "WA message: the input, the expected and the got values" \
	'test(sub("wrong_answer/median.py"), "sample/2")["message"] == "input [[1,2],[3,4]]: expected 2.5, got 3"'
json "a submission that prints is AC: its prints never reach the result" \
	'sub("accepted/median_class_prints.py")["verdict"] == "AC"'
json "an exception is RTE, with the student's stack trace (file and line) on stderr" \
	'sub("run_time_error/median.js")["verdict"] == "RTE" and "median.js:3" in test(sub("run_time_error/median.js"), "sample/2")["stderr"]'
json "a Java Solution without the method is CE, saying so" \
	'sub("compile_error/Median.java")["verdict"] == "CE" and "findMedianSortedArrays" in sub("compile_error/Median.java")["compile"]["output"]'
json "C with LeetCode's int* is CE naming the student's line" \
	'"median.c:2" in sub("compile_error/median.c")["compile"]["output"] and "conflicting types" in sub("compile_error/median.c")["compile"]["output"]'
if xmllint --noout --schema "$SCHEMA" "$tmp/r.xml" 2>"$tmp/xsd"; then ok "JUnit of a function problem validates"
else fail "JUnit of a function problem validates: $(cat "$tmp/xsd")"; fi

# A failing test shows what the student printed as its output.
cat >"$tmp/printer.py" <<'EOF'
def findMedianSortedArrays(a, b):
    print("looking at", a, b)
    return -1
EOF
judge run problems/median "$tmp/printer.py" --json "$tmp/r.json"
json "the student's prints are the failing test's output" \
	'test(sub("printer.py"), "sample/1")["stdout"] == "looking at [1, 3] [2]\n" and "got -1" in test(sub("printer.py"), "sample/1")["message"]'

# ---- judge grade on a function-call problem ----
mkdir -p "$tmp/class"
cp $S/accepted/median.py "$tmp/class/alice.py"
cp $S/wrong_answer/median.py "$tmp/class/bob.py"
judge grade problems/median "$tmp/class" -o "$tmp/grade" -j "$JOBS"
expect "grade: a class on a function-call problem" 1 "2 students, 1 with full marks"
fb=$(cat "$tmp/grade/feedback/bob.txt" 2>/dev/null)
if [[ $fb == *"sample/2: WA: input [[1,2],[3,4]]: expected 2.5, got 3"* && $fb == *"secret/03-negative: WA (hidden test)"* &&
      $fb != *"-2.5"* && $fb != *"your output"* ]]; then
	ok "grade feedback: input, expected and got for visible tests, nothing of hidden ones"
else
	fail "grade feedback: input, expected and got for visible tests, nothing of hidden ones"
	printf '%s\n' "$fb" | sed 's/^/    | /'
fi

# ---- ad-hoc mode, the seeds' shapes ----
cat >"$tmp/median_tests.json" <<'EOF'
[{"input": [[1, 3], [2]], "expected_output": "2"},
 {"input": [[1, 2], [3, 4]], "expected_output": "2.5"},
 {"input": [[0, 0], [0, 0]], "expected_output": "0"},
 {"input": [[1, 3], [2, 7]], "expected_output": "2.5"}]
EOF
judge run --function findMedianSortedArrays --tests "$tmp/median_tests.json" $S/accepted/median.js -v
expect "seed 001: JavaScript findMedianSortedArrays, types inferred" 0 "AC           4/4"

printf 'def add_numbers(a, b):\n    return a + b\n' >"$tmp/add.py"
printf '[{"input": [2, 3], "expected_output": "5"}, {"input": [10, -5], "expected_output": "5"}]\n' \
	>"$tmp/add_tests.json"
judge run --function add_numbers --tests "$tmp/add_tests.json" "$tmp/add.py"
expect "seed 001: Python add_numbers" 0 "AC           2/2"

printf 'class Solution {\n    public int addNumbers(int a, int b) {\n        return a + b;\n    }\n}\n' \
	>"$tmp/Solution.java"
printf '[{"input": [5, 7], "expected_output": "12"}]\n' >"$tmp/java_tests.json"
judge run --function addNumbers --tests "$tmp/java_tests.json" "$tmp/Solution.java"
expect "seed 001: Java class Solution { public int addNumbers(int a, int b) }" 0 "AC           1/1"

printf 'def broken_function(x):\n    return x +\n' >"$tmp/broken.py"
printf '[{"input": [5], "expected_output": "5"}]\n' >"$tmp/broken_tests.json"
judge run --function broken_function --tests "$tmp/broken_tests.json" "$tmp/broken.py" \
	--json "$tmp/r.json"
expect "seed 001: a Python syntax error is CE" 1
json "the syntax error names the student's file and line" \
	'sub("broken.py")["verdict"] == "CE" and "broken.py\", line 2" in sub("broken.py")["compile"]["output"]'

printf 'long long add(long long a, long long b) { return a + b; }\n' >"$tmp/add.c"
printf 'int add(int a, int b) { return a + b; }\n' >"$tmp/add.cpp"
printf 'func add(a, b int) int { return a + b }\n' >"$tmp/add.go"
printf '[{"input": [2, 3], "expected_output": 5}, {"input": [4000000000, 1], "expected_output": 4000000001}]\n' \
	>"$tmp/add64.json"
judge run --function add --tests "$tmp/add64.json" --signature "int add(int a, int b)" \
	"$tmp/add.c" "$tmp/add.go" --json "$tmp/r.json" -j "$JOBS"
expect "C and Go with --signature, 64-bit ints" 0
judge run --function add --tests "$tmp/add64.json" --signature "int add(int a, int b)" "$tmp/add.cpp" \
	--json "$tmp/r.json"
json "C++ with a 32-bit int parameter: a value beyond its range is RTE, not a wrap" \
	'sub("add.cpp")["verdict"] == "RTE" and "does not fit" in test(sub("add.cpp"), "secret/002")["stderr"]'

printf '[{"input": [[3, 1, 2]], "expected_output": [1, 2, 3]}]\n' >"$tmp/perm_tests.json"
printf 'def perm(a):\n    return a\n' >"$tmp/perm.py"
judge run --function perm --tests "$tmp/perm_tests.json" --unordered --signature "int[] perm(int[] a)" "$tmp/perm.py"
expect "--unordered: an array result in any order" 0

# ---- bad input ----
judge run --function add --tests "$tmp/add_tests.json" "$tmp/add.c"
expect "c without --signature is a usage error naming the file" 2 "add.c: the c harness needs the function's types"
printf '[{"input": [1, 2], "expected_output": 3},\n {"input": 5}]\n' >"$tmp/bad_tests.json"
judge run --function add_numbers --tests "$tmp/bad_tests.json" "$tmp/add.py"
expect "a test without expected_output: exit 2 naming the test" 2 "bad_tests.json: test 2: expected {\"input\""
printf '[{"input": [1, 2], "expected_output": 3}' >"$tmp/cut.json"
judge run --function add_numbers --tests "$tmp/cut.json" "$tmp/add.py"
expect "a malformed tests file: exit 2 naming it" 2 "cut.json: line 1: not JSON"
judge run --function add --tests "$tmp/add64.json" --signature "int add(int a)" "$tmp/add.go"
expect "a test that does not fit --signature: exit 2" 2 "add64.json: test 1: 2 arguments, but add takes 1"
judge run --tests "$tmp/add64.json" "$tmp/add.go"
expect "function-call tests without --function: exit 2 naming the test" 2 \
	"add64.json: test 1: expected {\"input\": \"stdin text\""

# --tests alone: stdin/stdout tests, or (no expected_output) execute mode.
printf 'import sys\nd = sys.stdin.read()\nprint("sum", sum(map(int, d.split())))\nprint("note", file=sys.stderr)\nsys.exit(3 if "9" in d else 0)\n' >"$tmp/sum.py"
printf '[{"input": "1 2\\n", "expected_output": "sum 3\\n"}, {"input": "2 2\\n", "expected_output": "sum 5\\n"}]' >"$tmp/io.json"
judge run --tests "$tmp/io.json" --all-tests --json "$tmp/r.json" "$tmp/sum.py"
expect "stdin/stdout --tests: WA on the wrong test, exit 1" 1 "WA"
json "stdin/stdout --tests: per-test verdicts AC, WA" \
	"[t['verdict'] for t in sub('sum.py')['tests']] == ['AC', 'WA']"
printf '[{"input": "1 2\\n"}, {"input": "4 9\\n"}]' >"$tmp/exec.json"
judge run --tests "$tmp/exec.json" --all-tests --json "$tmp/r.json" "$tmp/sum.py"
expect "execute mode: a non-zero exit is RTE" 1 "RTE"
json "execute mode: every test's stdout, stderr and exit code are reported" \
	"[(t['verdict'], t['exit_code'], t['stdout'], t['stderr']) for t in sub('sum.py')['tests']] == \
	 [('AC', 0, 'sum 3\\n', 'note\\n'), ('RTE', 3, 'sum 13\\n', 'note\\n')]"
printf '[{"input": "1"}, {"input": "2", "expected_output": "x"}]' >"$tmp/mixed.json"
judge run --tests "$tmp/mixed.json" "$tmp/sum.py"
expect "tests mixing execute and checked runs: exit 2" 2 "mixed.json: 1 of 2 tests have an expected_output"

cp -r problems/median "$tmp/badmedian"
printf '{"input": [[1, "two"], [3]], "expected_output": 2}\n' >"$tmp/badmedian/data/secret/07-bad.json"
judge run "$tmp/badmedian" $S/accepted/median.py
expect "a bundle test that does not fit the signature: exit 2 naming the file" 2 \
	"badmedian/data/secret/07-bad.json: argument 1 (nums1): element 2: expected int, got a string"

cat >"$tmp/langs.yaml" <<'EOF'
languages:
  python:
    aliases: [python, py]
    extensions: [py]
    image: judge-runtime:1
    run: [python3, "{main}"]
EOF
judge run --languages "$tmp/langs.yaml" problems/median $S/accepted/median.py --json "$tmp/r.json"
json "a language without a function: block is CE, saying why" \
	'sub("median.py")["verdict"] == "CE" and "no function-call harness" in sub("median.py")["message"]'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
