// Go: a top-level func, no package clause (the judge adds one).
func findMedianSortedArrays(nums1 []int, nums2 []int) float64 {
	all := make([]int, 0, len(nums1)+len(nums2))
	i, j := 0, 0
	for i < len(nums1) || j < len(nums2) {
		if j >= len(nums2) || (i < len(nums1) && nums1[i] <= nums2[j]) {
			all = append(all, nums1[i])
			i++
		} else {
			all = append(all, nums2[j])
			j++
		}
	}
	n := len(all)
	if n%2 == 1 {
		return float64(all[n/2])
	}
	return float64(all[n/2-1]+all[n/2]) / 2
}
