class Solution {
public:
    double findMedianSortedArrays(vector<int>& a, vector<int>& b) {
        return a.at(100) + b.at(100);   // std::out_of_range
    }
};
