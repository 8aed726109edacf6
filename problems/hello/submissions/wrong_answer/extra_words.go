// Prints "sum = a+b": the extra tokens make the answer wrong. Expected verdict: WA.
package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	fmt.Printf("sum = %d\n", a+b)
}
