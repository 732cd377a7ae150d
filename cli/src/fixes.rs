//! `ecospec check --fix`: writes the safe fixes of a check to the files
//! (before the report of what remains).

use ecospec::check::Outcome;
use ecospec::fix::{safe_fixes, skipped_files};
use ecospec::source::SourceFile;

use ecospec::files::{read_limited, write_atomically};

const BOM: &str = "\u{feff}";

/// Applies the safe fixes of `outcome` and says on stderr what changed
/// (`fixed x.eco:3:12: mobilisation → mobilization`). Returns how many
/// replacements were written; a file that cannot be written is reported
/// and left as it was.
pub fn apply(outcome: &Outcome) -> Result<usize, String> {
    // A file with a syntax error is never rewritten: say so, per file.
    for skipped in skipped_files(outcome) {
        let Some(source) = outcome.sources.get(skipped.file) else {
            continue;
        };
        let at = source.position(skipped.loc.span.start);
        let why = if skipped.code.is_syntax_error() {
            "it has a syntax error"
        } else {
            "it is not valid UTF-8"
        };
        eprintln!(
            "nothing fixed in {name}: {why} ({name}:{}:{}, {}); correct it, then run `--fix` again",
            at.line,
            at.column,
            skipped.code,
            name = source.name
        );
    }
    let mut written = 0;
    for fix in safe_fixes(outcome) {
        let Some(source) = outcome.sources.get(fix.file) else {
            continue;
        };
        write(source, &fix.text)?;
        for applied in &fix.applied {
            let at = source.position(applied.loc.span.start);
            eprintln!(
                "fixed {}:{}:{}: {} → {}",
                source.name, at.line, at.column, applied.before, applied.after
            );
        }
        written += fix.applied.len();
    }
    Ok(written)
}

fn write(source: &SourceFile, text: &str) -> Result<(), String> {
    let name = &source.name;
    let on_disk =
        read_limited(&source.path).map_err(|why| format!("cannot fix `{name}`: {why}"))?;
    // The checked text has its BOM removed; keep the file's own.
    let (bom, rest) = match on_disk.strip_prefix(BOM.as_bytes()) {
        Some(rest) => (BOM, rest),
        None => ("", on_disk.as_slice()),
    };
    if rest != source.text.as_bytes() {
        return Err(format!("`{name}` changed while it was checked; not fixed"));
    }
    let mut bytes = Vec::with_capacity(bom.len() + text.len());
    bytes.extend_from_slice(bom.as_bytes());
    bytes.extend_from_slice(text.as_bytes());
    write_atomically(&source.path, &bytes).map_err(|e| format!("cannot write `{name}`: {e}"))
}
