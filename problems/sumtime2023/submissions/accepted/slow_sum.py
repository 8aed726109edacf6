# Deliberately slow but correct: on big inputs (N >= 5000) it re-adds the
# numbers one at a time, pass after pass, until the process has used 0.3 s of
# CPU time (time.process_time, the clock the judge measures), so its CPU time
# on the biggest tests is ~0.3 s on any machine. Small inputs take one pass.
# Expected verdict: AC; it is the slowest accepted submission (~0.3 s).
import sys
import time

BUDGET = 0.3  # seconds of CPU time on big inputs

data = sys.stdin.buffer.read().split()
n = int(data[0])
a = [int(t) for t in data[1:1 + n]]
while True:
    total = 0
    for x in a:
        total += x
    if n < 5000 or time.process_time() >= BUDGET:
        break
print(total)
