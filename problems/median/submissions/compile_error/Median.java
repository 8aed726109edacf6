class Solution {
    public double findMedian(int[] a, int[] b) { return 0; }
}
