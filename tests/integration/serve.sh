#!/bin/bash
# Integration test of `judge serve` over real HTTP with real containers:
# the v1 routes so far (health, languages, submissions: wait and poll,
# stdin/stdout and function-call tests), bad input (status and JSON error),
# the bearer token, a full queue (503 + Retry-After), SIGTERM, and kill -9
# while jobs are queued and running: after a restart every job finishes.
#
#   bash tests/integration/serve.sh PATH_TO_JUDGE
#
# Prints "ok ..." / "FAIL ..." lines, then "N passed, N failed"; exits 1 if
# anything failed.  Needs Docker, the runtime image and curl.
set -u
cd "$(dirname -- "$0")/../.." || exit 2
. tests/lib/serve.sh
serve_init "${1:-}"
tmp=$JS_TMP
start() { serve_start "$@"; }

PY_SUM='{"language": "python", "code": "a, b = map(int, input().split())\nprint(a + b)\n", "tests": [{"input": "1 2\n", "expected_output": "3\n"}, {"input": "5 5\n", "expected_output": "10\n"}]}'
PY_SLOW='{"language": "python", "code": "import time\ntime.sleep(0.5)\nprint(3)\n", "tests": [{"input": "", "expected_output": "3\n"}], "time_limit": 2}'

start main --data "$tmp/data" -j 2
req GET /v1/health
check "health: 200 with the queue" '[ "$status" = 200 ] && [ "$(jq_ "r[\"status\"]")" = ok ] && [ "$(jq_ "r[\"workers\"]")" = 2 ]'
req GET /v1/languages
check "languages: the six, each with a function-call harness" '[ "$status" = 200 ] && [ "$(jq_ "\",\".join(sorted(l[\"name\"] for l in r if l[\"function\"]))")" = c,cpp,go,java,javascript,python ]'

req POST "/v1/submissions?wait=true" "$PY_SUM"
check "POST ?wait=true answers with the finished result (AC)" '[ "$status" = 200 ] && [ "$(jq_ "r[\"status\"] + \" \" + r[\"result\"][\"submissions\"][0][\"verdict\"]")" = "done AC" ]'

req POST "/v1/submissions?wait=true" '{"language": "c", "code_base64": "bG9uZyBsb25nIGFkZChsb25nIGxvbmcgYSwgbG9uZyBsb25nIGIpIHsgcmV0dXJuIGEgLSBiOyB9Cg==", "function": {"name": "add", "signature": "int add(int a, int b)"}, "tests": [{"input": [1, 2], "expected_output": 3}]}'
check "a function-call submission (C, base64) gets WA with input, expected and got" '[ "$(jq_ "r[\"result\"][\"submissions\"][0][\"tests\"][0][\"message\"]")" = "input [1,2]: expected 3, got -1" ]'

req POST /v1/submissions "$PY_SUM"
id=$(jq_ 'r["id"]')
check "POST without wait: 202 and an id" '[ "$status" = 202 ] && [ ${#id} = 32 ]'
for _ in $(seq 150); do
	req GET "/v1/submissions/$id"
	[ "$(jq_ 'r["status"]')" = done ] && break
	sleep 0.2
done
check "GET /v1/submissions/ID: done, the report of judge run --json" '[ "$status" = 200 ] && [ "$(jq_ "r[\"result\"][\"submissions\"][0][\"verdict\"]")" = AC ]'

# ---- bad input: a status and a JSON error each ----
req POST /v1/submissions '{"language": "py", "code": "x"'
check "malformed JSON: 400" '[ "$status" = 400 ] && [[ $body == *"not JSON"* ]]'
req POST /v1/submissions '{"language": "cobol", "code": "x", "tests": [{"input": "", "expected_output": ""}]}'
check "unknown language: 400" '[ "$status" = 400 ] && [[ $body == *"unknown language"* ]]'
req POST /v1/submissions '{"language": "c", "code_base64": "%%%", "tests": [{"input": "", "expected_output": ""}]}'
check "bad base64: 400" '[ "$status" = 400 ] && [[ $body == *"code_base64: not base64"* ]]'
req POST /v1/submissions '{"language": "c", "code": "x"}'
check "missing tests: 400" '[ "$status" = 400 ] && [[ $body == *"tests:"* ]]'
head -c 5000000 /dev/zero | tr '\0' 'a' >"$tmp/big"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "$url/v1/submissions" --data-binary @"$tmp/big")
check "a body over 4 MiB: 413" '[ "$status" = 413 ]'
req GET /v1/nothing
check "unknown route: 404" '[ "$status" = 404 ] && [[ $(cat "$tmp/body") == *"error"* ]]'
req DELETE /v1/health
check "wrong method: 405" '[ "$status" = 405 ]'
req GET /v1/submissions/0123456789abcdef0123456789abcdef
check "unknown submission: 404" '[ "$status" = 404 ]'

serve_stop "$pid"
check "SIGTERM stops the server (exit 0)" '[ "$serve_rc" = 0 ] && ! serve_alive "$pid" && grep -q "stopping" "$tmp/main.log"'

# ---- the token ----
"$JUDGE" serve --bind 0.0.0.0 --port 0 --data "$tmp/x" >"$tmp/notoken.log" 2>&1 </dev/null
check "binding 0.0.0.0 without a token: exit 2" '[ $? -eq 2 ] && grep -q "needs a token" "$tmp/notoken.log"'
start tok --data "$tmp/tok" --token s3cret
req GET /v1/languages
check "without the token: 401" '[ "$status" = 401 ]'
req GET /v1/languages "" -H "Authorization: Bearer s3cret"
check "with the token: 200" '[ "$status" = 200 ]'
req GET /v1/health
check "health needs no token" '[ "$status" = 200 ]'
serve_stop "$pid"

# ---- a full queue ----
start full --data "$tmp/full" -j 1 --max-queue 1
codes=""
for _ in 1 2 3 4; do
	codes+=$(curl -s -o /dev/null -D "$tmp/h" -w '%{http_code} ' -X POST "$url/v1/submissions" --data-binary "$PY_SLOW")
done
check "a full queue: 503 with Retry-After" '[[ $codes == *503* ]] && grep -qi "^Retry-After: 5" "$tmp/h"'
serve_stop "$pid"

# ---- kill -9 while jobs are queued and running: nothing accepted is lost ----
start crash --data "$tmp/crash" -j 1
ids=()
for _ in 1 2 3 4; do
	req POST /v1/submissions "$PY_SLOW"
	ids+=("$(jq_ 'r["id"]')")
done
sleep 1
serve_kill9 "$pid"
start crash2 --data "$tmp/crash" -j 2
done_n=0
for id in "${ids[@]}"; do
	for _ in $(seq 150); do
		req GET "/v1/submissions/$id"
		[ "$(jq_ 'r["status"]')" = done ] && { done_n=$((done_n + 1)); break; }
		sleep 0.2
	done
done
check "after kill -9 and a restart, all 4 accepted jobs finish" '[ "$done_n" = 4 ]'
serve_stop "$pid"
check "no container of these servers left behind" '[ "$(serve_leftovers 10)" = 0 ]'
serve_summary
