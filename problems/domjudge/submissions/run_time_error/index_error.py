# Reads one number too many: IndexError on every input. Expected verdict: RTE,
# also stated by the tag:
# @EXPECTED_RESULTS@: RUN-ERROR
import sys

data = sys.stdin.read().split()
n = int(data[0])
print(sum(int(data[i]) for i in range(1, n + 2)))
