// Declares a variable it never uses, which Go refuses to compile. Expected verdict: CE.
package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	unused := a * b
	fmt.Println(a + b)
}
