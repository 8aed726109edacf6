# Reads a and b as Python ints (arbitrary precision) and prints a+b. Expected verdict: AC.
import sys

a, b = map(int, sys.stdin.read().split())
print(a + b)
