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

# JUDGE, $JS_TMP, the counters (ok, fail), serve_start and the cleanup at
# exit: tests/lib/serve.sh.  The judge path is taken before the cd.
# shellcheck source=tests/lib/serve.sh
. "$(dirname -- "$0")/../lib/serve.sh"
serve_init "${1:-}"
cd "$(dirname -- "$0")/../.." || exit 1
ROOT=$PWD

# finish : the summary, then exits (1 if anything failed).
finish() { serve_summary; exit; }

# ---- what the test needs ----
if [ ! -x /usr/bin/chromium ]; then
	echo "installing chromium (apt-get)..."
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$JS_TMP/apt.log" 2>&1
fi
if [ -x /usr/bin/chromium ]; then ok "chromium is there"; else fail "chromium: cannot install it: $(tail -5 "$JS_TMP/apt.log")"; finish; fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -ge 20 ]; then ok "node $(node --version)"; else fail "node >= 20 is needed (playwright-core $PLAYWRIGHT_VERSION), found: $(node --version 2>&1)"; finish; fi

cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/judge-web-test
pw=$cache/node_modules/playwright-core
if [ "$(node -p "require('$pw/package.json').version" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ]; then
	echo "installing playwright-core@$PLAYWRIGHT_VERSION into $cache (npm)..."
	mkdir -p "$cache"
	[ -f "$cache/package.json" ] || echo '{"private": true}' >"$cache/package.json"
	npm install --prefix "$cache" --no-audit --no-fund --no-save --no-package-lock \
		"playwright-core@$PLAYWRIGHT_VERSION" >"$JS_TMP/npm.log" 2>&1
fi
if [ "$(node -p "require('$pw/package.json').version" 2>/dev/null)" = "$PLAYWRIGHT_VERSION" ]; then
	ok "playwright-core $PLAYWRIGHT_VERSION"
else
	fail "playwright-core: cannot install it: $(tail -5 "$JS_TMP/npm.log" 2>/dev/null)"
	finish
fi

# ---- servers (their output in $JS_TMP/NAME.log) ----
serve_start open --data "$JS_TMP/open" -j 2 || finish
open_url=$url
# --max-wait 1: a slower run answers 202 first and the page polls.
serve_start locked --data "$JS_TMP/locked" -j 1 --token s3cret-token --max-wait 1 || finish
locked_url=$url

tar -czf "$JS_TMP/hello.tar.gz" -C problems hello

# ---- the browser ----
shot=${JUDGE_WEB_SCREENSHOT:-/tmp/judge-web.png}
node tests/web/page.test.mjs --playwright "$pw" --url "$open_url" --locked-url "$locked_url" \
	--token s3cret-token --archive "$JS_TMP/hello.tar.gz" --root "$ROOT" --screenshot "$shot" \
	>"$JS_TMP/node.log" 2>&1
rc=$?
cat "$JS_TMP/node.log"
n_ok=$(grep -c '^ok ' "$JS_TMP/node.log")
n_fail=$(grep -c '^FAIL ' "$JS_TMP/node.log")
passed=$((passed + n_ok))
failed=$((failed + n_fail))
if [ "$rc" -ne 0 ] && [ "$n_fail" -eq 0 ]; then
	fail "page.test.mjs exited $rc"
fi
if [ "$n_ok" -eq 0 ]; then
	fail "page.test.mjs ran no check"
fi
if [ "$failed" -gt 0 ]; then
	for f in "$JS_TMP"/open.log "$JS_TMP"/locked.log; do
		echo "--- $(basename "$f")"
		tail -20 "$f"
	done
fi
finish
