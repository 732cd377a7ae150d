//! Embeds the training exercises (`examples/training/*/{gap,fixed}.eco`)
//! into the binary: one `Exercise` per folder, sorted by name, written to
//! `OUT_DIR/exercises.rs` with `include_str!` of each file (so a change to
//! an exercise rebuilds the studio).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let training = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
    println!("cargo:rerun-if-changed={}", training.display());
    let mut names: Vec<String> = match std::fs::read_dir(&training) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().join("gap.eco").is_file())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .collect(),
        Err(error) => {
            println!(
                "cargo:warning=no training exercises at {}: {error}",
                training.display()
            );
            Vec::new()
        }
    };
    names.sort();
    let mut code = String::from("&[\n");
    for name in &names {
        let folder = training.join(name);
        println!("cargo:rerun-if-changed={}", folder.display());
        let gap = folder.join("gap.eco");
        let fixed = folder.join("fixed.eco");
        let _ = writeln!(
            code,
            "    Exercise {{ name: {name:?}, gap: include_str!({gap:?}), fixed: include_str!({fixed:?}) }},",
            gap = gap.display().to_string(),
            fixed = fixed.display().to_string(),
        );
    }
    code.push(']');
    let out = std::env::var("OUT_DIR").map(std::path::PathBuf::from);
    if let Ok(out) = out {
        let _ = std::fs::write(out.join("exercises.rs"), code);
    }
}
