// Imports a package it never uses, which Go refuses to compile. Expected verdict: CE.
package main

import (
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Scan(&n)
	var sum int64
	for i := 0; i < n; i++ {
		var a int64
		fmt.Scan(&a)
		sum += a
	}
	fmt.Println(sum)
}
