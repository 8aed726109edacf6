#!/usr/bin/env bash
# bench/interactive.sh - what an interactive test costs over a normal one.
#
# The same trivial C program (reads a number, prints it) is judged on the same
# tests twice: as a normal problem (default validator, one container) and as
# an interactive one (a C validator that sends the number and checks the
# echo: two containers, the FIFO handshake and two supervisors per test).
# The marginal cost per test is (T(n_big) - T(n_small)) / (n_big - n_small)
# of whole `judge run`s, so container creation and compilation cancel out;
# the fixed cost per submission (containers, volume) is shown too.  The
# validator is prebuilt here (a static `run` binary), so no run builds it.
# Each figure is the best of BENCH_REPEAT runs (default 3).  Prints figures;
# asserts nothing.
#
# Usage: bench/interactive.sh [BUILD_DIR]   (needs the runtime image)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
judge=$build/judge
n_small=20 n_big=320 repeat=${BENCH_REPEAT:-3}
work=$(mktemp -d /tmp/judge-bench-inter.XXXXXX)
trap 'rm -rf "$work"' EXIT

make_problem() {   # DIR N interactive(0/1)
	mkdir -p "$1/data/secret"
	printf 'name: bench\nlimits:\n  time_limit: 2\n  memory: 256\n' > "$1/problem.yaml"
	if [ "$3" = 1 ]; then
		printf 'validation: custom interactive\n' >> "$1/problem.yaml"
		mkdir -p "$1/output_validators/echo"
		cp "$work/run" "$1/output_validators/echo/run"
	fi
	for ((i = 0; i < $2; i++)); do
		printf '%d\n' "$((i * 7))" > "$1/data/secret/$(printf %03d "$i").in"
		printf '%d\n' "$((i * 7))" > "$1/data/secret/$(printf %03d "$i").ans"
	done
}
cat > "$work/echo.c" <<'C'
#include <stdio.h>
int main(void) { long a; if (scanf("%ld", &a) != 1) return 1; printf("%ld\n", a); return 0; }
C
cat > "$work/validator.c" <<'C'
#include <stdio.h>
int main(int argc, char **argv) {
	long want, got;
	FILE *in = argc > 1 ? fopen(argv[1], "r") : NULL;
	if (!in || fscanf(in, "%ld", &want) != 1) return 1;
	printf("%ld\n", want);
	fflush(stdout);
	return scanf("%ld", &got) == 1 && got == want ? 42 : 43;
}
C
gcc -O2 -static -o "$work/run" "$work/validator.c"
for kind in normal inter; do
	make_problem "$work/$kind$n_small" "$n_small" "$([ $kind = inter ] && echo 1 || echo 0)"
	make_problem "$work/$kind$n_big" "$n_big" "$([ $kind = inter ] && echo 1 || echo 0)"
done

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
# best_of DIR: the shortest of $repeat whole runs, in seconds; fails loudly
# when the program is not accepted.
best_of() {
	local best="" t0 t1 t
	for ((r = 0; r < repeat; r++)); do
		t0=$(date +%s.%N)
		if ! "$judge" run "$1" "$work/echo.c" > "$work/out" 2>&1; then
			echo "bench: judge run $1 failed:" >&2
			cat "$work/out" >&2
			exit 1
		fi
		t1=$(date +%s.%N)
		t=$(calc "$t1 - $t0")
		if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
	done
	echo "$best"
}

echo "interactive bench: trivial C program, $n_small and $n_big tests, best of $repeat"
ns=$(best_of "$work/normal$n_small"); nb=$(best_of "$work/normal$n_big")
is=$(best_of "$work/inter$n_small"); ib=$(best_of "$work/inter$n_big")
normal_per=$(calc "($nb - $ns) * 1000 / ($n_big - $n_small)")
inter_per=$(calc "($ib - $is) * 1000 / ($n_big - $n_small)")
normal_fixed=$(calc "($ns - $n_small * $normal_per / 1000) * 1000")
inter_fixed=$(calc "($is - $n_small * $inter_per / 1000) * 1000")

printf 'normal problem,      %3d tests:        %8.3f s\n' "$n_small" "$ns"
printf 'normal problem,      %3d tests:        %8.3f s\n' "$n_big" "$nb"
printf 'interactive problem, %3d tests:        %8.3f s\n' "$n_small" "$is"
printf 'interactive problem, %3d tests:        %8.3f s\n' "$n_big" "$ib"
printf 'per test, normal:                       %8.3f ms\n' "$normal_per"
printf 'per test, interactive:                  %8.3f ms\n' "$inter_per"
printf 'interactive overhead per test:          %8.3f ms\n' "$(calc "$inter_per - $normal_per")"
printf 'fixed cost per run, normal:             %8.0f ms  (one container, compile)\n' "$normal_fixed"
printf 'fixed cost per run, interactive:        %8.0f ms  (two containers, a volume, compile)\n' "$inter_fixed"
