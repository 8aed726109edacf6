# Asks 1, 2, 3, ...: more than 30 queries on most tests.
import sys

x = 1
while True:
    print("?", x, flush=True)
    r = sys.stdin.readline().strip()
    if r == "=":
        print("!", x, flush=True)
        break
    if not r:
        break
    x += 1
