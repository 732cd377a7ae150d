//! `ecospec graph --format json|kumu` through the binary: golden files of
//! the All In example and two training exercises (`tests/export/`;
//! `BLESS=1` rewrites them), the same bytes on every run, `--apply`, and
//! every root covered without `--root`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashSet;

use serde_json::Value;
use test_support::{golden, repo_root, text, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

/// Golden file names and the example each is of.
const CASES: &[(&str, &str)] = &[
    ("all-in", "examples/all-in"),
    (
        "W0401-unbridged-cluster",
        "examples/training/W0401-unbridged-cluster",
    ),
    ("W0422-scenario-gap", "examples/training/W0422-scenario-gap"),
];

/// `ecospec graph EXAMPLE --format FORMAT ARGS...` from the repository's
/// top: its standard output (it must exit 0).
fn export(example: &str, format: &str, args: &[&str]) -> String {
    let mut all = vec!["graph", example, "--format", format];
    all.extend_from_slice(args);
    let output = ECOSPEC.run(&repo_root(), &all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{all:?}: {}",
        text(&output.stderr)
    );
    text(&output.stdout)
}

#[test]
fn the_exports_match_their_golden_files() {
    let dir = repo_root().join("tests/export");
    let mut problems = Vec::new();
    for (name, example) in CASES {
        for (format, extension) in [("json", "json"), ("kumu", "kumu.json")] {
            let path = dir.join(format!("{name}.{extension}"));
            if let Err(problem) = golden(&path, &export(example, format, &[])) {
                problems.push(problem);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_same_spec_gives_the_same_bytes() {
    for format in ["json", "kumu"] {
        assert_eq!(
            export("examples/all-in", format, &[]),
            export("examples/all-in", format, &[])
        );
    }
}

#[test]
fn every_root_is_exported_without_root() {
    let doc: Value =
        serde_json::from_str(&export("examples/training/W0422-scenario-gap", "json", &[])).unwrap();
    let roots: Vec<&str> = doc["ecosystems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["root"].as_str().unwrap())
        .collect();
    assert_eq!(
        roots,
        [
            "examples/training/W0422-scenario-gap/fixed.eco",
            "examples/training/W0422-scenario-gap/gap.eco"
        ]
    );
    let blueprint: Value =
        serde_json::from_str(&export("examples/training/W0422-scenario-gap", "kumu", &[])).unwrap();
    let ids: HashSet<&str> = blueprint["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains("examples/training/W0422-scenario-gap/gap.eco#cluster:mobilization"));
    assert!(ids.contains("examples/training/W0422-scenario-gap/fixed.eco#cluster:mobilization"));
}

#[test]
fn apply_exports_the_configuration_with_the_intervention() {
    let doc: Value = serde_json::from_str(&export(
        "examples/all-in",
        "json",
        &["--apply", "spokespeople_network"],
    ))
    .unwrap();
    assert_eq!(doc["applied"], "spokespeople_network");
    let bridges = doc["ecosystems"][0]["bridges"].as_array().unwrap();
    let spokes = bridges
        .iter()
        .find(|b| b["name"] == "spokes_network")
        .unwrap();
    assert_eq!(spokes["intervention"], "spokespeople_network");
    assert_eq!(
        spokes["joins"],
        serde_json::json!(["antimilitarist", "mobilization"])
    );
    let blueprint: Value = serde_json::from_str(&export(
        "examples/all-in",
        "kumu",
        &["--apply", "spokespeople_network"],
    ))
    .unwrap();
    let joins = blueprint["connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["from"] == "bridge:spokes_network" && c["type"] == "joins")
        .count();
    assert_eq!(joins, 2);
}
