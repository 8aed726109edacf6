func findMedianSortedArrays(nums1 []int, nums2 []int) float64 {
	x := 0
	for x >= 0 {
		x = (x*31 + 7) & 0xffffff
	}
	return float64(x)
}
