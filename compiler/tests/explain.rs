//! Every code of the catalog has an explanation with the fixed sections, and
//! its two examples really fail and pass: the first ```eco block, checked as
//! a folder, produces the code; the second does not.
//!
//! In an example, a ```toml block before an eco block is its `ecospec.toml`;
//! a line `// file: NAME.eco` starts a new file (lines before any marker go
//! to `main.eco`). An explanation containing `<!-- example-not-checked -->`
//! (E0304: invalid UTF-8 cannot be written in Markdown) keeps its examples
//! unchecked.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec::check::{check, Options};
use ecospec::lints::{self, Level};
use ecospec::load::{Input, RealFs};

const SECTIONS: [&str; 4] = [
    "## What it finds",
    "## Why it matters",
    "## Example",
    "## How to fix it",
];
const NOT_CHECKED: &str = "<!-- example-not-checked -->";

fn catalog() -> Vec<String> {
    let errors = [
        "E0101", "E0102", "E0103", "E0201", "E0202", "E0203", "E0204", "E0205", "E0206", "E0207",
        "E0208", "E0209", "E0210", "E0301", "E0302", "E0303", "E0304", "E0305",
    ];
    errors
        .iter()
        .map(|c| c.to_string())
        .chain((1..=18).map(|n| format!("W04{n:02}")))
        .chain(["W0422".to_string()])
        .collect()
}

struct Example {
    files: Vec<(String, String)>,
    config: Option<String>,
}

/// The eco blocks of an explanation, each with the toml block before it.
fn examples(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut config = None;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let lang = match line.strip_prefix("```") {
            Some(lang) if !lang.is_empty() => lang.trim().to_string(),
            _ => continue,
        };
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        match lang.as_str() {
            "toml" => config = Some(body.join("\n") + "\n"),
            "eco" => {
                let mut files: Vec<(String, String)> = Vec::new();
                for line in body {
                    if let Some(name) = line.strip_prefix("// file: ") {
                        files.push((name.trim().to_string(), String::new()));
                        continue;
                    }
                    if files.is_empty() {
                        files.push(("main.eco".to_string(), String::new()));
                    }
                    let file = &mut files.last_mut().unwrap().1;
                    file.push_str(line);
                    file.push('\n');
                }
                out.push(Example {
                    files,
                    config: config.take(),
                });
            }
            _ => {}
        }
    }
    out
}

/// The codes `ecospec check` reports on the example, checked as a folder.
fn codes(code: &str, example: &Example) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &example.files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    if let Some(config) = &example.config {
        std::fs::write(dir.path().join("ecospec.toml"), config).unwrap();
    }
    let mut options = Options::default();
    // Allowed by default: the example shows it as it is once enabled.
    if let Some(lint) = lints::find(code).filter(|l| l.default == Level::Allow) {
        options.overrides.push((lint, Level::Warn));
    }
    let outcome = check(
        &RealFs,
        &[Input::Folder(dir.path().to_path_buf())],
        &options,
    )
    .unwrap();
    outcome
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn every_code_has_an_explanation_with_the_sections() {
    let mut problems = Vec::new();
    for code in catalog() {
        let Some(text) = lints::explanation(&code) else {
            problems.push(format!("{code}: no explanation"));
            continue;
        };
        if !text.starts_with(&format!("# {code} ")) {
            problems.push(format!(
                "{code}: the heading does not start with `# {code} `"
            ));
        }
        let mut at = 0;
        for section in SECTIONS {
            match text
                .get(at..)
                .and_then(|rest| rest.find(&format!("{section}\n")))
            {
                Some(found) => at += found + section.len(),
                None => problems.push(format!("{code}: no `{section}` (in this order)")),
            }
        }
        let blocks = text.lines().filter(|l| l.trim_end() == "```eco").count();
        if blocks != 2 {
            problems.push(format!("{code}: {blocks} eco blocks, not 2"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_example_fails_and_its_fix_passes() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for code in catalog() {
        let Some(text) = lints::explanation(&code) else {
            continue;
        };
        if text.contains(NOT_CHECKED) {
            continue;
        }
        let examples = examples(text);
        let [failing, fixed] = examples.as_slice() else {
            problems.push(format!("{code}: {} examples", examples.len()));
            continue;
        };
        let before = codes(&code, failing);
        if !before.contains(&code) {
            problems.push(format!(
                "{code}: the example does not produce it (it gives {before:?})"
            ));
        }
        let after = codes(&code, fixed);
        if after.contains(&code) {
            problems.push(format!(
                "{code}: the fixed example still produces it ({after:?})"
            ));
        }
        checked += 1;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Only E0304 (invalid UTF-8) cannot be written as an example.
    assert_eq!(checked, catalog().len() - 1);
}
