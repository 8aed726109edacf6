# Prints the numbers as they are: more than one word in pass 1.
import sys

words = sys.stdin.read().split()
print(" ".join(words[2:] if words[0] == "encode" else words[1:]))
