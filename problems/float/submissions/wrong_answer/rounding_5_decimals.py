# Rounds the mean to 5 decimals: 2.33333 for 7/3 is off by 3.3e-6 (relative 1.4e-6), beyond 1e-6. Expected verdict: WA (already on sample 1).
import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
print(f"{sum(float(t) for t in tokens[1:1 + n]) / n:.5f}")
