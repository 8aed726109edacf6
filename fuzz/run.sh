#!/usr/bin/env bash
# fuzz/run.sh - fuzzes one target for a while, then merges what it found
# into the committed corpus.
#
#   fuzz/run.sh TARGET [SECONDS] [LIBFUZZER_OPTION...]
#
#   TARGET   problem_yaml archive validate demux languages junit roster function
#   SECONDS  fuzzing time, default 60
#
# Needs the libFuzzer build (see fuzz/README.md); BUILD_DIR overrides
# build-fuzz.  Runs under `nice -n 10`, one process.  New inputs go to
# BUILD_DIR/fuzz-work/TARGET/new, crashes to .../artifacts/; afterwards
# `-merge=1` copies into fuzz/corpus/TARGET only the new inputs that add
# coverage (skipped with MERGE=0).  Leaks inside libfyaml are suppressed
# (fuzz/lsan.supp).  Exit status: libFuzzer's (0: no crash).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${BUILD_DIR:-$repo/build-fuzz}

if [ $# -lt 1 ]; then
	sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
fi
target=$1
seconds=${2:-60}
shift $(( $# < 2 ? $# : 2 ))

bin=$build/fuzz/fuzz_$target
if [ ! -x "$bin" ]; then
	echo "run.sh: no $bin; build it first:" >&2
	echo "  CC=clang cmake -S $repo -B $build -DJG_FUZZ=ON && cmake --build $build" >&2
	exit 2
fi

corpus=$here/corpus/$target
work=$build/fuzz-work/$target
mkdir -p "$corpus" "$work/new" "$work/artifacts"

opts=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1
      -print_final_stats=1 -artifact_prefix="$work/artifacts/")
[ -f "$here/dict/$target.dict" ] && opts+=(-dict="$here/dict/$target.dict")

# Known leak inside libfyaml 0.7.12, see lsan.supp.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

status=0
# The first directory receives new inputs; the committed corpus is only read.
nice -n 10 "$bin" "${opts[@]}" "$@" "$work/new" "$corpus" 2>&1 | tee "$work/last.log" || status=${PIPESTATUS[0]}

if [ "${MERGE:-1}" = 1 ] && [ -n "$(ls -A "$work/new")" ]; then
	before=$(ls "$corpus" | wc -l)
	nice -n 10 "$bin" -merge=1 -timeout=10 -rss_limit_mb=2048 "$corpus" "$work/new" \
		>"$work/merge.log" 2>&1 || echo "run.sh: merge failed, see $work/merge.log" >&2
	echo "run.sh: corpus/$target: $before -> $(ls "$corpus" | wc -l) files"
fi
if [ "$status" != 0 ]; then
	echo "run.sh: libFuzzer exited with $status; crash inputs:" >&2
	ls -l "$work/artifacts" >&2
fi
exit "$status"
