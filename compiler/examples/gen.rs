//! Writes a generated ecosystem: `cargo run --release --example gen -- LINES [INTERVENTIONS] > big/eco.eco`,
//! or the same ecosystem as JSON (`ecospec::testgen::ecosystem_json`, the
//! yardstick of `docs/src/performance.md`): `... --example gen -- --json LINES > eco.json`.
fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let json = args.next_if(|a| a == "--json").is_some();
    let lines = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let interventions = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    if json {
        print!("{}", ecospec::testgen::ecosystem_json(lines));
    } else {
        print!(
            "{}",
            ecospec::testgen::ecosystem_with_interventions(lines, interventions)
        );
    }
}
