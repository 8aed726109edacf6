#!/usr/bin/env bash
# bench/verify.sh - `judge verify` on a real-sized package against the same
# work done natively with no sandbox (bench/native_verify.c: same compilers
# and flags, same phases, same time-limit formula, fork/exec per test).
# Prints figures; asserts nothing; exits 0.
#
# Usage: bench/verify.sh [BUILD_DIR]      (needs the runtime image; see README)
# Environment: BENCH_RUNS (default 3, the median is shown), BENCH_J (default 2),
#              BENCH_PKG=DIR to time an existing package instead of the
#              generated one (e.g. problems/sumtime); BENCH_KEEP=1 keeps the
#              work directory (package, reports, outputs).
#
# The generated package ("sum of N integers", N up to 2*10^5): 2 samples and
# 38 secret tests of geometric sizes (about 16 MB of input), a Python input
# validator, and 14 submissions in C, C++, Python, Java, JavaScript and Go:
# 6 accepted, 2 wrong_answer, 2 time_limit_exceeded (a busy loop and a
# quadratic one: these dominate the time, each is run at TL then at 2 x TL),
# 2 run_time_error, 2 compile_error.  No time limit in problem.yaml, so both
# sides derive TL = max(1, ceil(slowest AC CPU x 5)) s from the accepted run
# at the provisional 10 s.
#
# The runs of the two sides alternate (judge, native, judge, native, ...) so
# that load from anything else on the host is spread over both.  The native
# side runs the very toolchains of the runtime image (gcc 12, Python 3.11,
# OpenJDK 17, Node 18, Go 1.19) without any sandbox: the image's file system
# is exported once into the work directory and native_verify runs in it
# under a plain chroot (no container, no cgroup, no seccomp, no limits).
# BENCH_NATIVE=host runs it on the host's own toolchains instead (their
# versions differ: e.g. a newer Node is faster, and Go may be missing).  It
# builds each Go submission with a cold GOCACHE of its own, as the judge
# does in each container's empty /tmp.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
judge=$build/judge
runs=${BENCH_RUNS:-3}
par=${BENCH_J:-2}
work=$(mktemp -d /tmp/judge-bench-verify.XXXXXX)
# shellcheck source=bench/chroot.sh
. "$root/bench/chroot.sh"
# The chroot's /proc and /dev are mounts: unmounted before anything is removed.
cleanup() {
	if ! bench_rootfs_cleanup "$work/rootfs"; then
		echo "  NOTE: $work left in place (mounts still busy)"
		return
	fi
	[[ -n ${BENCH_KEEP:-} ]] || rm -rf "$work"
}
[[ -n ${BENCH_KEEP:-} ]] && echo "work directory kept: $work"
trap cleanup EXIT

calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

gcc -O2 -o "$work/native_verify" "$root/bench/native_verify.c" -lm || { echo "cannot build native_verify"; exit 0; }
native_mode=${BENCH_NATIVE:-image}
image=${JUDGE_IMAGE:-judge-runtime:1}
if [[ $native_mode == image ]]; then
	# The runtime image's file system, for the native side's chroot.
	if ! bench_rootfs "$work/rootfs" "$image"; then
		echo "  NOTE: cannot use $image as a chroot; the native side uses the host's toolchains"
		native_mode=host
	fi
fi

# ---------------------------------------------------------------------------
# The package
make_package() {   # DIR
	local p=$1
	mkdir -p "$p/data/sample" "$p/data/secret" "$p/input_validators" \
		"$p"/submissions/{accepted,wrong_answer,time_limit_exceeded,run_time_error,compile_error}
	printf 'name: Sum of N integers\nlimits:\n  memory: 512\n' > "$p/problem.yaml"
	/usr/bin/python3 - "$p/data" <<'PY'
import random, sys
d = sys.argv[1]
rng = random.Random(20240607)
def write(path, a):
    with open(path + ".in", "w") as f:
        f.write("%d\n%s\n" % (len(a), " ".join(map(str, a))))
    with open(path + ".ans", "w") as f:
        f.write("%d\n" % sum(a))
write(d + "/sample/1", [1, 2, 3])
write(d + "/sample/2", [-5, 10**9, -10**9, 7])
sizes = [max(1, int(round(200000 ** (i / 33)))) for i in range(34)] + [200000] * 4
for i, n in enumerate(sizes):
    lo = -10**9 if i % 3 else 0
    write("%s/secret/%02d" % (d, i + 1), [rng.randint(lo, 10**9) for _ in range(n)])
PY
	cat > "$p/input_validators/validate.py" <<'PY'
import re, sys
data = sys.stdin.buffer.read()
m = re.fullmatch(rb"(\d+)\n(-?\d+(?: -?\d+)*)\n", data)
if not m:
    sys.exit(43)
n = int(m.group(1))
a = m.group(2).split()
if not 1 <= n <= 200000 or len(a) != n or any(abs(int(x)) > 10**9 for x in a):
    sys.exit(43)
sys.exit(42)
PY
	local s=$p/submissions
	cat > "$s/accepted/sum.c" <<'C'
#include <stdio.h>
int main(void) { long n, x, s = 0; if (scanf("%ld", &n) != 1) return 1; while (n-- > 0 && scanf("%ld", &x) == 1) s += x; printf("%ld\n", s); return 0; }
C
	cat > "$s/accepted/sum.cpp" <<'C'
#include <iostream>
int main() { std::ios::sync_with_stdio(false); std::cin.tie(nullptr); long long n, x, s = 0; std::cin >> n; while (n-- > 0 && std::cin >> x) s += x; std::cout << s << "\n"; }
C
	cat > "$s/accepted/sum.py" <<'PY'
import sys
data = sys.stdin.buffer.read().split()
print(sum(map(int, data[1:1 + int(data[0])])))
PY
	cat > "$s/accepted/Sum.java" <<'J'
import java.io.*;
public class Sum {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        long n = next(in), s = 0;
        for (long i = 0; i < n; i++) s += next(in);
        System.out.println(s);
    }
    static long next(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') c = in.read();
        boolean neg = c == '-';
        if (neg) c = in.read();
        long v = 0;
        while (c >= '0' && c <= '9') { v = v * 10 + (c - '0'); c = in.read(); }
        return neg ? -v : v;
    }
}
J
	cat > "$s/accepted/sum.js" <<'JS'
const b = require("fs").readFileSync(0);
let p = 0, n = 0, s = 0;
while (b[p] < 48) p++;
while (p < b.length && b[p] >= 48) n = n * 10 + b[p++] - 48;
for (let i = 0; i < n; i++) {
  while (b[p] !== 45 && (b[p] < 48 || b[p] > 57)) p++;
  const neg = b[p] === 45;
  if (neg) p++;
  let v = 0;
  while (p < b.length && b[p] >= 48 && b[p] <= 57) v = v * 10 + b[p++] - 48;
  s += neg ? -v : v;   // |s| <= 2e14: exact in a double
}
console.log(String(s));
JS
	cat > "$s/accepted/sum.go" <<'GO'
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func main() {
	sc := bufio.NewScanner(bufio.NewReaderSize(os.Stdin, 1<<16))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Split(bufio.ScanWords)
	sc.Scan()
	n, _ := strconv.Atoi(sc.Text())
	var s int64
	for i := 0; i < n && sc.Scan(); i++ {
		x, _ := strconv.ParseInt(sc.Text(), 10, 64)
		s += x
	}
	fmt.Println(s)
}
GO
	cat > "$s/wrong_answer/int32_sum.c" <<'C'
#include <stdio.h>
int main(void) { int n, x; unsigned s = 0; if (scanf("%d", &n) != 1) return 1; while (n-- > 0 && scanf("%d", &x) == 1) s += (unsigned)x; printf("%d\n", (int)s); return 0; }
C
	cat > "$s/wrong_answer/off_by_one_big.py" <<'PY'
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
print(sum(map(int, data[1:1 + n])) + (n >= 20000))
PY
	cat > "$s/time_limit_exceeded/busy_loop.c" <<'C'
int main(void) { volatile unsigned long i = 0; for (;;) i++; }
C
	cat > "$s/time_limit_exceeded/quadratic.py" <<'PY'
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
best = 0
for i in range(n):          # the sum of the whole array, recomputed n times
    best = sum(a[:i + 1])
print(best)
PY
	cat > "$s/run_time_error/abort_big.cpp" <<'C'
#include <cstdio>
#include <cstdlib>
int main() { long long n, x, s = 0; if (std::scanf("%lld", &n) != 1) return 1; if (n > 50000) std::abort(); while (n-- > 0 && std::scanf("%lld", &x) == 1) s += x; std::printf("%lld\n", s); }
C
	cat > "$s/run_time_error/throws.js" <<'JS'
const t = require("fs").readFileSync(0, "utf8").split(/\s+/).filter(Boolean);
if (Number(t[0]) > 1000) throw new Error("too many");
let s = 0n;
for (let i = 1; i <= Number(t[0]); i++) s += BigInt(t[i]);
console.log(s.toString());
JS
	cat > "$s/compile_error/Missing.java" <<'J'
public class Missing { public static void main(String[] a) { System.out.println(1) } }
J
	cat > "$s/compile_error/unused.go" <<'GO'
package main

func main() { x := 1 }
GO
}

if [[ -n ${BENCH_PKG:-} ]]; then
	pkg=$(cd "$BENCH_PKG" && pwd)
else
	pkg=$work/sum
	make_package "$pkg"
fi
nin=$(find "$pkg/data" -name '*.in' | wc -l)
nsub=$(find "$pkg/submissions" -mindepth 2 -maxdepth 2 | wc -l)
insize=$(du -sh "$pkg/data" | cut -f1)
echo "verify bench: $pkg (native side: $native_mode toolchains)"
echo "  $nin tests ($insize of data), $nsub submissions, -j $par, $runs runs each (median), $(nproc) CPUs"

# ---------------------------------------------------------------------------
# Runs
have_judge=1
if ! "$judge" verify --help >/dev/null 2>&1; then
	have_judge=0
	echo "  NOTE: '$judge verify' is not available: timing the native side only"
fi

jt=() nt=()
for ((r = 1; r <= runs; r++)); do
	if ((have_judge)); then
		# the engine keeps few past events: record them live
		docker events --filter type=container --filter label=org.judge.sandbox \
			--format '{{.TimeNano}} {{.Action}} {{.Actor.ID}} {{index .Actor.Attributes "org.judge.pid"}}' \
			> "$work/judge.$r.events" 2>/dev/null &
		epid=$!
		sleep 0.5
		t0=$(date +%s.%N)
		"$judge" verify "$pkg" -j "$par" --json "$work/judge.$r.json" > "$work/judge.$r.out" 2> "$work/judge.$r.err" &
		jpid=$!
		wait "$jpid"
		echo $? > "$work/judge.$r.rc"
		t1=$(date +%s.%N)
		sleep 0.5
		kill "$epid" 2>/dev/null
		wait "$epid" 2>/dev/null
		echo "$jpid $t0 $t1" > "$work/judge.$r.pid"
		jt+=("$(calc "$t1 - $t0")")
	fi
	if [[ $native_mode == image ]]; then
		rm -rf "$work/rootfs/bench" && mkdir -p "$work/rootfs/bench"
		cp -r "$pkg" "$work/rootfs/bench/pkg" && cp "$work/native_verify" "$work/rootfs/bench/"
		t0=$(date +%s.%N)
		chroot "$work/rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp TMPDIR=/tmp \
			/bench/native_verify /bench/pkg -j "$par" > "$work/native.$r.out" 2>&1
		t1=$(date +%s.%N)
	else
		t0=$(date +%s.%N)
		PATH=/usr/bin:/bin:$PATH "$work/native_verify" "$pkg" -j "$par" > "$work/native.$r.out" 2>&1
		t1=$(date +%s.%N)
	fi
	nt+=("$(calc "$t1 - $t0")")
	printf '  run %d: judge %s s, native %s s\n' "$r" "${jt[r-1]:--}" "${nt[r-1]}"
done

# ---------------------------------------------------------------------------
# Verdicts: native rows are "REL LANG EXP AT_TL AT_2TL ..."; the judge's come
# from its JSON report (one entry per submission, path relative or absolute).
last=$runs
awk 'index($1, "/") && NF >= 6 { print $1, $4, $5 }' "$work/native.$last.out" | sort > "$work/native.verdicts"
echo
echo "native_verify, last run:"
sed 's/^/  /' "$work/native.$last.out"

mismatch=0
if ((have_judge)); then
	echo
	echo "judge verify, last run (exit $(cat "$work/judge.$last.rc")):"
	sed 's/^/  /' "$work/judge.$last.out"
	if [[ -s $work/judge.$last.err ]]; then
		echo "  stderr:"
		sed 's/^/    /' "$work/judge.$last.err" | head -40
	fi
	/usr/bin/python3 - "$work/judge.$last.json" "$pkg" > "$work/judge.verdicts" <<'PY' || true
import json, os, sys
rep = json.load(open(sys.argv[1]))
pkg = os.path.realpath(sys.argv[2])
subs = rep.get("submissions", [])
for s in subs:
    path = s.get("path", "")
    full = os.path.realpath(path if os.path.isabs(path) else os.path.join(pkg, path))
    rel = os.path.relpath(full, os.path.join(pkg, "submissions"))
    if rel.startswith(".."):       # relative to the current directory instead
        rel = os.path.relpath(os.path.realpath(path), os.path.join(pkg, "submissions"))
    v1 = s.get("verdict", "?")
    # the second pass (2 x TL), wherever the report keeps it
    v2 = (s.get("second_pass") or {}).get("verdict") or "-"   # at 2 x TL
    if rel.split("/")[0] == "accepted":
        v2 = "-"
    print(rel, v1, v2)
PY
	sort -o "$work/judge.verdicts" "$work/judge.verdicts"
	echo
	if [[ ! -s $work/judge.verdicts ]]; then
		echo "!!! could not read verdicts from the judge's JSON report"
		mismatch=1
	else
		# compare the verdict at TL always; the one at 2 x TL when the judge's report has it
		while read -r rel nv1 nv2; do
			jl=$(awk -v r="$rel" '$1 == r' "$work/judge.verdicts")
			if [[ -z $jl ]]; then
				echo "!!! VERDICT MISMATCH: $rel missing from the judge's report (native: $nv1 $nv2)"
				mismatch=1
				continue
			fi
			read -r _ jv1 jv2 <<< "$jl"
			if [[ $jv1 != "$nv1" ]] || { [[ $jv2 != - ]] && [[ $jv2 != "$nv2" ]]; }; then
				echo "!!! VERDICT MISMATCH: $rel judge $jv1 $jv2, native $nv1 $nv2"
				mismatch=1
			fi
		done < "$work/native.verdicts"
		((mismatch)) || echo "verdicts: judge and native agree on all $(wc -l < "$work/native.verdicts") submissions"
	fi
fi

# ---------------------------------------------------------------------------
# Figures
echo
nmed=$(median "${nt[@]}")
printf 'native_verify -j %d:  %8.3f s  (median of %d: %s)\n' "$par" "$nmed" "$runs" "${nt[*]}"
grep -E '^(phase|time limit|tests run)' "$work/native.$last.out" | sed 's/^/    /'
if ((have_judge)); then
	jmed=$(median "${jt[@]}")
	printf 'judge verify  -j %d:  %8.3f s  (median of %d: %s)\n' "$par" "$jmed" "$runs" "${jt[*]}"
	printf 'ratio judge / native: %7.2f   (target <= 1.00)\n' "$(calc "$jmed / $nmed")"
	/usr/bin/python3 - "$work/judge.$last.json" <<'PY' || true
import json, sys
rep = json.load(open(sys.argv[1]))
p = rep.get("problem", {})
subs = rep.get("submissions", [])
ran = [t for s in subs for t in s.get("tests", []) if t.get("verdict") != "SKIPPED"]
print("    judge: time limit %s s; first-pass tests in the report: %d run, wall %.3f s, CPU %.3f s"
      % (p.get("time_limit"), len(ran), sum(t.get("wall", 0) for t in ran), sum(t.get("time", 0) for t in ran)))
PY
	# The judge's containers of its last run, from the engine's event log:
	# when each was created, started, died and was removed, and how many of
	# them were alive (started, not dead) over the run.
	read -r jpid jt0 jt1 < "$work/judge.$last.pid"
	/usr/bin/python3 - "$work/judge.$last.events" "$jt0" "$jt1" "$par" "$jpid" <<'PY' || true
import sys
ev, t0, t1, par, pid = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
c = {}
for line in open(ev):
    f = line.split()
    if len(f) < 4 or f[3] != pid:
        continue
    t, act, cid = int(f[0]) / 1e9, f[1].split(":")[0], f[2]
    c.setdefault(cid, {}).setdefault(act, t)
cs = sorted((v for v in c.values() if "create" in v), key=lambda v: v["create"])
if not cs:
    print("    (no container events found)")
    sys.exit(0)
base = cs[0]["create"]
# the engine's clock may differ from ours: measure against the first event
print("    judge containers: %d; first created %.3f s after the command started (engine clock permitting),"
      " last removed %.3f s after the first was created" % (len(cs), cs[0]["create"] - t0,
      max(v.get("destroy", v["create"]) for v in cs) - base))
print("      #  created  create>start  start>die  die>removed   (seconds; start>die = compile + tests)")
for i, v in enumerate(cs):
    g = lambda a, b: ("%9.3f" % (v[b] - v[a])) if a in v and b in v else "        -"
    print("    %3d %8.3f  %s    %s   %s" % (i + 1, v["create"] - base, g("create", "start"),
                                            g("start", "die"), g("die", "destroy")))
setup = sum(v["start"] - v["create"] for v in cs if "start" in v)
tear = sum(v["destroy"] - v["die"] for v in cs if "die" in v and "destroy" in v)
print("    container overhead, summed: create>start %.3f s, die>removed %.3f s" % (setup, tear))
# concurrency: time with k containers alive (create..destroy)
pts = sorted([(v["create"], 1) for v in cs] + [(v.get("destroy", v.get("die", v["create"])), -1) for v in cs])
end = pts[-1][0]
busy = {}
k, last = 0, base
for t, d in pts:
    busy[k] = busy.get(k, 0) + t - last
    k, last = k + d, t
print("    time with k containers alive (k: seconds): " +
      ", ".join("%d: %.2f" % (k, busy[k]) for k in sorted(busy)) +
      "   (k < %d means a core left idle by the judge, unless the work is serial)" % par)
PY
fi
((mismatch)) && echo "!!! see the verdict mismatches above"
exit 0
