// cheat.rs: the Rust submission's cheats, one per mode, each checked by
// rust.test unconfined and confined. Usage: cheat MODE MARKER [ANSWER_FILE].
// As tests/attacks/attack.h: when the cheat works it says "attack
// succeeded: WHAT", then leaves MARKER; when a call fails it says
// "attack failed: WHAT: ERROR" and exits 1.
//   shell   runs /bin/sh, which writes MARKER
//   child   starts a copy of itself (fork and exec), which writes MARKER
//   write   opens MARKER, outside its directory, for writing
//   socket  connects a TCP socket to a listener of its own on 127.0.0.1
//   answer  reads a course's expected output, ANSWER_FILE
//   mark    (the child's part) writes MARKER
use std::fs::File;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::process::{exit, Command};

fn failed(what: &str, err: std::io::Error) -> ! {
    println!("attack failed: {}: {}", what, err);
    exit(1)
}

fn mark(marker: &str, what: &str) {
    println!("attack succeeded: {}", what);
    if let Err(e) = std::fs::write(marker, "pwned\n") {
        println!("marker {}: {}", marker, e);
        exit(1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: cheat shell|child|write|socket|answer|mark MARKER [ANSWER_FILE]");
        exit(2);
    }
    let marker = args[2].as_str();
    match args[1].as_str() {
        "shell" => match Command::new("/bin/sh")
            .args(["-c", "echo pwned > \"$1\"", "sh", marker])
            .status()
        {
            Ok(s) if s.success() => println!("attack succeeded: ran a shell"),
            Ok(s) => {
                println!("attack failed: run a shell: {}", s);
                exit(1)
            }
            Err(e) => failed("run a shell", e),
        },
        "child" => {
            if let Err(e) = Command::new("/proc/self/exe")
                .args(["mark", marker])
                .status()
            {
                failed("start a child", e);
            }
        }
        "mark" => mark(marker, "a child process ran"),
        "write" => match File::create(marker) {
            Ok(mut f) => {
                println!("attack succeeded: opened a file for writing");
                let _ = f.write_all(b"pwned\n");
            }
            Err(e) => failed("open for writing", e),
        },
        "socket" => {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| failed("listen", e));
            let addr = listener
                .local_addr()
                .unwrap_or_else(|e| failed("listen", e));
            TcpStream::connect(addr).unwrap_or_else(|e| failed("connect", e));
            mark(marker, "socket and connect");
        }
        "answer" => match std::fs::read_to_string(&args[3]) {
            Ok(text) => mark(
                marker,
                &format!(
                    "read the expected output: {}",
                    text.lines().next().unwrap_or("")
                ),
            ),
            Err(e) => failed("open the answer file", e),
        },
        _ => exit(2),
    }
}
