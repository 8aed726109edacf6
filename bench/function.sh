#!/usr/bin/env bash
# bench/function.sh - what the function-call harness costs per test, in each
# of the six languages.  Prints figures; asserts nothing.
#
# Usage: bench/function.sh [BUILD_DIR]     (needs the runtime image)
# Environment: BENCH_TESTS (tests per run, default 60), BENCH_RUNS (3).
#
# For each language two submissions solve the same task, "add two
# integers", on BENCH_TESTS tests:
#   io  a plain stdin/stdout program (reads "A B", prints the sum), judged
#       as an ordinary problem;
#   fn  the function add(a, b), judged as a function-call problem (the
#       harness reads [A, B] as JSON, calls it, writes the JSON result to
#       fd 3, and the supervisor compares JSON).
# Both run in the same kind of container with the same limits.  The figures
# are per test as the supervisor measures them: wall time (process start to
# exit) and CPU time (user + system of the process tree), each the mean over
# the run's tests.  io and fn runs alternate, and the overhead is the median
# over BENCH_RUNS runs of the paired difference fn - io (so that load that
# drifts during the benchmark cancels out); io and fn columns are medians.
# The target is an overhead <= 2 ms per test.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
judge=$build/judge
ntests=${BENCH_TESTS:-60}
runs=${BENCH_RUNS:-3}
work=$(mktemp -d /tmp/judge-bench-function.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Two bundles with the same tests.
mkdir -p "$work/io/data/secret" "$work/fn/data/secret" "$work/sub"
printf 'name: add io\nlimits: {time_limit: 5, memory: 512}\n' >"$work/io/problem.yaml"
cat >"$work/fn/problem.yaml" <<'EOF'
name: add fn
limits: {time_limit: 5, memory: 512}
function: {name: add, params: [{name: a, type: int}, {name: b, type: int}], returns: int}
EOF
for i in $(seq -w 1 "$ntests"); do
	a=$((RANDOM * 1000 + 10#$i)) b=$((RANDOM - 16000))
	printf '%d %d\n' "$a" "$b" >"$work/io/data/secret/$i.in"
	printf '%d\n' $((a + b)) >"$work/io/data/secret/$i.ans"
	printf '[%d, %d]\n' "$a" "$b" >"$work/fn/data/secret/$i.in"
	printf '%d\n' $((a + b)) >"$work/fn/data/secret/$i.ans"
done

s=$work/sub
printf 'a, b = map(int, input().split())\nprint(a + b)\n' >"$s/io.py"
printf 'def add(a, b):\n    return a + b\n' >"$s/fn.py"
printf 'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n' >"$s/io.js"
printf 'function add(a, b) { return a + b; }\n' >"$s/fn.js"
mkdir -p "$s/iojava" "$s/fnjava"
cat >"$s/iojava/Main.java" <<'EOF'
import java.io.*;
public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] p = in.readLine().trim().split(" ");
        System.out.println(Long.parseLong(p[0]) + Long.parseLong(p[1]));
    }
}
EOF
printf 'class Solution {\n    public long add(long a, long b) { return a + b; }\n}\n' >"$s/fnjava/Solution.java"
printf '#include <stdio.h>\nint main(void) { long long a, b; if (scanf("%%lld %%lld", &a, &b) != 2) return 1; printf("%%lld\\n", a + b); return 0; }\n' >"$s/io.c"
printf 'long long add(long long a, long long b) { return a + b; }\n' >"$s/fn.c"
printf '#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << std::endl; }\n' >"$s/io.cpp"
printf 'class Solution {\npublic:\n    long long add(long long a, long long b) { return a + b; }\n};\n' >"$s/fn.cpp"
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int64\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}\n' >"$s/io.go"
printf 'func add(a int, b int) int { return a + b }\n' >"$s/fn.go"

# means BUNDLE SUBMISSION LANG : "WALL CPU", the mean wall and CPU time per
# test (ms) of one judge run, or "ERR(verdict)" when not accepted.
means() {
	"$judge" run "$1" "$2" --lang "$3" --json "$work/r.json" >/dev/null 2>"$work/err"
	/usr/bin/python3 - "$work/r.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["submissions"][0]
if s["verdict"] != "AC":
    print("ERR(%s)" % s["verdict"])
else:
    n = len(s["tests"])
    print("%.3f %.3f" % (1000 * sum(t["wall"] for t in s["tests"]) / n,
                         1000 * sum(t["time"] for t in s["tests"]) / n))
PY
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "bench/function.sh: $ntests tests per run, $runs paired runs, ms per test (median)"
printf '%-11s %9s %9s %9s   %9s %9s %9s\n' language "io wall" "fn wall" overhead "io cpu" "fn cpu" overhead
for entry in python:io.py:fn.py javascript:io.js:fn.js java:iojava:fnjava c:io.c:fn.c cpp:io.cpp:fn.cpp go:io.go:fn.go; do
	IFS=: read -r lang io fn <<<"$entry"
	iw=() fw=() dw=() ic=() fc=() dc=() err=""
	for _ in $(seq "$runs"); do
		read -r a b <<<"$(means "$work/io" "$s/$io" "$lang")"
		read -r c d <<<"$(means "$work/fn" "$s/$fn" "$lang")"
		if [[ $a == ERR* || $c == ERR* ]]; then err="io $a, fn $c"; break; fi
		iw+=("$a") fw+=("$c") ic+=("$b") fc+=("$d")
		dw+=("$(echo "$c - $a" | bc -l)") dc+=("$(echo "$d - $b" | bc -l)")
	done
	if [ -n "$err" ]; then
		printf '%-11s %s\n' "$lang" "$err"
		continue
	fi
	printf '%-11s %9.2f %9.2f %+9.2f   %9.2f %9.2f %+9.2f\n' "$lang" "$(median "${iw[@]}")" "$(median "${fw[@]}")" \
		"$(median "${dw[@]}")" "$(median "${ic[@]}")" "$(median "${fc[@]}")" "$(median "${dc[@]}")"
done
