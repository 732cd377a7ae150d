//! `graph --format json` against its committed JSON Schema
//! (`docs/src/model.schema.json`): the All In example (baseline and each
//! intervention applied), the March on Washington, and every training
//! exercise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use ecospec::check::{check, Options};
use ecospec::export::model_json;
use ecospec::load::{Input, RealFs};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/src/model.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The export of `folder` (with `apply`), checked against the schema:
/// the problems found, each on a line.
fn problems(validator: &jsonschema::Validator, folder: &Path, apply: Option<&str>) -> Vec<String> {
    let options = Options {
        apply: apply.map(str::to_string),
        ..Options::default()
    };
    let outcome = check(&RealFs, &[Input::Folder(folder.to_path_buf())], &options).unwrap();
    let document: Value = serde_json::from_str(&model_json(&outcome)).unwrap();
    assert!(
        !document["ecosystems"].as_array().unwrap().is_empty(),
        "{folder:?}: no ecosystem"
    );
    validator
        .iter_errors(&document)
        .map(|e| format!("{folder:?} {apply:?}: {e} at {}", e.instance_path))
        .collect()
}

#[test]
fn the_examples_exports_match_the_schema() {
    let validator = validator();
    let all_in = repo().join("examples/all-in");
    let mut found = problems(&validator, &all_in, None);
    for intervention in [
        "joint_conference",
        "spokespeople_network",
        "digital_security_network",
    ] {
        found.extend(problems(&validator, &all_in, Some(intervention)));
    }
    found.extend(problems(
        &validator,
        &repo().join("examples/march-on-washington"),
        None,
    ));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_training_exercise_export_matches_the_schema() {
    let validator = validator();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(repo().join("examples/training"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    assert!(folders.len() >= 23, "{folders:?}");
    let found: Vec<String> = folders
        .iter()
        .flat_map(|folder| problems(&validator, folder, None))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_schema_rejects_what_it_does_not_describe() {
    let validator = validator();
    let outcome = check(
        &RealFs,
        &[Input::Folder(repo().join("examples/all-in"))],
        &Options::default(),
    )
    .unwrap();
    let mut document: Value = serde_json::from_str(&model_json(&outcome)).unwrap();
    assert!(validator.is_valid(&document));
    document["ecosystems"][0]["findings"][0]["level"] = "warning".into();
    assert!(!validator.is_valid(&document));
    document["version"] = 2.into();
    assert!(!validator.is_valid(&document));
}
