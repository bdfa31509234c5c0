// lib.rs: a Rust submission that uses the usual library: a HashMap (counts),
// sort_unstable, format! and write!, and four threads that sum a quarter of
// the numbers each, over a channel. Prints one line.
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;
use std::sync::{mpsc, Arc};
use std::thread;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let nums: Arc<Vec<i64>> = Arc::new(
        text.split_whitespace()
            .map(|w| w.parse().unwrap())
            .collect(),
    );
    let mut count: HashMap<i64, usize> = HashMap::new();
    for &x in nums.iter() {
        *count.entry(x).or_insert(0) += 1;
    }
    let mut sorted = nums.to_vec();
    sorted.sort_unstable();
    let (tx, rx) = mpsc::channel();
    let workers: Vec<_> = (0..4)
        .map(|k| {
            let (nums, tx) = (Arc::clone(&nums), tx.clone());
            thread::spawn(move || {
                tx.send(nums.iter().skip(k).step_by(4).sum::<i64>())
                    .unwrap()
            })
        })
        .collect();
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
    let sum: i64 = rx.iter().sum();
    let mut line = format!("n={} distinct={}", nums.len(), count.len());
    if let (Some(min), Some(max)) = (sorted.first(), sorted.last()) {
        let (top, topn) = count
            .iter()
            .map(|(&x, &n)| (x, n))
            .min_by_key(|&(x, n)| (std::cmp::Reverse(n), x))
            .unwrap();
        write!(
            line,
            " min={} median={} max={} top={}:{}",
            min,
            sorted[sorted.len() / 2],
            max,
            top,
            topn
        )
        .unwrap();
    }
    println!("{} sum={}", line, sum);
}
