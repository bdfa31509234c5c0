// sum.go: a well-behaved Go submission (bufio, strconv, math): the sum and
// root mean square of the integers on standard input, printed as sum.c
// prints them.
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Split(bufio.ScanWords)
	var sum, n int64
	squares := 0.0
	for in.Scan() {
		x, err := strconv.ParseInt(in.Text(), 10, 64)
		if err != nil {
			break // scanf stops at the first word that is not a number
		}
		sum += x
		squares += float64(x) * float64(x)
		n++
	}
	rms := 0.0
	if n > 0 {
		rms = math.Sqrt(squares / float64(n))
	}
	fmt.Printf("sum %d\n", sum)
	fmt.Printf("rms %.4f\n", rms)
}
