# Sums the numbers but divides with //, flooring the mean. Expected verdict: WA (already on sample 1).
import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
print(sum(float(t) for t in tokens[1:1 + n]) // n)
