# Prints only n, not a pair. Expected verdict: WA.
n = int(input())
print(n)
