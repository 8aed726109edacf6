class Solution {
    public double findMedianSortedArrays(int[] a, int[] b) {
        return a[0] + b[5];   // ArrayIndexOutOfBoundsException
    }
}
