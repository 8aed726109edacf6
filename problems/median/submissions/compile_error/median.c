/* LeetCode's C types, not the judge's (long long *): conflicting types. */
double findMedianSortedArrays(int *nums1, int nums1Size, int *nums2, int nums2Size)
{
	return 0;
}
