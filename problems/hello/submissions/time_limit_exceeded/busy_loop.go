// Reads the input, then spins forever. Expected verdict: TLE (CPU limit).
package main

import "fmt"

var spin uint64

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	for {
		spin++
	}
}
