//! Collects the long explanation of every code into one table: the `//!`
//! doc comment of each lint module (`src/lints/*.rs`, the ruff pattern) and
//! `explain/E*.md` for the errors. Written once, read by `ecospec explain`,
//! hover and SARIF.
use std::fmt::Write as _;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut entries: Vec<(String, String)> = Vec::new();
    println!("cargo:rerun-if-changed=src/lints");
    println!("cargo:rerun-if-changed=explain");
    for dir in ["src/lints", "explain"] {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)?;
            let doc = match path.extension().and_then(|e| e.to_str()) {
                Some("rs") => module_doc(&text),
                Some("md") => text.trim_end().to_string(),
                _ => continue,
            };
            if let Some(code) = heading_code(&doc) {
                entries.push((code, doc));
            }
        }
    }
    entries.sort();
    let mut out = String::from("/// Every code's explanation, sorted by code.\npub static EXPLANATIONS: &[(&str, &str)] = &[\n");
    for (code, doc) in &entries {
        writeln!(out, "    ({code:?}, {doc:?}),")?;
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR")?).join("explanations.rs");
    std::fs::write(dest, out)?;
    Ok(())
}

fn module_doc(text: &str) -> String {
    text.lines()
        .take_while(|line| line.starts_with("//!"))
        .map(|line| {
            let rest = line.trim_start_matches("//!");
            rest.strip_prefix(' ').unwrap_or(rest)
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

/// `# W0403 \`uncovered-capability\`` → `W0403`.
fn heading_code(doc: &str) -> Option<String> {
    let first = doc.lines().next()?.strip_prefix("# ")?;
    let code = first.split_whitespace().next()?;
    Some(code.to_string())
}
