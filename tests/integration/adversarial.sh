#!/usr/bin/env bash
# Integration test: the adversarial submission corpus (tests/adversarial).
#   - every submission in tests/adversarial/submissions gets one of the verdicts
#     listed on its first line (`EXPECT: V1|V2`), and every test one of those
#     on an optional `EVERY-TEST: ...` line among the first lines;
#   - no submission and no test is JE (a JE means an attack broke the judge);
#   - a few attacks have extra checks (orphans must not inflate later tests,
#     compiler and stderr floods are capped);
#   - no container of this judge is left, and no marker file that a submission
#     tried to create appeared on the host.
# Usage: bash tests/integration/adversarial.sh PATH_TO_JUDGE   (cwd = repo root)
# JG_ADVERSARIAL_REPORT=FILE keeps a copy of the judge's JSON report;
# JG_ADVERSARIAL_TIMEOUT=SECONDS bounds the judge's run (default 1140).
set -u
JUDGE=$(readlink -f "${1:?usage: adversarial.sh PATH_TO_JUDGE}")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ADV="$ROOT/tests/adversarial"
MARKER=judge-adv-marker-7f3c9
LIMIT_S=${JG_ADVERSARIAL_TIMEOUT:-1140}   # 19 min: the script reports within ctest's 1200 s
work=$(mktemp -d /tmp/judge-adversarial-test.XXXXXX)
trap 'rm -rf "$work"' EXIT

markers() { for p in "/etc/$MARKER" "/$MARKER" "/tmp/$MARKER" "/var/tmp/$MARKER" "/root/$MARKER"; do [ -e "$p" ] && echo "$p"; done; }
markers > "$work/markers.before"

# The slowest attacks first, so that the two workers share them.
slow=() rest=()
for f in "$ADV"/submissions/*; do
	case "$(basename "$f")" in
	*bomb*|ThreadBomb.java|sleep_forever.c|include_urandom.c|error_flood.c|huge_static.c) slow+=("$f") ;;
	*) rest+=("$f") ;;
	esac
done

t0=$(date +%s)
"$JUDGE" run "$ADV/problem" "${slow[@]}" "${rest[@]}" -j 2 --all-tests --json "$work/report.json" \
	> "$work/judge.out" 2> "$work/judge.err" &
jpid=$!
# Watchdog: SIGTERM after LIMIT_S seconds (the judge then removes its containers), SIGKILL 30 s later.
(
	for _ in $(seq "$LIMIT_S"); do kill -0 "$jpid" 2>/dev/null || exit 0; sleep 1; done
	echo "adversarial: the judge ran longer than $LIMIT_S s, terminating it" >&2
	kill -TERM "$jpid" 2>/dev/null
	for _ in $(seq 30); do kill -0 "$jpid" 2>/dev/null || exit 0; sleep 1; done
	kill -KILL "$jpid" 2>/dev/null
) &
wd=$!
wait "$jpid"; code=$?
wait "$wd" 2>/dev/null
t1=$(date +%s)
left=$(docker ps -aq --filter "label=org.judge.pid=$jpid" | wc -l)
markers > "$work/markers.after"
[ -n "${JG_ADVERSARIAL_REPORT:-}" ] && cp "$work/report.json" "$JG_ADVERSARIAL_REPORT" 2>/dev/null

/usr/bin/python3 - "$work/report.json" "$ADV/submissions" "$code" "$left" "$work/markers.before" \
	"$work/markers.after" "$work/judge.err" "$((t1 - t0))" <<'PY'
import json, os, re, sys

report_path, subdir, code, left, before, after, errfile, secs = sys.argv[1:]
passed = failed = 0


def ok(text):
    global passed
    passed += 1
    print("ok", text)


def bad(text):
    global failed
    failed += 1
    print("FAIL", text)


def one_line(s, n=160):
    s = re.sub(r"\s+", " ", s or "").strip()
    return s if len(s) <= n else s[:n] + "..."


def header(path):
    """EXPECT and EVERY-TEST sets from the first lines of a submission."""
    want, every = None, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for _ in range(5):
            line = f.readline()
            m = re.search(r"\b(EXPECT|EVERY-TEST):\s*([A-Z|]+)", line)
            if m and m.group(1) == "EXPECT":
                want = set(m.group(2).split("|"))
            elif m:
                every = set(m.group(2).split("|"))
    return want, every


try:
    with open(report_path) as f:
        report = json.load(f)
except (OSError, ValueError) as e:
    print("FAIL no usable JSON report (judge exit code %s): %s" % (code, e))
    print(open(errfile, errors="replace").read()[-2000:])
    print("0 passed, 1 failed")
    sys.exit(1)

by_name = {os.path.basename(s["path"]): s for s in report["submissions"]}
for name in sorted(os.listdir(subdir)):
    want, every = header(os.path.join(subdir, name))
    s = by_name.get(name)
    if want is None:
        bad("%s has no EXPECT line" % name)
        continue
    if s is None:
        bad("%s expected %s got nothing (not in the report)" % (name, "|".join(sorted(want))))
        continue
    v, tests = s["verdict"], s["tests"]
    first = next((t for t in tests if t["verdict"] not in ("AC", "SKIPPED")), None)
    msg = s.get("message") or (first or {}).get("message") or (s["compile"].get("output") if v == "CE" else "")
    problems = []
    if v not in want:
        problems.append("expected %s got %s (%s)" % ("|".join(sorted(want)), v, one_line(msg)))
    je = [t["name"] for t in tests if t["verdict"] == "JE"]
    if (v == "JE" or je) and not problems:  # never allowed, whatever the file says
        problems.append("judge error in %s (%s)" % (", ".join(je) or "the submission", one_line(msg)))
    if every is not None:
        off = ["%s=%s" % (t["name"], t["verdict"]) for t in tests if t["verdict"] not in every]
        if off:
            problems.append("every test must be %s: %s" % ("|".join(sorted(every)), ", ".join(off)))
    # Extra checks of particular attacks.
    if name in ("orphan_spinner.c", "fork_orphan.py", "child_process.js"):
        slow = ["%s %.3fs cpu %.3fs wall" % (t["name"], t["time"], t["wall"]) for t in tests
                if t["verdict"] != "SKIPPED" and (t["time"] > 0.5 or t["wall"] > 1.5)]
        if slow:
            problems.append("orphans inflated the tests' times: " + ", ".join(slow))
    if name == "error_flood.c":
        out = s["compile"].get("output") or ""
        if s["compile"].get("output_truncated", 0) <= 0 or len(out.encode()) > 70000:
            problems.append("compiler output not capped (%d bytes kept, %d dropped)"
                            % (len(out.encode()), s["compile"].get("output_truncated", 0)))
    if name == "stderr_flood_rte.c":
        t = tests[0]
        if t.get("stderr_truncated", 0) <= 0 or len((t.get("stderr") or "").encode()) > 8192:
            problems.append("stderr not capped (%d kept, %d dropped)"
                            % (len((t.get("stderr") or "").encode()), t.get("stderr_truncated", 0)))
    if name in ("long_line_100mb.c", "stdout_flood.c", "binary_garbage.c"):
        big = [t["name"] for t in tests if len((t.get("stdout") or "").encode()) > 16384]
        if big:
            problems.append("stdout captured without a cap in " + ", ".join(big))
    if problems:
        bad("%s %s" % (name, "; ".join(problems)))
    else:
        ok("%s %s" % (name, v))

extra = set(by_name) - set(os.listdir(subdir))
if extra:
    bad("report has unknown submissions: %s" % ", ".join(sorted(extra)))
if code not in ("0", "1"):
    err = one_line(open(errfile, errors="replace").read()[-400:])
    bad("judge exit code %s (0 or 1 expected; 3 means a judge error)%s"
        % (code, ": " + err if err else ""))
else:
    ok("judge exit code %s" % code)
if left != "0":
    bad("%s container(s) of the judge left behind" % left)
else:
    ok("no container left behind")
appeared = set(open(after).read().split()) - set(open(before).read().split())
if appeared:
    bad("host files created by a submission: %s" % ", ".join(sorted(appeared)))
else:
    ok("no marker file on the host")
print("judge ran %s s" % secs)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
