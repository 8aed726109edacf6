#!/bin/bash
# Integration test of `judge grade` and `judge report merge` against real
# containers.  The fixture exports of every layout (Moodle, Canvas, GitHub
# Classroom, Blackboard, plain, single) are built here, each with a mix of
# AC, WA, CE, TLE and not-code students; the outputs are checked with real
# readers (xmllint against the JUnit schema, junitparser, Python's csv and
# json), and so are a GitHub workflow-command injection, resume and
# shard-and-merge.
#
#   bash tests/integration/grade.sh PATH_TO_JUDGE
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
ROOT=$PWD
JOBS=${JUDGE_TEST_JOBS:-2}
SCHEMA=$ROOT/../shared/schemas/junit-10.xsd

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-grade.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

passed=0
failed=0
ok()   { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# grade ARGS... : runs judge grade; sets $rc, $out (stdout), $err (stderr).
grade() {
	timeout --kill-after=10 900 "$JUDGE" grade "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

# expect NAME WANT_RC [TEXT...]: checks $rc and that stdout+stderr hold each TEXT.
expect() {
	local name=$1 want=$2 why="" all
	shift 2
	all="$out"$'\n'"$err"
	[ "$rc" -eq "$want" ] || why="exit code $rc, expected $want"
	for text in "$@"; do
		[ -z "$why" ] && [[ "$all" != *"$text"* ]] && why="output lacks \"$text\""
	done
	if [ -z "$why" ]; then ok "$name"; else
		fail "$name: $why"
		printf '%s\n' "$all" | sed 's/^/    | /' | tail -30
	fi
}

# check NAME PYTHON... : runs Python with `rows` = the CSV at $tmp/g.csv as
# dicts by id, `rep` = the JSON at $tmp/g.json (when present); the script's
# last expression must be true.
check() {
	if /usr/bin/python3 - "$tmp" "$2" <<'PY'
import csv, json, os, sys
d = sys.argv[1]
rows = {}
if os.path.exists(d + "/g.csv"):
    with open(d + "/g.csv", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
rep = json.load(open(d + "/g.json")) if os.path.exists(d + "/g.json") else None
def sub(i):
    return [s for s in rep["submissions"] if s["student"]["id"] == i][0]
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
	then ok "$1"; else fail "$1: $2 is false"; fi
}

# ---- the assignment: problems/hello with points, hidden tests and rules ----

A=$tmp/assignment
cp -r problems/hello "$A"
cat >"$A/assignment.yaml" <<'EOF'
points:
  default: 1
  tests: {secret/03-big: 3}
hidden: [secret]
languages: [c, cpp, python]
forbidden:
  - pattern: 'system[[:space:]]*\('
    message: "do not call system()"
EOF
S=problems/hello/submissions
AC_C=$S/accepted/sum.c
WA_C=$S/wrong_answer/minus.c
CE_C=$S/compile_error/syntax_error.c
TLE_C=$S/time_limit_exceeded/busy_loop.c
AC_PY=$S/accepted/sum.py
# prints a workflow command and an HTML tag on a visible (sample) test
INJECT='#include <stdio.h>
int main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 1;
  printf("::error title=pwned::pwned\n::add-mask::x\n<script>%ld\n", a + b); return 0; }'

# ---- Moodle (folders), every kind of student ----

M=$tmp/moodle
mk() { mkdir -p "$(dirname -- "$1")" && cp -- "$2" "$1"; }
mk "$M/Alice Able_101_assignsubmission_file_/sum.c" "$AC_C"
mk "$M/Bob Baker_102_assignsubmission_file_/minus.c" "$WA_C"
mk "$M/Carol Cole_103_assignsubmission_file_/syntax_error.c" "$CE_C"
mk "$M/Dan Dunn_104_assignsubmission_file_/busy_loop.c" "$TLE_C"
mkdir -p "$M/Eve Ernst_105_assignsubmission_file_" && echo '%PDF-1.4 not code' >"$M/Eve Ernst_105_assignsubmission_file_/essay.pdf"
mkdir -p "$M/Finn Fox_106_assignsubmission_file_" && printf '#include <stdlib.h>\nint main(void) { return system("cat /etc/passwd"); }\n' >"$M/Finn Fox_106_assignsubmission_file_/main.c"
mk "$M/Gus Grey_107_assignsubmission_file_/sum.js" "$S/accepted/sum.js"
mkdir -p "$M/Hal Hart_108_assignsubmission_file_" && printf '%s\n' "$INJECT" >"$M/Hal Hart_108_assignsubmission_file_/inject.c"
mkdir -p "$M/Ida Ives_109_assignsubmission_file_"
mkdir -p "$M/Ida Ives_109_assignsubmission_onlinetext_" && echo '<p>hi</p>' >"$M/Ida Ives_109_assignsubmission_onlinetext_/onlinetext.html"
# a multi-file program: main.c + helper
mkdir -p "$M/Jo Jones_110_assignsubmission_file_"
printf 'long add(long a, long b);\n' >"$M/Jo Jones_110_assignsubmission_file_/add.h"
printf '#include "add.h"\nlong add(long a, long b) { return a + b; }\n' >"$M/Jo Jones_110_assignsubmission_file_/add.c"
printf '#include <stdio.h>\n#include "add.h"\nint main(void) { long a, b; if (scanf("%%ld %%ld", &a, &b) != 2) return 1; printf("%%ld\\n", add(a, b)); return 0; }\n' >"$M/Jo Jones_110_assignsubmission_file_/main.c"

O=$tmp/out
grade "$A" "$M" -o "$O" -j "$JOBS" --csv "$tmp/g.csv" --json "$tmp/g.json" --junit "$tmp/g.xml" \
	--gradescope "$tmp/gs" --github
expect "moodle batch: graded, exit 1 (not everyone full)" 1 "10 students, 2 with full marks, 0 judge errors"
check "moodle: ids and names from the folder names" \
	'rows["101"]["name"] == "Alice Able" and rows["110"]["name"] == "Jo Jones" and len(rows) == 10'
check "moodle: AC full marks (3 points for secret/03-big)" \
	'rows["101"]["verdict"] == "AC" and rows["101"]["score"] == "9" and rows["101"]["max"] == "9" and rows["101"]["secret/03-big"] == "3"'
check "moodle: multi-file program (main.c + add.c + add.h) is AC" 'rows["110"]["verdict"] == "AC" and rows["110"]["score"] == "9"'
check "moodle: WA gets the points of the tests it passes" 'rows["102"]["verdict"] == "WA" and float(rows["102"]["score"]) == sum(float(rows["102"][t]) for t in rows["102"] if "/" in t)'
check "moodle: CE scores 0" 'rows["103"]["verdict"] == "CE" and rows["103"]["score"] == "0"'
check "moodle: TLE scores 0" 'rows["104"]["verdict"] == "TLE" and rows["104"]["score"] == "0"'
check "moodle: not code is CE with a reason" 'rows["105"]["verdict"] == "CE" and "essay.pdf" in rows["105"]["reason"] or "language" in rows["105"]["reason"]'
check "moodle: forbidden pattern is CE naming the file and the rule" 'rows["106"]["verdict"] == "CE" and rows["106"]["reason"] == "main.c: do not call system()"'
check "moodle: a language not allowed is CE with a reason" 'rows["107"]["verdict"] == "CE" and "javascript is not allowed" in rows["107"]["reason"]'
check "moodle: an empty submission is reported, onlinetext ignored" 'rows["109"]["verdict"] == "CE" and "empty" in rows["109"]["reason"]'
check "json: judge run schema plus student, score, max, items" \
	'rep["version"] == 1 and sub("101")["student"]["name"] == "Alice Able" and sub("101")["score"] == 9 and sub("101")["max"] == 9 and len(sub("101")["items"]) == 7 and len(sub("101")["tests"]) == 7'
check "json: hidden tests marked, expected output kept only for visible failed tests" \
	'all(t["hidden"] == t["name"].startswith("secret/") for t in sub("102")["tests"]) and sub("102")["tests"][0]["expected_output"] == "3\n" and all(t["expected_output"] is None for t in sub("102")["tests"][2:])'

if xmllint --noout --schema "$SCHEMA" "$tmp/g.xml" 2>"$tmp/xmllint"; then ok "junit: valid against junit-10.xsd"
else fail "junit: schema: $(head -3 "$tmp/xmllint")"; fi
if /usr/bin/python3 - "$tmp/g.xml" <<'PY'
import sys
from junitparser import JUnitXml
x = JUnitXml.fromfile(sys.argv[1])
suites = {s.name: s for s in x}
assert len(suites) == 10, suites.keys()
assert suites["101 (Alice Able)"].tests == 7 and suites["101 (Alice Able)"].failures == 0
assert suites["102 (Bob Baker)"].failures >= 1
# hidden tests never show data in the student-facing JUnit
for case in suites["102 (Bob Baker)"]:
    if case.name.startswith("secret/"):
        for r in case.result:
            assert "expected" not in (r.message or "") and "stdout:" not in (r.text or ""), (case.name, r.message)
PY
then ok "junit: junitparser reads one suite per student, hidden data redacted"; else fail "junit: junitparser"; fi

if /usr/bin/python3 - "$tmp/gs" <<'PY'
import json, sys
g = json.load(open(sys.argv[1] + "/101/results.json"))
assert g["score"] == 9 and g["max_score"] == 9 and g["execution_time"] >= 0
assert len(g["tests"]) == 7 and all(t["status"] == "passed" and t["visibility"] == "visible" for t in g["tests"])
assert {"name", "score", "max_score", "status", "output", "visibility"} <= set(g["tests"][0])
b = json.load(open(sys.argv[1] + "/102/results.json"))
hidden = [t for t in b["tests"] if t["name"].startswith("secret/")]
assert all(t["output"].strip().endswith("(hidden test)") for t in hidden), hidden
assert "expected" in [t for t in b["tests"] if t["name"] == "sample/1"][0]["output"]
PY
then ok "gradescope: results.json per student, hidden tests show only their verdict"; else fail "gradescope: results.json"; fi

# GitHub: every line outside our stop-commands blocks is one of our commands
if /usr/bin/python3 - "$tmp/stdout" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
token, inside, errors, seen_payload = None, False, 0, False
for l in lines:
    if inside:
        if l == "::%s::" % token:
            inside = False
        elif "pwned" in l:
            seen_payload = True
        continue
    m = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", l)
    if m:
        token, inside = m.group(1), True
        continue
    assert "pwned" not in l and "add-mask" not in l, l
    assert l == "" or re.match(r"::(error|warning|notice|group|endgroup)( |::)", l), l
    errors += l.startswith("::error ")
assert seen_payload, "the injected output is shown (inside stop-commands)"
assert 1 <= errors <= 10, errors
assert "::notice title=Autograding complete::Points " in open(sys.argv[1]).read()
PY
then ok "github: student output only between ::stop-commands:: markers, at most 10 errors, Points line"
else fail "github: workflow-command output"; sed 's/^/    | /' "$tmp/stdout" | head -40; fi

# the same export as a zip, with the containers pinned to CPUs
if command -v zip >/dev/null; then
	(cd "$M" && zip -qr "$tmp/moodle.zip" .)
	grade "$A" "$tmp/moodle.zip" -o "$tmp/out-zip" -j "$JOBS" --cpus 0,1 --csv "$tmp/zip.csv"
	expect "moodle zip, --cpus 0,1: graded" 1 "10 students, 2 with full marks"
	if /usr/bin/python3 - "$tmp/zip.csv" "$tmp/g.csv" <<'PY'
import csv, sys
rows = lambda p: sorted((r["id"], r["name"], r["score"], r["verdict"]) for r in csv.DictReader(open(p, newline="")))
assert rows(sys.argv[1]) == rows(sys.argv[2])
PY
	then ok "moodle zip: the same gradebook as the directory"; else fail "moodle zip: gradebooks differ"; fi
fi
grade "$A" "$M" -o "$tmp/o-cpus" --cpus 0-x
expect "bad --cpus: usage error" 2 "--cpus" "Try 'judge --help'"

# ---- resume ----

t0=$SECONDS
grade "$A" "$M" -o "$O" -j "$JOBS" --csv "$tmp/g2.csv"
expect "resume: a rerun reuses every student" 1 "graded 10/10 (10 reused)"
if cmp -s "$tmp/g.csv" "$tmp/g2.csv"; then ok "resume: same gradebook"; else fail "resume: gradebooks differ"; fi
cp "$AC_C" "$M/Bob Baker_102_assignsubmission_file_/minus.c"
grade "$A" "$M" -o "$O" -j "$JOBS" --csv "$tmp/g.csv"
expect "resume: a changed submission is graded again, the rest reused" 1 "(9 reused)"
check "resume: the fixed submission now has full marks" 'rows["102"]["verdict"] == "AC" and rows["102"]["score"] == "9"'
grade "$A" "$M" -o "$O" -j "$JOBS" --no-resume --csv "$tmp/g.csv" --json "$tmp/g.json"
expect "--no-resume grades everyone" 1 "graded 10/10 (0 reused)"

# ---- interrupted, then resumed ----

"$JUDGE" grade "$A" "$M" -o "$tmp/out-int" -j 1 --no-feedback --json "$tmp/int.json" >"$tmp/stdout" 2>"$tmp/stderr" &
pid=$!
for _ in $(seq 100); do     # until a few students are recorded
	[ "$(wc -l <"$tmp/out-int/results.jsonl" 2>/dev/null || echo 0)" -ge 3 ] && break
	sleep 0.1
done
kill -INT "$pid"
wait "$pid"
rc=$?; out=$(cat "$tmp/stdout"); err=$(cat "$tmp/stderr")
expect "SIGINT: exit 3, reports written and marked incomplete" 3 "interrupted"
check "SIGINT: the JSON report says incomplete" 'json.load(open(d + "/int.json"))["incomplete"] is True'
left=$(docker ps -aq --filter label=org.judge.sandbox | wc -l)
[ "$left" -eq 0 ] && ok "SIGINT: no container left" || fail "SIGINT: $left containers left"
grade "$A" "$M" -o "$tmp/out-int" -j "$JOBS" --csv "$tmp/int.csv"
expect "after SIGINT: the rerun finishes the batch" 1 "10 students, 3 with full marks"   # Bob was fixed above
n_reused=$(grep -o '([0-9]* reused)' <<<"$err" | tail -1 | tr -dc 0-9)
[ "${n_reused:-0}" -ge 3 ] && ok "after SIGINT: students recorded before it are reused ($n_reused)" \
	|| fail "after SIGINT: only ${n_reused:-0} reused"

# ---- shards and merge ----

for k in 1 2; do
	grade "$A" "$M" -o "$tmp/shard$k" -j "$JOBS" --shard "$k/2" --json "$tmp/shard$k.json"
	[ "$rc" -le 1 ] && ok "shard $k/2 graded" || fail "shard $k/2: exit $rc: $err"
done
timeout 120 "$JUDGE" report merge "$tmp/merged" "$tmp/shard1.json" "$tmp/shard2.json" --csv "$tmp/merged.csv" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?; out=$(cat "$tmp/stdout"); err=$(cat "$tmp/stderr")
expect "report merge: both shards" 1 "10 students"
if /usr/bin/python3 - "$tmp/shard1.json" "$tmp/shard2.json" "$tmp/merged.csv" "$tmp/g.csv" <<'PY'
import csv, json, sys
a = {s["student"]["id"] for s in json.load(open(sys.argv[1]))["submissions"]}
b = {s["student"]["id"] for s in json.load(open(sys.argv[2]))["submissions"]}
assert a and b and not (a & b) and len(a | b) == 10, (a, b)
def rows(p):
    return sorted((r["id"], r["score"], r["verdict"]) for r in csv.DictReader(open(p, newline="")))
assert rows(sys.argv[3]) == rows(sys.argv[4])
PY
then ok "shards are disjoint and the merged gradebook equals the unsharded one"; else fail "shard/merge"; fi
timeout 60 "$JUDGE" report merge "$tmp/m2" "$tmp/g.csv" >/dev/null 2>"$tmp/stderr"
rc=$?; out=""; err=$(cat "$tmp/stderr")
expect "report merge of a file that is no report: exit 2 naming it" 2 "g.csv"

# ---- the other layouts, from archives and directories ----

# Canvas: flat, _LATE, a -1 resubmission suffix, two files of one student
C=$tmp/canvas; mkdir -p "$C"
cp "$AC_C" "$C/ableanna_201_9001_sum.c"
cp "$WA_C" "$C/bakerbo_LATE_202_9002_minus-1.c"
cp "$CE_C" "$C/colecy_203_9003_prog.c"
printf 'long add(long a, long b) { return a + b; }\n' >"$C/dunndi_204_9004_add.c"
printf '#include <stdio.h>\nlong add(long, long);\nint main(void) { long a, b; if (scanf("%%ld %%ld", &a, &b) != 2) return 1; printf("%%ld\\n", add(a, b)); return 0; }\n' >"$C/dunndi_204_9005_main.c"
(cd "$tmp" && tar -czf canvas.tar.gz canvas)
rm -f "$tmp/g.json"
grade "$A" "$tmp/canvas.tar.gz" -o "$tmp/out-canvas" -j "$JOBS" --csv "$tmp/g.csv" --json "$tmp/g.json"
expect "canvas archive: detected and graded" 1 "4 students"
check "canvas: paths name the archive, not where it was extracted" \
	'sub("201")["path"] == d + "/canvas.tar.gz/canvas/ableanna_201_9001_sum.c"'
rm -f "$tmp/g.json"
check "canvas: ids, names, late flag, multi-file student" \
	'rows["201"]["name"] == "ableanna" and rows["201"]["verdict"] == "AC" and rows["202"]["late"] == "yes" and rows["201"]["late"] == "no" and rows["202"]["verdict"] == "WA" and rows["203"]["verdict"] == "CE" and rows["204"]["verdict"] == "AC"'

# an OUT shared with another batch reports only this batch
grade "$A" "$tmp/canvas.tar.gz" -o "$O" -j "$JOBS" --csv "$tmp/shared.csv"
expect "a second batch into the same OUT reports its own students" 1 "4 students"

# GitHub Classroom: {assignment}-submissions/{prefix}-{username}/ repositories
G=$tmp/hw1-submissions; mkdir -p "$G/hw1-octocat/.git" "$G/hw1-monalisa/src" "$G/hw1-hubot"
cp "$AC_PY" "$G/hw1-octocat/main.py"; echo "ref: refs/heads/main" >"$G/hw1-octocat/.git/HEAD"
cp "$TLE_C" "$G/hw1-monalisa/src/main.c"
echo "# just a README" >"$G/hw1-hubot/README.md"
grade "$A" "$G" -o "$tmp/out-gh" -j "$JOBS" --csv "$tmp/g.csv"
expect "github classroom: detected and graded" 1 "3 students"
check "github classroom: usernames, AC python, TLE, not code" \
	'rows["octocat"]["verdict"] == "AC" and rows["monalisa"]["verdict"] == "TLE" and rows["hubot"]["verdict"] == "CE" and rows["hubot"]["score"] == "0"'

# Blackboard: two attempts of one user (the latest counts) and receipts
B=$tmp/bb; mkdir -p "$B"
cp "$WA_C" "$B/Lab 1_jdoe_attempt_2026-01-01-10-00-00_sum.c"
printf 'Name: Jane Doe (jdoe)\nAssignment: Lab 1\n' >"$B/Lab 1_jdoe_attempt_2026-01-01-10-00-00.txt"
cp "$AC_C" "$B/Lab 1_jdoe_attempt_2026-01-02-09-30-00_sum.c"
printf 'Name: Jane Doe (jdoe)\nAssignment: Lab 1\n' >"$B/Lab 1_jdoe_attempt_2026-01-02-09-30-00.txt"
cp "$CE_C" "$B/Lab 1_rroe_attempt_2026-01-01-11-00-00_main.c"
grade "$A" "$B" -o "$tmp/out-bb" -j "$JOBS" --csv "$tmp/g.csv"
expect "blackboard: detected and graded" 1 "2 students"
check "blackboard: latest attempt, name from the receipt" \
	'rows["jdoe"]["verdict"] == "AC" and rows["jdoe"]["name"] == "Jane Doe" and rows["rroe"]["verdict"] == "CE"'

# plain: one entry per student, a student's own archive
P=$tmp/plain; mkdir -p "$P/zoe"
cp "$AC_C" "$P/yan.c"; cp "$WA_C" "$P/zoe/main.c"
mkdir -p "$tmp/x" && cp "$AC_C" "$tmp/x/sum.c" && (cd "$tmp/x" && tar -cf "$P/xia.tar" sum.c)
# students who try to break the batch: a zip bomb, an output flood, a
# symlink to a host file, a binary with a source name
/usr/bin/python3 - "$P/bomb.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("main.c", "w") as f:
        for _ in range(300):
            f.write(b"\0" * (1 << 20))
PY
cp "$S/output_limit_exceeded/fwrite_forever.c" "$P/flood.c"
mkdir -p "$P/sly" && ln -s /etc/hostname "$P/sly/main.c"
head -c 4096 /dev/urandom >"$P/bin.c"
grade "$A" "$P" -o "$tmp/out-plain" -j "$JOBS" --csv "$tmp/g.csv" --layout plain
expect "plain: graded, hostile students included" 1 "7 students"
check "plain: files, directories and an uploaded archive" \
	'rows["yan"]["verdict"] == "AC" and rows["zoe"]["verdict"] == "WA" and rows["xia"]["verdict"] == "AC"'
check "plain: a zip bomb is refused for that student alone (CE naming the cap)" \
	'rows["bomb"]["verdict"] == "CE" and rows["bomb"]["score"] == "0" and ("bomb" in rows["bomb"]["reason"] or "MiB" in rows["bomb"]["reason"])'
check "plain: an output flood is OLE, a symlink is no file, random bytes do not compile" \
	'rows["flood"]["verdict"] == "OLE" and rows["sly"]["verdict"] == "CE" and "empty" in rows["sly"]["reason"] and rows["bin"]["verdict"] == "CE"'

# single (Gradescope's /autograder/submission): results.json at the top
SG=$tmp/single; mkdir -p "$SG"; cp "$AC_C" "$SG/sum.c"
grade "$A" "$SG" -o "$tmp/out-single" --layout single --gradescope "$tmp/gs1"
expect "single: one student with full marks, exit 0" 0 "1 students, 1 with full marks"
if /usr/bin/python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert g["score"] == g["max_score"] == 9' "$tmp/gs1/results.json"
then ok "single: gradescope results.json at DIR/results.json"; else fail "single: gradescope results.json"; fi

# ---- bad input ----

grade "$A" "$tmp/nonexistent" -o "$tmp/o3"
expect "missing SUBMISSIONS: exit 2 naming it" 2 "nonexistent"
grade "$A" "$C" -o "$tmp/o3" --layout moodle
expect "a forced layout that does not fit: exit 2 naming an entry" 2 "not a Moodle"
printf 'points: {tests: {secret/none: 2}}\n' >"$A/assignment.yaml"
grade "$A" "$C" -o "$tmp/o3"
expect "assignment.yaml naming an unknown test: exit 2 with file:line" 2 "assignment.yaml:1" "secret/none"
printf 'points: [\n' >"$A/assignment.yaml"
grade "$A" "$C" -o "$tmp/o3"
expect "malformed assignment.yaml: exit 2" 2 "assignment.yaml"
grade "$A" "$C" --shard 3/2
expect "bad --shard: usage error" 2 "Try 'judge --help'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
