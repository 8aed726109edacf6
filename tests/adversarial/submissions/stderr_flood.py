# EXPECT: AC
# ATTACK: a correct program that logs ~2 MB of debug lines to stderr before printing the answer: stderr must block
# like a normal pipe (a non-blocking one makes Python raise BlockingIOError) and its capture must stay capped.
import sys

a, b = map(int, sys.stdin.read().split())
for i in range(20000):
    print("debug line", i, "x" * 80, file=sys.stderr)
print(a + b)
