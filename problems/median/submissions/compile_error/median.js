function findMedian(a, b) { return 0; }
