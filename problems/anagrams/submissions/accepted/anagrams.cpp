class Solution {
public:
    vector<vector<string>> groupAnagrams(vector<string>& words, bool ignoreCase) {
        map<string, int> index;
        vector<vector<string>> out;
        for (auto &w : words) {
            string k = w;
            if (ignoreCase)
                for (auto &c : k) c = tolower((unsigned char)c);
            sort(k.begin(), k.end());   // bytes: fine for telling anagrams apart here
            auto it = index.find(k);
            if (it == index.end()) {
                index[k] = out.size();
                out.push_back({w});
            } else {
                out[it->second].push_back(w);
            }
        }
        return out;
    }
};
