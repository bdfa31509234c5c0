// lib.go: a Go submission that uses the usual library: fmt.Fscan, a map
// (counts), sort.Slice, strings.Builder, and four goroutines that sum a
// quarter of the numbers each, collected from a channel under a deadline
// (time.After). Prints one line.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var nums []int64
	for {
		var x int64
		if _, err := fmt.Fscan(in, &x); err != nil {
			break
		}
		nums = append(nums, x)
	}
	count := map[int64]int{}
	for _, x := range nums {
		count[x]++
	}
	sorted := append([]int64(nil), nums...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	parts := make(chan int64)
	var wg sync.WaitGroup
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			var s int64
			for i := k; i < len(nums); i += 4 {
				s += nums[i]
			}
			parts <- s
		}(k)
	}
	go func() { wg.Wait(); close(parts) }()
	var sum int64
	// Results with a deadline, as a worker pool usually collects them (a
	// timer: it starts the runtime's poller).
	deadline := time.After(10 * time.Second)
collect:
	for {
		select {
		case s, more := <-parts:
			if !more {
				break collect
			}
			sum += s
		case <-deadline:
			fmt.Println("the workers took too long")
			os.Exit(1)
		}
	}
	top, topn := int64(0), 0
	for x, n := range count {
		if n > topn || n == topn && x < top {
			top, topn = x, n
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "n=%d distinct=%d", len(nums), len(count))
	if len(sorted) > 0 {
		fmt.Fprintf(&b, " min=%d median=%d max=%d top=%d:%d", sorted[0], sorted[len(sorted)/2], sorted[len(sorted)-1], top, topn)
	}
	b.WriteString(" sum=" + strconv.FormatInt(sum, 10))
	fmt.Println(b.String())
}
