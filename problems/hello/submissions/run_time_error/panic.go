// Reads the input, then calls panic(). Expected verdict: RTE.
package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	panic(fmt.Sprintf("sum is %d but I refuse to print it", a+b))
}
