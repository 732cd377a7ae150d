//! The training exercises (`examples/training/`): each folder `CODE-name`,
//! checked as a folder (with its `ecospec.toml`, if any), reports its code in
//! `gap.eco`, nothing else there, and nothing at all in `fixed.eco`; and the
//! `Expected:` comment of `gap.eco` names the code. A what-if exercise
//! (`what-if-*`) reports in `gap.eco` only the code its `Expected:` names,
//! and nothing in `fixed.eco`; its walks are golden cases of
//! `cli/tests/what_if.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ecospec::check::{check, Options};
use ecospec::load::{Input, RealFs};

#[test]
fn each_exercise_shows_its_gap_and_its_fix_closes_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        // One exercise per lint; the what-if exercises are checked below.
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("what-if")
        })
        .collect();
    folders.sort();
    assert!(folders.len() >= 23, "{folders:?}");
    let mut problems = Vec::new();
    for folder in &folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let code = &name[..5];
        let gap = std::fs::read_to_string(folder.join("gap.eco")).unwrap();
        if !gap
            .lines()
            .any(|l| l.starts_with("// Expected:") && l.contains(code))
        {
            problems.push(format!(
                "{name}: the story's `Expected:` does not name {code}"
            ));
        }
        let outcome = check(
            &RealFs,
            &[Input::Folder(folder.clone())],
            &Options::default(),
        )
        .unwrap();
        let mut in_gap = Vec::new();
        for d in &outcome.diagnostics {
            let file = d
                .primary
                .and_then(|loc| outcome.sources.get(loc.file))
                .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
                .unwrap_or_default();
            match file.as_str() {
                "gap.eco" => in_gap.push(d.code.to_string()),
                _ => problems.push(format!("{name}: {file} reports {} ({})", d.code, d.message)),
            }
        }
        in_gap.dedup();
        if in_gap != [code] {
            problems.push(format!(
                "{name}: gap.eco reports {in_gap:?}, not only {code}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn each_what_if_exercise_shows_its_gap_and_its_fix_closes_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("what-if")
        })
        .collect();
    folders.sort();
    assert!(!folders.is_empty());
    for folder in &folders {
        let gap = std::fs::read_to_string(folder.join("gap.eco")).unwrap();
        let expected = gap
            .lines()
            .find_map(|l| l.strip_prefix("// Expected: "))
            .and_then(|l| l.split_whitespace().next())
            .unwrap();
        let outcome = check(
            &RealFs,
            &[Input::Folder(folder.clone())],
            &Options::default(),
        )
        .unwrap();
        let found: Vec<(String, String)> = outcome
            .diagnostics
            .iter()
            .map(|d| {
                let file = d
                    .primary
                    .and_then(|loc| outcome.sources.get(loc.file))
                    .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
                    .unwrap_or_default();
                (file, d.code.to_string())
            })
            .collect();
        assert!(!found.is_empty(), "{folder:?}");
        for (file, code) in &found {
            assert_eq!(
                (file.as_str(), code.as_str()),
                ("gap.eco", expected),
                "{folder:?}"
            );
        }
    }
}
