# Prints words instead of numbers. Expected verdict: WA.
n = int(input())
print("the answer is", n)
