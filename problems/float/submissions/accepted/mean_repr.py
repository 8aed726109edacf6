# Prints repr() of the float mean (shortest round-trip form, e.g. 4.6858833576e-08). Expected verdict: AC.
import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
xs = [float(t) for t in tokens[1:1 + n]]
print(repr(sum(xs) / n))
