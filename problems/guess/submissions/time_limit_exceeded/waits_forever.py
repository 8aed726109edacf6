# Waits for the judge to speak first; the judge waits for a query: nobody
# moves until the wall-clock limit ends it (TLE, whatever the validator says
# when its input closes).
import sys

sys.stdin.readline()
