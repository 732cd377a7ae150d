//! The UI corpus (after rustc's UI tests): every case in `tests/ui/` is a
//! `.eco` file, or a folder of them, checked by the real `ecospec` binary.
//!
//! - `CASE.out` beside it holds the expected human output and exit status,
//!   `CASE.json` the expected JSON: a changed message is a visible diff.
//!   Run with `BLESS=1` to write them, then review the diff.
//! - Annotations in the sources say where each diagnostic must be: a
//!   comment `//~ W0403` marks the line it is on, `//~^ E0201` the line
//!   above (one `^` per line). The test fails unless the diagnostics and the
//!   annotations match exactly, by file, line and code.
//! - Command-line arguments: a first line `// args: -D single-provider` in a
//!   file case, or a file `args` in a folder case.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui")
}

/// Every case: top-level `.eco` files and folders of `tests/ui`.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(ui_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "eco"))
        .collect();
    cases.sort();
    cases
}

fn case_name(case: &Path) -> String {
    let name = case.file_name().unwrap().to_string_lossy();
    name.strip_suffix(".eco").unwrap_or(&name).to_string()
}

fn args_of(case: &Path) -> Vec<String> {
    let text = if case.is_dir() {
        std::fs::read_to_string(case.join("args")).unwrap_or_default()
    } else {
        let text = String::from_utf8_lossy(&std::fs::read(case).unwrap()).into_owned();
        text.lines()
            .next()
            .and_then(|line| line.trim_start_matches('\u{feff}').strip_prefix("// args:"))
            .unwrap_or_default()
            .to_string()
    };
    text.split_whitespace().map(str::to_string).collect()
}

fn run(case: &Path, format: &str) -> (String, i32) {
    let relative = case.file_name().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_ecospec"))
        .current_dir(ui_dir())
        .arg("check")
        .arg(relative)
        .args(["--format", format, "--color", "never"])
        .args(args_of(case))
        .output()
        .unwrap();
    let mut text = String::from_utf8(output.stdout).unwrap();
    text.push_str(&String::from_utf8(output.stderr).unwrap());
    (text, output.status.code().unwrap_or(-1))
}

/// (file, line) → codes expected by the `//~` annotations.
fn annotations(case: &Path) -> BTreeMap<(String, u64), Vec<String>> {
    let files: Vec<PathBuf> = if case.is_dir() {
        let mut files = Vec::new();
        let mut stack = vec![case.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "eco") {
                    files.push(path);
                }
            }
        }
        files
    } else {
        vec![case.to_path_buf()]
    };
    let mut expected: BTreeMap<(String, u64), Vec<String>> = BTreeMap::new();
    for file in files {
        let name = file
            .strip_prefix(ui_dir())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        for (index, line) in text.split('\n').enumerate() {
            let Some(at) = line.find("//~") else { continue };
            let rest = &line[at + 3..];
            let up = rest.chars().take_while(|c| *c == '^').count();
            let line_number = (index + 1 - up) as u64;
            for code in rest[up..].split_whitespace() {
                expected
                    .entry((name.clone(), line_number))
                    .or_default()
                    .push(code.to_string());
            }
        }
    }
    for codes in expected.values_mut() {
        codes.sort();
    }
    expected
}

fn actual(json: &serde_json::Value) -> BTreeMap<(String, u64), Vec<String>> {
    let mut found: BTreeMap<(String, u64), Vec<String>> = BTreeMap::new();
    for d in json["diagnostics"].as_array().unwrap() {
        let file = d["file"].as_str().unwrap_or("<none>").to_string();
        let line = d["range"]["start"]["line"].as_u64().unwrap_or(0);
        found
            .entry((file, line))
            .or_default()
            .push(d["code"].as_str().unwrap().to_string());
    }
    for codes in found.values_mut() {
        codes.sort();
    }
    found
}

fn compare_or_bless(expected_path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(expected_path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(expected_path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{} differs:\n{}",
            expected_path.display(),
            line_diff(&expected, actual)
        )),
        Err(_) => failures.push(format!(
            "{} is missing: run with BLESS=1 and review it",
            expected_path.display()
        )),
    }
}

fn line_diff(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                out.push_str(&format!(
                    "  line {}:\n  - {}\n  + {}\n",
                    i + 1,
                    x.unwrap_or(&""),
                    y.unwrap_or(&"")
                ));
            }
        }
    }
    out
}

#[test]
fn ui_corpus() {
    let cases = cases();
    assert!(!cases.is_empty(), "the UI corpus is missing");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case_name(case);
        let (human, status) = run(case, "human");
        let (json_text, json_status) = run(case, "json");
        assert_eq!(
            status, json_status,
            "{name}: exit status differs between formats"
        );
        let json: serde_json::Value = serde_json::from_str(&json_text)
            .unwrap_or_else(|e| panic!("{name}: output is not JSON: {e}\n{json_text}"));
        let expected = annotations(case);
        let found = actual(&json);
        if expected != found {
            failures.push(format!(
                "{name}: diagnostics do not match the //~ annotations\n  expected: {expected:?}\n  found:    {found:?}"
            ));
        }
        let dir = ui_dir();
        compare_or_bless(
            &dir.join(format!("{name}.out")),
            &format!("{human}exit: {status}\n"),
            &mut failures,
        );
        compare_or_bless(&dir.join(format!("{name}.json")), &json_text, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} UI case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
