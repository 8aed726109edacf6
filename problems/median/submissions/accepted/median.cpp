// C++: a Solution method with LeetCode's types (int, vector<int>&).
class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        vector<int> all(nums1);
        all.insert(all.end(), nums2.begin(), nums2.end());
        sort(all.begin(), all.end());
        size_t n = all.size();
        cout << "n = " << n << endl;
        return n % 2 ? all[n / 2] : ((long long)all[n / 2 - 1] + all[n / 2]) / 2.0;
    }
};
