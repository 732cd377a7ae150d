//! `ecospec check --fix`: the safe fixes of a check (did-you-mean renames to
//! an existing name of the right kind), applied to the text of each file.
//! Writing the files is the command line's job.

use std::collections::{BTreeMap, HashSet};

use crate::check::Outcome;
use crate::code::Code;
use crate::diagnostic::{Edit, Loc};
use crate::source::FileId;

/// One replacement made: where, and the text before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub loc: Loc,
    pub before: String,
    pub after: String,
}

/// A file's new text with the replacements made in it, in source order.
#[derive(Clone, Debug)]
pub struct FileFix {
    pub file: FileId,
    pub text: String,
    pub applied: Vec<Applied>,
}

/// Codes after which a file is never rewritten: its syntax tree may be cut
/// short (E0101–E0103), or its text is not what is on disk (E0304).
fn blocks_fixes(code: Code) -> bool {
    code.is_syntax_error() || code == Code::E0304
}

/// The safe fixes of `outcome`, per file: a diagnostic contributes its first
/// safe fix when every edit of it lies in a file without syntax errors; an
/// edit that overlaps one already taken is dropped.
pub fn safe_fixes(outcome: &Outcome) -> Vec<FileFix> {
    let broken: HashSet<FileId> = outcome
        .diagnostics
        .iter()
        .filter(|d| blocks_fixes(d.code))
        .filter_map(|d| d.primary.map(|loc| loc.file))
        .collect();
    let mut edits: BTreeMap<FileId, Vec<&Edit>> = BTreeMap::new();
    for diagnostic in &outcome.diagnostics {
        let Some(fix) = diagnostic.fixes.iter().find(|fix| fix.is_safe()) else {
            continue;
        };
        if fix.edits.is_empty() || fix.edits.iter().any(|e| broken.contains(&e.loc.file)) {
            continue;
        }
        for edit in &fix.edits {
            edits.entry(edit.loc.file).or_default().push(edit);
        }
    }
    let mut out = Vec::new();
    for (file, mut list) in edits {
        let Some(source) = outcome.sources.get(file) else {
            continue;
        };
        list.sort_by_key(|e| (e.loc.span.start, e.loc.span.end));
        list.dedup_by(|a, b| a.loc == b.loc && a.replacement == b.replacement);
        let mut text = String::with_capacity(source.text.len());
        let mut applied = Vec::new();
        let mut at = 0usize;
        for edit in list {
            let range = edit.loc.span.range();
            if range.start < at || source.text.get(range.clone()).is_none() {
                continue;
            }
            text.push_str(source.text.get(at..range.start).unwrap_or_default());
            text.push_str(&edit.replacement);
            applied.push(Applied {
                loc: edit.loc,
                before: source
                    .text
                    .get(range.clone())
                    .unwrap_or_default()
                    .to_string(),
                after: edit.replacement.clone(),
            });
            at = range.end;
        }
        text.push_str(source.text.get(at..).unwrap_or_default());
        if !applied.is_empty() {
            out.push(FileFix {
                file,
                text,
                applied,
            });
        }
    }
    out
}

/// A file whose safe fixes were not made, and the diagnostic that blocks
/// them (the first syntax error of the file, or its E0304).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub file: FileId,
    pub code: Code,
    pub loc: Loc,
}

/// The files of `outcome` that hold a safe fix that [`safe_fixes`] does not
/// make because the file holds a syntax error (or is not valid UTF-8), each
/// once, with the first diagnostic that blocks it: `--fix` says why it
/// fixed nothing there.
pub fn skipped_files(outcome: &Outcome) -> Vec<Skipped> {
    let mut blocking: BTreeMap<FileId, (Code, Loc)> = BTreeMap::new();
    for diagnostic in &outcome.diagnostics {
        if let (true, Some(loc)) = (blocks_fixes(diagnostic.code), diagnostic.primary) {
            let first = blocking.entry(loc.file).or_insert((diagnostic.code, loc));
            if loc.span.start < first.1.span.start {
                *first = (diagnostic.code, loc);
            }
        }
    }
    let mut skipped: BTreeMap<FileId, Skipped> = BTreeMap::new();
    for diagnostic in &outcome.diagnostics {
        let Some(fix) = diagnostic.fixes.iter().find(|fix| fix.is_safe()) else {
            continue;
        };
        for edit in &fix.edits {
            if let Some((code, loc)) = blocking.get(&edit.loc.file) {
                skipped.entry(edit.loc.file).or_insert(Skipped {
                    file: edit.loc.file,
                    code: *code,
                    loc: *loc,
                });
            }
        }
    }
    skipped.into_values().collect()
}

#[cfg(test)]
mod tests {
    use crate::code::Code;
    use crate::fix::blocks_fixes;

    #[test]
    fn syntax_errors_and_undecodable_files_block_fixes() {
        for code in Code::ERRORS {
            let expected = matches!(code, Code::E0101 | Code::E0102 | Code::E0103 | Code::E0304);
            assert_eq!(blocks_fixes(code), expected, "{code}");
        }
    }
}
