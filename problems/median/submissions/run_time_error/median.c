#include <stdlib.h>
double findMedianSortedArrays(long long *a, int na, long long *b, int nb)
{
	if (na + nb > 2)
		abort();
	return 0;
}
