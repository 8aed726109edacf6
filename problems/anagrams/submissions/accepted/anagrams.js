function groupAnagrams(words, ignoreCase) {
  const groups = new Map();
  for (const w of words) {
    const k = [...(ignoreCase ? w.toLowerCase() : w)].sort().join("");
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(w);
  }
  return [...groups.values()];
}
module.exports = { groupAnagrams };
