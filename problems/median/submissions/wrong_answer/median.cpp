double findMedianSortedArrays(vector<long long> a, vector<long long> b)
{
    a.insert(a.end(), b.begin(), b.end());
    sort(a.begin(), a.end());
    return a[a.size() / 2];   // the upper median for even sizes
}
