#!/usr/bin/env bash
# bench/grade.sh - `judge grade` on a class: wall time against the ideal, and
# the judge's own memory on a large class.  Prints figures; asserts nothing.
#
# Usage: bench/grade.sh [BUILD_DIR]       (needs the runtime image)
# Environment: BENCH_STUDENTS (default 100), BENCH_TESTS (20), BENCH_J (2),
#              BENCH_RSS_STUDENTS (default 1000; 0 skips the memory run).
#
# 1. Wall time.  BENCH_STUDENTS students (plain layout, one source each: 80%
#    accepted C, 10% wrong-answer Python, 6% compile errors, 4% time limit
#    exceeded on every test) x BENCH_TESTS tests, `judge grade -j J`.  The
#    ideal is what no judge can beat: the same work done natively with no
#    sandbox (bench/native_grade.c: compile, fork/exec every test, compare,
#    on the runtime image's own toolchains under a chroot) by J workers,
#    i.e. native work / cores, plus one container lifecycle per student
#    (`docker run --rm` of a trivial container, measured here) / J.
#    Target: judge <= 1.3 x ideal.
# 2. Memory.  BENCH_RSS_STUDENTS accepted C students x 20 tests, -j J; peak
#    RSS of the judge process (GNU time), reports included (CSV, JSON,
#    JUnit).  Target: <= 30 MB.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
judge=$build/judge
nstud=${BENCH_STUDENTS:-100}
ntests=${BENCH_TESTS:-20}
par=${BENCH_J:-2}
nrss=${BENCH_RSS_STUDENTS:-1000}
image=${JUDGE_IMAGE:-judge-runtime:1}
work=$(mktemp -d /tmp/judge-bench-grade.XXXXXX)
# shellcheck source=bench/chroot.sh
. "$root/bench/chroot.sh"
cleanup() {
	if ! bench_rootfs_cleanup "$work/rootfs"; then
		echo "NOTE: $work left in place (mounts still busy)"
		return
	fi
	rm -rf "$work"
}
trap cleanup EXIT
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

# ---- the assignment ----
A=$work/assign
mkdir -p "$A/data/sample" "$A/data/secret"
printf 'name: Sum\nlimits:\n  time_limit: 1\n  memory: 256\n' >"$A/problem.yaml"
/usr/bin/python3 - "$A/data" "$ntests" <<'PY'
import random, sys
d, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
for i in range(n):
    k = 10 ** (i % 5)
    a = [rng.randint(-10**9, 10**9) for _ in range(k)]
    where = "sample" if i < 2 else "secret"
    with open("%s/%s/%02d.in" % (d, where, i), "w") as f:
        f.write("%d\n%s\n" % (k, " ".join(map(str, a))))
    with open("%s/%s/%02d.ans" % (d, where, i), "w") as f:
        f.write("%d\n" % sum(a))
PY
AC='#include <stdio.h>
int main(void) { long n, x, s = 0; if (scanf("%ld", &n) != 1) return 1; while (n-- > 0 && scanf("%ld", &x) == 1) s += x; printf("%ld\n", s); return 0; }'
WA='import sys
d = sys.stdin.read().split()
print(sum(map(int, d[1:])) + 1)'
CE='int main(void) { return 0 }'
TLE='int main(void) { volatile unsigned long i = 0; for (;;) i++; }'
make_class() {   # DIR N MIX(1: mixed, 0: all accepted)
	mkdir -p "$1"
	for ((i = 0; i < $2; i++)); do
		local d
		d=$1/$(printf 's%04d' "$i")
		mkdir -p "$d"
		if (($3 == 0)) || ((i % 50 < 40)); then printf '%s\n' "$AC" >"$d/sum.c"
		elif ((i % 50 < 45)); then printf '%s\n' "$WA" >"$d/sum.py"
		elif ((i % 50 < 48)); then printf '%s\n' "$CE" >"$d/sum.c"
		else printf '%s\n' "$TLE" >"$d/sum.c"; fi
	done
}
make_class "$work/class" "$nstud" 1

# ---- native side: the runtime image's toolchains in a chroot ----
gcc -O2 -o "$work/native_grade" "$root/bench/native_grade.c" || exit 0
bench_rootfs "$work/rootfs" "$image" || { echo "cannot use $image as a chroot"; exit 0; }
mkdir -p "$work/rootfs/bench" && cp -r "$work/class" "$A/data" "$work/native_grade" "$work/rootfs/bench/"
mkdir -p "$work/rootfs/bench/tests" && cp "$A"/data/*/*.in "$A"/data/*/*.ans "$work/rootfs/bench/tests/"
t0=$(date +%s.%N)
chroot "$work/rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp TMPDIR=/tmp \
	/bench/native_grade /bench/class /bench/tests 1 "$par" >"$work/native.out" 2>&1
t1=$(date +%s.%N)
native=$(calc "$t1 - $t0")

# ---- one container lifecycle, as the judge does it (create, start, wait, remove) ----
lc_n=10
t0=$(date +%s.%N)
for ((i = 0; i < lc_n; i++)); do
	docker run --rm --network none "$image" true >/dev/null
done
t1=$(date +%s.%N)
lifecycle=$(calc "($t1 - $t0) / $lc_n")

# ---- judge ----
/usr/bin/time -f '%e %M' -o "$work/judge.time" "$judge" grade "$A" "$work/class" -o "$work/out" -j "$par" -q \
	--csv "$work/g.csv" >/dev/null 2>"$work/judge.err"
read -r jwall jrss < <(tail -n 1 "$work/judge.time")
ideal=$(calc "$native / 1 + $nstud * $lifecycle / $par")
echo "grade bench: $nstud students x $ntests tests, -j $par, $(nproc) CPUs"
echo "  native work (image toolchains, chroot, $par workers): $native s"
echo "  container lifecycle (docker run --rm true, mean of $lc_n): $lifecycle s -> x $nstud / $par = $(calc "$nstud * $lifecycle / $par") s"
echo "  ideal = native + lifecycles / $par:                    $ideal s"
echo "  judge grade -j $par:                                    $jwall s  (peak RSS $((jrss / 1024)) MiB)"
printf '  ratio judge / ideal: %.2f   (target <= 1.30)\n' "$(calc "$jwall / $ideal")"
/usr/bin/python3 - "$work/g.csv" "$work/native.out" <<'PY'
import csv, sys
j = {r["id"]: r["verdict"] for r in csv.DictReader(open(sys.argv[1], newline=""))}
n = {}
for l in open(sys.argv[2]):
    f = l.split()
    if len(f) == 3:
        n[f[0]] = f[1]
agree = sum(1 for k in n if (j.get(k) == "AC") == (n[k] == "AC") and (j.get(k) == "CE") == (n[k] == "CE"))
print("  verdicts: %d students; judge and native agree on AC/CE/other for %d" % (len(j), agree))
PY

# ---- memory on a large class ----
if ((nrss > 0)); then
	make_class "$work/big" "$nrss" 0
	/usr/bin/time -f '%e %M' -o "$work/big.time" "$judge" grade "$A" "$work/big" -o "$work/out-big" -j "$par" -q \
		--csv "$work/big.csv" --json "$work/big.json" --junit "$work/big.xml" >/dev/null 2>"$work/big.err"
	read -r bwall brss < <(tail -n 1 "$work/big.time")
	echo "memory: $nrss students x $ntests tests, -j $par: wall $bwall s, judge peak RSS $(calc "$brss / 1024") MiB (target <= 30)"
	/usr/bin/time -f '%e %M' -o "$work/regen.time" "$judge" report merge "$work/out-regen" "$work/out-big/results.jsonl" \
		--csv "$work/r.csv" --json "$work/r.json" --junit "$work/r.xml" -q >/dev/null 2>&1
	read -r rwall rrss < <(tail -n 1 "$work/regen.time")
	echo "  regenerating every report of $nrss students (report merge): $rwall s, peak RSS $(calc "$rrss / 1024") MiB"
fi
exit 0
