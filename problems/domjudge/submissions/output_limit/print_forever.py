# Prints the sum over and over forever (limit: 1 MiB). Expected verdict: OLE
# (DOMjudge: OUTPUT-LIMIT), already on sample 1.
import sys

data = sys.stdin.read().split()
n = int(data[0])
line = (str(sum(map(int, data[1:1 + n]))) + "\n") * 1000
while True:
    sys.stdout.write(line)
