# Sums the numbers with Python ints. Expected verdict: AC (fast, ~0.03 s: interpreter start).
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
print(sum(map(int, data[1:1 + n])))
