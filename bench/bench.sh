#!/usr/bin/env bash
# bench/bench.sh - `judge run` cost per test against (a) the same binary run
# natively by fork/exec with the same redirections and (b) one `docker run`
# per test.  Prints figures; asserts nothing (targets are in the README).
#
# Usage: bench/bench.sh [BUILD_DIR]   (needs the runtime image; see README)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
judge=$build/judge
image=judge-runtime:1
n_small=50 n_big=500 n_docker=${BENCH_DOCKER_RUNS:-20}
work=$(mktemp -d /tmp/judge-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

make_problem() {   # DIR N
	mkdir -p "$1/data/secret"
	printf 'name: bench\nlimits:\n  time_limit: 2\n  memory: 256\n' > "$1/problem.yaml"
	for ((i = 0; i < $2; i++)); do
		printf '%d %d\n' "$i" "$((i * 7))" > "$1/data/secret/$(printf %03d "$i").in"
		printf '%d\n' "$((i * 8))" > "$1/data/secret/$(printf %03d "$i").ans"
	done
}
cat > "$work/sum.c" <<'C'
#include <stdio.h>
int main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 1; printf("%ld\n", a + b); return 0; }
C
make_problem "$work/p$n_small" "$n_small"
make_problem "$work/p$n_big" "$n_big"

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
elapsed() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null || true; t1=$(date +%s.%N); calc "$t1 - $t0"; }

echo "judge bench: trivial C program, $n_small and $n_big tests"
t_small=$(elapsed "$judge" run "$work/p$n_small" "$work/sum.c")
t_big=$(elapsed "$judge" run "$work/p$n_big" "$work/sum.c")
judge_per=$(calc "($t_big - $t_small) * 1000 / ($n_big - $n_small)")

gcc -O2 -o "$work/native" "$root/bench/native.c"
gcc -O2 -o "$work/sum" "$work/sum.c"
native_per=$("$work/native" "$work/sum" "$work/p$n_big/data/secret" "$n_big")

docker run --rm "$image" true >/dev/null 2>&1 || true   # warm the image
t0=$(date +%s.%N)
for ((i = 0; i < n_docker; i++)); do
	docker run --rm -i --network none -v "$work:/w:ro" "$image" /w/sum \
		< "$work/p$n_big/data/secret/$(printf %03d "$i").in" > /dev/null
done
t1=$(date +%s.%N)
docker_per=$(calc "($t1 - $t0) * 1000 / $n_docker")

printf 'judge run, whole run, %3d tests:        %8.3f s  (one container)\n' "$n_small" "$t_small"
printf 'judge run, whole run, %3d tests:        %8.3f s  (one container)\n' "$n_big" "$t_big"
printf '(0) judge marginal cost per test:        %8.3f ms\n' "$judge_per"
printf '(a) native fork/exec per test:           %8.3f ms\n' "$native_per"
printf '(b) one docker run per test:             %8.3f ms  (mean of %d)\n' "$docker_per" "$n_docker"
printf 'judge overhead over native per test:     %8.3f ms  (target <= 0.5 ms)\n' \
	"$(calc "$judge_per - $native_per")"
