// Correct, but on big inputs (N >= 5000) it re-adds the numbers pass after
// pass until it has used 30 s of CPU time (getrusage), as a hopelessly slow
// algorithm would; small inputs take one pass, so the samples pass.
// Expected verdict: TLE (secret/big/05-random) at any reasonable time limit.
package main

import (
	"bufio"
	"fmt"
	"os"
	"syscall"
)

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	if _, err := fmt.Fscan(in, &n); err != nil {
		panic(err)
	}
	a := make([]int64, n)
	for i := range a {
		if _, err := fmt.Fscan(in, &a[i]); err != nil {
			panic(err)
		}
	}
	var total int64
	for {
		total = 0
		for _, x := range a {
			total += x
		}
		if n < 5000 || cpuSeconds() >= 30 {
			break
		}
	}
	fmt.Println(total)
}
