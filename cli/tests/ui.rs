//! The UI corpus (after rustc's UI tests): every case in `tests/ui/` is a
//! `.eco` file, or a folder of them, checked by the real `ecospec` binary.
//!
//! - Cases are grouped by area, one folder each ([`AREAS`]): `syntax/`
//!   (E01xx and the text's edge cases: BOM, CRLF, empty), `load/` (E0301–
//!   E0304, several files and roots), `resolve/` (E02xx), `lints/` (W04xx and
//!   `--apply`), `levels/` (lint levels: flags, `@allow`, `ecospec.toml` and
//!   its E0305). A case runs from its area's folder, so its output names its
//!   files as if the area were the whole corpus.
//! - `CASE.out` beside it holds the expected human output and exit status,
//!   `CASE.json` the expected JSON: a changed message is a visible diff.
//!   Run with `BLESS=1` to write them, then review the diff.
//! - Annotations in the sources say where each diagnostic must be: a
//!   comment `//~ W0403` marks the line it is on, `//~^ E0201` the line
//!   above (one `^` per line), `//~v E0101` the line below (one `v` per
//!   line: an unexpected end of file after the final newline is on the line
//!   after the last one). The test fails unless the diagnostics and the
//!   annotations match exactly, by file, line and code.
//! - In a folder case's `ecospec.toml` the annotations are TOML comments:
//!   `#~ E0209`, `#~^ E0305`, `#~v E0305`.
//! - Command-line arguments: a first line `// args: -D single-provider` in a
//!   file case, or a file `args` in a folder case.
//! - A case whose run exits 2 (bad usage: an unknown lint on the command
//!   line, `--apply` of an unknown intervention) prints no JSON document:
//!   it has no `CASE.json`, its JSON run must print nothing on stdout and the
//!   same stderr as its human run, and it takes no annotations.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use test_support::{is_config, is_eco, repo_root, walk, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

/// The folders of `tests/ui`, one per area of the checker.
const AREAS: [&str; 5] = ["syntax", "load", "resolve", "lints", "levels"];

fn ui_dir() -> PathBuf {
    repo_root().join("tests/ui")
}

/// The folder of each area.
fn areas() -> Vec<PathBuf> {
    AREAS.iter().map(|area| ui_dir().join(area)).collect()
}

/// The area folder a case is in, where it runs from.
fn area_of(case: &Path) -> &Path {
    case.parent().unwrap()
}

/// Every case: the `.eco` files and folders of each area.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = areas()
        .iter()
        .flat_map(|area| std::fs::read_dir(area).unwrap())
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

/// (stdout, stderr, exit status) of `ecospec check CASE --format FORMAT`.
fn run(case: &Path, format: &str) -> (String, String, i32) {
    let relative = case.file_name().unwrap();
    let output = ECOSPEC
        .command()
        .current_dir(area_of(case))
        .arg("check")
        .arg(relative)
        .args(["--format", format, "--color", "never"])
        .args(args_of(case))
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

/// (file, line) → codes expected by the `//~` annotations.
fn annotations(case: &Path) -> BTreeMap<(String, u64), Vec<String>> {
    let files: Vec<PathBuf> = if case.is_dir() {
        walk(case)
            .into_iter()
            .filter(|path| is_eco(path) || is_config(path))
            .collect()
    } else {
        vec![case.to_path_buf()]
    };
    let mut expected: BTreeMap<(String, u64), Vec<String>> = BTreeMap::new();
    for file in files {
        let name = file
            .strip_prefix(area_of(case))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        let marker = if name.ends_with(".toml") { "#~" } else { "//~" };
        for (index, line) in text.split('\n').enumerate() {
            let Some(at) = line.find(marker) else {
                continue;
            };
            let rest = &line[at + marker.len()..];
            let up = rest.chars().take_while(|c| *c == '^').count();
            let down = rest[up..].chars().take_while(|c| *c == 'v').count();
            let line_number = (index + 1 + down - up) as u64;
            for code in rest[up + down..].split_whitespace() {
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

/// The corpus may grow, never silently shrink (a lost folder, a bad glob).
const MIN_CASES: usize = 113;

#[test]
fn ui_corpus() {
    let cases = cases();
    assert!(
        cases.len() >= MIN_CASES,
        "the UI corpus has {} cases, expected at least {MIN_CASES}",
        cases.len()
    );
    let mut failures = Vec::new();
    // A case outside the areas would never run.
    for entry in std::fs::read_dir(ui_dir()).unwrap() {
        let path = entry.unwrap().path();
        if !areas().contains(&path) {
            failures.push(format!(
                "{}: tests/ui holds only the area folders {AREAS:?}: move it into one",
                path.display()
            ));
        }
    }
    // An expected output whose case is gone is stale.
    for area in areas() {
        for entry in std::fs::read_dir(&area).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Some(stem) = file
                .strip_suffix(".out")
                .or_else(|| file.strip_suffix(".json"))
            {
                if !cases.contains(&area.join(stem))
                    && !cases.contains(&area.join(format!("{stem}.eco")))
                {
                    failures.push(format!("{} has no case: remove it", path.display()));
                }
            }
        }
    }
    for case in &cases {
        let name = case_name(case);
        let dir = area_of(case);
        let (human_out, human_err, status) = run(case, "human");
        let (json_text, json_err, json_status) = run(case, "json");
        assert_eq!(
            status, json_status,
            "{name}: exit status differs between formats"
        );
        let expected = annotations(case);
        compare_or_bless(
            &dir.join(format!("{name}.out")),
            &format!("{human_out}{human_err}exit: {status}\n"),
            &mut failures,
        );
        let json_path = dir.join(format!("{name}.json"));
        if status == 2 {
            // Bad usage: a message on stderr and no document.
            if !json_text.is_empty() || json_err != human_err || human_err.is_empty() {
                failures.push(format!(
                    "{name}: exit 2 must print only a message on stderr, the same in every format\n  json stdout: {json_text:?}\n  json stderr: {json_err:?}\n  human stderr: {human_err:?}"
                ));
            }
            if !expected.is_empty() {
                failures.push(format!(
                    "{name}: a case exiting 2 has no diagnostics, but it has //~ annotations"
                ));
            }
            if json_path.exists() {
                failures.push(format!(
                    "{}: a case exiting 2 has no JSON: remove it",
                    json_path.display()
                ));
            }
            continue;
        }
        if !json_err.is_empty() {
            failures.push(format!("{name}: unexpected stderr: {json_err}"));
        }
        let json: serde_json::Value = serde_json::from_str(&json_text)
            .unwrap_or_else(|e| panic!("{name}: output is not JSON: {e}\n{json_text}"));
        let found = actual(&json);
        if expected != found {
            failures.push(format!(
                "{name}: diagnostics do not match the //~ annotations\n  expected: {expected:?}\n  found:    {found:?}"
            ));
        }
        compare_or_bless(&json_path, &json_text, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} UI case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
