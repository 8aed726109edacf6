/* C: the arrays come as (long long *, int) pairs. */
#include <stdio.h>

double findMedianSortedArrays(long long *nums1, int nums1Size, long long *nums2, int nums2Size)
{
	int n = nums1Size + nums2Size, i = 0, j = 0;
	long long prev = 0, cur = 0;

	for (int k = 0; k <= n / 2; k++) {
		prev = cur;
		if (j >= nums2Size || (i < nums1Size && nums1[i] <= nums2[j]))
			cur = nums1[i++];
		else
			cur = nums2[j++];
	}
	printf("n = %d\n", n);
	return n % 2 ? (double)cur : (prev + cur) / 2.0;
}
