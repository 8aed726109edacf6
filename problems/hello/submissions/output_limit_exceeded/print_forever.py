# Prints the answer over and over forever (limit: 1 MiB). Expected verdict: OLE.
a, b = map(int, input().split())
line = (str(a + b) + "\n") * 1000
while True:
    print(line, end="")
