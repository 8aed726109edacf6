import java.util.*;

class Solution {
    public List<List<String>> groupAnagrams(String[] words, boolean ignoreCase) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String w : words) {
            int[] cps = (ignoreCase ? w.toLowerCase() : w).codePoints().sorted().toArray();
            groups.computeIfAbsent(new String(cps, 0, cps.length), k -> new ArrayList<>()).add(w);
        }
        return new ArrayList<>(groups.values());
    }
}
