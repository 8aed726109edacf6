#!/usr/bin/env python3
"""Input validator for "Sum Them Up" (Kattis convention).

    validate.py [flags...] < testcase.in

Checks the format strictly: a line with N (1 <= N <= 100000), then a line
with exactly N integers a_i (-10^9 <= a_i <= 10^9) separated by single
spaces, each line ending in '\\n', nothing else (no leading zeros, no "-0",
no '+', no '\\r', no trailing spaces).  Exit 42 if valid, 43 if not, with the
reason on stderr.  Flags (e.g. from input_validator_flags) are accepted:
`max_n K` lowers the bound on N; any other flag is ignored.
"""
import re
import sys

INT = re.compile(rb"-?(0|[1-9][0-9]*)\Z")
MAX_A = 10**9


def reject(msg):
    print(f"invalid input: {msg}", file=sys.stderr)
    sys.exit(43)


def integer(tok, what, lo, hi):
    if len(tok) > 12 or not INT.match(tok) or tok == b"-0":
        reject(f"{what}: {tok[:20]!r} is not a canonical integer")
    v = int(tok)
    if not lo <= v <= hi:
        reject(f"{what}: {v} is outside [{lo}, {hi}]")
    return v


def main():
    max_n = 100000
    args = sys.argv[1:]
    for i, a in enumerate(args):
        if a == "max_n" and i + 1 < len(args) and args[i + 1].isdigit():
            max_n = min(max_n, int(args[i + 1]))

    data = sys.stdin.buffer.read()
    if not data.endswith(b"\n"):
        reject("the input does not end with a newline")
    lines = data[:-1].split(b"\n")
    if len(lines) != 2:
        reject(f"expected 2 lines, found {len(lines)}")
    n = integer(lines[0], "N", 1, max_n)
    toks = lines[1].split(b" ")
    if len(toks) != n:
        reject(f"line 2: expected {n} integers separated by single spaces, found {len(toks)} fields")
    for i, t in enumerate(toks):
        integer(t, f"a_{i + 1}", -MAX_A, MAX_A)
    sys.exit(42)


if __name__ == "__main__":
    main()
