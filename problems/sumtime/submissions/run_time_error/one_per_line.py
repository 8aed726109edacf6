# Expects one number per line, so int("1 2 3") raises ValueError on the second
# line. Expected verdict: RTE (uncaught exception, already on sample 1).
import sys

lines = sys.stdin.read().split("\n")
n = int(lines[0])
print(sum(int(lines[1 + i]) for i in range(n)))
