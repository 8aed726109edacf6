#!/bin/bash
# Browser test of the web page of `judge serve` (cmd/web/, docs/web.md):
# headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core
# through tests/web/page.test.mjs, end to end against real servers judging
# in real containers.  The checks are listed in that script.
#
#   bash tests/integration/web.sh PATH_TO_JUDGE
#
# Installs what is missing: Debian's chromium (apt-get), and playwright-core
# (npm, pinned) into ${XDG_CACHE_HOME:-$HOME/.cache}/judge-web-test, outside
# the repository.  Needs Node.js >= 20, Docker and the runtime image.
# Leaves a screenshot in ${JUDGE_WEB_SCREENSHOT:-/tmp/judge-web.png}.
# Prints "ok ..." / "FAIL ..." lines, then "N passed, N failed"; exits 1 if
# anything failed.
set -u

PLAYWRIGHT_VERSION=1.65.1

if [ $# -lt 1 ]; then
	echo "usage: bash $0 PATH_TO_JUDGE" >&2
	exit 2
fi
JUDGE=$(realpath -m -- "$1")
cd "$(dirname -- "$0")/../.." || exit 1
ROOT=$PWD

tmp=$(mktemp -d "${TMPDIR:-/tmp}/judge-web.XXXXXX") || exit 1
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$p" 2>/dev/null
	done
	rm -rf -- "$tmp"
}
trap cleanup EXIT

passed=0
failed=0
ok()   { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# ---- what the test needs ----
if [ ! -x /usr/bin/chromium ]; then
	echo "installing chromium (apt-get)..."
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$tmp/apt.log" 2>&1
fi
if [ -x /usr/bin/chromium ]; then ok "chromium is there"; else fail "chromium: cannot install it: $(tail -5 "$tmp/apt.log")"; finish; fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -ge 20 ]; then ok "node $(node --version)"; else fail "node >= 20 is needed (playwright-core $PLAYWRIGHT_VERSION), found: $(node --version 2>&1)"; finish; fi

cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/judge-web-test
pw=$cache/node_modules/playwright-core
if [ "$(node -p "require('$pw/package.json').version" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ]; then
	echo "installing playwright-core@$PLAYWRIGHT_VERSION into $cache (npm)..."
	mkdir -p "$cache"
	[ -f "$cache/package.json" ] || echo '{"private": true}' >"$cache/package.json"
	npm install --prefix "$cache" --no-audit --no-fund --no-save --no-package-lock \
		"playwright-core@$PLAYWRIGHT_VERSION" >"$tmp/npm.log" 2>&1
fi
if [ "$(node -p "require('$pw/package.json').version" 2>/dev/null)" = "$PLAYWRIGHT_VERSION" ]; then
	ok "playwright-core $PLAYWRIGHT_VERSION"
else
	fail "playwright-core: cannot install it: $(tail -5 "$tmp/npm.log" 2>/dev/null)"
	finish
fi

# ---- servers ----
# start NAME ARGS... : starts a server detached (its output in $tmp/NAME.log),
# sets $url (empty when it did not start).
start() {
	local name=$1 pid
	shift
	setsid "$JUDGE" serve --port 0 "$@" >"$tmp/$name.log" 2>&1 </dev/null &
	pid=$!
	pids+=("$pid")
	url=
	for _ in $(seq 100); do
		url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/$name.log" | head -1)
		[ -n "$url" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	fail "$name: the server did not start: $(cat "$tmp/$name.log")"
	finish
}

start open --data "$tmp/open" -j 2
open_url=$url
# --max-wait 1: a slower run answers 202 first and the page polls.
start locked --data "$tmp/locked" -j 1 --token s3cret-token --max-wait 1
locked_url=$url

tar -czf "$tmp/hello.tar.gz" -C problems hello

# ---- the browser ----
shot=${JUDGE_WEB_SCREENSHOT:-/tmp/judge-web.png}
node tests/web/page.test.mjs --playwright "$pw" --url "$open_url" --locked-url "$locked_url" \
	--token s3cret-token --archive "$tmp/hello.tar.gz" --root "$ROOT" --screenshot "$shot" \
	>"$tmp/node.log" 2>&1
rc=$?
cat "$tmp/node.log"
n_ok=$(grep -c '^ok ' "$tmp/node.log")
n_fail=$(grep -c '^FAIL ' "$tmp/node.log")
passed=$((passed + n_ok))
failed=$((failed + n_fail))
if [ "$rc" -ne 0 ] && [ "$n_fail" -eq 0 ]; then
	fail "page.test.mjs exited $rc"
fi
if [ "$n_ok" -eq 0 ]; then
	fail "page.test.mjs ran no check"
fi
if [ "$failed" -gt 0 ]; then
	for f in "$tmp"/open.log "$tmp"/locked.log; do
		echo "--- $(basename "$f")"
		tail -20 "$f"
	done
fi
finish
