# ci/lib.sh - shell helpers shared by ci/setup.sh, ci/test.sh and ci/demo.sh.
# Source it; it sets REPO_ROOT and defines the functions below.
# shellcheck shell=bash

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export REPO_ROOT
export DEBIAN_FRONTEND=noninteractive
RUNTIME_IMAGE=${JUDGE_RUNTIME_IMAGE:-judge-runtime:1}

# One progress line, prefixed with the calling script's name.
say() { printf '[%s] %s\n' "${JG_CI_NAME:-ci}" "$*"; }
fail() {
	printf '[%s] FAILED: %s\n' "${JG_CI_NAME:-ci}" "$*" >&2
	exit 1
}

# The Docker engine's unix socket (from DOCKER_HOST when it is unix://).
docker_socket() {
	case ${DOCKER_HOST:-} in
	unix://*) printf '%s\n' "${DOCKER_HOST#unix://}" ;;
	*) printf '%s\n' /var/run/docker.sock ;;
	esac
}

# True when the engine answers; independent of the docker client's version.
docker_engine_up() {
	if [[ -n ${DOCKER_HOST:-} && ${DOCKER_HOST} != unix://* ]]; then
		docker version >/dev/null 2>&1
		return
	fi
	local sock
	sock=$(docker_socket)
	[[ -S $sock ]] || return 1
	[[ $(curl -fsS --max-time 5 --unix-socket "$sock" http://localhost/_ping 2>/dev/null) == OK ]]
}

# True when the engine has image $1 (default: the runtime image).
docker_image_exists() {
	local image=${1:-$RUNTIME_IMAGE}
	if [[ -n ${DOCKER_HOST:-} && ${DOCKER_HOST} != unix://* ]]; then
		docker image inspect "$image" >/dev/null 2>&1
		return
	fi
	curl -fsS --max-time 10 --unix-socket "$(docker_socket)" -o /dev/null \
		"http://localhost/images/${image}/json" 2>/dev/null
}

# Configure and build the project in directory $1 with extra cmake args.
cmake_build() {
	local dir=$1
	shift
	cmake -S "$REPO_ROOT" -B "$REPO_ROOT/$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" &&
		cmake --build "$REPO_ROOT/$dir" -j"${JG_JOBS:-2}"
}
