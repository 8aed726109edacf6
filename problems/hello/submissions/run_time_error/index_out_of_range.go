// Reads the input, then indexes a 2-element slice at 2: runtime panic. Expected verdict: RTE.
package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	xs := []int64{a, b}
	fmt.Println(xs[len(xs)])
}
