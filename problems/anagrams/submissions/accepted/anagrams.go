package main

import (
	"sort"
	"strings"
)

func groupAnagrams(words []string, ignoreCase bool) [][]string {
	index := map[string]int{}
	out := [][]string{}
	for _, w := range words {
		k := w
		if ignoreCase {
			k = strings.ToLower(k)
		}
		r := []rune(k)
		sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
		k = string(r)
		if i, ok := index[k]; ok {
			out[i] = append(out[i], w)
		} else {
			index[k] = len(out)
			out = append(out, []string{w})
		}
	}
	return out
}
