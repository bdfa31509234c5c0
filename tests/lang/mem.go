// mem.go: holds N MiB (its argument) in blocks of 1 MiB, each page
// touched, then prints "held N".
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "usage: mem MIB")
		os.Exit(2)
	}
	var held [][]byte
	for i := 0; i < n; i++ {
		b := make([]byte, 1<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		held = append(held, b)
	}
	fmt.Println("held", len(held))
}
