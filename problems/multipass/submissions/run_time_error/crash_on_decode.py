# Encodes fine, then crashes in the second pass.
import sys

words = sys.stdin.read().split()
if words[0] == "encode":
    print(",".join(words[2:]))
else:
    raise RuntimeError("cannot decode")
