def find_median(nums1, nums2):     # the wrong name
    return 0.0
