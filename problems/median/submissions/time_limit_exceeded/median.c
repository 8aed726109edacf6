double findMedianSortedArrays(long long *a, int na, long long *b, int nb)
{
	volatile long long x = 0;
	for (;;)
		x++;
	return 0;
}
