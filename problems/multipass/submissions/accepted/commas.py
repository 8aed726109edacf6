# Pass 1 joins the numbers with commas; pass 2 splits them again.
import sys

words = sys.stdin.read().split()
if words[0] == "encode":
    print(",".join(words[2:]))
else:
    print(" ".join(words[1].split(",")))
