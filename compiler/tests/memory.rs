//! Memory of the check and of its JSON report, measured with a counting
//! allocator: the peak of live heap bytes while checking a generated folder
//! and writing its report. The inputs are scaled down from the attack's
//! (1,000,000 bare clusters, a 100 MB line of NULs) so the tests stay fast
//! in debug builds; the bounds are per finding and per byte of input, so
//! they hold at any size.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::Mutex;

use ecospec::check::{check, Options, Outcome};
use ecospec::load::{Input, RealFs};
use ecospec::render;
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// One measurement at a time: the counters are global.
static MEASURING: Mutex<()> = Mutex::new(());

/// Checks a folder holding `spec.eco` with `text` and writes its JSON
/// report to `report`; returns the outcome's diagnostics count and the peak
/// heap above what was live before, in bytes.
fn check_and_report(text: &[u8], report: &mut dyn std::io::Write) -> (Outcome, usize) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.eco"), text).unwrap();
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let outcome = check(
        &RealFs,
        &[Input::Folder(dir.path().to_path_buf())],
        &Options::default(),
    )
    .unwrap();
    render::write_json(&outcome, report).unwrap();
    let peak = ALLOCATOR.peak_usage().saturating_sub(before);
    eprintln!(
        "{} diagnostics: peak {peak} bytes",
        outcome.diagnostics.len()
    );
    (outcome, peak)
}

/// Counts the bytes written, keeps none.
#[derive(Default)]
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The attack: 1,000,000 bare clusters (three findings each: W0401, W0406,
/// W0408) needed 6 GB for `--format json`, about 6 KB per finding, as the
/// whole report was built as a `serde_json::Value` tree and then as one
/// string (4 KB per finding here). Streamed, the report costs no memory of
/// its own: the peak is the check's, under 1.5 KB per finding (the report
/// alone is about 550 bytes per finding).
#[test]
fn json_of_a_million_bare_clusters_is_streamed_in_bounded_memory() {
    let clusters = 20_000;
    let text: String = (0..clusters).map(|i| format!("cluster c{i}\n")).collect();
    let mut report = Counted::default();
    let (outcome, peak) = check_and_report(text.as_bytes(), &mut report);
    let findings = outcome.diagnostics.len();
    assert_eq!(findings, 3 * clusters);
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| ["W0401", "W0406", "W0408"].contains(&d.code.as_str())),
        "{:?}",
        outcome.diagnostics.first()
    );
    // The report is bigger than the memory the whole check needed: nothing
    // holds it.
    assert!(report.0 > 500 * findings, "{} bytes", report.0);
    let per_finding = peak / findings;
    assert!(
        per_finding < 1_500,
        "{per_finding} bytes per finding (peak {peak}, report {} bytes)",
        report.0
    );
}

/// The attack: `--format json` of 200,000 diagnostics peaked at 1.4 GB. The
/// same report of 60,000 syntax errors stays within 1 KB a diagnostic (it needed 2.7 KB).
#[test]
fn json_of_two_hundred_thousand_diagnostics_is_streamed_in_bounded_memory() {
    let errors = 60_000;
    let text = "$\n".repeat(errors);
    let mut report = Counted::default();
    let (outcome, peak) = check_and_report(text.as_bytes(), &mut report);
    assert_eq!(outcome.diagnostics.len(), errors);
    assert!(outcome
        .diagnostics
        .iter()
        .all(|d| d.code.as_str() == "E0103"));
    let per_diagnostic = peak / errors;
    assert!(
        per_diagnostic < 1_000,
        "{per_diagnostic} bytes per diagnostic (peak {peak}, report {} bytes)",
        report.0
    );
}

/// The attack: a 100 MB line of NULs needed 3.9 GB: its E0103 message named
/// every character (`U+0000 U+0000 …`, 7 bytes for each byte of input) and
/// the lexer kept a copy of the run. A run of unreadable characters is one
/// E0103 whose message names its first eight characters and counts the
/// rest; the check needs less than three times the input, the report stays small.
#[test]
fn a_100_mb_line_of_nuls_is_one_short_e0103_in_bounded_memory() {
    let len = 2_000_000;
    let mut text = b"cluster c {}\n".to_vec();
    text.resize(text.len() + len, 0);
    text.extend_from_slice(b"\ncluster d {}\n");
    let mut report = Vec::new();
    let (outcome, peak) = check_and_report(&text, &mut report);
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "E0103")
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", outcome.diagnostics);
    let error = errors[0];
    assert_eq!(
        error.message,
        format!(
            "{} and {} more characters cannot start a name, a string or a symbol",
            ["U+0000"; 8].join(" "),
            len - 8
        )
    );
    assert_eq!(error.primary_label, "not part of the language");
    let report_json: serde_json::Value = serde_json::from_slice(&report).unwrap();
    let e0103 = report_json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "E0103")
        .unwrap();
    let range = &e0103["range"];
    assert_eq!(range["start"]["line"], 2);
    assert_eq!(range["start"]["column"], 1);
    assert_eq!(range["end"]["column"], len + 1);
    assert!(report.len() < 10_000, "{} bytes of JSON", report.len());
    // The text (read, then kept in the outcome's sources) and its tables.
    assert!(
        peak < 3 * text.len(),
        "peak {peak} for {} bytes",
        text.len()
    );
}
