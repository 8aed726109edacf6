# Prints "1 n-1". Expected verdict: AC.
n = int(input())
print(1, n - 1)
