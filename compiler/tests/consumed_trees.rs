//! The command line's consumed trees (`check::Options::consume_trees`):
//! resolution takes each declaration out of the workspace and keeps it,
//! spent, with the outcome (`Resolved::spent`), so the command that forgets
//! its outcome never pays for freeing them. The same report as a check that
//! keeps its trees in the workspace, at no higher a peak (a counting
//! allocator; in a test binary of its own, so that no other test's
//! allocations count).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::Mutex;

use ecospec::check::{check, Options};
use ecospec::load::{Input, RealFs};
use ecospec::render;
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// One test at a time: the counters are global.
static MEASURING: Mutex<()> = Mutex::new(());

/// Checks `folder` and returns its JSON report and the peak heap above what
/// was live before.
fn report_of(folder: &std::path::Path, options: &Options) -> (String, usize) {
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let outcome = check(&RealFs, &[Input::Folder(folder.to_path_buf())], options).unwrap();
    let peak = ALLOCATOR.peak_usage().saturating_sub(before);
    let mut report = Vec::new();
    render::write_json(&outcome, &mut report).unwrap();
    (String::from_utf8(report).unwrap(), peak)
}

fn consuming() -> Options {
    Options {
        consume_trees: true,
        ..Options::default()
    }
}

/// Consuming the trees changes no report and costs no memory: the trees
/// are held once, in the workspace or spent with the outcome. (Until
/// 2026-11-30 each was freed as it entered the model, for a lower peak;
/// freeing them cost the 1M-line check more time than reusing their memory
/// saved, and its peak stays within 400 MB: docs/src/performance.md.)
#[test]
fn consumed_trees_give_the_same_report_at_no_higher_peak() {
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.eco"),
        ecospec::testgen::ecosystem(20_000),
    )
    .unwrap();
    // Each twice, the second kept: nothing the first check initializes counts.
    let _ = report_of(dir.path(), &consuming());
    let (consumed, consumed_peak) = report_of(dir.path(), &consuming());
    let (kept, kept_peak) = report_of(dir.path(), &Options::default());
    assert_eq!(kept, consumed);
    eprintln!("peak: trees kept {kept_peak} bytes, consumed {consumed_peak} bytes");
    assert!(
        consumed_peak * 100 <= kept_peak * 102,
        "trees kept {kept_peak} bytes, consumed {consumed_peak} bytes"
    );
}

/// Two ecosystems importing one file, and one file imported by a file of
/// each: a tree another ecosystem still reads is kept, so the report is the
/// one of a check that keeps every tree (errors in the shared file included).
#[test]
fn consumed_trees_keep_a_file_that_a_later_ecosystem_imports() {
    let _guard = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "common.eco",
        "import \"deep.eco\"\ncapability shared \"Shared\"\ncluster commons {\n    needs: shared, missing\n}\n",
    );
    write(
        "deep.eco",
        "actor keeper {\n    in: commons\n    provides: shared, nowhere\n}\n",
    );
    write(
        "a.eco",
        "import \"common.eco\"\necosystem \"A\" {}\ncluster alpha {\n    needs: shared\n}\nactor ann {\n    in: alpha, commons\n}\n",
    );
    write(
        "b.eco",
        "import \"common.eco\"\necosystem \"B\" {}\ncluster beta {\n    needs: shared, gone\n}\nactor bob {\n    in: beta, keeper\n}\n",
    );
    let (kept, _) = report_of(dir.path(), &Options::default());
    let (consumed, _) = report_of(dir.path(), &consuming());
    assert_eq!(kept, consumed);
    for name in ["missing", "nowhere", "gone"] {
        assert!(kept.contains(&format!("`{name}`")), "{name}: {kept}");
    }
}
