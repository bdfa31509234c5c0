// cheat_write.rs: a Rust cheat that creates a file (answers.txt) and writes into it.
fn main() {
    if let Err(e) = std::fs::write("answers.txt", "42\n") {
        println!("answers.txt: {}", e);
        std::process::exit(1);
    }
    println!("wrote answers.txt");
}
