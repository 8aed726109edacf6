# Reads the input, then sleeps 100 s without using CPU. Expected verdict: TLE (wall-clock limit).
import time

a, b = map(int, input().split())
time.sleep(100)
print(a + b)
