# LeetCode's shape: a method of class Solution.  It also prints to stdout,
# which must not disturb the result.
import heapq


class Solution:
    def findMedianSortedArrays(self, nums1, nums2):
        print("debug: sizes", len(nums1), len(nums2))
        merged = list(heapq.merge(nums1, nums2))
        n = len(merged)
        print("debug: merged", n)
        return merged[n // 2] if n % 2 else (merged[n // 2 - 1] + merged[n // 2]) / 2.0


if __name__ == "__main__":
    print(Solution().findMedianSortedArrays([1, 3], [2]))
