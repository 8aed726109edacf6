#!/usr/bin/env bash
# bench/serve.sh - `judge serve` under load, with wrk: requests/s, p50 and
# p99 latency and errors of
#   (a) POST /v1/submissions?wait=true of a trivial program (Python
#       `print(1)`, then C `puts("1")`, one test expecting "1\n"): a job
#       judged end to end (store, worker, container) per request, with as
#       many connections as workers (-j), so that the queue stays short and
#       the latency is the judging's (bench/serve_post.lua);
#   (b) GET /v1/submissions/{id} of a finished job (one store read);
#   (c) GET /v1/health (two store counts);
# (b) and (c) with 32 connections, on an otherwise idle server.
# Errors are non-2xx answers (counted by bench/serve_count.lua's response()
# hook), socket errors (connect, read, write, timeout) and, for (a), 2xx
# answers that are not a finished AC job.  Prints figures; exits 1 if any
# request erred.  Installs wrk (apt) when missing.
#
# Usage: bench/serve.sh [BUILD_DIR]       (needs the runtime image)
# Environment: BENCH_JOBS (server -j, 2), BENCH_POST_DURATION (20 s),
#   BENCH_POST_CONNECTIONS (= BENCH_JOBS), BENCH_GET_DURATION (10 s),
#   BENCH_GET_CONNECTIONS (32), BENCH_THREADS (wrk threads, 2).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
jobs=${BENCH_JOBS:-2}
post_d=${BENCH_POST_DURATION:-20}
post_c=${BENCH_POST_CONNECTIONS:-$jobs}
get_d=${BENCH_GET_DURATION:-10}
get_c=${BENCH_GET_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}

# shellcheck source=tests/lib/serve.sh
. "$root/tests/lib/serve.sh"

# wrk, from Debian, when missing (as ci/setup.sh installs packages).
if ! command -v wrk >/dev/null 2>&1; then
	if ((EUID != 0)); then
		echo "bench/serve.sh: wrk is missing and we are not root to install it (apt-get install wrk)" >&2
		exit 2
	fi
	echo "bench/serve.sh: installing wrk (apt-get)"
	aptlog=$(mktemp)
	if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk ||
		{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk; }; } \
		</dev/null >"$aptlog" 2>&1; then
		tail -n 20 "$aptlog" >&2
		rm -f "$aptlog"
		echo "bench/serve.sh: apt-get could not install wrk" >&2
		exit 2
	fi
	rm -f "$aptlog"
fi

serve_init "$build/judge"
errors=0

# wrk_run NAME CONNECTIONS DURATION TIMEOUT URL [LUA] : runs wrk, prints one
# table row, adds the run's errors to $errors.
wrk_run() {
	local name=$1 c=$2 d=$3 timeout=$4 u=$5 lua=${6:-$root/bench/serve_count.lua}
	local t=$((threads < c ? threads : c)) out=$JS_TMP/wrk.out
	# On an idle server: the jobs of the previous run's last requests
	# (in flight when wrk stopped) are judged still.
	serve_drain 120 || echo "bench/serve.sh: the server still has jobs after 120 s"
	wrk -t "$t" -c "$c" -d "${d}s" --timeout "${timeout}s" -s "$lua" "$u" >"$out" 2>"$JS_TMP/wrk.err"
	local line
	line=$(grep '^RESULT ' "$out")
	if [ -z "$line" ]; then
		printf '%-34s  wrk failed:\n' "$name"
		cat "$out" "$JS_TMP/wrk.err"
		errors=$((errors + 1))
		return
	fi
	read -r _ n secs rps p50 p99 max non sock bad <<<"$line"
	local e=$((non + sock + bad))
	printf '%-34s %4d %5ss %9.1f %9.2f %9.2f %9.2f %8d %6d' "$name" "$c" "$d" "$rps" "$p50" "$p99" "$max" "$n" "$e"
	[ "$e" -gt 0 ] && printf '  (non-2xx %d, socket %d, not AC %d)' "$non" "$sock" "$bad"
	printf '\n'
	[ -s "$JS_TMP/wrk.err" ] && sed 's/^/    /' "$JS_TMP/wrk.err"
	errors=$((errors + e))
}

serve_start bench --data "$JS_TMP/data" -j "$jobs" || exit 1
srv=$pid

printf '%s\n' '{"language": "python", "code": "print(1)\n", "tests": [{"input": "", "expected_output": "1\n"}]}' \
	>"$JS_TMP/py.json"
printf '%s\n' '{"language": "c", "code": "#include <stdio.h>\nint main(void) { puts(\"1\"); return 0; }\n", "tests": [{"input": "", "expected_output": "1\n"}]}' \
	>"$JS_TMP/c.json"

# A warm-up of each (and the id of a finished job for (b)).
for l in py c; do
	req POST "/v1/submissions?wait=true" "@$JS_TMP/$l.json"
	if [ "$status" != 200 ] || [ "$(jget result.submissions.0.verdict)" != AC ]; then
		echo "bench/serve.sh: the $l warm-up was not AC: $status $body" >&2
		exit 1
	fi
done
done_id=$(jget id)

echo "bench/serve.sh: judge serve -j $jobs on $(nproc) CPUs, $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $threads threads"
printf '%-34s %4s %6s %9s %9s %9s %9s %8s %6s\n' route conn time "req/s" "p50 ms" "p99 ms" "max ms" requests errors
for l in py c; do
	BENCH_BODY_FILE=$JS_TMP/$l.json wrk_run "POST /v1/submissions?wait=true $l" "$post_c" "$post_d" 90 \
		"$url/v1/submissions?wait=true" "$root/bench/serve_post.lua"
done
wrk_run "GET /v1/submissions/{id}" "$get_c" "$get_d" 10 "$url/v1/submissions/$done_id"
wrk_run "GET /v1/health" "$get_c" "$get_d" 10 "$url/v1/health"

serve_stop "$srv" || echo "bench/serve.sh: the server did not stop on SIGTERM within 30 s"
if grep -v 'serving on\|stopping' "$log" | grep -q .; then
	echo "server log:"
	sed 's/^/    /' "$log" | tail -n 20
fi
left=$(serve_leftovers 10 "$srv")
[ "$left" = 0 ] || echo "bench/serve.sh: $left container(s) of the server left behind"
if [ "$errors" -gt 0 ]; then
	echo "bench/serve.sh: $errors request(s) failed"
	exit 1
fi
