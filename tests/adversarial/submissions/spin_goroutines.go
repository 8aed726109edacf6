// EXPECT: TLE
// ATTACK: Go: spawns goroutines that spin on every CPU and never lets main finish.
package main

import (
	"fmt"
	"runtime"
)

var sink [64]uint64

func main() {
	var a, b int64
	if _, err := fmt.Scan(&a, &b); err != nil {
		panic(err)
	}
	for i := 0; i < 8*runtime.NumCPU(); i++ {
		go func(k int) {
			for {
				sink[k%64]++
			}
		}(i)
	}
	select {}
}
