# Prints 2^64 and n - 2^64: sums to n only with 64-bit wraparound, and both are out of range. Expected verdict: WA.
n = int(input())
print(2**64, n - 2**64)
