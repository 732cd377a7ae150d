//! Writes a generated ecosystem: `cargo run --release --example gen -- LINES [INTERVENTIONS] > big/eco.eco`.
fn main() {
    let mut args = std::env::args().skip(1);
    let lines = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let interventions = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    print!(
        "{}",
        ecospec::testgen::ecosystem_with_interventions(lines, interventions)
    );
}
