#!/usr/bin/env bash
# ci/setup.sh - idempotent machine setup for building and testing judge.
#   1. apt packages (build tools, libraries, docker.io, debootstrap, valgrind...)
#   2. a running Docker engine (dockerd started detached when needed)
#   3. the runtime image judge-runtime:1 (harness/image/build.sh)
# Each step prints one line and is skipped when already satisfied.
# JUDGE_SKIP_DOCKER=1 skips steps 2 and 3.
set -euo pipefail
JG_CI_NAME=setup
# shellcheck source=ci/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PACKAGES=(
	build-essential cmake pkg-config curl ca-certificates
	libarchive-dev libcurl4-openssl-dev libcmocka-dev libjansson-dev libfyaml-dev
	libmicrohttpd-dev libsqlite3-dev
	docker.io debootstrap
	python3-junitparser libxml2-utils valgrind zstd zip sqlite3
)

# --- 1. apt packages --------------------------------------------------------
missing_packages() {
	local installed
	# shellcheck disable=SC2016
	installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null |
		awk '$2 == "installed" { print $1 }') || true
	local p
	for p in "${PACKAGES[@]}"; do
		grep -qxF "$p" <<<"$installed" || printf '%s ' "$p"
	done
}

missing=$(missing_packages)
if [[ -z $missing ]]; then
	say "packages: all ${#PACKAGES[@]} installed, skipping"
else
	((EUID == 0)) || fail "packages missing (${missing% }) and not root; install them with apt-get"
	say "packages: installing ${missing% }"
	log=$(mktemp)
	# shellcheck disable=SC2086
	if ! { apt-get update -q && apt-get install -y -q --no-install-recommends $missing; } \
		</dev/null >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		rm -f "$log"
		fail "apt-get could not install: ${missing% }"
	fi
	rm -f "$log"
	missing=$(missing_packages)
	[[ -z $missing ]] || fail "packages still missing after apt-get: ${missing% }"
fi

if [[ ${JUDGE_SKIP_DOCKER:-0} == 1 ]]; then
	say "docker: JUDGE_SKIP_DOCKER=1, skipping engine and image"
	exit 0
fi

# --- 2. Docker engine -------------------------------------------------------
if docker_engine_up; then
	say "docker: engine is running, skipping"
else
	((EUID == 0)) || fail "the Docker engine is not running and we are not root to start it"
	command -v dockerd >/dev/null 2>&1 || fail "dockerd not found (package docker.io)"
	say "docker: starting dockerd (log: /var/log/judge-dockerd.log)"
	setsid dockerd >/var/log/judge-dockerd.log 2>&1 </dev/null &
	for _ in $(seq 60); do
		docker_engine_up && break
		sleep 1
	done
	if ! docker_engine_up; then
		tail -n 20 /var/log/judge-dockerd.log >&2 || true
		fail "dockerd did not answer within 60 s (see /var/log/judge-dockerd.log)"
	fi
fi

# --- 3. runtime image -------------------------------------------------------
if docker_image_exists "$RUNTIME_IMAGE"; then
	say "image: $RUNTIME_IMAGE exists, skipping"
else
	say "image: $RUNTIME_IMAGE missing, building it (several minutes)"
	bash "$REPO_ROOT/harness/image/build.sh" </dev/null ||
		fail "building $RUNTIME_IMAGE failed (harness/image/build.sh)"
fi
