//! `ecospec what-if`, run by the real binary from the repository's top
//! folder, against golden files (after the UI corpus of `cli/tests/ui.rs`):
//!
//! - each case is `tests/what-if/NAME.args`, one line of arguments after
//!   `ecospec what-if`; `NAME.out` beside it holds the exit status, the
//!   standard output and the standard error. `BLESS=1` writes them; review
//!   the diff.
//! - every JSON output of a case is validated against the JSON Schema in
//!   `docs/src/what-if.schema.json`.
//! - the cases cover every format on the examples, a scenario with no path,
//!   a removed bridge, a removed capability, `--apply` with `--without`,
//!   and each usage error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use test_support::{repo_root, text, Program, TempDir};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

fn cases() -> Vec<PathBuf> {
    let dir = repo_root().join("tests/what-if");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    cases.sort();
    cases
}

fn args_of(case: &Path) -> Vec<String> {
    let line = std::fs::read_to_string(case).unwrap();
    let mut args = vec!["what-if".to_string()];
    args.extend(line.split_whitespace().map(str::to_string));
    args
}

fn run(args: &[String]) -> (i32, String, String) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = ECOSPEC.run(&repo_root(), &args);
    (
        output.status.code().unwrap_or(-1),
        text(&output.stdout),
        text(&output.stderr),
    )
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo_root().join("docs/src/what-if.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn validate(validator: &jsonschema::Validator, json: &str) -> Result<(), String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

#[test]
fn golden_cases() {
    let validator = schema();
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 20, "the what-if cases are missing");
    for case in &cases {
        let args = args_of(case);
        let (status, stdout, stderr) = run(&args);
        let actual = format!("exit: {status}\n--- stdout\n{stdout}--- stderr\n{stderr}");
        if args.iter().any(|a| a == "json") && status == 0 {
            if let Err(e) = validate(&validator, &stdout) {
                failures.push(format!(
                    "{}: not valid against the schema:\n{e}",
                    case.display()
                ));
            }
        }
        let expected_path = case.with_extension("out");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{} differs:\n--- expected\n{expected}\n--- actual\n{actual}",
                expected_path.display()
            )),
            Err(_) => failures.push(format!(
                "{} is missing: run with BLESS=1 and review it",
                expected_path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_format_is_covered_for_the_examples_and_the_listed_cases() {
    let names: Vec<String> = cases()
        .iter()
        .map(|c| c.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for case in [
        "all-in",
        "no-path",
        "removed-bridge",
        "removed-capability",
        "apply-and-without",
    ] {
        for format in ["human", "json", "markdown"] {
            let name = format!("{case}-{format}");
            assert!(names.contains(&name), "no case {name}");
        }
    }
}

#[test]
fn the_same_question_gives_the_same_bytes() {
    let args: Vec<String> = [
        "what-if",
        "tests/what-if/specs/detour.eco",
        "--scenario",
        "raid",
        "--format",
        "json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let first = run(&args);
    assert_eq!(first.0, 0);
    for _ in 0..3 {
        assert_eq!(run(&args), first);
    }
}

#[test]
fn output_goes_to_the_file_named_by_o_and_nowhere_else() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("walk.md");
    let out_arg = out.to_string_lossy().into_owned();
    let args: Vec<String> = [
        "what-if",
        "examples/all-in",
        "--scenario",
        "outrageous_moment",
        "--format",
        "markdown",
        "-o",
        &out_arg,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let (status, stdout, _) = run(&args);
    assert_eq!(status, 0);
    assert_eq!(stdout, "");
    let written = std::fs::read_to_string(&out).unwrap();
    let printed = run(&args[..args.len() - 2]).1;
    assert_eq!(written, printed);
    assert!(written.starts_with("### what if `outrageous_moment` comes"));
}
