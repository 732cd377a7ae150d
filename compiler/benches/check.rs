//! `cargo bench -p ecospec --bench check`: throughput of the lexer, the
//! parser and the whole check over generated ecosystems
//! ([`ecospec::testgen`]) of 1k, 10k, 100k and 1M lines, and the added cost
//! of 1 and 5 interventions on the largest.
//!
//! A plain program (`harness = false`), so that it needs no benchmark
//! framework: each figure is the median of several runs. Pass sizes as
//! arguments to run only those (`cargo bench -p ecospec --bench check -- 100000`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::time::Duration;

use ecospec::check::{check, Options};
use ecospec::load::{Input, RealFs};
use ecospec::testgen;
use test_support::median;

fn runs_for(bytes: usize) -> usize {
    if bytes > 10_000_000 {
        5
    } else if bytes > 1_000_000 {
        11
    } else {
        31
    }
}

fn mbps(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn write_spec(dir: &Path, text: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("generated.eco"), text).unwrap();
}

fn check_time(dir: &Path, runs: usize) -> Duration {
    let inputs = [Input::Folder(dir.to_path_buf())];
    let options = Options::default();
    median(runs, || {
        let outcome = check(&RealFs, &inputs, &options).unwrap();
        std::hint::black_box(outcome.diagnostics.len());
    })
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if args.is_empty() {
        vec![1_000, 10_000, 100_000, 1_000_000]
    } else {
        args
    };
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-check");
    println!(
        "| lines | MB | lex MB/s | parse MB/s | check | check MB/s |\n|---:|---:|---:|---:|---:|---:|"
    );
    let mut largest = None;
    for &lines in &sizes {
        let text = testgen::ecosystem(lines);
        let bytes = text.len();
        let runs = runs_for(bytes);
        let lex = median(runs, || {
            let count = ecospec_syntax::lexer::Lexer::new(&text).count();
            std::hint::black_box(count);
        });
        let parse = median(runs, || {
            let file = ecospec_syntax::parse(&text);
            std::hint::black_box(file.items.len());
        });
        let dir = root.join(format!("{lines}"));
        write_spec(&dir, &text);
        let whole = check_time(&dir, runs);
        println!(
            "| {} | {:.1} | {:.0} | {:.0} | {:.1} ms | {:.0} |",
            text.lines().count(),
            bytes as f64 / 1e6,
            mbps(bytes, lex),
            mbps(bytes, parse),
            whole.as_secs_f64() * 1e3,
            mbps(bytes, whole),
        );
        largest = Some((lines, whole, runs));
    }
    let Some((lines, base, runs)) = largest else {
        return;
    };
    println!(
        "\n| interventions ({lines} lines) | check | added per intervention |\n|---:|---:|---:|"
    );
    println!("| 0 | {:.1} ms | |", base.as_secs_f64() * 1e3);
    for n in [1, 5] {
        let dir = root.join(format!("{lines}-i{n}"));
        write_spec(&dir, &testgen::ecosystem_with_interventions(lines, n));
        let time = check_time(&dir, runs);
        let added = time.saturating_sub(base) / n as u32;
        println!(
            "| {n} | {:.1} ms | {:.1} ms |",
            time.as_secs_f64() * 1e3,
            added.as_secs_f64() * 1e3
        );
    }
}
