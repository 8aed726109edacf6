function findMedianSortedArrays(a, b) {
  for (;;) {}
}
