# Forgets the last number when decoding.
import sys

words = sys.stdin.read().split()
if words[0] == "encode":
    print(",".join(words[2:]))
else:
    print(" ".join(words[1].split(",")[:-1]))
