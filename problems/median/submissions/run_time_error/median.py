def findMedianSortedArrays(nums1, nums2):
    merged = sorted(nums1 + nums2)
    if len(merged) > 3:
        raise ValueError("too many numbers for me")
    return merged[len(merged) // 2]
