#!/usr/bin/env bash
# Integration test: faults of the judge's environment, on the real engine.
#   - the Docker engine becomes unreachable mid-run (a unix-socket proxy in
#     front of the real engine is killed): JE, a clear message, exit 3, no hang;
#     the next run removes the containers that could not be removed;
#   - the work directory's file system is full: JE, exit 3;
#   - SIGINT: containers removed, partial reports written and marked incomplete;
#   - the container is killed mid-test (the supervisor dies): JE naming its
#     exit code, exit 3.
# Usage: bash tests/integration/faults.sh PATH_TO_JUDGE   (cwd = repo root)
set -u
JUDGE=$(readlink -f "${1:?usage: faults.sh PATH_TO_JUDGE}")
pass=0 fail=0
work=$(mktemp -d /tmp/judge-faults-test.XXXXXX)
cleanup() {
	[ -n "${proxy:-}" ] && kill "$proxy" 2>/dev/null
	mountpoint -q "$work/full" && umount "$work/full"
	rm -rf "$work"
}
trap cleanup EXIT
ok() { echo "ok $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
mine() { docker ps -aq --filter "label=org.judge.pid=$1" | wc -l; }
jq_py() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$2"; }

# A problem with three tests that each take about a second of wall time.
mkdir -p "$work/slow/data/secret"
printf 'limits:\n  time_limit: 3\n  memory: 64\n' > "$work/slow/problem.yaml"
for i in 1 2 3; do echo 1 > "$work/slow/data/secret/$i.in"; echo 1 > "$work/slow/data/secret/$i.ans"; done
printf 'import time\ntime.sleep(1)\nprint(1)\n' > "$work/slow.py"

# 1. the engine goes away mid-run
cat > "$work/proxy.py" <<'P'
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
P
/usr/bin/python3 "$work/proxy.py" "$work/proxy.sock" &
proxy=$!
for _ in $(seq 50); do [ -S "$work/proxy.sock" ] && break; sleep 0.1; done
DOCKER_HOST="unix://$work/proxy.sock" "$JUDGE" run "$work/slow" "$work/slow.py" --json "$work/lost.json" \
	> "$work/lost.out" 2>&1 &
pid=$!
for _ in $(seq 100); do [ "$(mine $pid)" -ge 1 ] && break; sleep 0.1; done
sleep 1.5
kill "$proxy"; wait "$proxy" 2>/dev/null; proxy=
t0=$(date +%s)
wait $pid; code=$?
t1=$(date +%s)
[ "$code" = 3 ] && ok "engine lost mid-run exits 3" || bad "engine lost: exit $code ($(tail -2 "$work/lost.out"))"
[ $((t1 - t0)) -le 40 ] && ok "no hang ($((t1 - t0)) s after the engine went away)" || bad "took $((t1 - t0)) s"
jq_py 'd["submissions"][0]["verdict"] == "JE" and d["submissions"][0]["message"]' "$work/lost.json" \
	&& ok "the submission is JE with a message" || bad "report: $(head -c 400 "$work/lost.json" 2>/dev/null)"
[ "$(mine $pid)" -ge 1 ] && ok "the container could not be removed (expected)" || ok "the container was already gone"
printf 'print(1)\n' > "$work/one.py"
"$JUDGE" run "$work/slow" "$work/one.py" > /dev/null 2>&1
[ "$(mine $pid)" = 0 ] && ok "the next run removed the leftover" || bad "leftover containers: $(mine $pid)"

# 2. no space left in the work directory
mkdir -p "$work/full" "$work/big/data/secret"
mount -t tmpfs -o size=1m tmpfs "$work/full"
head -c 3000000 /dev/zero | tr '\0' '1' > "$work/big/data/secret/1.in"; echo 1 > "$work/big/data/secret/1.ans"
TMPDIR="$work/full" "$JUDGE" run "$work/big" "$work/one.py" --json "$work/full.json" > "$work/full.out" 2>&1; code=$?
[ "$code" = 3 ] && ok "disk full exits 3" || bad "disk full: exit $code ($(tail -2 "$work/full.out"))"
jq_py 'd["submissions"][0]["verdict"] == "JE" and d["incomplete"]' "$work/full.json" \
	&& ok "disk full: JE, report marked incomplete" || bad "report: $(head -c 400 "$work/full.json" 2>/dev/null)"
grep -qi "space" "$work/full.out" && ok "disk full is named" || bad "message: $(tail -2 "$work/full.out")"
umount "$work/full"

# 3. SIGINT: partial reports, marked incomplete
"$JUDGE" run "$work/slow" "$work/one.py" "$work/slow.py" "$work/slow.py" -j 1 \
	--json "$work/int.json" --junit "$work/int.xml" > "$work/int.out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q '"path"' "$work/int.json" 2>/dev/null && break; [ "$(mine $pid)" -ge 1 ] && break; sleep 0.1; done
sleep 4
kill -INT $pid
wait $pid; code=$?
[ "$code" = 3 ] && ok "SIGINT exits 3" || bad "SIGINT exit $code"
jq_py 'd["incomplete"] is True and d["submissions"][0]["verdict"] == "AC" and d["submissions"][-1]["verdict"] == "JE"' \
	"$work/int.json" && ok "partial JSON report marked incomplete" || bad "JSON: $(head -c 300 "$work/int.json" 2>/dev/null)"
grep -q 'name="incomplete" value="true"' "$work/int.xml" && ok "partial JUnit report marked incomplete" || bad "JUnit not marked"
[ "$(mine $pid)" = 0 ] && ok "SIGINT left no container" || bad "SIGINT left $(mine $pid) containers"

# 4. SIGKILL while a bundle archive is being extracted: the next run removes
#    the extraction directory the killed judge left (as it does containers).
mkdir -p "$work/hugebundle/data/secret"
cp "$work/slow/problem.yaml" "$work/hugebundle/"
head -c 400000000 /dev/zero > "$work/hugebundle/data/secret/1.in"; echo 1 > "$work/hugebundle/data/secret/1.ans"
tar -C "$work" -cf "$work/huge.tar" hugebundle && rm -rf "$work/hugebundle"
mkdir -p "$work/tmp"
TMPDIR="$work/tmp" "$JUDGE" run "$work/huge.tar" "$work/one.py" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do ls "$work/tmp" | grep -q "^judge-bundle-$pid-" && break; sleep 0.05; done
kill -KILL $pid; wait $pid 2>/dev/null
ls "$work/tmp" | grep -q "^judge-bundle-$pid-" && ok "SIGKILL mid-extraction leaves a directory (expected)" \
	|| bad "no extraction directory to clean (extraction too fast?)"
TMPDIR="$work/tmp" "$JUDGE" run "$work/slow" "$work/one.py" > /dev/null 2>&1
ls "$work/tmp" | grep -q "^judge-bundle-$pid-" && bad "the next run left the killed judge's directory" \
	|| ok "the next run removed the killed judge's directory"

# 5. the container is killed mid-test: the supervisor is gone; the message
#    says how the container ended.
"$JUDGE" run "$work/slow" "$work/slow.py" --json "$work/killed.json" > "$work/killed.out" 2>&1 &
pid=$!
for _ in $(seq 200); do [ "$(mine $pid)" -ge 1 ] && break; sleep 0.05; done
sleep 1.5
docker kill $(docker ps -q --filter "label=org.judge.pid=$pid") > /dev/null
wait $pid; code=$?
[ "$code" = 3 ] && ok "killed container exits 3" || bad "killed container: exit $code ($(tail -2 "$work/killed.out"))"
jq_py 'd["submissions"][0]["verdict"] == "JE" and "exited with code 137" in d["submissions"][0]["message"]' \
	"$work/killed.json" && ok "killed container: JE, the exit code is named" \
	|| bad "report: $(head -c 600 "$work/killed.json" 2>/dev/null)"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
