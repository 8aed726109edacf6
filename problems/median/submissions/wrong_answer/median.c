double findMedianSortedArrays(long long *a, int na, long long *b, int nb)
{
	return na ? (double)a[na / 2] : (double)b[nb / 2];   /* ignores one array */
}
