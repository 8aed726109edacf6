#!/usr/bin/env bash
# ci/gradescope/setup.sh - Gradescope autograder setup: builds judge from the
# source tree shipped in the autograder zip (/autograder/source/judge/).
# The zip holds: setup.sh, run_autograder, judge/ (this repository) and
# assignment/ (the problem bundle, with assignment.yaml).  Docker must be
# reachable from the autograder container (DOCKER_HOST).
set -euo pipefail
apt-get update -q
apt-get install -y -q --no-install-recommends build-essential cmake pkg-config \
	libarchive-dev libcurl4-openssl-dev libcmocka-dev libjansson-dev libfyaml-dev \
	libmicrohttpd-dev libsqlite3-dev
cmake -S /autograder/source/judge -B /autograder/judge-build -DCMAKE_BUILD_TYPE=Release
cmake --build /autograder/judge-build -j "$(nproc)" --target judge
