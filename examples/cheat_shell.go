// cheat_shell.go: a Go cheat that runs a shell (os/exec), leaving pwned.txt behind.
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	cmd := exec.Command("/bin/sh", "-c", "echo pwned > pwned.txt")
	// The program's own descriptors: nothing for os/exec to open first.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Println("sh:", err)
		os.Exit(1)
	}
	fmt.Println("ran a shell: pwned.txt written")
}
