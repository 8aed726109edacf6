// Sums the numbers in an int64 with a buffered reader. Expected verdict: AC (fast).
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	if _, err := fmt.Fscan(in, &n); err != nil {
		panic(err)
	}
	var sum int64
	for i := 0; i < n; i++ {
		var a int64
		if _, err := fmt.Fscan(in, &a); err != nil {
			panic(err)
		}
		sum += a
	}
	fmt.Println(sum)
}
