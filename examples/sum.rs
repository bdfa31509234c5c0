// sum.rs: a well-behaved Rust submission (std::io, iterators): the sum and
// root mean square of the integers on standard input, printed as sum.c
// prints them.
use std::io::{self, BufWriter, Read, Write};

fn main() {
    let mut text = String::new();
    io::stdin()
        .read_to_string(&mut text)
        .expect("reading standard input");
    let mut sum: i64 = 0;
    let mut squares = 0.0f64;
    let mut n = 0u64;
    // scanf stops at the first word that is not a number
    for x in text.split_whitespace().map_while(|w| w.parse::<i64>().ok()) {
        sum += x;
        squares += (x as f64) * (x as f64);
        n += 1;
    }
    let rms = if n > 0 {
        (squares / n as f64).sqrt()
    } else {
        0.0
    };
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    writeln!(out, "sum {}", sum).unwrap();
    writeln!(out, "rms {:.4}", rms).unwrap();
}
