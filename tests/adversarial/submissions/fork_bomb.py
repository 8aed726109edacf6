# EXPECT: TLE|RTE|MLE
# ATTACK: Python fork bomb: os.fork() in an endless loop (every child forks too).
import os

a, b = map(int, open(0).read().split())
while True:
    try:
        os.fork()
    except OSError:
        pass
