# Keeps appending 8 MB lists to a list, never freeing them (limit: 256 MiB). Expected verdict: MLE.
a, b = map(int, input().split())
hoard = []
while True:
    hoard.append([a + b] * 1_000_000)
