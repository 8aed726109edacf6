class Solution {
public:
    double findMedianSortedArrays(vector<string>& a, vector<string>& b) { return 0; }
};
