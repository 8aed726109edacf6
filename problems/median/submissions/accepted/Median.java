// LeetCode's Java shape: an instance method of class Solution.
import java.util.Arrays;

class Solution {
    public double findMedianSortedArrays(int[] nums1, int[] nums2) {
        int[] all = new int[nums1.length + nums2.length];
        System.arraycopy(nums1, 0, all, 0, nums1.length);
        System.arraycopy(nums2, 0, all, nums1.length, nums2.length);
        Arrays.sort(all);
        int n = all.length;
        System.out.println("merged " + n);
        return n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + (long) all[n / 2]) / 2.0;
    }
}
