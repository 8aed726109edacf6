# tests/lib/serve.sh - helpers for scripts that drive `judge serve` over real
# HTTP (integration tests, benchmarks).  Source it from bash:
#
#   . "$(dirname -- "$0")/../lib/serve.sh"
#   serve_init "$1"                  # JUDGE, the tmp dir, the EXIT trap
#   serve_start main --data "$JS_TMP/data" -j 2   # sets $pid $url $log
#   req POST "/v1/submissions?wait=true" "$BODY"    # sets $status $body
#   check "AC" '[ "$(json "r[\"status\"]")" = done ]'
#   serve_stop "$pid"
#   serve_summary                    # "N passed, N failed"; false if any failed
#
# Callbacks go to a local receiver (tests/lib/receiver.py):
#
#   serve_receiver cb 2              # fails 2 requests, then 200; sets $recv
#   req POST /v1/submissions "{..., \"callback_url\": \"$recv/hook\"}"
#   serve_receiver_wait cb 3 && json 'r["id"]' "$JS_TMP/cb/003.json"
#
# Kept outside tests/integration/ on purpose: CMake turns every
# tests/integration/*.sh into a test.  Needs bash, curl, and python3 or jq
# for JSON (python3 for the receiver); Docker's CLI only for the
# leftover-container helpers.
# shellcheck shell=bash
# shellcheck disable=SC2016,SC2034   # single-quoted programs; globals for callers

# ---- counters ----
passed=0
failed=0
ok()    { echo "ok $*"; passed=$((passed + 1)); }
fail()  { echo "FAIL $*"; failed=$((failed + 1)); }
# check NAME SHELL_CONDITION : ok when the condition (eval'd) holds.
check() { if eval "$2"; then ok "$1"; else fail "$1: $2"; fi; }
serve_summary() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# ---- setup and cleanup ----
JUDGE=""          # the judge binary (absolute)
JS_TMP=""         # this script's temp dir, removed at exit
JS_PIDS=()        # every server started, killed at exit
JS_RECV_PIDS=()   # every callback receiver started, killed at exit
JS_LIB=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)   # tests/lib (absolute)

# serve_init JUDGE_PATH : checks the binary, makes $JS_TMP, installs the
# trap.  Scripts with their own cleanup define serve_on_cleanup (called
# first).  SIGINT/SIGTERM end the script through the same cleanup.
serve_init() {
	if [ $# -lt 1 ] || [ -z "$1" ]; then
		echo "usage: bash $0 PATH_TO_JUDGE" >&2
		exit 2
	fi
	JUDGE=$(realpath -m -- "$1")
	if [ ! -x "$JUDGE" ]; then
		echo "$0: $JUDGE: not an executable" >&2
		exit 2
	fi
	command -v curl >/dev/null 2>&1 || { echo "$0: needs curl" >&2; exit 2; }
	JS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/judge-serve.XXXXXX") || exit 1
	trap serve_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

serve_cleanup() {
	local p
	if declare -F serve_on_cleanup >/dev/null; then serve_on_cleanup; fi
	for p in "${JS_PIDS[@]}"; do
		# (stderr off: bash would report the job "Killed")
		{ serve_is_judge "$p" && kill -9 "$p" && serve_wait_gone "$p" 5; } 2>/dev/null
	done
	# Containers of our servers that a kill -9 left.
	if command -v docker >/dev/null 2>&1; then
		for p in "${JS_PIDS[@]}"; do
			serve_containers "$p" | xargs -r docker rm -f >/dev/null 2>&1
		done
	fi
	for p in "${JS_RECV_PIDS[@]}"; do
		# (only while it still is our receiver.py, not a reused pid)
		grep -qa receiver.py "/proc/$p/cmdline" 2>/dev/null &&
			{ kill "$p" && serve_wait_gone "$p" 5; } 2>/dev/null
	done
	[ -n "$JS_TMP" ] && rm -rf -- "$JS_TMP"
	return 0
}

# ---- JSON ----
if [ -x /usr/bin/python3 ]; then
	JS_PY=/usr/bin/python3      # not a pyenv shim: ~10x faster to start
else
	JS_PY=$(command -v python3 || true)
fi
JS_JQ=$(command -v jq || true)
if [ -z "$JS_PY" ] && [ -z "$JS_JQ" ]; then
	echo "tests/lib/serve.sh: needs python3 or jq" >&2
	exit 2
fi

# json EXPR [FILE] : the Python expression EXPR on the JSON document r
# (default: the last response's body); empty output when it fails.  Strings
# print bare, other values as JSON-ish Python (True, None...).  Python only.
json() {
	[ -n "$JS_PY" ] || { echo "json: needs python3 (use jget)" >&2; return 2; }
	"$JS_PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
		"${2:-$JS_TMP/body}" "$1" 2>/dev/null
}
jq_() { json "$@"; }    # tests/integration/serve.sh's name

# jget PATH [FILE] : one field by a dotted path ("result.submissions.0.verdict");
# strings bare, other values as compact JSON (true, 1.5, null, [1,2]);
# empty when the path is not there.  python3, else jq.
jget() {
	local file=${2:-$JS_TMP/body}
	if [ -n "$JS_PY" ]; then
		"$JS_PY" - "$file" "$1" 2>/dev/null <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
for k in [k for k in sys.argv[2].split(".") if k]:
    v = v[int(k)] if isinstance(v, list) else v[k]
print(v if isinstance(v, str) else json.dumps(v, separators=(",", ":")))
PY
	else
		"$JS_JQ" -r --arg p "$1" '
			($p | split(".") | map(select(. != "") | (tonumber? // .))) as $k
			| if any(paths; . == $k) or ($k == []) then getpath($k) | if type == "string" then . else tojson end
			  else empty end' "$file" 2>/dev/null
	fi
}

# ---- servers ----
pid=""; url=""; log=""

# serve_start NAME ARGS... : starts `judge serve --port 0 ARGS...` in its own
# session (setsid), its output in $JS_TMP/NAME.log and never on ours, stdin
# from /dev/null; waits for the port line then for /v1/health.  Sets $pid
# (the judge process itself, also when setsid had to fork), $url, $log.
# Returns 1 (and counts a failure) when it does not come up within
# SERVE_START_TIMEOUT seconds (default 20).
serve_start() {
	local name=$1 i pidfile
	shift
	log=$JS_TMP/$name.log
	pidfile=$JS_TMP/$name.pid
	rm -f -- "$pidfile"
	url=""
	pid=""
	# sh writes its own pid, then execs the judge: that pid is the server's
	# whether or not setsid forked (it forks when we are a group leader).
	setsid sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$JUDGE" serve --port 0 "$@" \
		>"$log" 2>&1 </dev/null &
	local t=$(( ${SERVE_START_TIMEOUT:-20} * 10 ))
	for ((i = 0; i < t; i++)); do
		[ -z "$pid" ] && [ -s "$pidfile" ] && pid=$(cat "$pidfile") && JS_PIDS+=("$pid")
		url=$(grep -o 'serving on http://127\.0\.0\.1:[0-9]*' "$log" 2>/dev/null | head -1)
		url=${url#serving on }
		if [ -n "$url" ] && [ -n "$pid" ]; then
			for ((; i < t; i++)); do
				[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/v1/health")" = 200 ] && return 0
				sleep 0.1
			done
			break
		fi
		if [ -n "$pid" ] && ! serve_alive "$pid"; then
			break
		fi
		sleep 0.1
	done
	fail "$name: the server did not start: $(cat "$log" 2>/dev/null)"
	url=http://127.0.0.1:1
	return 1
}

# serve_alive PID : true while the process runs (a zombie is not running).
serve_alive() {
	local st
	st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$st" ] && [ "$st" != Z ]
}

# serve_wait_gone PID [SECONDS=10] : waits until PID has exited (reaps it
# when it is our child); false if it is still running after SECONDS.
serve_wait_gone() {
	local p=$1 i t=$(( ${2:-10} * 10 ))
	for ((i = 0; i < t; i++)); do
		if ! serve_alive "$p"; then
			wait "$p" 2>/dev/null
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# serve_is_judge PID : true when PID is a running judge binary ($JUDGE).
serve_is_judge() {
	[ "$(readlink "/proc/$1/exe" 2>/dev/null)" = "$(readlink -f -- "$JUDGE")" ]
}

# serve_stop [PID=$pid] [SECONDS=30] : SIGTERM, then waits; false when it
# did not stop in time (then it gets SIGKILL).  $serve_rc: its exit status
# when it was our child (else empty).
serve_stop() {
	local p=${1:-$pid} i t=$(( ${2:-30} * 10 ))
	serve_rc=""
	kill -TERM "$p" 2>/dev/null || return 0
	for ((i = 0; i < t; i++)); do
		if ! serve_alive "$p"; then
			wait "$p" 2>/dev/null
			serve_rc=$?
			return 0
		fi
		sleep 0.1
	done
	{ kill -9 "$p" && serve_wait_gone "$p" 5; } 2>/dev/null
	return 1
}

# serve_kill9 [PID=$pid] : SIGKILL to the judge process itself (checked to
# be the judge binary, not a wrapper) and waits until it is gone.
serve_kill9() {
	local p=${1:-$pid}
	serve_is_judge "$p" || { echo "serve_kill9: $p is not a running $JUDGE" >&2; return 1; }
	{ kill -9 "$p" && serve_wait_gone "$p" 10; } 2>/dev/null
}

# serve_port [URL=$url] : the port of a server's URL.
serve_port() { local u=${1:-$url}; echo "${u##*:}"; }

# ---- requests ----
# req METHOD PATH [BODY] [CURL ARGS...] : sets $status (000 when no answer)
# and $body; the body is also in $JS_TMP/body (for json/jget).
status=""; body=""
req() {
	local method=$1 path=$2 data=${3-}
	shift 3 2>/dev/null || shift $#
	status=$(curl -s -o "$JS_TMP/body" -w '%{http_code}' --max-time "${REQ_TIMEOUT:-120}" \
		-X "$method" "$url$path" ${data:+--data-binary "$data"} "$@")
	body=$(cat "$JS_TMP/body" 2>/dev/null)
}

# serve_drain [SECONDS=120] : waits until /v1/health says nothing is queued
# or running (polling every 0.25 s); false after SECONDS.
serve_drain() {
	local i t=$(( ${1:-120} * 4 ))
	for ((i = 0; i <= t; i++)); do
		req GET /v1/health
		[ "$status" = 200 ] && [ "$(jget queued)" = 0 ] && [ "$(jget running)" = 0 ] && return 0
		sleep 0.25
	done
	return 1
}

# ---- callback receiver ----
recv=""

# serve_receiver NAME [FAIL_FIRST=0] : starts tests/lib/receiver.py in its own
# session (setsid), stdin from /dev/null, keeping its files in $JS_TMP/NAME/
# (its output in receiver.log there).  It answers every POST, to any path:
# 500 to the first FAIL_FIRST, then 200; request N (from 1) is kept as
# NNN.json (the body) and NNN.meta ("PATH STATUS CONTENT-TYPE"), e.g.
# $JS_TMP/NAME/001.json.  Waits for its port and sets $recv (the URL base,
# http://127.0.0.1:PORT, no path).  Returns 1 (and counts a failure) when it
# does not come up within 10 seconds.  Killed at exit.
serve_receiver() {
	local name=$1 dir=$JS_TMP/$1 i p=""
	recv=""
	[ -n "$JS_PY" ] || { fail "$name: the callback receiver needs python3"; recv=http://127.0.0.1:1; return 1; }
	mkdir -p -- "$dir"
	# The same pid trick as serve_start: sh's pid is the receiver's.
	setsid sh -c 'echo $$ >"$0"; exec "$@"' "$dir/receiver.pid" "$JS_PY" "$JS_LIB/receiver.py" \
		"$dir" "${2:-0}" >"$dir/receiver.log" 2>&1 </dev/null &
	for ((i = 0; i < 100; i++)); do
		[ -z "$p" ] && [ -s "$dir/receiver.pid" ] && p=$(cat "$dir/receiver.pid") && JS_RECV_PIDS+=("$p")
		if [ -n "$p" ] && [ -s "$dir/port" ]; then
			recv=http://127.0.0.1:$(cat "$dir/port")
			return 0
		fi
		if [ -n "$p" ] && ! serve_alive "$p"; then
			break
		fi
		sleep 0.1
	done
	fail "$name: the callback receiver did not start: $(cat "$dir/receiver.log" 2>/dev/null)"
	recv=http://127.0.0.1:1
	return 1
}

# serve_receiver_wait NAME [N=1] [SECONDS=60] : waits until the receiver NAME
# has kept its Nth request, body and meta both written ($JS_TMP/NAME/NNN.json,
# NNN.meta), polling every 0.2 s; false after SECONDS.
serve_receiver_wait() {
	local meta i t=$(( ${3:-60} * 5 ))
	meta=$(printf '%s/%s/%03d.meta' "$JS_TMP" "$1" "${2:-1}")
	for ((i = 0; i < t; i++)); do
		[ -s "$meta" ] && return 0
		sleep 0.2
	done
	return 1
}

# ---- containers ----
# serve_containers PID : ids of containers (running or not) that the judge
# process PID on this host created (labels org.judge.pid, org.judge.host;
# see core/sandbox.c).
serve_containers() {
	docker ps -aq --filter "label=org.judge.sandbox" --filter "label=org.judge.pid=$1" \
		--filter "label=org.judge.host=${HOSTNAME:-$(cat /proc/sys/kernel/hostname)}" 2>/dev/null
}

# serve_leftovers [SECONDS=0] [PID...=every server started] : how many
# containers of these servers exist, polling up to SECONDS for them to go.
serve_leftovers() {
	local secs=${1:-0} n p i
	shift 2>/dev/null
	local ps=("$@")
	[ ${#ps[@]} -eq 0 ] && ps=("${JS_PIDS[@]}")
	for ((i = 0; ; i++)); do
		n=0
		for p in "${ps[@]}"; do
			n=$((n + $(serve_containers "$p" | wc -l)))
		done
		{ [ "$n" = 0 ] || [ "$i" -ge $((secs * 2)) ]; } && break
		sleep 0.5
	done
	echo "$n"
}

# now_s : seconds since the epoch, with a fraction.
now_s() { date +%s.%N; }
# elapsed T0 : seconds since now_s gave T0, 1 decimal.
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
