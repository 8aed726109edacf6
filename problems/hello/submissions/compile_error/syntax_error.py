# Missing colon after the if condition (py_compile rejects it). Expected verdict: CE.
a, b = map(int, input().split())
if a + b >= 0
    print(a + b)
else:
    print(a + b)
