package main

func findMedianSortedArrays(nums1 []int, nums2 []int) float64 {
	return float64(len(nums1) + len(nums2))
}
