double findMedianSortedArrays(vector<int>& a, vector<int>& b)
{
    volatile long long x = 0;
    for (;;) x++;
}
