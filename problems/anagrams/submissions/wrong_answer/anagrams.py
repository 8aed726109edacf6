def groupAnagrams(words, ignoreCase):
    groups = {}
    for w in words:                      # ignores ignoreCase
        groups.setdefault("".join(sorted(w)), []).append(w)
    return list(groups.values())
