class Solution {
    public double findMedianSortedArrays(int[] a, int[] b) {
        long x = 0;
        while (x >= 0) x = (x * 31 + 7) & 0xffffffL;
        return x;
    }
}
