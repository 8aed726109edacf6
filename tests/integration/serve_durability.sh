#!/bin/bash
# shellcheck disable=SC2016,SC2034   # check's conditions are eval'd later
# Durability of `judge serve`'s job store: 30 jobs are submitted quickly to
# a server with 2 workers, the server is killed with SIGKILL while jobs are
# queued AND running, and restarted on the same --data directory; then
# every one of the 30 jobs must finish, AC, with its own result, having run
# once (twice for the jobs the kill interrupted), and no container may be
# left.
#
#   bash tests/integration/serve_durability.sh PATH_TO_JUDGE
#
# Each job's two tests have inputs no other job has (so a correct, AC
# answer is that job's own), and its memory_limit (200 + i MiB) comes back
# in the result's problem.memory_limit: a job given another's result shows.
# Python and C jobs; every sixth sleeps 1 s per test, so that some are
# running when the kill comes.  What the store held at the kill is read
# from a copy of jobs.db (and its WAL) made right after it, without
# disturbing the files the restarted server recovers.
#
# Environment: DURABILITY_JOBS (30), DURABILITY_DRAIN_MAX (180 s).
# Prints "ok ..." / "FAIL ..." lines, figures, then "N passed, N failed";
# exits 1 if anything failed.  Needs Docker, the runtime image, curl, python3.
set -u
# shellcheck source=tests/lib/serve.sh
. "$(dirname -- "$0")/../lib/serve.sh"
serve_init "$@"
cd "$(dirname -- "$0")/../.." || exit 1
[ -n "$JS_PY" ] || { echo "$0: needs python3 (sqlite3 module)" >&2; exit 2; }

N=${DURABILITY_JOBS:-30}
DRAIN_MAX=${DURABILITY_DRAIN_MAX:-180}
data=$JS_TMP/data

# The job bodies: $JS_TMP/job$i.json; expected outputs in $JS_TMP/expect.
"$JS_PY" - "$JS_TMP" "$N" <<'PY'
import json, sys
tmp, n = sys.argv[1], int(sys.argv[2])
PY_FAST = "n = int(input())\nprint(3 * n + 1)\n"
PY_SLOW = "import time\nn = int(input())\ntime.sleep(1)\nprint(3 * n + 1)\n"
C_FAST = '#include <stdio.h>\nint main(void) { long n; if (scanf("%ld", &n) != 1) return 1; printf("%ld\\n", 3 * n + 1); return 0; }\n'
C_SLOW = '#include <stdio.h>\n#include <unistd.h>\nint main(void) { long n; if (scanf("%ld", &n) != 1) return 1; sleep(1); printf("%ld\\n", 3 * n + 1); return 0; }\n'
with open(tmp + "/expect", "w") as ex:
    for i in range(n):
        c, slow = i % 3 == 2, i % 6 == 3
        code = (C_SLOW if slow else C_FAST) if c else (PY_SLOW if slow else PY_FAST)
        ins = [100 + i, 100000 + 7 * i]
        body = {"language": "c" if c else "python", "code": code, "time_limit": 5, "memory_limit": 200 + i,
                "tests": [{"input": "%d\n" % x, "expected_output": "%d\n" % (3 * x + 1)} for x in ins]}
        json.dump(body, open("%s/job%d.json" % (tmp, i), "w"))
        ex.write("%d %s %d\n" % (i, body["language"] + ("-slow" if slow else ""), (200 + i) << 20))
PY

# db_states DB_DIR : "id state attempts" per job, oldest first, from a copy
# of DB_DIR/jobs.db with its WAL (the original is left as it is).
db_states() {
	local snap
	snap=$(mktemp -d "$JS_TMP/snap.XXXXXX")
	cp -- "$1"/jobs.db* "$snap"/ 2>/dev/null
	"$JS_PY" - "$snap/jobs.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT id, state, attempts FROM jobs ORDER BY created_ms, rowid"):
    print(*row)
PY
}

# ---- 1. submit N jobs to a 2-worker server ----
serve_start first --data "$data" -j 2 || { serve_summary; exit 1; }
ids=()
t0=$(now_s)
for ((i = 0; i < N; i++)); do
	req POST /v1/submissions "@$JS_TMP/job$i.json"
	if [ "$status" = 202 ] && [[ $body =~ \"id\":\"([0-9a-f]{32})\" ]]; then
		ids+=("${BASH_REMATCH[1]}")
	else
		ids+=("")
		echo "job $i: $status $body"
	fi
done
submit_s=$(elapsed "$t0")
accepted=0
for id in "${ids[@]}"; do [ ${#id} = 32 ] && accepted=$((accepted + 1)); done
check "$N submissions accepted (202 and an id each) in ${submit_s}s" '[ "$accepted" = "$N" ]'

# ---- 2. kill -9 once a job is done and others are queued and running ----
hq=0 hr=0
for _ in $(seq 600); do
	req GET "/v1/submissions/${ids[0]}"
	first=$(jget status)
	req GET /v1/health
	hq=$(jget queued) hr=$(jget running)
	[ "$first" = "done" ] && [ "${hr:-0}" -ge 1 ] && [ "${hq:-0}" -ge 1 ] && break
	sleep 0.1
done
at_kill_containers=$(serve_containers "$pid" | wc -l)
serve_kill9 "$pid"
check "the server (pid $pid, the judge itself) died of SIGKILL" '! serve_alive "$pid"'
db_states "$data" >"$JS_TMP/at_kill"
declare -A kill_state=()
while read -r id st att; do kill_state[$id]=$st; done <"$JS_TMP/at_kill"
count_state() { awk -v s="$1" '$2 == s' "$JS_TMP/at_kill" | wc -l; }
k_queued=$(count_state 0) k_running=$(count_state 1) k_done=$(count_state 2) k_error=$(count_state 3)
k_rows=$(wc -l <"$JS_TMP/at_kill")
echo "at the kill: health said queued $hq running $hr; the store holds $k_rows jobs:" \
	"$k_queued queued, $k_running running, $k_done done, $k_error error; $at_kill_containers container(s) alive"
missing=0
for id in "${ids[@]}"; do [ -n "${kill_state[$id]-}" ] || missing=$((missing + 1)); done
check "every accepted job is in the store after kill -9 ($k_rows rows, $missing missing)" \
	'[ "$missing" = 0 ] && [ "$k_rows" = "$N" ]'
check "the kill caught jobs both queued ($k_queued) and running ($k_running)" \
	'[ "$k_queued" -ge 1 ] && [ "$k_running" -ge 1 ]'

# ---- 3. restart on the same data: every job finishes ----
t0=$(now_s)
serve_start second --data "$data" -j 2 || { serve_summary; exit 1; }
check "the restart queues the $k_running interrupted job(s) again" \
	'grep -q "$k_running interrupted job(s) queued again" "$log"'
drained=no
serve_drain "$DRAIN_MAX" && drained=yes
drain_s=$(elapsed "$t0")
check "the queue drains after the restart (${drain_s}s, at most ${DRAIN_MAX}s)" '[ "$drained" = yes ]'

good=0
bad=()
i=0
while read -r n kind mem; do
	id=${ids[$n]}
	req GET "/v1/submissions/$id"
	got=$(json '" ".join([r["status"], r["result"]["submissions"][0]["verdict"], str(r["result"]["problem"]["memory_limit"]), ",".join(t["verdict"] for t in r["result"]["submissions"][0]["tests"])])')
	if [ "$status" = 200 ] && [ "$got" = "done AC $mem AC,AC" ]; then
		good=$((good + 1))
	else
		bad+=("job $n ($kind, $id, ${kill_state[$id]-?} at the kill): $status ${got:-$(head -c 300 "$JS_TMP/body")}")
	fi
done <"$JS_TMP/expect"
for b in "${bad[@]}"; do echo "  $b"; done
check "all $N jobs done, AC on their own tests, with their own result ($good good)" '[ "$good" = "$N" ]'

serve_stop "$pid"
check "SIGTERM stops the restarted server (exit ${serve_rc:-?})" '[ "$serve_rc" = 0 ]'

# ---- 4. each job ran once, twice if the kill interrupted it ----
db_states "$data" >"$JS_TMP/after"
runs_bad=()
twice=0
while read -r id st att; do
	want=1
	[ "${kill_state[$id]-}" = 1 ] && want=2
	[ "$att" = 2 ] && twice=$((twice + 1))
	[ "$att" = "$want" ] || runs_bad+=("$id: attempts $att, want $want (state ${kill_state[$id]-?} at the kill)")
done <"$JS_TMP/after"
for b in "${runs_bad[@]}"; do echo "  $b"; done
check "every job claimed once, the $k_running interrupted ones twice ($twice twice; $(wc -l <"$JS_TMP/after") rows)" \
	'[ ${#runs_bad[@]} = 0 ] && [ "$(wc -l <"$JS_TMP/after")" = "$N" ]'

left=$(serve_leftovers 15)
check "no container of either server left behind (the killed one's removed by the restarted one)" '[ "$left" = 0 ]'

echo "figures: $N jobs submitted in ${submit_s}s; at the kill $k_queued queued, $k_running running," \
	"$k_done done; drained ${drain_s}s after the restart ($(awk -v d="$drain_s" -v n="$((k_queued + k_running))" \
	'BEGIN { printf "%.2f", (d > 0 ? n / d : 0) }') jobs/s)"
serve_summary
