//! Prints the syntax tree and errors of a file: `cargo run -p ecospec-syntax --example dump FILE`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump FILE")?;
    let src = std::fs::read_to_string(path)?;
    let file = ecospec_syntax::parse(&src);
    println!("{:#?}", file.items);
    for e in &file.errors {
        println!("{:?} {:?} {:?}", e.span, src.get(e.span.range()), e.kind);
    }
    Ok(())
}
