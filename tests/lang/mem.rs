// mem.rs: holds N MiB (its argument) in blocks of 1 MiB, each page
// touched, then prints "held N".
fn main() {
    let n: usize = match std::env::args().nth(1).and_then(|a| a.parse().ok()) {
        Some(n) => n,
        None => {
            eprintln!("usage: mem MIB");
            std::process::exit(2)
        }
    };
    let mut held: Vec<Vec<u8>> = Vec::new();
    for _ in 0..n {
        let mut block = vec![0u8; 1 << 20];
        for j in (0..block.len()).step_by(4096) {
            block[j] = 1;
        }
        held.push(block);
    }
    println!("held {}", held.len());
}
