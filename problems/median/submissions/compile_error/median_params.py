def findMedianSortedArrays(nums1, nums2, nums3):   # one parameter too many
    return 0.0
