//! section 9.5: no finding that only follows from a typo. Over every
//! training exercise, misspelling field names (each with a did-you-mean)
//! adds an E0204 per misspelling and changes no lint finding and no
//! intervention's verdict: for the lints, a misspelling counts as what its
//! did-you-mean says it meant.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ecospec::check::{check, Options, Outcome};
use ecospec::diagnostic::Severity;
use ecospec::load::Input;

/// Each field name and a misspelling of it whose did-you-mean it is.
const TYPOS: &[(&str, &str)] = &[
    ("serves:", "serve:"),
    ("needs:", "need:"),
    ("provides:", "provide:"),
    ("bets_on:", "bet_on:"),
    ("activate:", "activte:"),
];

fn outcome(text: &str) -> Outcome {
    let (fs, paths) = ecospec::fuzzing::folder(text.as_bytes());
    let inputs: Vec<_> = paths.into_iter().map(Input::File).collect();
    check(&fs, &inputs, &Options::default()).unwrap()
}

/// The lint findings (code and message), sorted, with each intervention's
/// closed and opened counts.
fn verdicts(outcome: &Outcome) -> (Vec<(String, String)>, Vec<String>) {
    let mut findings: Vec<(String, String)> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with('W'))
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect();
    findings.sort();
    let interventions = outcome
        .interventions
        .iter()
        .map(|i| {
            let messages = |changes: &[ecospec::lints::Change]| -> Vec<String> {
                changes.iter().map(|c| c.message.clone()).collect()
            };
            format!(
                "{}: closes {:?}, opens {:?}",
                i.name,
                messages(&i.closes),
                messages(&i.opens)
            )
        })
        .collect();
    (findings, interventions)
}

fn errors(outcome: &Outcome) -> Vec<String> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn misspelt_fields_change_no_verdict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .flat_map(|p| [p.join("gap.eco"), p.join("fixed.eco")])
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 40, "{files:?}");
    let mut problems = Vec::new();
    let mut misspelt = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let before = outcome(&text);
        if !errors(&before).is_empty() {
            continue;
        }
        let mut typo = text.clone();
        let mut count = 0;
        for (field, misspelt) in TYPOS {
            count += typo.matches(field).count();
            typo = typo.replace(field, misspelt);
        }
        let after = outcome(&typo);
        misspelt += errors(&after).len();
        let name = file.strip_prefix(&root).unwrap().display();
        // Comments may hold the words too: at most one E0204 each.
        let errors_after = errors(&after);
        if errors_after.len() > count || errors_after.iter().any(|c| c != "E0204") {
            problems.push(format!("{name}: errors {errors_after:?}"));
        }
        if verdicts(&before) != verdicts(&after) {
            problems.push(format!(
                "{name}: {:?}\n  became {:?}",
                verdicts(&before),
                verdicts(&after)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(misspelt >= 100, "only {misspelt} misspellings were tried");
}
