# EXPECT: AC
# ATTACK: Python os.fork: the child calls setsid() and spins forever after the parent printed the answer and exited.
import os
import sys

a, b = map(int, sys.stdin.read().split())
print(a + b, flush=True)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        while True:
            pass
    os._exit(0)
os.wait()
