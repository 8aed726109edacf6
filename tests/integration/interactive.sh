#!/bin/bash
# Integration test: interactive and multi-pass problems on the real engine.
#
#   bash tests/integration/interactive.sh PATH_TO_JUDGE      (cwd: anywhere)
#
# Checks:
#   - every submission of problems/guess (interactive) and problems/multipass
#     (multi-pass) gets the verdict of its directory, and the exit code is 1;
#   - verdict precedence: a validator that rejects first while the submission
#     then crashes is WA (the crash is recorded); a submission that runs out
#     of time while the validator waits is TLE;
#   - the hostile submission (problems/guess/submissions/hostile) sees only
#     its own container's processes (uid 0 and 60001, never the validator's
#     60002), cannot open the pipes or their directory, and its kill(-1)
#     leaves the validator alive: WA with the validator's own message;
#   - a validator that crashes, or exits 0, is JE with exit code 3;
#   - a validator asking for more passes than limits.validation_passes is JE;
#   - an interactive multi-pass problem (built here) runs its second pass with
#     nextpass.in as the validator's input and the feedback directory kept;
#   - no container or volume of any judge run here is left afterwards;
#   - SIGTERM during an interactive run removes both containers and the
#     volume and exits 3; after a SIGKILL the next run removes the leftovers;
#   - the engine going away mid-run (a socket proxy is killed) is JE, exit 3,
#     no hang; the next run removes what could not be removed.
# Prints "ok ..." / "FAIL ..." per check, then "N passed, N failed"; exits 1
# if anything failed.
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

PY=/usr/bin/python3
GUESS=problems/guess
MULTI=problems/multipass
TIMEOUT=${JUDGE_TEST_TIMEOUT:-600}
pass=0 fail=0
pids=()                      # every judge started here: their leftovers are checked
tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-interactive.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

ok()  { echo "ok $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
containers() { docker ps -aq --filter "label=org.judge.pid=$1" | wc -l; }
volumes()    { docker volume ls -q --filter "label=org.judge.pid=$1" | wc -l; }

# judge NAME ARGS...: runs the judge (in the background, so that its pid is
# known), output in $tmp/NAME.{out,json}; sets $code.
judge() {
	local name=$1
	shift
	timeout --kill-after=30 "$TIMEOUT" "$JUDGE" run "$@" --json "$tmp/$name.json" \
		>"$tmp/$name.out" 2>&1 &
	pids+=($!)
	wait $!
	code=$?
}

# jq-like checks in Python: check NAME 'EXPR' DESCRIPTION, where EXPR sees the
# report as r and its submissions as s (a dict path -> submission).
check() {
	local name=$1 expr=$2 what=$3
	if "$PY" - "$tmp/$name.json" "$expr" <<'EOF'; then ok "$what"; else bad "$what"; tail -n 20 "$tmp/$name.out" | sed 's/^/  | /'; fi
import json, sys
try:
    r = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print(f"  no JSON report: {e}")
    sys.exit(1)
s = {x["path"]: x for x in r["submissions"]}
ok = eval(sys.argv[2])
if not ok:
    print("  report: " + json.dumps(r)[:1500])
sys.exit(0 if ok else 1)
EOF
}

verdict_of_dir() {
	case "$1" in
	accepted) echo AC ;; wrong_answer) echo WA ;; time_limit_exceeded) echo TLE ;;
	run_time_error) echo RTE ;; memory_limit_exceeded) echo MLE ;; *) echo "" ;;
	esac
}

# 1. Every submission of the two problems gets its directory's verdict.
for prob in $GUESS $MULTI; do
	name=$(basename "$prob")
	subs=()
	while IFS= read -r f; do subs+=("$f"); done < <(find "$prob/submissions" -mindepth 2 -maxdepth 2 \
		-type f ! -path '*/hostile/*' | LC_ALL=C sort)
	judge "$name" "$prob" "${subs[@]}" --all-tests -j 2
	[ "$code" = 1 ] && ok "$prob: exit code 1" || bad "$prob: exit code $code (want 1)"
	for f in "${subs[@]}"; do
		want=$(verdict_of_dir "$(basename "$(dirname "$f")")")
		check "$name" "s['$f']['verdict'] == '$want'" "$f $want"
	done
done

# 2. Precedence.
check guess "all(t['verdict'] == 'WA' and t['signal'] == 6 for t in s['$GUESS/submissions/wrong_answer/garbage_then_crash.c']['tests'])" \
	"precedence: the validator rejects first, the submission then crashes (SIGABRT): WA on every test"
check guess "all(t['verdict'] == 'TLE' and t['limit'] == 'wall' for t in s['$GUESS/submissions/time_limit_exceeded/waits_forever.py']['tests'])" \
	"precedence: the submission runs out of (wall) time while the validator waits: TLE on every test"
check guess "all(t['verdict'] == 'RTE' for t in s['$GUESS/submissions/run_time_error/crash_mid_protocol.cpp']['tests'])" \
	"precedence: the submission crashes first, the validator then rejects: RTE on every test"
check guess "all(t['verdict'] == 'AC' and 'found' in (t['message'] or '') for t in s['$GUESS/submissions/accepted/binary_search.py']['tests'])" \
	"judgemessage.txt of the interactive validator reaches the report"
check multipass "all(t['verdict'] == 'WA' and (t['message'] or '').startswith('pass 2: ') for t in s['$MULTI/submissions/wrong_answer/drops_last.py']['tests'])" \
	"multi-pass: a wrong second pass is WA, reported as pass 2"
check multipass "all(t['verdict'] == 'RTE' and (t['message'] or '').startswith('pass 2: ') for t in s['$MULTI/submissions/run_time_error/crash_on_decode.py']['tests'])" \
	"multi-pass: a crash in the second pass is RTE, reported as pass 2"

# 3. The hostile submission.
HOSTILE=$GUESS/submissions/hostile/hostile.c
judge hostile $GUESS "$HOSTILE"
[ "$code" = 1 ] && ok "hostile: exit code 1" || bad "hostile: exit code $code (want 1)"
check hostile "s['$HOSTILE']['verdict'] == 'WA' and 'wrong final answer' in (s['$HOSTILE']['tests'][0]['message'] or '')" \
	"hostile: WA with the validator's own message (the validator survived kill(-1))"
check hostile "'hostile: kill(-1, SIGKILL)' in (s['$HOSTILE']['tests'][0]['stderr'] or '')" \
	"hostile: its stderr (what it saw) is in the report"
check hostile "(lambda e: 'uid=60002' not in e and 'name=guess' not in e and all(l.split()[3] in ('uid=0', 'uid=60001') for l in e.splitlines() if l.startswith('hostile: proc ')))(s['$HOSTILE']['tests'][0]['stderr'] or '')" \
	"hostile: sees only its own container's processes (uid 0 and 60001), not the validator"
check hostile "all(x in (s['$HOSTILE']['tests'][0]['stderr'] or '') for x in ('opendir /ipc: Permission denied', 'open /ipc/to_val: Permission denied', 'open /ipc/to_sub: Permission denied', 'open /proc/1/root/ipc/to_val: Permission denied'))" \
	"hostile: cannot open the pipes or their directory by path"

# 4. Broken validators are judge errors (exit 3), never the submission's fault.
ACC=$GUESS/submissions/accepted/binary_search.cpp
cp -r "$GUESS" "$tmp/crashval"
cat >"$tmp/crashval/output_validators/guess/guess.cpp" <<'EOF'
#include <cstdio>
#include <cstdlib>
int main() { char b[64]; if (std::scanf("%63s", b) == 1) std::abort(); return 42; }
EOF
judge crashval "$tmp/crashval" "$ACC"
[ "$code" = 3 ] && ok "a crashing interactive validator: exit code 3" || bad "crashing validator: exit code $code (want 3)"
check crashval "s['$ACC']['verdict'] == 'JE' and 'output validator failed' in (s['$ACC']['tests'][0]['message'] or '')" \
	"a crashing interactive validator: JE with the reason"
cp -r "$GUESS" "$tmp/zeroval"
printf '#include <cstdio>\nint main() { char b[64]; std::scanf("%%63s", b); return 0; }\n' \
	>"$tmp/zeroval/output_validators/guess/guess.cpp"
judge zeroval "$tmp/zeroval" "$ACC"
check zeroval "s['$ACC']['verdict'] == 'JE' and 'not 42 or 43' in (s['$ACC']['tests'][0]['message'] or '')" \
	"an interactive validator exiting 0: JE (exit $code)"

# 5. More passes than limits.validation_passes: a judge error of the package.
cp -r "$MULTI" "$tmp/onepass"
sed -i 's/validation_passes: 2/validation_passes: 1/' "$tmp/onepass/problem.yaml"
MACC=$MULTI/submissions/accepted/commas.py
judge onepass "$tmp/onepass" "$MACC"
[ "$code" = 3 ] && ok "too many passes: exit code 3" || bad "too many passes: exit code $code (want 3)"
check onepass "s['$MACC']['verdict'] == 'JE' and 'validation_passes is 1' in (s['$MACC']['tests'][0]['message'] or '')" \
	"too many passes: JE naming limits.validation_passes"

# 6. Interactive and multi-pass at once (2023-07 type list), Python validator.
ip=$tmp/interpass
mkdir -p "$ip/data/secret" "$ip/output_validator" "$ip/submissions"
printf 'name: Add One Twice\ntype: [interactive, multi-pass]\nlimits:\n  time_limit: 1\n' >"$ip/problem.yaml"
echo 20 >"$ip/data/secret/1.in"; echo 0 >"$ip/data/secret/1.ans"
cat >"$ip/output_validator/validator.py" <<'EOF'
# Pass 1: sends the input's n, wants n+1, asks for pass 2 on 2n.  Pass 2
# (the feedback directory still holds "state"): reads 2n from its input
# file (nextpass.in), wants 2n+1.
import os, sys
fb = sys.argv[3]
n = int(open(sys.argv[1]).read())
second = os.path.exists(fb + "state")
print(n, flush=True)
got = sys.stdin.readline().strip()
with open(fb + "judgemessage.txt", "a") as f:
    f.write(f"{'second' if second else 'first'}: sent {n} got {got}; ")
if got != str(n + 1):
    sys.exit(43)
if not second:
    open(fb + "state", "w").write("1")
    open(fb + "nextpass.in", "w").write(f"{2 * n}\n")
sys.exit(42)
EOF
printf 'print(int(input()) + 1)\n' >"$ip/submissions/plus1.py"
printf 'print(int(input()) + 2)\n' >"$ip/submissions/plus2.py"
judge interpass "$ip" "$ip/submissions/plus1.py" "$ip/submissions/plus2.py"
check interpass "s['$ip/submissions/plus1.py']['verdict'] == 'AC' and (s['$ip/submissions/plus1.py']['tests'][0]['message'] or '').startswith('first: sent 20 got 21; second: sent 40 got 41')" \
	"interactive multi-pass: pass 2 gets nextpass.in as input, the feedback directory persists"
check interpass "s['$ip/submissions/plus2.py']['verdict'] == 'WA'" "interactive multi-pass: a wrong answer is WA"

# 7. Nothing left behind by any of the runs above.
left_c=0 left_v=0
for p in "${pids[@]}"; do
	left_c=$((left_c + $(containers "$p")))
	left_v=$((left_v + $(volumes "$p")))
done
[ "$left_c" = 0 ] && ok "no container left by ${#pids[@]} judge runs" || bad "$left_c containers left"
[ "$left_v" = 0 ] && ok "no volume left by ${#pids[@]} judge runs" || bad "$left_v volumes left"

# 8. SIGTERM in the middle of an interactive run.
SLOW=$GUESS/submissions/time_limit_exceeded/waits_forever.py
"$JUDGE" run $GUESS "$SLOW" --time-limit 20 >"$tmp/term.out" 2>&1 &
pid=$!
for _ in $(seq 150); do [ "$(containers $pid)" -ge 2 ] && [ "$(volumes $pid)" -ge 1 ] && break; sleep 0.2; done
[ "$(containers $pid)" -ge 2 ] && [ "$(volumes $pid)" -ge 1 ] \
	&& ok "an interactive run has two containers and a volume" \
	|| bad "interactive run: $(containers $pid) containers, $(volumes $pid) volumes"
sleep 1
t0=$(date +%s)
kill -TERM $pid
wait $pid; code=$?
t1=$(date +%s)
[ "$code" = 3 ] && ok "SIGTERM exits 3" || bad "SIGTERM exit code $code"
[ $((t1 - t0)) -le 10 ] && ok "SIGTERM handled in $((t1 - t0)) s" || bad "SIGTERM took $((t1 - t0)) s"
[ "$(containers $pid)" = 0 ] && ok "SIGTERM left no container" || bad "SIGTERM left $(containers $pid) containers"
[ "$(volumes $pid)" = 0 ] && ok "SIGTERM left no volume" || bad "SIGTERM left $(volumes $pid) volumes"

# 9. SIGKILL leaves the pair behind; the next run removes it.
"$JUDGE" run $GUESS "$SLOW" --time-limit 20 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 150); do [ "$(containers $pid)" -ge 2 ] && break; sleep 0.2; done
kill -KILL $pid; wait $pid 2>/dev/null
[ "$(volumes $pid)" -ge 1 ] && ok "SIGKILL leaves a volume behind (as expected)" || bad "no volume to clean"
judge next $GUESS "$ACC"
[ "$code" = 0 ] && ok "next run judges normally" || bad "next run exit $code"
[ "$(containers $pid)" = 0 ] && [ "$(volumes $pid)" = 0 ] && ok "next run removed the killed judge's containers and volume" \
	|| bad "leftovers: $(containers $pid) containers, $(volumes $pid) volumes"

# 10. The engine goes away in the middle of an interactive run.
cat >"$tmp/proxy.py" <<'EOF'
import asyncio, sys
async def pipe(r, w):
    try:
        while data := await r.read(65536):
            w.write(data); await w.drain()
    except Exception:
        pass
    finally:
        w.close()
async def handle(r, w):
    ur, uw = await asyncio.open_unix_connection("/var/run/docker.sock")
    await asyncio.gather(pipe(r, uw), pipe(ur, w))
async def main():
    server = await asyncio.start_unix_server(handle, path=sys.argv[1])
    async with server:
        await server.serve_forever()
asyncio.run(main())
EOF
"$PY" "$tmp/proxy.py" "$tmp/proxy.sock" &
proxy=$!
for _ in $(seq 50); do [ -S "$tmp/proxy.sock" ] && break; sleep 0.1; done
DOCKER_HOST="unix://$tmp/proxy.sock" "$JUDGE" run $GUESS "$SLOW" --time-limit 20 --json "$tmp/lost.json" \
	>"$tmp/lost.out" 2>&1 &
pid=$!
for _ in $(seq 150); do [ "$(containers $pid)" -ge 2 ] && break; sleep 0.2; done
sleep 1.5
kill "$proxy"; wait "$proxy" 2>/dev/null
t0=$(date +%s)
wait $pid; code=$?
t1=$(date +%s)
[ "$code" = 3 ] && ok "engine lost mid-run: exit 3" || bad "engine lost mid-run: exit $code (want 3)"
[ $((t1 - t0)) -le 30 ] && ok "engine lost mid-run: the judge ended in $((t1 - t0)) s" \
	|| bad "engine lost mid-run: the judge took $((t1 - t0)) s"
check lost "s['$SLOW']['verdict'] == 'JE'" "engine lost mid-run: JE"
judge next2 $GUESS "$ACC"
[ "$(containers $pid)" = 0 ] && [ "$(volumes $pid)" = 0 ] && ok "the next run removed what the lost run left" \
	|| bad "leftovers of the lost run: $(containers $pid) containers, $(volumes $pid) volumes"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
