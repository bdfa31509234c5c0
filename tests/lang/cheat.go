// cheat.go: the Go submission's cheats, one per mode, each checked by
// go.test unconfined and confined. Usage: cheat MODE MARKER [ANSWER_FILE].
// As tests/attacks/attack.h: when the cheat works it says "attack
// succeeded: WHAT", then leaves MARKER; when a call fails it says
// "attack failed: WHAT: ERROR" and exits 1.
//
//	shell   runs /bin/sh, which writes MARKER
//	child   starts a copy of itself (fork and exec), which writes MARKER
//	write   opens MARKER, outside its directory, for writing
//	socket  connects a TCP socket to a listener of its own on 127.0.0.1
//	answer  reads a course's expected output, ANSWER_FILE
//	mark    (the child's part) writes MARKER
package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
)

func failed(what string, err error) {
	fmt.Printf("attack failed: %s: %v\n", what, err)
	os.Exit(1)
}

func mark(marker, what string) {
	fmt.Printf("attack succeeded: %s\n", what)
	if err := os.WriteFile(marker, []byte("pwned\n"), 0o644); err != nil {
		fmt.Printf("marker %s: %v\n", marker, err)
		os.Exit(1)
	}
}

// run runs a program on the cheat's own descriptors (nothing for os/exec to open first).
func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	return cmd.Run()
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: cheat shell|child|write|socket|answer|mark MARKER [ANSWER_FILE]")
		os.Exit(2)
	}
	mode, marker := os.Args[1], os.Args[2]
	switch mode {
	case "shell":
		if err := run("/bin/sh", "-c", `echo pwned > "$1"`, "sh", marker); err != nil {
			failed("run a shell", err)
		}
		fmt.Println("attack succeeded: ran a shell")
	case "child":
		if err := run("/proc/self/exe", "mark", marker); err != nil {
			failed("start a child", err)
		}
	case "mark":
		mark(marker, "a child process ran")
	case "write":
		f, err := os.OpenFile(marker, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			failed("open for writing", err)
		}
		fmt.Println("attack succeeded: opened a file for writing")
		f.WriteString("pwned\n")
		f.Close()
	case "socket":
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			failed("listen", err)
		}
		c, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			failed("connect", err)
		}
		c.Close()
		mark(marker, "socket and connect")
	case "answer":
		b, err := os.ReadFile(os.Args[3])
		if err != nil {
			failed("open the answer file", err)
		}
		mark(marker, "read the expected output: "+strings.SplitN(string(b), "\n", 2)[0])
	}
}
