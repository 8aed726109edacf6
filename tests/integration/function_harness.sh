#!/bin/bash
# Integration test of the function-call harnesses (harness/function/:
# judge_harness.py, judge_harness.js, JudgeHarness.java) inside the runtime
# image, without judge itself: each case is a work directory with the
# harness, the student's files, judge_function.json and the test's input.
#
#   bash tests/integration/function_harness.sh [JUDGE_BINARY]   (ignored)
#
# As in the judge, the compile step (Python and JS: --check; Java: javac,
# then --check) runs in a writable mount of the work directories and the
# runs in a read-only mount of the same directories, as uid 60001, with the
# result on file descriptor 3 (a regular file).  All cases run in one
# container; the checks then read the files it left.
#
# Prints "ok N - what" / "not ok N - what" lines, then "N passed, N failed";
# exits 1 if anything failed.  Needs Docker and the image judge-runtime:1
# (JUDGE_RUNTIME_IMAGE overrides).
set -u

cd "$(dirname -- "$0")/../.." || exit 1
ROOT=$PWD
H=$ROOT/harness/function
IMAGE=${JUDGE_RUNTIME_IMAGE:-judge-runtime:1}
JAVA="java -Xmx256m -Xss64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp . JudgeHarness"

if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
	echo "not ok 1 - the image $IMAGE is not there (docker info / harness/image/build.sh)"
	echo "0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-fnharness.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT
W=$tmp/work            # /c (writable) and /w (read-only) in the container
O=$tmp/out             # /o: what each case left
mkdir -p "$W/py" "$W/js" "$W/java/_build" "$W/java/_bad" "$O"
: >"$W/plan"

# case LANG NAME MODE FILE CONFIG INPUT: a work directory for one case.
# MODE: check (the compile step only) or run (the compile step, then a run
# with INPUT on stdin).  FILE: the student's file given to the harness.
case_() {
	local lang=$1 name=$2 mode=$3 file=$4 config=$5 input=$6 d
	d=$W/$lang/$name
	mkdir -p "$d"
	case $lang in
	py) cp "$H/judge_harness.py" "$W/py/_src/"* "$d/" ;;
	js) cp "$H/judge_harness.js" "$W/js/_src/"* "$d/" ;;
	java) ;;        # run.sh links the classes in once javac made them
	esac
	printf '%s\n' "$config" >"$d/judge_function.json"
	printf '%s\n' "$input" >"$d/input"
	echo "$lang $name $mode $file" >>"$W/plan"
}

typed() { # typed NAME RETURNS TYPE... : a judge_function.json
	local name=$1 ret=$2 params="" i=0
	shift 2
	for t in "$@"; do
		i=$((i + 1))
		params="$params${params:+,}{\"name\":\"p$i\",\"type\":\"$t\"}"
	done
	printf '{"name":"%s","params":[%s],"returns":"%s"}' "$name" "$params" "$ret"
}
adhoc() { printf '{"name":"%s","params":null,"returns":null}' "$1"; }

UNI='["h\u00e9llo \ud83d\ude00 \"q\" \\ \n \u0001 \u2028"]'
UNI_OUT='"héllo 😀 \"q\" \\ \n \u0001 '$'\xe2\x80\xa8''"'     # U+2028 stays raw

# ------------------------------------------------------------------ Python
mkdir -p "$W/py/_src"
cat >"$W/py/_src/sol.py" <<'EOF'
import helper

def add_numbers(a, b):
    print("student print")
    return a + b

class Solution:
    def median(self, nums1, nums2):
        m = sorted(nums1 + nums2)
        n = len(m)
        return float(m[n // 2]) if n % 2 else (m[n // 2 - 1] + m[n // 2]) / 2

def kind(x):
    return [type(x).__name__, x]

def boom(x):
    return helper.divide(x, 0)

def echo(s):
    return s

def nan():
    return float("nan")

def pair(a):
    return (a, [a])

def aset(a):
    return {a}

def defaults(a, b=2, *rest):
    return a + b

def grid(g):
    return [row[::-1] for row in g]

if __name__ == "__main__":
    print("MAIN BLOCK RAN")
EOF
cat >"$W/py/_src/helper.py" <<'EOF'
def divide(a, b):
    return a // b
EOF
cat >"$W/py/_src/bad.py" <<'EOF'
def f(a):
    return a

def g(a:
    return a
EOF
case_ py ac_top run sol.py "$(typed add_numbers int int int)" '[2, 3]'
case_ py ac_method run sol.py "$(typed median double 'int[]' 'int[]')" '[[1, 3], [2]]'
case_ py double_int run sol.py "$(typed kind double double)" '[3]'
case_ py exception run sol.py "$(typed boom int int)" '[7]'
case_ py unicode run sol.py "$(typed echo string string)" "$UNI"
case_ py nan run sol.py "$(typed nan double)" '[]'
case_ py tuple run sol.py "$(adhoc pair)" '[1.5]'
case_ py set run sol.py "$(adhoc aset)" '[1]'
case_ py convert run sol.py "$(typed grid 'int[][]' 'int[][]')" '["x"]'
case_ py adhoc run sol.py "$(adhoc grid)" '[[[1,2],[3,4]]]'
case_ py defaults run sol.py "$(typed defaults int int)" '[40]'
case_ py missing check sol.py "$(typed addNumbers int int int)" '[]'
case_ py count check sol.py "$(typed add_numbers int int int int)" '[]'
case_ py syntax check bad.py "$(typed f int int)" '[]'

# ------------------------------------------------------------------ JavaScript
mkdir -p "$W/js/_src"
cat >"$W/js/_src/sol.js" <<'EOF'
const helper = require('./helper.js');

function addNumbers(a, b) {
  console.log('student print');
  return a + b;
}

class Solution {
  findMedianSortedArrays(nums1, nums2) {
    const m = nums1.concat(nums2).sort((x, y) => x - y);
    const n = m.length;
    return n % 2 ? m[(n - 1) / 2] : (m[n / 2 - 1] + m[n / 2]) / 2;
  }
  static twice(x) { return 2 * x; }
}

const half = (x) => x / 2;
var echo = function (s) { return s; };
let boom = (x) => helper.explode(x);
async function later(x) { await null; return x + 1; }
function nan() { return 0 / 0; }
function nothing() {}
function timer(x) { setTimeout(() => {}, 100000); return x; }
function aMap() { return new Map(); }
function grid(g) { return g.map((r) => r.slice().reverse()); }
module.exports.exported = function (a) { return a * 3; };
EOF
cat >"$W/js/_src/helper.js" <<'EOF'
module.exports = {
  explode(x) {
    throw new Error('exploded ' + x);
  },
};
EOF
cat >"$W/js/_src/cjs.js" <<'EOF'
module.exports = function (a, b) { return a - b; };
EOF
cat >"$W/js/_src/bad.js" <<'EOF'
function f(a) {
  return a;
}
function g(a) { return a +; }
EOF
case_ js ac_top run sol.js "$(typed addNumbers int int int)" '[2, 3]'
case_ js ac_method run sol.js "$(typed findMedianSortedArrays double 'int[]' 'int[]')" '[[1, 3], [2]]'
case_ js static run sol.js "$(typed twice int int)" '[21]'
case_ js arrow run sol.js "$(typed half double double)" '[3]'
case_ js exported run sol.js "$(typed exported int int)" '[5]'
case_ js cjs run cjs.js "$(typed anything int int int)" '[5, 7]'
case_ js async run sol.js "$(typed later int int)" '[41]'
case_ js exception run sol.js "$(typed boom int int)" '[7]'
case_ js unicode run sol.js "$(typed echo string string)" "$UNI"
case_ js nan run sol.js "$(typed nan double)" '[]'
case_ js undefined run sol.js "$(adhoc nothing)" '[]'
case_ js map run sol.js "$(adhoc aMap)" '[]'
case_ js timer run sol.js "$(adhoc timer)" '[1]'
case_ js convert run sol.js "$(typed grid 'int[][]' 'int[][]')" '["x"]'
case_ js missing check sol.js "$(typed add_numbers int int int)" '[]'
case_ js count check sol.js "$(typed addNumbers int int)" '[]'
case_ js syntax check bad.js "$(typed f int int)" '[]'

# ------------------------------------------------------------------ Java
cat >"$W/java/_build/Solution.java" <<'EOF'
import java.util.*;

class Solution {
    public int addNumbers(int a, int b) {
        System.out.print("student print");
        return a + b;
    }
    static long mul(long a, long b) { return a * b; }
    private double half(double x) { return x / 2; }
    boolean not(boolean b) { return !b; }
    public String echo(String s) { return s; }
    public int[] twice(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = 2 * a[i];
        return r;
    }
    public int[][] transpose(int[][] m) {
        int[][] t = new int[m[0].length][m.length];
        for (int i = 0; i < m.length; i++)
            for (int j = 0; j < m[0].length; j++) t[j][i] = m[i][j];
        return t;
    }
    public List<Integer> rev(List<Integer> l) {
        List<Integer> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }
    public List<List<String>> groups(List<List<String>> g, char c, Character d) {
        List<List<String>> r = new ArrayList<>();
        for (List<String> x : g) { List<String> y = new ArrayList<>(x); y.add("" + c + d); r.add(y); }
        return r;
    }
    public Map<String, Object> obj(Object o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("o", o);
        return m;
    }
    public int over(int a) { return 1; }
    public int over(int a, int b) { return 2; }
    public double nan() { return Double.NaN; }
    public int boom(int x) {
        int[] a = new int[1];
        return a[x];
    }
    public Object thing() { return new Object(); }
    public String wrongType(String s) { return s; }
    public String misc(char[] cs, short s, float f, Set<Integer> set, Map<String, List<Long>> m) {
        return new String(cs) + "|" + s + "|" + f + "|" + set + "|" + m;
    }
    public Object[] arrays() {
        return new Object[] {new char[] {'a'}, new long[] {1}, new double[] {0.5}, new boolean[] {true},
            new float[] {1.5f}, (short) 3, 'c', new java.math.BigInteger("123456789012345678901234567890"),
            new TreeSet<>(Arrays.asList(3, 1)), new String[] {"tab\t"}};
    }
}
EOF
cat >"$W/java/_bad/Solution.java" <<'EOF'
class Solution {
    public int f(int a) {
        return a
    }
}
EOF
cp "$H/JudgeHarness.java" "$W/java/_build/"
cp "$H/JudgeHarness.java" "$W/java/_bad/"
case_ java static run sol "$(typed mul int int int)" '[3000000000, 3]'
case_ java instance run sol "$(typed addNumbers int int int)" '[2, 3]'
case_ java private_double run sol "$(typed half double double)" '[3]'
case_ java bool run sol "$(typed not bool bool)" '[true]'
case_ java unicode run sol "$(typed echo string string)" "$UNI"
case_ java int_array run sol "$(typed twice 'int[]' 'int[]')" '[[1, -2, 2147483647]]'
case_ java int_2d run sol "$(typed transpose 'int[][]' 'int[][]')" '[[[1, 2, 3], [4, 5, 6]]]'
case_ java list run sol "$(typed rev 'int[]' 'int[]')" '[[1, 2, 3]]'
case_ java nested_list run sol "$(typed groups 'string[][]' 'string[][]' string string)" '[[["a"], []], "x", "y"]'
case_ java adhoc_object run sol "$(adhoc obj)" '[[1, 2.5, null, true, "s", {"k": -7}]]'
case_ java overload run sol "$(typed over int int int)" '[1, 2]'
case_ java misc run sol "$(adhoc misc)" '[["a", "b"], 7, 1.5, [2, 1, 2], {"k": [3, -4]}]'
case_ java short_range run sol "$(adhoc misc)" '[["a"], 40000, 1.5, [], {}]'
case_ java results run sol "$(adhoc arrays)" '[]'
case_ java range run sol "$(typed addNumbers int int int)" '[1, 3000000000]'
case_ java convert run sol "$(typed twice 'int[]' 'int[]')" '["x"]'
case_ java nan run sol "$(typed nan double)" '[]'
case_ java object_result run sol "$(adhoc thing)" '[]'
case_ java exception run sol "$(typed boom int int)" '[5]'
case_ java missing check sol "$(typed nosuch int int)" '[]'
case_ java count check sol "$(typed addNumbers int int int int)" '[]'
case_ java types check sol "$(typed wrongType int int)" '[]'
case_ java no_solution check nosolution "$(typed f int int)" '[]'

# ------------------------------------------------------------------ the container
cat >"$W/run.sh" <<EOF
JAVA="$JAVA"
EOF
cat >>"$W/run.sh" <<'EOF'
# The compile steps, then every case (see the plan).
(cd /c/java/_build && javac -encoding UTF-8 -d . JudgeHarness.java Solution.java) >/o/javac.out 2>&1
echo $? >/o/javac.rc
(cd /c/java/_bad && javac -encoding UTF-8 -d . JudgeHarness.java Solution.java) >/o/javac_bad.out 2>&1
echo $? >/o/javac_bad.rc
javap -c -p /c/java/_build/JudgeHarness*.class | grep -c invokedynamic >/o/indy 2>&1
while read -r lang name mode file; do
	case $lang in
	py) check="python3 judge_harness.py --check $file"; run="python3 judge_harness.py $file" ;;
	js) check="node judge_harness.js --check $file"; run="node judge_harness.js $file" ;;
	java) check="$JAVA --check"; run="$JAVA" ;;
	esac
	o=/o/$lang.$name
	if [ "$lang" = java ]; then
		if [ "$file" = nosolution ]; then
			(cd /c/java/$name && ln -s ../_build/JudgeHarness*.class .)
		else
			(cd /c/java/$name && ln -s ../_build/*.class .)
		fi
	fi
	(cd /c/$lang/$name && timeout 30 $check </dev/null >$o.cout 2>$o.cerr; echo $? >$o.crc)
	if [ "$mode" = run ]; then
		start=$(date +%s%N)
		(cd /w/$lang/$name && timeout 30 $run <input >$o.out 2>$o.err 3>$o.fd3; echo $? >$o.rc)
		echo $(( ($(date +%s%N) - start) / 1000000 )) >$o.ms
	fi
done </c/plan
# What a Python run imports (after the cases: their --check made the cache).
(cd /w/py/ac_top && python3 -X importtime judge_harness.py sol.py <input >/dev/null 2>/o/py.importtime 3>/dev/null)
EOF
chmod -R a+rwX "$W" "$O"
started=$(date +%s)
docker run --rm --network none -u 60001 \
	-v "$W":/c -v "$W":/w:ro -v "$O":/o \
	"$IMAGE" sh /c/run.sh >"$tmp/docker.log" 2>&1
drc=$?

# ------------------------------------------------------------------ checks
n=0
failed=0
passed=0
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	shift
	for f in "$@"; do
		[ -f "$f" ] && sed "s|^|    # $(basename "$f"): |" "$f" | head -20
	done
}
content() { if [ -f "$1" ]; then cat "$1"; else echo "<missing>"; fi; }

# run_ok LANG NAME FD3 [STDOUT]: the check passed, the run exited 0, fd 3
# holds exactly FD3 and a newline, stdout exactly STDOUT (default empty).
run_ok() {
	local o=$O/$1.$2 want_out=${4:-}
	local why=""
	[ "$(content "$o.crc")" = 0 ] && [ ! -s "$o.cout" ] || why="the check failed"
	[ -z "$why" ] && [ "$(content "$o.rc")" != 0 ] && why="exit $(content "$o.rc")"
	[ -z "$why" ] && [ "$(content "$o.fd3")" != "$3" ] && why="fd 3 is not $3"
	[ -z "$why" ] && [ "$(tail -c 1 "$o.fd3" | od -An -c | tr -d ' ')" != '\n' ] && why="fd 3 lacks its newline"
	[ -z "$why" ] && [ "$(content "$o.out")" != "$want_out" ] && why="stdout is not \"$want_out\""
	if [ -z "$why" ]; then ok "$1 $2 ($(content "$o.ms") ms)"; else notok "$1 $2: $why" "$o.cout" "$o.fd3" "$o.out" "$o.err"; fi
}

# run_fails LANG NAME TEXT...: exit 1, nothing on fd 3, stderr holds each TEXT.
run_fails() {
	local lang=$1 name=$2 o=$O/$1.$2 why=""
	shift 2
	[ "$(content "$o.rc")" = 1 ] || why="exit $(content "$o.rc"), expected 1"
	[ -z "$why" ] && [ -s "$o.fd3" ] && why="fd 3 is not empty"
	for t in "$@"; do
		[ -z "$why" ] && ! grep -qF -- "$t" "$o.err" && why="stderr lacks \"$t\""
	done
	if [ -z "$why" ]; then ok "$lang $name"; else notok "$lang $name: $why" "$o.fd3" "$o.out" "$o.err"; fi
}

# check_fails LANG NAME TEXT...: --check exits 1, stdout holds each TEXT.
check_fails() {
	local lang=$1 name=$2 o=$O/$1.$2 why=""
	shift 2
	[ "$(content "$o.crc")" = 1 ] || why="exit $(content "$o.crc"), expected 1"
	for t in "$@"; do
		[ -z "$why" ] && ! grep -qF -- "$t" "$o.cout" && why="stdout lacks \"$t\""
	done
	if [ -z "$why" ]; then ok "$lang $name (--check)"; else notok "$lang $name (--check): $why" "$o.cout" "$o.cerr"; fi
}

not_in() { # not_in FILE TEXT NAME
	if grep -qF -- "$2" "$1"; then notok "$3" "$1"; else ok "$3"; fi
}

if [ $drc -ne 0 ]; then
	notok "the container ran (exit $drc)" "$tmp/docker.log"
fi

# Python
run_ok py ac_top 5 'student print'
run_ok py ac_method 2.0
run_ok py double_int '["float",3.0]'
run_fails py exception 'ZeroDivisionError' 'sol.py", line 17, in boom' 'helper.py", line 2, in divide'
not_in "$O/py.exception.err" judge_harness "py exception: no harness frames in the traceback"
run_ok py unicode "$UNI_OUT"
run_fails py nan 'judge: the return value cannot be written as JSON: it contains NaN or infinity'
run_ok py tuple '[1.5,[1.5]]'
run_fails py set 'judge: the return value cannot be written as JSON' 'set'
run_fails py convert 'judge: argument 1 (p1): expected int[][], got a string'
run_ok py adhoc '[[2,1],[4,3]]'
run_ok py defaults 42
not_in "$O/py.ac_top.out" "MAIN BLOCK RAN" "py: the student's __main__ block does not run"
check_fails py missing "judge: the submission defines no function 'addNumbers' (neither a method of class Solution nor a top-level function)"
check_fails py count 'judge: add_numbers takes 2 parameters, the problem passes 3'
check_fails py syntax 'bad.py", line 4' 'SyntaxError'
if [ -f "$W/py/ac_top/__pycache__/judge_harness.cpython-311.code" ]; then
	ok "py: --check cached the harness's code for the read-only runs"
else
	notok "py: --check cached the harness's code for the read-only runs"
fi

slow=$(grep -E '\| +(json|re|inspect|typing|importlib\.util|traceback)$' "$O/py.importtime" | sed 's/.*| *//' | tr '\n' ' ')
if [ -s "$O/py.importtime" ] && [ -z "$slow" ]; then
	ok "py: a run imports none of json, re, inspect, typing, importlib.util, traceback"
else
	notok "py: a run imports $slow" "$O/py.importtime"
fi

# JavaScript
run_ok js ac_top 5 'student print'
run_ok js ac_method 2
run_ok js static 42
run_ok js arrow 1.5
run_ok js exported 15
run_ok js cjs -2
run_ok js async 42
run_fails js exception 'Error: exploded 7' 'helper.js:3' 'sol.js:19'
not_in "$O/js.exception.err" judge_harness "js exception: no harness frames in the stack"
run_ok js unicode "$UNI_OUT"
run_fails js nan 'judge: the return value cannot be written as JSON: it contains NaN'
run_ok js undefined null
run_fails js map 'judge: the return value cannot be written as JSON: it contains a Map'
run_ok js timer 1
if [ "$(content "$O/js.timer.ms")" -lt 20000 ] 2>/dev/null; then ok "js: a pending timer does not hold the run"; else notok "js: a pending timer does not hold the run"; fi
run_fails js convert 'judge: argument 1 (p1): expected int[][], got a string'
check_fails js missing "judge: the submission defines no function 'add_numbers' (neither a method of class Solution nor a top-level function)"
check_fails js count 'judge: addNumbers takes 2 parameters, the problem passes 1'
check_fails js syntax 'bad.js:4' 'SyntaxError'

# Java
if [ "$(content "$O/javac.rc")" = 0 ]; then ok "java: javac compiles the harness with the student's Solution"; else notok "java: javac" "$O/javac.out"; fi
if [ "$(content "$O/indy")" = 0 ]; then ok "java: no invokedynamic in JudgeHarness (start-up time)"; else notok "java: invokedynamic in JudgeHarness: $(content "$O/indy")"; fi
if [ "$(content "$O/javac_bad.rc")" = 1 ] && grep -qF 'Solution.java:3: error' "$O/javac_bad.out"; then
	ok "java: a syntax error is javac's, naming Solution.java:3"
else
	notok "java: a syntax error is javac's, naming Solution.java:3" "$O/javac_bad.out"
fi
run_ok java static 9000000000
run_ok java instance 5 'student print'
run_ok java private_double 1.5
run_ok java bool false
run_ok java unicode "$UNI_OUT"
run_ok java int_array '[2,-4,-2]'
run_ok java int_2d '[[1,4],[2,5],[3,6]]'
run_ok java list '[3,2,1]'
run_ok java nested_list '[["a","xy"],["xy"]]'
run_ok java adhoc_object '{"o":[1,2.5,null,true,"s",{"k":-7}]}'
run_ok java overload 2
run_ok java misc '"ab|7|1.5|[2, 1]|{k=[3, -4]}"'
run_fails java short_range 'judge: argument 2: 40000 is out of range for short'
run_ok java results '[["a"],[1],[0.5],[true],[1.5],3,"c",123456789012345678901234567890,[1,3],["tab\t"]]'
run_fails java range 'judge: argument 2 (p2): 3000000000 is out of range for int'
run_fails java convert 'judge: argument 1 (p1): expected int[], got a string'
run_fails java nan 'judge: the return value cannot be written as JSON: it contains NaN'
run_fails java object_result 'judge: the return value cannot be written as JSON: it contains an object of class java.lang.Object'
run_fails java exception 'java.lang.ArrayIndexOutOfBoundsException' 'at Solution.boom(Solution.java:43)'
not_in "$O/java.exception.err" JudgeHarness "java exception: no harness frames in the trace"
check_fails java missing "judge: the submission defines no method 'nosuch' in class Solution"
check_fails java count 'judge: addNumbers takes 2 parameters, the problem passes 3'
check_fails java types 'judge: parameter 1 of wrongType is java.lang.String, the problem passes int'
check_fails java no_solution 'judge: the submission defines no class Solution'

echo "# $(($(date +%s) - started)) s in the container"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
