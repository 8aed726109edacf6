// Allocates 1 GiB in 16 MiB slices and writes to every byte (limit: 256 MiB). Expected verdict: MLE.
package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	var hoard [][]byte
	for i := 0; i < 64; i++ {
		s := make([]byte, 16<<20)
		for j := range s {
			s[j] = byte(i + 1)
		}
		hoard = append(hoard, s)
	}
	fmt.Println(a + b + int64(hoard[63][0]) - int64(hoard[63][0]))
}
