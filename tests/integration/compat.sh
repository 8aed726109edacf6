#!/usr/bin/env bash
# tests/integration/compat.sh - judge serve's compatibility routes over real
# HTTP with real containers: the request and response shapes of the five
# seed services (docs/compat.md) and Piston v2, the latter driven by the
# real `piston-client` package from npm.
# Usage: bash tests/integration/compat.sh path/to/judge
set -u
cd "$(dirname -- "$0")/../.." || exit 2
. tests/lib/serve.sh
serve_init "${1:-}"

# poll PATH PYTHON_EXPR : GETs PATH until the expression on its body is True (60 s).
poll() {
	for _ in $(seq 300); do
		req GET "$1"
		[ "$(json "$2")" = True ] && return 0
		sleep 0.2
	done
	return 1
}

serve_start main --data "$JS_TMP/data" -j 2 --callback-backoff 200 || { serve_summary; exit 1; }

# ---- 000: /api/run_code (base64 code, tests in/expected_out), /api/get_result ----
CODE=$(printf 'a, b = map(int, input().split())\nprint(a + b)\n' | base64 -w0)
req POST /api/run_code "{\"code\": \"$CODE\", \"attempt_id\": \"a-17\", \"tests\": [{\"in\": \"1 2\\n\", \"expected_out\": \"3\\n\"}, {\"in\": \"2 2\\n\", \"expected_out\": \"5\\n\"}]}"
T=$(jget queued_task_id)
check "000: POST /api/run_code -> {queued_task_id}" '[ "$status" = 200 ] && [ ${#T} = 32 ]'
poll "/api/get_result/$T" 'r["status"] != "pending"'
check "000: get_result: attempt_id echoed, status failure, per-test passed/failed" \
	'[ "$(json "(r[\"attempt_id\"], r[\"status\"], [x[\"result\"] for x in r[\"results\"]], r[\"error\"])")" = "('"'a-17', 'failure', ['passed', 'failed'], None"')" ]'
check "000: each result has the test, output, error, execution_time and memory_usage as strings" \
	'[ "$(json "r[\"results\"][1][\"test\"] == {\"in\": \"2 2\\n\", \"expected_out\": \"5\\n\"} and r[\"results\"][1][\"output\"] == \"4\\n\" and all(isinstance(x[k], str) for x in r[\"results\"] for k in (\"error\", \"execution_time\", \"memory_usage\"))")" = True ]'
req POST /api/run_code '{"code": "!!!", "tests": []}'
check "000: bad input: 400 with {error}" '[ "$status" = 400 ] && [ -n "$(jget error)" ]'

# ---- 001: /execute with function_name, test_cases, callback_url ----
serve_receiver cb
CB=$recv/callback
req POST /execute "{\"language\": \"js\", \"code\": \"function findMedianSortedArrays(a, b) { const m = a.concat(b).sort((x, y) => x - y); const n = m.length; return n % 2 ? m[(n - 1) / 2] : (m[n / 2 - 1] + m[n / 2]) / 2; }\", \"function_name\": \"findMedianSortedArrays\", \"imports\": [], \"test_cases\": [{\"input\": [[1, 3], [2]], \"expected_output\": \"2\"}, {\"input\": [[1, 2], [3, 4]], \"expected_output\": \"2.5\"}], \"callback_url\": \"$CB\"}"
E1=$(jget id)
check "001: POST /execute -> {message, id}" '[ "$status" = 200 ] && [ "$(jget message)" = "Code execution task accepted" ] && [ ${#E1} = 32 ]'
serve_receiver_wait cb 1
check "001: the callback payload: id, results (input, expected, actual, passed, time, memory), all_passed" \
	'[ "$(json "(r[\"id\"], r[\"all_passed\"], r[\"error\"], r[\"error_details\"], [(x[\"input\"], x[\"expected_output\"], x[\"actual_output\"], x[\"passed\"]) for x in r[\"results\"]], r[\"results\"][0][\"time\"].endswith(\" ms\"))" "$JS_TMP/cb/001.json")" = "('"'$E1', True, None, None, [([[1, 3], [2]], '2', '2', True), ([[1, 2], [3, 4]], '2.5', '2.5', True)], True"')" ]'
req POST /execute '{"language": "python", "code": "import math\ndef area(r):\n    return r * r", "function_name": "area", "imports": ["math"], "test_cases": [{"input": [2], "expected_output": "4"}, {"input": [3], "expected_output": "10"}]}'
poll "/execute/$(jget id)" 'r["status"] == "done"'
check "001: a wrong value: passed false, actual_output the returned value" \
	'[ "$(json "(r[\"all_passed\"], [(x[\"passed\"], x[\"actual_output\"]) for x in r[\"results\"]])")" = "(False, [(True, '"'4'), (False, '9'"')])" ]'
req POST /execute '{"language": "python", "code": "def broken_function(x):\n    return x +", "function_name": "broken_function", "imports": [], "test_cases": [{"input": [5], "expected_output": "5"}]}'
poll "/execute/$(jget id)" 'r["status"] == "done"'
check "001: a syntax error: error and error_details with the line, actual_output Execution Failed" \
	'[ "$(jget error)" != None ] && [[ "$(jget error_details)" == *"line 2"* ]] && [ "$(jget results.0.actual_output)" = "Execution Failed" ] && [ "$(jget all_passed)" = false ]'
req POST /execute '{"language": "python", "code": "x", "test_cases": []}'
check "001: bad input: 400 with FastAPI's {detail}" '[ "$status" = 400 ] && [ -n "$(jget detail)" ]'

# ---- 002: /languages, /submit, /result/{job_id} ----
req GET /languages
check "002: GET /languages: the language names" '[ "$status" = 200 ] && [ "$(json "\"python\" in r and \"cpp\" in r")" = True ]'
req POST /submit '{"language": "cpp", "code": "#include <iostream>\nint main() { int a, b; std::cin >> a >> b; std::cout << a * b << std::endl; }", "input": "6 7\n"}'
J=$(jget job_id)
check "002: POST /submit -> {job_id}" '[ "$status" = 200 ] && [ ${#J} = 32 ]'
poll "/result/$J" 'r["status"] == "completed"'
check "002: GET /result/{job_id}: the run's stdout, exit code and verdict" \
	'[ "$(json "(r[\"job_id\"], r[\"verdict\"], r[\"stdout\"], r[\"exit_code\"])")" = "('"'$J', 'AC', '42\\\\n', 0"')" ]'
req GET "/v1/submissions/$J"
check "a 002 job seen through v1: the v1 view with the report" \
	'[ "$(json "(r[\"id\"], r[\"status\"], r[\"result\"][\"submissions\"][0][\"tests\"][0][\"stdout\"])")" = "('"'$J', 'done', '42\\\\n'"')" ]'
req POST /submit '{"language": "python", "code": "print(int(input()) * 2)", "tests": [{"input": "1", "expected_output": "2\n"}, {"input": "2", "expected_output": "5\n"}]}'
poll "/result/$(jget job_id)" 'r["status"] == "completed"'
check "002: with tests: passed/total and a verdict" \
	'[ "$(json "(r[\"verdict\"], r[\"passed\"], r[\"total\"])")" = "('"'WA', 1, 2"')" ]'

# ---- 003: /api/run/ (synchronous), /api/schedule, /api/schedule/check/{id} ----
req POST /api/run/ '{"code": "console.log(\"hi\"); console.error(\"oops\")", "language": "javascript"}'
check "003: POST /api/run/ answers with the finished run (output, error)" \
	'[ "$status" = 200 ] && [ "$(json "(r[\"result\"][\"status\"], r[\"result\"][\"output\"], r[\"result\"][\"error\"])")" = "('"'success', 'hi\\\\n', 'oops\\\\n'"')" ]'
req POST /api/schedule '{"code": "import sys; print(1); sys.exit(4)", "language": "python"}'
S=$(jget id)
check "003: POST /api/schedule -> {id}" '[ ${#S} = 32 ]'
poll "/api/schedule/check/$S" 'r["status"] == "completed"'
check "003: check: status error with the exit code" \
	'[ "$(json "(r[\"result\"][\"status\"], r[\"result\"][\"exit_code\"], r[\"result\"][\"output\"])")" = "('"'error', 4, '1\\\\n'"')" ]'

# ---- 004: /v1/spec, /v1/exec (beside our own /v1 routes) ----
req GET /v1/spec
check "004: GET /v1/spec: image, cmd, filename, language per entry" \
	'[ "$status" = 200 ] && [ "$(json "all(set(v) >= {\"image\", \"cmd\", \"filename\", \"language\"} for v in r.values()) and \"python\" in r")" = True ]'
req POST /v1/exec '{"language": "python3", "code": "print(input().upper())", "stdin": "go"}'
check "004: POST /v1/exec with the seed's python3: stdout" \
	'[ "$status" = 200 ] && [ "$(json "(r[\"verdict\"], r[\"stdout\"])")" = "('"'AC', 'GO\\\\n'"')" ]'
req GET /v1/health
check "004's routes leave v1's working" '[ "$status" = 200 ] && [ "$(jget status)" = ok ]'

# ---- Piston v2, raw and through the real piston-client package ----
req POST /api/v2/execute '{"language": "python", "version": "3.10.0", "files": [{"content": "print(1)"}]}'
check "piston: an unknown version: 400 with Piston's {message}" '[ "$status" = 400 ] && [[ "$(jget message)" == *"runtime is unknown"* ]]'
PC=${XDG_CACHE_HOME:-$HOME/.cache}/judge-compat-test
if [ ! -f "$PC/node_modules/piston-client/index.js" ]; then
	mkdir -p "$PC" && (cd "$PC" && npm install --no-audit --no-fund --silent piston-client@1.0.2 >/dev/null 2>&1)
fi
if [ -f "$PC/node_modules/piston-client/index.js" ] && command -v node >/dev/null; then
	PISTON_CLIENT_DIR=$PC node tests/compat/piston.test.mjs "$url" >"$JS_TMP/piston.out" 2>&1
	pc_rc=$?
	cat "$JS_TMP/piston.out"
	check "piston-client@1.0.2 from npm works unchanged" '[ "$pc_rc" = 0 ]'
else
	fail "piston-client: cannot install it from npm (node: $(command -v node))"
fi

serve_stop "$pid"
check "SIGTERM: exit 0" '[ "$serve_rc" = 0 ]'
check "no container left" '[ "$(serve_leftovers 10)" = 0 ]'
serve_summary
