// Prints n/2 and n - n/2 (truncating division, so also right for odd and negative n). Expected verdict: AC.
package main

import "fmt"

func main() {
	var n int64
	fmt.Scan(&n)
	fmt.Println(n/2, n-n/2)
}
