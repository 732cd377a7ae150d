//! `ecospec init [DIR]`: a commented starter spec (`ecosystem.eco`, which
//! `ecospec check` passes with no finding at any level) and an
//! `ecospec.toml` with a commented `[lints]` table. Never overwrites.

use std::io::Write;
use std::path::Path;

use crate::args::InitArgs;
use crate::exit::{usage_error, EXIT_OK};

pub const SPEC_NAME: &str = "ecosystem.eco";
pub const CONFIG_NAME: &str = "ecospec.toml";
const SPEC: &str = include_str!("../../starter/ecosystem.eco");
const CONFIG: &str = include_str!("../../starter/ecospec.toml");

pub fn run(args: &InitArgs) -> u8 {
    let dir = &args.dir;
    let files = [(dir.join(SPEC_NAME), SPEC), (dir.join(CONFIG_NAME), CONFIG)];
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| path.exists())
        .map(|(path, _)| format!("`{}`", path.display()))
        .collect();
    if !existing.is_empty() {
        return usage_error(&format!(
            "{} already exist{}; `ecospec init` never overwrites a file",
            existing.join(" and "),
            if existing.len() == 1 { "s" } else { "" }
        ));
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        return usage_error(&format!("cannot make `{}`: {e}", dir.display()));
    }
    for (path, text) in &files {
        if let Err(e) = create_new(path, text) {
            return usage_error(&format!("cannot write `{}`: {e}", path.display()));
        }
        println!("created {}", path.display());
    }
    println!(
        "next: edit {SPEC_NAME}, then run `ecospec check {}`",
        dir.display()
    );
    EXIT_OK
}

/// Fails rather than replace a file that appeared since the check above.
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}
