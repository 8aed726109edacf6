#!/bin/bash
# Integration test: hostile problem bundles and submission archives.
#
#   bash tests/integration/hostile.sh PATH_TO_JUDGE
#
# Every hostile input is built at run time in a temporary directory (by
# tests/fixtures/hostile/make_inputs.py, python3's tarfile/zipfile, or plain
# shell), then judged against a good counterpart (problems/hello, or its
# accepted sum.c).  For bad input it checks: exit code 2; exactly one line on
# stderr, "judge: ..." naming the input and the offending entry and matching
# the problem; no crash (signal, timeout, sanitizer report); under 30 s; the
# judge's own work directory ($TMPDIR) left empty; and no canary written
# outside it (judge-hostile-canary-$$ in the temp dir, its parent, /tmp or
# the repository; /tmp/judge-hostile-abs-$$).  The judge runs with a file
# size ulimit of 128 MiB, so an archive bomb it does not stop in time kills
# it (SIGXFSZ) instead of filling the disk.
#
# Two cases are not bad input: a name with the bytes ff fe (handled or
# refused, both fine, the line says which) and a 600 MiB sparse .in in a
# directory bundle (must stream: peak RSS under 100 MiB).  Both run
# containers; without Docker they are informational.
#
# Prints "ok ..." / "FAIL ...: why" per case, then "N passed, N failed";
# exits 1 if anything failed.
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
GEN=tests/fixtures/hostile/make_inputs.py
GOOD_BUNDLE=problems/hello
GOOD_SUB=problems/hello/submissions/accepted/sum.c
TAG=$$
CANARY=judge-hostile-canary-$TAG
ABS=/tmp/judge-hostile-abs-$TAG
LIMIT_S=30                   # a bad input must be refused within this
TIMEOUT_S=35                 # each run is killed after this (SIGTERM, SIGKILL 5 s later)
FSIZE_KB=$((128 * 1024))     # ulimit -f for bad-input runs
RSS_MAX_KB=$((512 * 1024))   # a bad input must not cost more memory than this
BIG_RSS_MAX_KB=$((100 * 1024))

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-hostile.XXXXXX") || exit 1
parent=$(dirname -- "$tmp")
repo=$PWD
cleanup() {
	rm -rf -- "$tmp"
	rm -rf -- "$ABS" "/tmp/$CANARY" "${parent:?}/$CANARY" "${repo:?}/$CANARY"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
in=$tmp/in        # hostile inputs
work=$tmp/work    # the judge's TMPDIR: where it extracts archives
mkdir -p "$in" "$work" || exit 1

passed=0
failed=0
ok()   { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

have_docker=0
if command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; then
	have_docker=1
fi

# run_judge TIMEOUT FSIZE_KB ARGS... : `judge run ARGS...` with TMPDIR=$work,
# a time limit and (FSIZE_KB > 0) a file size limit.  Sets rc, err, ms
# (wall time) and rss_kb (peak resident set, from /usr/bin/time).
run_judge() {
	local limit=$1 fsize=$2 t0 t1
	shift 2
	t0=$(date +%s%N)
	(
		if [ "$fsize" -gt 0 ]; then ulimit -f "$fsize"; fi
		export TMPDIR="$work"
		exec /usr/bin/time -o "$tmp/rss" -f %M timeout -k 5 "$limit" "$JUDGE" run "$@"
	) >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	rc=$?
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
	err=$(cat "$tmp/stderr")
	rss_kb=$(tail -n 1 "$tmp/rss" 2>/dev/null)
	case $rss_kb in '' | *[!0-9]*) rss_kb=0 ;; esac
}

secs() { printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# Appends to $why the canaries that exist (something escaped), and what
# the judge left in its work directory; removes both for the next case.
check_escape() {
	local p found
	for p in "$ABS" "/tmp/$CANARY" "$parent/$CANARY" "$repo/$CANARY"; do
		if [ -e "$p" ] || [ -L "$p" ]; then
			why+="${why:+; }wrote outside the work directory: $p"
			rm -rf -- "$p"
		fi
	done
	found=$(find "$tmp" -name "$CANARY*" -print 2>/dev/null | head -n 3 | tr '\n' ' ')
	if [ -n "$found" ]; then
		why+="${why:+; }canary written: $found"
		find "$tmp" -name "$CANARY*" -exec rm -rf -- {} + 2>/dev/null
	fi
	found=$(find "$work" -mindepth 1 -maxdepth 1 -printf "%f " 2>/dev/null | head -c 300)
	if [ -n "$found" ]; then
		why+="${why:+; }left in the work directory: $found"
		rm -rf -- "${work:?}"/* "${work:?}"/.[!.]* 2>/dev/null
	fi
}

# Appends to $why a crash, a hang or a sanitizer report.
check_crash() {
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		why+="${why:+; }hung: killed by the timeout after ${TIMEOUT_S}s"
	elif [ "$rc" -ge 128 ]; then
		why+="${why:+; }crashed: exit code $rc (signal $((rc - 128)))"
	fi
	if grep -qiE 'sanitizer|segmentation|core dumped|runtime error:' "$tmp/stderr"; then
		why+="${why:+; }crash report on stderr"
	fi
}

show() {
	[ -s "$tmp/stderr" ] && head -c 2000 "$tmp/stderr" | head -n 5 | cat -v | sed 's/^/  stderr| /'
	[ -s "$tmp/stdout" ] && head -n 3 "$tmp/stdout" | cat -v | sed 's/^/  stdout| /'
	return 0
}

# bad NAME INPUT ENTRY PROBLEM_RE ARGS... : runs `judge run ARGS...` and
# checks bad input was refused well.  INPUT is the hostile path (its file
# name must be in the message); ENTRY a fixed string the message must
# contain ("-": none); PROBLEM_RE an extended regex it must match,
# case-insensitively ("-": none).
bad() {
	local name=$1 input=$2 entry=$3 re=$4 nlines
	shift 4
	why=""
	run_judge "$TIMEOUT_S" "$FSIZE_KB" "$@"
	check_crash
	[ "$rc" -ne 2 ] && [ "$rc" -lt 124 ] && why+="${why:+; }exit code $rc, expected 2"
	nlines=$(awk 'END { print NR }' "$tmp/stderr")
	if [ "$rc" -ge 124 ]; then
		:   # killed: what it printed so far says nothing
	elif [ "$nlines" -ne 1 ]; then
		why+="${why:+; }$nlines lines on stderr, expected 1"
	elif [[ "$err" != "judge: "* ]]; then
		why+="${why:+; }stderr does not start with 'judge: '"
	fi
	if [ "$rc" -eq 2 ]; then
		[[ "$err" == *"$(basename -- "$input")"* ]] ||
			why+="${why:+; }message does not name $(basename -- "$input")"
		[ "$entry" = - ] || [[ "$err" == *"$entry"* ]] ||
			why+="${why:+; }message does not name the entry '$entry'"
		[ "$re" = - ] || grep -qiE -- "$re" "$tmp/stderr" ||
			why+="${why:+; }message does not match /$re/"
	fi
	[ "$ms" -gt $((LIMIT_S * 1000)) ] && [ "$rc" -lt 124 ] &&
		why+="${why:+; }took $(secs) (limit ${LIMIT_S}s)"
	[ "$rss_kb" -gt "$RSS_MAX_KB" ] && why+="${why:+; }peak RSS $((rss_kb / 1024)) MiB"
	check_escape
	if [ -z "$why" ]; then
		ok "$name ($(secs))"
	else
		fail "$name: $why"
		show
	fi
}

# ---------------------------------------------------------------------------
# Archives built by make_inputs.py.  CASE FILE ENTRY PROBLEM_RE; "b-" cases
# are bundles (judged with $GOOD_SUB), "s-" cases submissions (judged with
# $GOOD_BUNDLE).  CANARY and ABS in ENTRY stand for the canary names.

CASES='
b-dotdot                  b-dotdot.tar              ../CANARY                 \.\.
b-dotdot                  b-dotdot.zip              ../CANARY                 \.\.
b-deeper-dotdot           b-deeper.tar.gz           a/../../CANARY            \.\.
b-deeper-dotdot           b-deeper.zip              a/../../CANARY            \.\.
b-absolute                b-absolute.tar            ABS                       absolute
b-absolute                b-absolute.zip            ABS                       absolute
b-symlink-etc-passwd      b-symlink-passwd.tar      data/secret/passwd.in     symlink
b-symlink-etc-passwd      b-symlink-passwd.zip      data/secret/passwd.in     symlink
b-symlink-dotdot-escape   b-symlink-escape.tar.gz   data/secret/esc.in        symlink.*(escape|outside|leave)
b-symlink-dotdot-escape   b-symlink-escape.zip      data/secret/esc.in        symlink.*(escape|outside|leave)
b-symlink-then-write-abs  b-link-tmp.tar            link                      symlink
b-symlink-then-write-rel  b-link-dot.tar            dot/CANARY                symlink
b-hardlink-etc-passwd     b-hardlink.tar            data/secret/passwd.in     hard ?link
b-chardev                 b-chardev.tar             data/secret/null.in       device
b-fifo                    b-fifo.tar                data/secret/fifo.in       fifo
b-duplicate               b-duplicate.tar           problem.yaml              duplicate
b-duplicate               b-duplicate.zip           problem.yaml              duplicate
b-deep-nesting            b-deep.tar                d/d/d/d/d/d               deep|nested|levels
b-deep-nesting            b-deep.zip                d/d/d/d/d/d               deep|nested|levels
b-newline-name            b-newline.tar             data/secret/new?line.in   control
b-bomb                    b-bomb.zip                data/secret/bomb.in       ratio|bomb|larger|expands
b-bomb                    b-bomb.tar.gz             data/secret/bomb.in       ratio|bomb|larger|expands
b-many-entries            b-many.tar.gz             many/                     entries
b-alias-bomb              b-alias.tar.gz            problem.yaml              alias
b-yaml-5mb                b-yaml-5mb.tar            problem.yaml              larger|size|too (big|large)
b-yaml-deep-nesting       b-yaml-deep.tar           problem.yaml              depth|deep|nest
b-yaml-wrong-type         b-yaml-type.tar.gz        problem.yaml              memory
b-yaml-malformed          b-yaml-bad.tar.gz         problem.yaml              -
b-in-without-ans          b-orphan.tar.gz           data/secret/99-orphan.in  \.ans
b-no-tests                b-no-tests.tar.gz         -                         no test
b-truncated               b-truncated.tar.gz        -                         truncat|unexpected|eof|damaged|corrupt
s-dotdot                  s-dotdot.tar              ../CANARY                 \.\.
s-dotdot                  s-dotdot.zip              ../CANARY                 \.\.
s-deeper-dotdot           s-deeper.zip              a/../../CANARY            \.\.
s-absolute                s-absolute.tar            ABS                       absolute
s-absolute                s-absolute.zip            ABS                       absolute
s-symlink-etc-passwd      s-symlink-passwd.tar      passwd.c                  symlink
s-symlink-dotdot-escape   s-symlink-escape.tar      esc.c                     symlink.*(escape|outside|leave)
s-symlink-then-write-abs  s-link-tmp.tar            link                      symlink
s-symlink-then-write-rel  s-link-dot.tar.gz         dot/CANARY                symlink
s-hardlink-etc-passwd     s-hardlink.tar            passwd.c                  hard ?link
s-chardev                 s-chardev.tar             null.c                    device
s-fifo                    s-fifo.tar                fifo.c                    fifo
s-duplicate               s-duplicate.zip           main.c                    duplicate
s-deep-nesting            s-deep.tar.gz             d/d/d/d/d/d               deep|nested|levels
s-newline-name            s-newline.tar             new?line.c                control
s-bomb                    s-bomb.zip                bomb.txt                  ratio|bomb|larger|expands
s-many-entries            s-many.tar.gz             many/                     entries
s-truncated               s-truncated.tar.gz        -                         truncat|unexpected|eof|damaged|corrupt
'

gen_args=()
while read -r case file _; do
	[ -n "$case" ] && gen_args+=("$case" "$in/$file")
done <<<"$CASES"
gen_args+=(b-symlink-fanout "$in/b-fanout.tar.gz"
	b-non-utf8 "$in/b-nonutf8.tar" b-non-utf8 "$in/b-nonutf8.zip"
	s-non-utf8 "$in/s-nonutf8.tar" s-non-utf8 "$in/s-nonutf8.zip")
t0=$(date +%s)
"$PY" "$GEN" "$TAG" "${gen_args[@]}" >"$tmp/gen.log" 2>&1
echo "# built $((${#gen_args[@]} / 2)) hostile archives in $(($(date +%s) - t0)) s"

while read -r case file entry re; do
	[ -n "$case" ] || continue
	label="$case ($file)"
	if [ ! -s "$in/$file" ]; then
		fail "$label: input not built: $(grep -m1 -- "$case" "$tmp/gen.log")"
		continue
	fi
	entry=${entry//ABS/$ABS}
	entry=${entry//CANARY/$CANARY}
	if [[ $case == b-* ]]; then
		bad "$label" "$in/$file" "$entry" "$re" "$in/$file" "$GOOD_SUB"
	else
		bad "$label" "$in/$file" "$entry" "$re" "$GOOD_BUNDLE" "$in/$file"
	fi
done <<<"$CASES"

# ---------------------------------------------------------------------------
# Inputs made by the shell.

mkdir -p "$in/rb" "$in/empty"
head -c 4096 /dev/urandom >"$in/rb/bundle.zip"
head -c 4096 /dev/urandom >"$in/rb/sub.zip"
: >"$in/empty/bundle.tar"
: >"$in/empty/sub.tar"
bad "b-random-bytes (bundle.zip)" "$in/rb/bundle.zip" - 'archive|not a' "$in/rb/bundle.zip" "$GOOD_SUB"
bad "s-random-bytes (sub.zip)" "$in/rb/sub.zip" - 'archive|language|not a' "$GOOD_BUNDLE" "$in/rb/sub.zip"
bad "b-empty-file (bundle.tar)" "$in/empty/bundle.tar" - 'empty|archive|not a' "$in/empty/bundle.tar" "$GOOD_SUB"
bad "s-empty-file (sub.tar)" "$in/empty/sub.tar" - 'empty|archive|not a' "$GOOD_BUNDLE" "$in/empty/sub.tar"

# Directory bundles and submissions.
mkbundle() {   # DIR: problems/hello's problem.yaml and data/
	mkdir -p "$1" && cp -r "$GOOD_BUNDLE/problem.yaml" "$GOOD_BUNDLE/data" "$1/"
}
d=$in/dir-no-tests
mkdir -p "$d/data/secret" && cp "$GOOD_BUNDLE/problem.yaml" "$d/" && echo hi >"$d/data/secret/README"
bad "b-dir-no-tests" "$d" - 'no test' "$d" "$GOOD_SUB"
d=$in/dir-orphan
mkbundle "$d" && echo "1 2" >"$d/data/secret/99-orphan.in"
bad "b-dir-in-without-ans" "$d" data/secret/99-orphan.in '\.ans' "$d" "$GOOD_SUB"
d=$in/dir-newline
mkbundle "$d" && echo "1 2" >"$d/data/secret/new"$'\n'"line.in"
bad "b-dir-newline-in-without-ans" "$d" "new" '\.ans' "$d" "$GOOD_SUB"
d=$in/dir-deep
mkbundle "$d" && mkdir -p "$d/data/secret/$(printf 'd/%.0s' {1..200})"
bad "b-dir-deep-nesting" "$d" - 'deep|nested|levels' "$d" "$GOOD_SUB"
d=$in/dir-yaml-type
mkbundle "$d" && printf 'name: x\nlimits:\n  memory: lots\n' >"$d/problem.yaml"
bad "b-dir-yaml-wrong-type" "$d" problem.yaml 'memory' "$d" "$GOOD_SUB"
d=$in/sub-no-sources
mkdir -p "$d" && echo "no code here" >"$d/README.txt"
bad "s-dir-no-sources" "$d" - 'empty|no source' "$GOOD_BUNDLE" "$d"
d=$in/sub-deep
mkdir -p "$d/$(printf 'd/%.0s' {1..200})" && cp "$GOOD_SUB" "$d/main.c"
bad "s-dir-deep-nesting" "$d" - 'deep|nested|levels' "$GOOD_BUNDLE" "$d"
cp "$GOOD_SUB" "$in/solution.xyz"
bad "s-unknown-extension (solution.xyz)" "$in/solution.xyz" - 'language|extension' "$GOOD_BUNDLE" "$in/solution.xyz"

# ---------------------------------------------------------------------------
# Inputs that are strange but not necessarily wrong: handled (judged: AC,
# reports valid JSON) or refused with one clear line; either is fine, the
# line says which.  Names with the bytes ff fe; a symlink fan-out (dK/{a,b}
# -> ../dK+1) that is exponential for a walk that follows every path.

handled_or_refused() {
	local label=$1 input=$2 nlines
	shift 2
	why=""
	if [ ! -s "$input" ]; then
		fail "$label: input not built: $(head -n 3 "$tmp/gen.log")"
		return
	fi
	run_judge "$TIMEOUT_S" "$FSIZE_KB" "$@" --json "$tmp/report.json"
	check_crash
	nlines=$(awk 'END { print NR }' "$tmp/stderr")
	local how=""
	if [ "$rc" -eq 0 ]; then
		if "$PY" -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' \
			"$tmp/report.json" 2>/dev/null; then
			how="handled: judged AC, JSON report valid UTF-8"
		else
			why+="${why:+; }AC but the JSON report is not valid UTF-8 JSON"
		fi
	elif [ "$rc" -eq 2 ]; then
		if [ "$nlines" -eq 1 ] && [[ "$err" == "judge: "*"$(basename -- "$input")"* ]]; then
			how="refused: $(head -n 1 "$tmp/stderr" | cat -v)"
		else
			why+="${why:+; }refused, but not with one 'judge: $(basename -- "$input"): ...' line"
		fi
	elif [ "$rc" -eq 3 ] && [ "$have_docker" -eq 0 ]; then
		how="informational: Docker not available (exit 3)"
	elif [ "$rc" -lt 124 ]; then
		why+="${why:+; }exit code $rc, expected 0 (handled) or 2 (refused)"
	fi
	check_escape
	if [ -z "$why" ]; then
		ok "$label ($how)"
	else
		fail "$label: $why"
		show
	fi
}
handled_or_refused "b-symlink-fanout (b-fanout.tar.gz)" "$in/b-fanout.tar.gz" "$in/b-fanout.tar.gz" "$GOOD_SUB"
handled_or_refused "b-non-utf8 (b-nonutf8.tar)" "$in/b-nonutf8.tar" "$in/b-nonutf8.tar" "$GOOD_SUB"
handled_or_refused "b-non-utf8 (b-nonutf8.zip)" "$in/b-nonutf8.zip" "$in/b-nonutf8.zip" "$GOOD_SUB"
handled_or_refused "s-non-utf8 (s-nonutf8.tar)" "$in/s-nonutf8.tar" "$GOOD_BUNDLE" "$in/s-nonutf8.tar"
handled_or_refused "s-non-utf8 (s-nonutf8.zip)" "$in/s-nonutf8.zip" "$GOOD_BUNDLE" "$in/s-nonutf8.zip"

# ---------------------------------------------------------------------------
# A 600 MiB .in (sparse, zeros) in a directory bundle: not bad input; the
# judge must stream it.  The submission reads nothing and prints the answer.

d=$in/big-in
mkdir -p "$d/data/secret"
cp "$GOOD_BUNDLE/problem.yaml" "$d/"
truncate -s 600M "$d/data/secret/big.in"
echo 42 >"$d/data/secret/big.ans"
printf '#include <stdio.h>\nint main(void) { puts("42"); return 0; }\n' >"$in/print42.c"
why=""
run_judge 300 0 "$d" "$in/print42.c"
check_crash
check_escape
label="big-in-600MiB (streamed)"
if [ "$rc" -eq 3 ] && [ "$have_docker" -eq 0 ]; then
	ok "$label (informational: Docker not available, exit 3, peak RSS $((rss_kb / 1024)) MiB)"
elif [ -z "$why" ] && { [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; } && [ "$rss_kb" -lt "$BIG_RSS_MAX_KB" ]; then
	ok "$label (exit $rc, peak RSS $((rss_kb / 1024)) MiB, $(secs))"
else
	[ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] && why+="${why:+; }exit code $rc, expected 0 (AC) or 1 (WA)"
	[ "$rss_kb" -ge "$BIG_RSS_MAX_KB" ] && why+="${why:+; }peak RSS $((rss_kb / 1024)) MiB (limit $((BIG_RSS_MAX_KB / 1024)))"
	fail "$label: $why"
	show
fi
rm -f -- "$d/data/secret/big.in"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
