#!/usr/bin/env bash
# tests/integration/serve_api.sh - judge serve's v1 API beyond the basics of
# serve.sh, over real HTTP with real containers: execute mode, uploaded
# problems, JUnit, callbacks (a local receiver that fails on purpose), CORS,
# the OpenAPI document and the page.
# Usage: bash tests/integration/serve_api.sh path/to/judge
set -u
cd "$(dirname -- "$0")/../.." || exit 2
. tests/lib/serve.sh
serve_init "${1:-}"

# wait_cb ID STATE : polls the job until its callback state is STATE (30 s).
wait_cb() {
	for _ in $(seq 150); do
		req GET "/v1/submissions/$1"
		[ "$(jget callback.state)" = "$2" ] && return 0
		sleep 0.2
	done
	return 1
}

serve_start main --data "$JS_TMP/data" -j 2 --cors "http://allowed.example" \
	--callback-tries 3 --callback-backoff 200 || { serve_summary; exit 1; }

# ---- execute mode: tests without expected_output only run the program ----
PY='import sys\nd = sys.stdin.read()\nsys.stdout.write(d + chr(10))\nsys.stderr.write(d)\nsys.exit(int(d))'
req POST "/v1/submissions?wait=true" "{\"language\": \"python\", \"code\": \"$PY\", \"tests\": [{\"input\": \"0\"}, {\"input\": \"7\"}]}"
check "execute mode: a clean exit is AC, exit 7 is RTE" \
	'[ "$status" = 200 ] && [ "$(json "[t[\"verdict\"] for t in r[\"result\"][\"submissions\"][0][\"tests\"]]")" = "['"'AC', 'RTE'"']" ]'
check "execute mode: stdout, stderr and the exit code of every test" \
	'[ "$(json "[(t[\"stdout\"], t[\"stderr\"], t[\"exit_code\"]) for t in r[\"result\"][\"submissions\"][0][\"tests\"]] == [(\"0\" + chr(10), \"0\", 0), (\"7\" + chr(10), \"7\", 7)]")" = True ]'
req POST "/v1/submissions" '{"language": "python", "code": "x", "tests": [{"input": "1"}, {"input": "2", "expected_output": "2"}]}'
check "tests mixing execute and checked runs: 400 naming the field" \
	'[ "$status" = 400 ] && [[ "$(jget error)" == tests:* ]]'

# ---- uploaded problems ----
tar czf "$JS_TMP/hello.tgz" -C problems hello
req POST /v1/problems "" --data-binary "@$JS_TMP/hello.tgz" -H "Content-Type: application/octet-stream"
PID=$(jget id)
check "POST /v1/problems: 201 with an id, the name and the test count" \
	'[ "$status" = 201 ] && [ ${#PID} = 16 ] && [ "$(jget name)" = "A plus B" ] && [ "$(jget tests)" -ge 2 ]'
req GET "/v1/problems/$PID"
check "GET /v1/problems/{id}" '[ "$status" = 200 ] && [ "$(jget id)" = "$PID" ]'
req GET /v1/problems
check "GET /v1/problems lists it" '[ "$status" = 200 ] && [ "$(json "[p[\"id\"] for p in r]")" = "['"'$PID'"']" ]'
ACC=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' problems/hello/submissions/accepted/*.py 2>/dev/null | head -1)
[ -n "$ACC" ] || ACC='"a, b = map(int, input().split())\nprint(a + b)\n"'
req POST "/v1/submissions?wait=true" "{\"language\": \"python\", \"code\": $ACC, \"problem\": \"$PID\"}"
SID=$(jget id)
check "a submission against the uploaded problem is AC on all its tests" \
	'[ "$status" = 200 ] && [ "$(jget result.submissions.0.verdict)" = AC ] && [ "$(jget result.problem.name)" = "A plus B" ]'
req POST "/v1/submissions?wait=true" "{\"language\": \"python\", \"code\": \"print(0)\", \"problem\": \"$PID\"}"
check "a wrong one is WA" '[ "$(jget result.submissions.0.verdict)" = WA ]'

# ---- JUnit ----
req GET "/v1/submissions/$SID/junit"
printf '%s' "$body" >"$JS_TMP/junit.xml"
check "GET /v1/submissions/{id}/junit: XML valid against junit-10.xsd" \
	'[ "$status" = 200 ] && xmllint --noout --schema ../shared/schemas/junit-10.xsd "$JS_TMP/junit.xml" 2>/dev/null'
check "the JUnit report has the problem's tests" \
	'[ "$(grep -c "<testcase" "$JS_TMP/junit.xml")" -ge 2 ] && ! grep -q "<failure" "$JS_TMP/junit.xml"'
req GET "/v1/submissions/0123456789abcdef0123456789abcdef/junit"
check "JUnit of an unknown submission: 404" '[ "$status" = 404 ]'
req POST /v1/submissions '{"language": "python", "code": "import time\ntime.sleep(3)", "tests": [{"input": ""}], "time_limit": 5}'
SLOW=$(jget id)
req GET "/v1/submissions/$SLOW/junit"
check "JUnit of an unfinished submission: 409" '[ "$status" = 409 ]'

# ---- bad uploads ----
req POST /v1/problems "this is not an archive"
check "a body that is no archive: 400 'upload: not an archive'" \
	'[ "$status" = 400 ] && [[ "$(jget error)" == "upload: not an archive"* ]]'
mkdir -p "$JS_TMP/empty/x" && echo hi >"$JS_TMP/empty/x/readme.txt"
tar czf "$JS_TMP/empty.tgz" -C "$JS_TMP/empty" x
req POST /v1/problems "" --data-binary "@$JS_TMP/empty.tgz"
check "an archive with no tests: 400 naming the problem" \
	'[ "$status" = 400 ] && [[ "$(jget error)" == *"no test cases"* ]]'
head -c $((65 << 20)) /dev/zero >"$JS_TMP/big"
req POST /v1/problems "" --data-binary "@$JS_TMP/big"
check "an upload over 64 MiB: 413" '[ "$status" = 413 ]'
req POST "/v1/submissions" '{"language": "python", "code": "x", "problem": "ffffffffffffffff"}'
check "a submission for an unknown problem: 400" '[ "$status" = 400 ] && [[ "$(jget error)" == problem:* ]]'
req DELETE "/v1/problems/$PID"
check "DELETE /v1/problems/{id}: 204" '[ "$status" = 204 ]'
req GET "/v1/problems/$PID"
check "then it is gone: 404" '[ "$status" = 404 ]'
req DELETE "/v1/problems/$PID"
check "a second DELETE: 404" '[ "$status" = 404 ]'

# ---- callbacks ----
serve_receiver cb1 2
req POST /v1/submissions "{\"language\": \"python\", \"code\": \"print(42)\", \"tests\": [{\"input\": \"\", \"expected_output\": \"42\\n\"}], \"callback_url\": \"$recv/hook\"}"
CB=$(jget id)
wait_cb "$CB" delivered
check "a callback refused twice (HTTP 500) is delivered on the third try" \
	'[ "$(jget callback.state)" = delivered ] && [ "$(jget callback.attempts)" = 3 ]'
check "the receiver got the finished job as JSON, three times" \
	'[ -f "$JS_TMP/cb1/003.json" ] && [ "$(json "(r[\"id\"], r[\"status\"], r[\"result\"][\"submissions\"][0][\"verdict\"])" "$JS_TMP/cb1/003.json")" = "('"'$CB', 'done', 'AC'"')" ] && grep -q "^/hook 200 application/json" "$JS_TMP/cb1/003.meta"'
req POST /v1/submissions '{"language": "python", "code": "print(1)", "tests": [{"input": ""}], "callback_url": "http://127.0.0.1:9/nobody"}'
DEAD=$(jget id)
wait_cb "$DEAD" failed
check "a callback nobody answers fails after 3 tries, the error recorded" \
	'[ "$(jget callback.state)" = failed ] && [ "$(jget callback.attempts)" = 3 ] && [ -n "$(jget callback.last_error)" ]'
check "and the result stays retrievable" '[ "$(jget status)" = done ] && [ "$(jget result.submissions.0.verdict)" = AC ]'

# ---- CORS ----
H=$(curl -s -D - -o /dev/null -X OPTIONS "$url/v1/submissions" -H "Origin: http://allowed.example" \
	-H "Access-Control-Request-Method: POST")
check "preflight from an allowed origin: 204 with the allowed methods and headers" \
	'[[ "$H" == *" 204"* ]] && [[ "$H" == *"Access-Control-Allow-Origin: http://allowed.example"* ]] && [[ "$H" == *"Access-Control-Allow-Headers: Authorization, Content-Type"* ]]'
H=$(curl -s -D - -o /dev/null -X OPTIONS "$url/v1/submissions" -H "Origin: http://evil.example")
check "preflight from another origin: 403, no allow header" \
	'[[ "$H" == *" 403"* ]] && [[ "$H" != *"Access-Control-Allow-Origin"* ]]'
H=$(curl -s -D - -o /dev/null "$url/v1/languages" -H "Origin: http://allowed.example")
check "a GET from an allowed origin carries Access-Control-Allow-Origin" \
	'[[ "$H" == *"Access-Control-Allow-Origin: http://allowed.example"* ]]'
H=$(curl -s -D - -o /dev/null "$url/v1/languages" -H "Origin: http://evil.example")
check "a GET from another origin does not" '[[ "$H" != *"Access-Control-Allow"* ]]'

# ---- the OpenAPI document and the page ----
req GET /v1/openapi.json
check "/v1/openapi.json: an OpenAPI 3 document naming the v1 routes" \
	'[ "$status" = 200 ] && [[ "$(jget openapi)" == 3.* ]] && [ "$(json "all(p in r[\"paths\"] for p in [\"/v1/submissions\", \"/v1/problems\", \"/v1/submissions/{id}/junit\"])")" = True ]'
req GET /
check "/ is the web page" '[ "$status" = 200 ] && [[ "$body" == *"<html"* ]]'
req GET /nothing-here
check "an unknown file: 404" '[ "$status" = 404 ]'
serve_stop "$pid"
check "SIGTERM: exit 0" '[ "$serve_rc" = 0 ]'

# ---- the token leaves the health check, the document and the page open ----
serve_start token --data "$JS_TMP/data2" --token s3cret || { serve_summary; exit 1; }
req GET /v1/openapi.json
check "with --token: /v1/openapi.json stays open" '[ "$status" = 200 ]'
req GET /
check "with --token: the page stays open" '[ "$status" = 200 ]'
req GET /v1/problems
check "with --token: /v1/problems needs it (401)" '[ "$status" = 401 ]'
req GET /api/v2/runtimes
check "with --token: compatibility routes need it too (401)" '[ "$status" = 401 ]'
req GET /v1/problems "" -H "Authorization: Bearer s3cret"
check "with the token: 200" '[ "$status" = 200 ]'
serve_stop "$pid"

check "no container left" '[ "$(serve_leftovers 10)" = 0 ]'
serve_summary
