function findMedianSortedArrays(a, b) {
  const all = a.concat(b).sort();   // sorts as strings
  const n = all.length;
  return n % 2 ? all[(n - 1) / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
}
