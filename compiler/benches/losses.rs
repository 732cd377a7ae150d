//! `cargo bench -p ecospec --bench losses`: what `ecospec what-if --losses`
//! costs against `ecospec check` on generated ecosystems
//! ([`ecospec::testgen`]) of 100k lines (the bound: at most 3×),
//! and of 1M lines when asked (`-- 100000 1000000`): the check, then the
//! configuration asked of (its lints run again, as `what-if` does) and the
//! ranking of every actor, bridge and cluster. Medians of several runs.
//! `-- --all-warn 100000` raises every lint to `warn` (`-W` for each), so
//! that every lint's losses are computed, `critical-bridge` included.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::time::{Duration, Instant};

use ecospec::check::{check, Options};
use ecospec::lints::{self, Level};
use ecospec::load::{Input, RealFs};
use ecospec::scenario::losses::losses;
use ecospec::scenario::Now;
use ecospec::testgen;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let all_warn = std::env::args().any(|a| a == "--all-warn");
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000]
    } else {
        sizes
    };
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-losses");
    println!("| lines | candidates | check | what-if --losses | of which the ranking | ratio |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for lines in sizes {
        let dir = root.join(lines.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("generated.eco"), testgen::ecosystem(lines)).unwrap();
        let inputs = [Input::Folder(dir.clone())];
        let overrides = if all_warn {
            lints::LINTS.iter().map(|l| (*l, Level::Warn)).collect()
        } else {
            Vec::new()
        };
        let options = Options {
            consume_trees: true,
            overrides,
            ..Options::default()
        };
        let runs = if lines > 500_000 { 3 } else { 7 };
        // Interleaved, so that a busy moment of a shared machine weighs
        // on both alike.
        let mut checks = Vec::new();
        let mut wholes = Vec::new();
        let mut rankings = Vec::new();
        let mut candidates = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let outcome = check(&RealFs, &inputs, &options).unwrap();
            checks.push(start.elapsed());
            std::hint::black_box(outcome.diagnostics.len());
            drop(outcome);
            let start = Instant::now();
            let outcome = check(&RealFs, &inputs, &options).unwrap();
            let now = Now::new(&outcome, 0, None).unwrap();
            let ranked_at = Instant::now();
            let ranked = losses(&now);
            rankings.push(ranked_at.elapsed());
            wholes.push(start.elapsed());
            candidates =
                now.model.actors.len() + now.model.bridges.len() + now.model.clusters.len();
            std::hint::black_box(ranked.len());
        }
        let (check_time, whole, ranking) = (median(checks), median(wholes), median(rankings));
        println!(
            "| {lines} | {candidates} | {:.0} ms | {:.0} ms | {:.0} ms | {:.2}× |",
            check_time.as_secs_f64() * 1e3,
            whole.as_secs_f64() * 1e3,
            ranking.as_secs_f64() * 1e3,
            whole.as_secs_f64() / check_time.as_secs_f64()
        );
    }
}
