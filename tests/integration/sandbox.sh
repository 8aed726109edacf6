#!/usr/bin/env bash
# Integration test: the judge's infrastructure guarantees on the real engine.
#   - SIGTERM mid-run removes every container and exits 3 promptly;
#   - a judge killed with SIGKILL leaves containers that the next run removes;
#   - a missing image is a judge error (exit 3) naming the image;
#   - containers are created hardened (inspected while a test runs);
#   - bundles and submissions given as archives are judged like directories;
#   - output with NUL bytes is reported whole (each NUL as U+FFFD).
# Usage: bash tests/integration/sandbox.sh PATH_TO_JUDGE   (cwd = repo root)
set -u
JUDGE=$(readlink -f "${1:?usage: sandbox.sh PATH_TO_JUDGE}")
pass=0 fail=0
work=$(mktemp -d /tmp/judge-sandbox-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
ok() { echo "ok $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
mine() { docker ps -aq --filter "label=org.judge.pid=$1" | wc -l; }

# A problem whose single test sleeps long enough to act while it runs.
mkdir -p "$work/slow/data/secret"
printf 'limits:\n  time_limit: 5\n  memory: 64\n' > "$work/slow/problem.yaml"
echo 1 > "$work/slow/data/secret/1.in"; echo 1 > "$work/slow/data/secret/1.ans"
printf 'import time\ntime.sleep(30)\n' > "$work/sleep.py"

# 1. SIGTERM
"$JUDGE" run "$work/slow" "$work/sleep.py" "$work/sleep.py" -j 2 > "$work/term.out" 2>&1 &
pid=$!
for _ in $(seq 50); do [ "$(mine $pid)" -ge 2 ] && break; sleep 0.2; done
[ "$(mine $pid)" -ge 2 ] && ok "two containers run for two submissions" || bad "containers did not start"
sleep 1
t0=$(date +%s)
kill -TERM $pid
wait $pid; code=$?
t1=$(date +%s)
[ "$code" = 3 ] && ok "SIGTERM exits 3" || bad "SIGTERM exit code $code"
[ $((t1 - t0)) -le 10 ] && ok "SIGTERM handled in $((t1 - t0)) s" || bad "SIGTERM took $((t1 - t0)) s"
[ "$(mine $pid)" = 0 ] && ok "SIGTERM left no container" || bad "SIGTERM left $(mine $pid) containers"

# 2. SIGKILL, then the next run removes the leftovers
"$JUDGE" run "$work/slow" "$work/sleep.py" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do [ "$(mine $pid)" -ge 1 ] && break; sleep 0.2; done
kill -KILL $pid; wait $pid 2>/dev/null
[ "$(mine $pid)" -ge 1 ] && ok "SIGKILL leaves a container behind (as expected)" || bad "no container to clean"
printf 'print(1)\n' > "$work/one.py"
"$JUDGE" run "$work/slow" "$work/one.py" > "$work/next.out" 2>&1; code=$?
[ "$code" = 0 ] && ok "next run judges normally" || bad "next run exit $code: $(tail -2 "$work/next.out")"
[ "$(mine $pid)" = 0 ] && ok "next run removed the killed judge's container" || bad "leftover still there"

# 3. missing image
cat > "$work/langs.yaml" <<'Y'
languages:
  python:
    aliases: [py]
    extensions: [py]
    image: judge-no-such-image:0
    run: ["python3", "{main}"]
Y
"$JUDGE" run "$work/slow" "$work/one.py" --languages "$work/langs.yaml" > "$work/img.out" 2>&1; code=$?
[ "$code" = 3 ] && ok "missing image exits 3" || bad "missing image exit $code"
grep -q "judge-no-such-image:0" "$work/img.out" && ok "missing image is named" || bad "message: $(cat "$work/img.out")"

# 4. hardening of a live container
"$JUDGE" run "$work/slow" "$work/sleep.py" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do [ "$(mine $pid)" -ge 1 ] && break; sleep 0.2; done
for _ in $(seq 50); do [ -n "$(docker ps -q --filter "label=org.judge.pid=$pid")" ] && break; sleep 0.2; done
id=$(docker ps -aq --filter "label=org.judge.pid=$pid" | head -1)
if [ -n "$id" ]; then
	docker inspect "$id" > "$work/inspect.json"
	/usr/bin/python3 - "$work/inspect.json" <<'P' && ok "container hardening as specified" || bad "container hardening"
import json, sys
c = json.load(open(sys.argv[1]))[0]
h = c["HostConfig"]
checks = {
    "not privileged": h["Privileged"] is False,
    "CapDrop ALL": h["CapDrop"] == ["ALL"],
    "CapAdd minimal": sorted(c.replace("CAP_", "") for c in h["CapAdd"] or []) == ["CHOWN", "KILL", "SETGID", "SETUID"],
    "no-new-privileges": "no-new-privileges" in (h["SecurityOpt"] or []),
    "read-only root": h["ReadonlyRootfs"] is True,
    "no network": h["NetworkMode"] == "none",
    "pids limit": (h["PidsLimit"] or 0) > 0,
    "no swap": h["Memory"] > 0 and h["Memory"] == h["MemorySwap"],
    "tmpfs capped": all("size=" in v for v in h["Tmpfs"].values()),
    "ulimits": {u["Name"] for u in h["Ulimits"]} >= {"nofile", "core", "fsize"},
    "labelled": "org.judge.sandbox" in c["Config"]["Labels"],
}
bad = [k for k, v in checks.items() if not v]
print("  hardening:", "all good" if not bad else "missing " + ", ".join(bad))
sys.exit(1 if bad else 0)
P
	# Docker's default seccomp profile: in force for the container's processes.
	hostpid=$(docker inspect -f '{{.State.Pid}}' "$id")
	if docker info --format '{{json .SecurityOptions}}' | grep -q seccomp; then
		grep -q '^Seccomp:[[:space:]]*2' "/proc/$hostpid/status" \
			&& ok "seccomp filter in force in the container" || bad "no seccomp filter on pid $hostpid"
	else
		ok "engine without seccomp support (nothing to check)"
	fi
else
	bad "no container to inspect"
fi
kill -TERM $pid; wait $pid 2>/dev/null

# 5. archives: bundle as .tar.gz and .zip, submission as a directory archive
tar -C problems -czf "$work/hello.tar.gz" hello
mkdir -p "$work/multi" && cp problems/hello/submissions/accepted/sum.py "$work/multi/main.py" \
	&& printf 'def unused():\n    pass\n' > "$work/multi/helper.py"
tar -C "$work" -cf "$work/multi.tar" multi
"$JUDGE" run "$work/hello.tar.gz" "$work/multi.tar" problems/hello/submissions/accepted/sum.c \
	--json "$work/arch.json" > "$work/arch.out" 2>&1; code=$?
[ "$code" = 0 ] && ok "archive bundle + archive submission accepted" || bad "archive run exit $code: $(tail -3 "$work/arch.out")"

# 6. a broken custom validator is the problem's fault, never the submission's
cp -r problems/checker "$work/badval"
echo 'this is not C++' >> "$work/badval/output_validators/checker/checker.cpp"
"$JUDGE" run "$work/badval" problems/checker/submissions/accepted/n_and_zero.c > "$work/bv.out" 2>&1; code=$?
[ "$code" = 2 ] && ok "a validator that does not build exits 2" || bad "broken validator exit $code"
grep -q "output_validators/checker" "$work/bv.out" && ok "the message names the validator" || bad "message: $(head -c 300 "$work/bv.out")"
cp -r problems/checker "$work/crashval"
printf '#include <cstdlib>\nint main() { std::abort(); }\n' > "$work/crashval/output_validators/checker/checker.cpp"
"$JUDGE" run "$work/crashval" problems/checker/submissions/accepted/n_and_zero.c --json "$work/cv.json" > "$work/cv.out" 2>&1; code=$?
[ "$code" = 3 ] && ok "a crashing validator exits 3" || bad "crashing validator exit $code"
/usr/bin/python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["submissions"][0]; sys.exit(0 if s["verdict"]=="JE" and "validator" in s["tests"][0]["message"] else 1)' "$work/cv.json" \
	&& ok "a crashing validator gives JE with a reason" || bad "crashing validator report: $(head -c 300 "$work/cv.json")"

# 7. binary output: a NUL byte does not cut the reported stdout short
printf 'import sys\nsys.stdout.buffer.write(b"before\\0after\\n")\nsys.stderr.buffer.write(b"e\\0rr")\nsys.exit(1)\n' > "$work/nul.py"
echo '[{"input": ""}]' > "$work/nul_tests.json"
"$JUDGE" run --tests "$work/nul_tests.json" "$work/nul.py" --json "$work/nul.json" --junit "$work/nul.xml" > "$work/nul.out" 2>&1; code=$?
[ "$code" = 1 ] && ok "a program printing NUL bytes, then exiting 1, is judged (RTE: exit 1)" || bad "NUL output: exit $code ($(tail -2 "$work/nul.out"))"
/usr/bin/python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["submissions"][0]["tests"][0]; sys.exit(0 if (t["stdout"], t["stderr"]) == ("before\ufffdafter\n", "e\ufffdrr") else 1)' "$work/nul.json" \
	&& ok "stdout and stderr after a NUL byte are kept (NUL shown as U+FFFD)" || bad "NUL output report: $(head -c 600 "$work/nul.json")"
xmllint --noout --schema ../shared/schemas/junit-10.xsd "$work/nul.xml" 2>/dev/null \
	&& grep -q "before.after" "$work/nul.xml" && ok "its JUnit report validates and shows all the output" \
	|| bad "JUnit with NUL output: $(head -c 600 "$work/nul.xml")"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
