class Solution:
    def groupAnagrams(self, words, ignoreCase):
        groups = {}
        for w in words:
            groups.setdefault("".join(sorted(w.lower() if ignoreCase else w)), []).append(w)
        return list(groups.values())
