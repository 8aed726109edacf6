def findMedianSortedArrays(nums1, nums2):
    while True:
        pass
