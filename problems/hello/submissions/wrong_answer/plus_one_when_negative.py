# Prints a+b+1 when both numbers are negative. Expected verdict: WA (samples pass, secret/02 fails).
a, b = map(int, input().split())
if a < 0 and b < 0:
    print(a + b + 1)
else:
    print(a + b)
