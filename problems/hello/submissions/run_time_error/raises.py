# Divides by zero after reading the input: uncaught ZeroDivisionError. Expected verdict: RTE.
a, b = map(int, input().split())
print((a + b) // 0)
